"""A clinician's list of what aggravates or eases the pain: "Agg: sitting, flexion, cough. Ease: walking, lying".

The lexicon reads a finding from a phrase that names it ("worse on sitting"); in a physiotherapist's or a
doctor's note the finding is an item of a list under one heading. Each item of the list, up to the end of its
sentence, the other heading or a denial ("Agg: nil"), is read as its own finding, spanning the heading and the
item. The words stay the lexicon's (`factors`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nerveroot.text.compose import Contribution
from nerveroot.text.contractions import NT
from nerveroot.text.lexicon import load_lexicon

_LIST_CHARS = 120
_NOT_BEFORE = re.compile(r"(?:\b(?:no|not|never|nil)|" + NT + r")\s+(?:\w+\s+)?$", re.I)


def listed_factors(text: str) -> Iterator[Contribution]:
    """Each item of an aggravating or easing list, as its finding."""
    factors = load_lexicon().factors
    heads = [
        *((factors.worse, m) for m in factors.aggravating.finditer(text)),
        *((factors.eased, m) for m in factors.easing.finditer(text)),
    ]
    if not heads:
        return
    starts = sorted(m.start() for _, m in heads)
    for items, head in heads:
        if _NOT_BEFORE.search(text, max(0, head.start() - 20), head.start()):
            continue  # "not relieved by sitting": the heading denied
        end = min([s for s in starts if s > head.start()] + [head.end() + _LIST_CHARS, len(text)])
        halt = factors.stop.search(text, head.end(), end)
        if halt is not None:
            end = halt.start()
        for path, words in items:
            said = next(
                (w for w in words.finditer(text, head.end(), end)
                 if not _NOT_BEFORE.search(text, head.end(), w.start())),
                None,
            )  # fmt: skip
            if said is not None:
                yield Contribution(path, True, [(head.start(), head.end()), (said.start(), said.end())])
