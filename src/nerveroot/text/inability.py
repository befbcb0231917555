"""An inability told after the attempt: "I tried to go up on my toes ... and I just couldn't", "when I go up on my
toes, I can't do it".

The lexicon reads an inability with its verb first ("couldn't go up on my toes"). A person often tells the
attempt first and the failure after it. The attempt is read again as "couldn't <attempt>" and any finding
the lexicon reads there is the text's own, spanning the attempt and the failure. The finding words stay the
lexicon's, so no new entries are needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nerveroot.text.coordination import Shared, scanner_of

_TRIED = re.compile(
    r"\b(?:tried|try|tries|trying|attempted|went)\s+to\s+(?P<act>[^.;!?]{3,90}?)\s*,?\s*(?:and|but)\s+"
    r"(?:(?:I|he|she|they)?\s*(?:just\s+|simply\s+|really\s+|totally\s+|completely\s+)?"
    r"(?P<fail>couldn['’]?t|could\s+not|can['’]?t|cannot|wasn['’]?t\s+able\s+to|was\s+unable\s+to|failed)\b"
    # what was moved would not: "tried to pull my foot up and it will not move", "... and nothing happened"
    r"|(?:it|they|the\s+\w+|my\s+\w+|his\s+\w+|her\s+\w+)\s+(?:just\s+|simply\s+)?"
    r"(?:won['’]?t|will\s+not|wouldn['’]?t|would\s+not|didn['’]?t|did\s+not|doesn['’]?t|does\s+not)\s+"
    r"(?:move|budge|shift|go|come|lift|respond)\b(?!\s+(?:much|very|as|properly|fully|far|high|well|quite)\b)"
    r"|nothing\s+(?:happens|happened|happening|moves|moved))",
    re.I,
)
# the attempt as a "when" clause, the failure after a comma: "When I go to reach the top shelf and go up on my
# toes, I can't do it on that side"
_WHEN_I = re.compile(
    r"\bwhen\s+(?:I|he|she|they)\s+(?:try\s+to\s+|tried\s+to\s+|go\s+to\s+(?:\w+\s+){0,6}?and\s+)?"
    r"(?P<act>[^.;!?,]{3,90}?)\s*,\s*(?:I|he|she|they)\s+(?:just\s+)?(?P<fail>can['’]?t|cannot|couldn['’]?t|could\s+not)\s+"
    r"(?:do\s+(?:it|that|this)|manage(?:\s+it)?)\b",
    re.I,
)
_COULD_NOT = "couldn't "


def attempts_failed(text: str) -> Iterator[Shared]:
    """Findings of an attempt told as failed, spanning the attempt and its failure."""
    for m in (*_TRIED.finditer(text), *_WHEN_I.finditer(text)):
        act = m.group("act")
        said = _COULD_NOT + act
        hits = scanner_of(("findings",)).scan(said, [0])[0]
        for entry, s, e, words, groups in hits:
            if s == 0 and e > len(_COULD_NOT):
                yield Shared("findings", entry, m.start(), m.end(), words, groups)
