"""Strength written by root, as physiotherapists chart it: "Myotomes: L2 5, L3 5, L4 5, L5 4-, S1 3 (PF)".

A grade given to a root is the grade of that root's key muscle (lexicon `myotome_movements`). A range takes
every root in it ("L2-S1 5/5 bilat"); a muscle named in brackets ("S1 (PF) 4/5") is the one graded. Only a
sentence that says "myotome" is read this way: elsewhere "L5 4" is as likely a level and a count. In such a
sentence the roots say which leg each grade is ("L S1 (PF) 4/5, R S1 5/5"), so the general strength grammar's
reading of the same grades is set aside (its reading of grades given by movement, "except L EHL 4/5", stays).
"""

from __future__ import annotations

import re

from nerveroot.text.compose import Contribution, mrc
from nerveroot.text.context import Parsed
from nerveroot.text.lexicon import load_lexicon, look_up
from nerveroot.text.sides import SideFinder

_MYOTOME = re.compile(r"\bmyo(?:tome?s?|tomal|s)?\b", re.I)
_ROOTS = ["L1", "L2", "L3", "L4", "L5", "S1", "S2"]
_ITEM = re.compile(
    r"(?<![\w/])(?P<root>[LS][1-5])(?:\s*(?:-|–|to)\s*(?P<root2>[LS][1-5]))?(?:\s+myotom\w*)?"
    r"(?:\s*\((?P<muscle>[A-Za-z ]{1,20})\))?\s*[:=]?\s*"
    r"(?P<grade>[0-5][+-]?)(?:\s*/\s*5)?(?![\d/.]|\s*(?:reps|x\b|%))"
)


def myotome_grades(
    text: str, parsed: Parsed, finder: SideFinder
) -> tuple[list[Contribution], list[tuple[int, int]]]:
    """Weakness findings from grades given by root in a sentence about myotomes, and the words so read."""
    lexicon = load_lexicon()
    table = lexicon.myotome_movements
    out: list[Contribution] = []
    charted: list[tuple[int, int]] = []
    for lo, hi in parsed.spans(len(text)):
        if _MYOTOME.search(text, lo, hi) is None:
            continue
        for m in _ITEM.finditer(text, lo, hi):
            first, last = m.group("root"), m.group("root2") or m.group("root")
            if first not in _ROOTS or last not in _ROOTS:
                continue
            roots = _ROOTS[_ROOTS.index(first) : _ROOTS.index(last) + 1]
            value = mrc(m.group("grade"))
            if value is None:
                continue
            named = look_up(lexicon, "muscle", m.group("muscle")) if m.group("muscle") else None
            movements = [named] if named else [table[r] for r in roots if r in table]
            sides = finder.find(m.start(), m.end(), normal=value == 5)
            out.extend(
                Contribution(f"weakness.{side}.{movement}", value, [(m.start(), m.end())])
                for movement in movements
                for side in sides
            )
            if movements:
                charted.append((m.start(), m.end()))
    return out, charted
