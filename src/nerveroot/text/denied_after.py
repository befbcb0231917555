"""A checklist denied after its items: "saddle, B&B, fever, wt loss, Ca, trauma all neg".

ConText's backward "neg" reaches a word or two; a physiotherapist's screen lists its items first and denies them
all at the end ("all neg", "all -ve", "all nil"; not "all clear", which after a cancer is its remission), or names what it screened after a word that
says it was cleared ("Red flags: cleared - saddle, B&B, fever", "screened, all clear: B&B, saddle"). Every item of that list, back to where it opens
(a colon, a dash, the sentence's start), is denied. An item with a turn of its own ("but", "except") ends it.
A line of a checklist answered at its end ("- change in bladder (difficulty starting, leaking): no") is denied
whole. A bracketed list right after a denial ("I said no to all of them (bladder, bowel, numbness down below)") is
denied whole, unless the bracket has a turn of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from nerveroot.text.guards import guarded
from nerveroot.text.mentions import Mention, Within

# the denial that closes a list: "all neg", "all -ve", "all nil", "all negative"
_CLOSES = guarded(
    re.compile(
        r"\ball\s+(?:neg(?:ative)?|-ve|nil|NAD|absent|denied|⊖)(?![\w])",
        re.I,
    )
)
# a word that says the list after it was screened and cleared: "cleared - saddle, B&B, fever"
_CLEARED = guarded(
    re.compile(
        r"\b(?:cleared|screened\s+(?:negative|neg|clear|-ve)|all\s+(?:clear|neg(?:ative)?|-ve|nil|NAD))\s*(?:[-–—:]\s*)",
        re.I,
    )
)
# a denial said just before a bracketed list: "I said no to all of them (bladder, bowel, numbness down below)",
# "RF all -ve (B&B, saddle)"; ConText's reach stops at the bracket
_BEFORE_BRACKET = guarded(
    re.compile(
        r"(?:\b(?:said|answered|answers|says)\s+no\s+to(?:\s+(?:all|each|every|any)(?:\s+of)?(?:\s+(?:them|these|those))?)?"
        r"|\ball\s+(?:neg(?:ative)?|-ve|nil|NAD|absent|denied)|\bdenie[sd](?:\s+(?:all|any|everything))?"
        r"|⊖|\bscreen\w*\s+(?:negative|neg|clear|-ve))\s*\($",
        re.I,
    )
)
# a checklist line answered at its end: "- change in bladder (difficulty starting, not feeling it, leaking): no";
# ConText's backward "no" reaches a few words, not past a bracketed list
_LINE_ANSWERED_NO = re.compile(
    r"^[ \t]*(?:[-*•·>]+[ \t]*)?(?P<item>[^\n:.;!?]{2,150}?)[ \t]*[:=][ \t]*[\"'“‘]?"
    r"(?:no|nope|none|nil|neg(?:ative)?|-ve|denie[sd]|no\s+change|not\s+that\s+(?:I|he|she)\s+(?:know|knows|noticed))"
    r"[\"'”’]?[ \t]*[.;]?[ \t]*$",
    re.I | re.M,
)
# ... unless the item asks after the normal state, where "no" is the finding: "bowel control: no", "able to pass
# urine: no", "feels when the bladder is full: no"
_ASKS_NORMAL = re.compile(
    r"\b(?:able|normal(?:ly)?|control(?:led|s)?|ok(?:ay)?|fine|intact|can|could|(?<!not\s)(?<!no\s)feel(?:s|ing)?)\b",
    re.I,
)
_OPENS = re.compile(r"[:\-–—()]")  # where a checklist begins (else its sentence or last turn)
_TURN = re.compile(r"\b(?:but|except|apart\s+from|other\s+than|however)\b|[.;!?]", re.I)
_LIST_CHARS = 160


def checklists(text: str, bounds: list[tuple[int, int]], within: Within) -> None:
    """Mark negated, in place, every mention of a checklist denied after its items or cleared before them."""
    if "\n" in text:
        for line in _LINE_ANSWERED_NO.finditer(text):
            if not _ASKS_NORMAL.search(line.group("item")):
                _deny(within(line.start("item"), line.end("item")))
    for lo, hi in bounds:
        for close in _CLOSES.finditer(text, lo, hi):
            start = max(lo, close.start() - _LIST_CHARS)
            turn = max(_TURN.finditer(text, start, close.start()), key=lambda t: t.end(), default=None)
            # where the list opens; a bracket closed before the end is a remark, not the list
            opened = max((m.end() for m in _OPENS.finditer(text, start, close.start())), default=lo)
            first = max(opened, turn.end() if turn else lo)
            _deny(within(first, close.start()))
        opened = text.find("(", lo, hi)
        while opened >= 0:
            closed = text.find(")", opened, hi)
            if (
                closed > 0
                and _BEFORE_BRACKET.search(text, max(lo, opened - 40), opened + 1)
                and not _TURN.search(text, opened, closed)
            ):
                _deny(within(opened + 1, closed))
            opened = text.find("(", opened + 1, hi)
        for cleared in _CLEARED.finditer(text, lo, hi):
            turn = _TURN.search(text, cleared.end(), hi)
            _deny(within(cleared.end(), min(turn.start() if turn else hi, cleared.end() + _LIST_CHARS)))


def _deny(mentions: list[Mention]) -> None:
    for m in mentions:
        if not m.flags.negated:
            m.flags = replace(m.flags, negated=True)
