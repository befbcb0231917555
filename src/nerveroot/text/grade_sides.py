"""Which side a grade is said of: a side word just before a movement ("left EHL"), one said with the whole
list ("hip flexion and EHL 4/5 on the left", "3/5 R, PF 4/5"), or a column header ("left/right: 2/5 and 5/5").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Protocol

from nerveroot.text.mentions import Mention
from nerveroot.text.sides import SideFinder, both

# Words allowed between the movements of one list, and between a list and its grade or strength word.
JOIN = re.compile(
    r"^(?:[\s,/&+]|\band\b|\bor\b|\bthe\b|\bof\b|\bin\b|\bhis\b|\bher\b|\bmy\b|\btheir\b)*$", re.I
)
_SIDE_CHARS = 14  # a side word this close before a movement is that movement's own ("left EHL")
_AFTER_GRADE = re.compile(r"\b[0-5][+-]?(?:\s*/\s*5)?\s*(?:on\s+the\s+)?$")


def own_side(text: str, m: Mention, finder: SideFinder) -> list[str] | None:
    """A side written just before a movement is its own ("left EHL", "L hip flexion")."""
    k = bisect.bisect_right(finder.starts, m.start) - 1
    if k < 0:
        return None
    side = finder.sides[k]
    if _AFTER_GRADE.search(text, max(0, side.start - 10), side.start):
        return None  # "3/5 R, PF 4/5": the side is the grade's before it, not the next movement's
    if finder.yardstick(k):
        return None  # "diminished compared with the left and quadriceps 4/5 on the right"
    if side.end <= m.start and m.start - side.end <= _SIDE_CHARS and JOIN.match(text[side.end : m.start]):
        return both(side.value)
    return None


def group_side(
    text: str, lo: int, hi: int, finder: SideFinder, *, items: list[Mention], movements: list[Mention]
) -> list[str] | None:
    """A side said with the whole group: inside it but not before one movement, or just after it."""
    owned = {id(finder.sides[k]) for m in items for k in [bisect.bisect_right(finder.starts, m.start) - 1]
             if k >= 0 and own_side(text, m, finder) is not None}  # fmt: skip
    for side in finder.sides:
        if lo <= side.start and side.end <= hi and id(side) not in owned:
            return both(side.value)
    k = bisect.bisect_left(finder.starts, hi)
    if k < len(finder.sides):
        side = finder.sides[k]
        gap = text[hi : side.start]
        close = side.start - hi <= 20 and re.fullmatch(r"[\s,:]*(?:(?:on|in|at|the|of|both)\s+)*", gap, re.I)
        ends_item = (
            not gap.strip() and re.match(r"\s*(?:[,;/|)]|$)", text[side.end :]) is not None
        )  # "3/5 R, PF"
        if close and (
            ends_item
            or not any(
                0 <= m.start - side.end <= _SIDE_CHARS and JOIN.match(text[side.end : m.start])
                for m in movements
            )
        ):
            return both(side.value)
    return None


# a header that says which side each column of grades is: "MRC grades, left/right: ... 2/5 and 5/5"
_COLUMNS = re.compile(
    r"\b(?P<a>left|right|(?-i:[LR]))\s*/\s*(?P<b>left|right|(?-i:[LR]))\s*(?:\)\s*)?:", re.IGNORECASE
)
_SIDE_OF = {"l": "left", "left": "left", "r": "right", "right": "right"}


class Graded(Protocol):
    """A grade with the list it applies to (grammar's _Said), as far as columns need it."""

    sides: tuple[str, ...]

    @property
    def run(self) -> object: ...

    @property
    def elided(self) -> bool: ...


def by_column(text: str, lo: int, hi: int, said: Sequence[Graded]) -> None:
    """Under a column header in the sentence, a pair of grades for one movement is the header's two sides in
    turn; a grade alone is both sides'. Sets each grade's `sides`."""
    header = _COLUMNS.search(text, lo, hi)
    if header is None:
        return
    order = (_SIDE_OF[header.group("a").lower()], _SIDE_OF[header.group("b").lower()])
    for i, s in enumerate(said):
        if s.run is None or s.elided:
            continue
        pair = next((t for t in said[i + 1 :] if t.run is s.run and t.elided), None)
        if pair is None:
            s.sides = order
        elif order[0] != order[1]:
            s.sides, pair.sides = order[:1], order[1:]
