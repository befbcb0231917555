"""Sides: which leg a phrase is said of, from the side words around it.

A side belongs to the words of its own clause ("L buttock and posterior thigh pain"); a plural ("calves",
"legs", "the lower extremities") is both sides; failing that, the nearest side in the sentence, then the last
side named ("on that side"). When no side is named at all the side is "unknown" (CASE_SCHEMA.md): never a
silent left.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nerveroot.text.context import Parsed
from nerveroot.text.mentions import Mention
from nerveroot.text.sections import bracket_around

LEG_SIDES = ("left", "right")
# A body part named in the plural is on both sides ("both calves", "my legs", "the lower extremities").
_PLURAL = re.compile(
    r"\b(?:legs|calves|thighs|feet|shins|knees|heels|soles|buttocks|hips|ankles|limbs|extremities)\b", re.I
)

# A sign of both legs named in the plural ("knee jerks are reduced", "plantar responses flexor"): on both sides
# unless its own clause names one ("ankle jerks absent on the right").
_TRAILING = 30  # characters after a paired sign in which a side still names its own
_PAIRED = re.compile(r"\b(?:jerks|reflexes|plantars|responses)\b", re.I)
_COORDINATED = re.compile(r"\band\b|&|/", re.I)
_NAMED_BEFORE = re.compile(r"\b(?:knee|ankle|patellar|achilles|(?-i:KJ|AJ))\s*(?:and|&|/)\s*$", re.I)


@dataclass(frozen=True)
class Side:
    value: str  # left / right / both
    start: int
    end: int


def resolve_sides(raw: list[Mention]) -> list[Side]:
    """Concrete sides: "that side" is the last side named, "the other side" its opposite."""
    out: list[Side] = []
    for m in raw:
        value = m.entry.value or ""
        if value in ("that", "other"):
            if not out:  # "this time it's the other leg" in a title, before any side: not yet known
                out.append(Side("unknown", m.start, m.end))
                continue
            # "the other leg" is the opposite of the last leg named on one side, past a "both" in between ("left
            # leg sciatica ... the skin either side of my bits ... now sciatica in the other leg too")
            one = next((s.value for s in reversed(out) if s.value in ("left", "right")), None)
            opposite = {"left": "right", "right": "left"}.get(one or "")
            value = out[-1].value if value == "that" or opposite is None else opposite
        out.append(Side(value, m.start, m.end))
    return out


class SideFinder:
    """The side (or sides) a phrase belongs to, from the side words around it."""

    def __init__(self, sides: list[Side], parsed: Parsed, text: str) -> None:
        self.sides = sides
        self.starts = [s.start for s in sides]
        self.sentences = parsed.sentences
        self.clauses = sorted(set(parsed.clauses) | set(parsed.sentences))
        self.text = text
        # the bracket each side is said in, if any: "SLR L 55° (R 85°) – limited by posterior thigh pain"
        # ("(R)" alone is the phrase's own side marker, not an aside)
        self.brackets = [None if _marker(text, s) else _bracket(text, s.start) for s in sides]

    def _beside(self, i: int, here: int | None) -> bool:
        """Can side `i` be lent to a phrase in bracket `here`: not when said in a bracket the phrase is outside."""
        opened = self.brackets[i]
        return opened is None or opened == here

    def yardstick(self, i: int, after: int = 0) -> bool:
        """Is side `i` what another side is measured against ("... on the left against fifteen on the right"),
        with the measuring word at or after `after`?"""
        side = self.sides[i]
        said = _REFERENCE.search(self.text, max(0, side.start - 40), side.start)
        return said is not None and said.start() >= after

    def _lent(self, j: int, lo: int) -> int:
        """The earlier side an abnormal phrase with none of its own takes, from another sentence: not a leg said
        to be fine ("right leg is totally fine. Is the foot thing ..."), when another side was said before it."""
        k = j
        while k >= 0 and self.sides[k].start < lo and self._said_fine(self.sides[k].end):
            k -= 1
        return k if k >= 0 else j

    def _said_fine(self, end: int) -> bool:
        space = _SPACE.match(self.text, end)
        return space is not None and _SIDE_FINE.match(self.text, space.end()) is not None

    @staticmethod
    def _bounds(marks: list[int], pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(marks, pos) - 1
        lo = marks[i] if i >= 0 else 0
        hi = marks[i + 1] if i + 1 < len(marks) else 1 << 30
        return lo, hi

    def find(
        self,
        start: int,
        end: int,
        *,
        normal: bool = False,
        plural: bool = False,
        near: bool = False,
        paired: bool = False,
    ) -> list[str]:
        """Left, right, both, or ["unknown"]; a normal finding with no side named anywhere is on both.
        `near`: only a side said in the phrase's own clause counts (the low back is in the middle)."""
        sides, starts = self.sides, self.starts
        k = bisect.bisect_left(starts, start)  # first side at or after the phrase
        j = k - 1  # last side before it
        if k < len(sides) and sides[k].end <= end:
            return both(sides[k].value)  # named inside the phrase ("SLR positive L")
        after = bisect.bisect_left(starts, end)
        if plural and not (j >= 0 and 0 <= start - sides[j].end <= 12):
            return list(LEG_SIDES)  # "numb feet and a weak right hand": the feet are both feet
        clause = self._bounds(self.clauses, start)
        # not the yardstick: "the right knee jerk is less than the left and quads 4/5 on the right"
        if j >= 0 and sides[j].start >= clause[0] and not (after < len(sides) and self.yardstick(j)):
            return both(sides[j].value)
        if after < len(sides) and self.yardstick(after, end):
            after = len(sides)  # "full strength, the knee jerk equal to the left": the left is the yardstick
        if after < len(sides) and sides[after].start < clause[1]:
            return both(sides[after].value)
        if plural:
            return list(LEG_SIDES)
        if near:
            return ["unknown"]
        sentence = self._bounds(self.sentences, start)
        if paired and not (after < len(sides) and sides[after].start < min(sentence[1], end + _TRAILING)):
            return list(LEG_SIDES)  # "ankle jerks present but reduced on the right": its side may trail on
        here = _bracket(self.text, start)
        while j >= 0 and not self._beside(j, here):
            j -= 1  # a side said in a bracket stays in it
        if j > 0 and self.yardstick(j):
            j -= 1  # "three heel raises on the left against fifteen on the right, ... 4+/5": the other is the yardstick
        if after < len(sides) and not self._beside(after, here):
            after = len(sides)
        # an aside in brackets is about what it follows: "SLR L 50° +ve (pain to sole), R neg"
        if here is not None and j >= 0 and sides[j].end <= here and sides[j].start >= sentence[0]:
            return both(sides[j].value)
        close = [s for s in (sides[j] if j >= 0 else None, sides[after] if after < len(sides) else None) if s]
        close = [s for s in close if sentence[0] <= s.start < sentence[1]]
        if close:
            best = min(close, key=lambda s: start - s.end if s.end <= start else s.start - end)
            return both(best.value)
        if j >= 0:
            return both(sides[j if normal else self._lent(j, sentence[0])].value)
        # not a later "both feet the same": two legs alike, not a symptom's side
        if sides and not (sides[0].value == "both" and _ALIKE.match(self.text, sides[0].end)):
            return both(sides[0].value)
        if normal:  # "plantars downgoing", "heel and toe walking normal": said of both legs
            return list(LEG_SIDES)
        return ["unknown"]


_VERB = r"(?:is|was|remains|feels|has\s+been|'s|’s)\s+(?:\w+\s+)?"
_FINE = _VERB + r"(?:fine|ok(?:ay)?|normal|unaffected|good|alright|all\s+right|clear)\b"
# a leg said to be fine: "right leg is totally fine", "her left leg is unaffected", a note's "L leg clear"
LEG_FINE = re.compile(
    r"\b(?:leg|side|foot)\s*(?:" + _FINE + r"|(?:clear|unaffected|asymptomatic|(?-i:NAD))\b)", re.I
)
# straight after a side, the noun may go unsaid: "The left is fine."
_SIDE_FINE = re.compile(
    r"(?:(?:leg|side|foot|one)\s*)?"
    + _FINE
    + r"|(?:leg|side|foot)\s*(?:clear|unaffected|asymptomatic|(?-i:NAD))\b"
    # or never troubled: "the right one has never had so much as a tingle"
    + r"|(?:leg|side|foot|one)\s+(?:has\s+|had\s+|is\s+|was\s+)?never\s+(?:had|been|felt|given)\b"
    # or a test there negative: "Tinel's ... reproduces the tingling; on the right it is negative"
    + r"|(?:it|this|that|the\s+test)\s+(?:is|was)\s+(?:\w+\s+)?(?:negative|normal|absent)\b",
    re.I,
)
_SPACE = re.compile(r"\s+")
# "both feet the same", "both legs fine": the legs compared, alike
_ALIKE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:(?:are|is|feel|look)\s+)?(?:the\s+same|fine|ok(?:ay)?|normal|equal|alike)\b",
    re.I,
)
# a side named as what another is measured against: "against fifteen on the right", "compared with the left",
# "equal to the left"
_REFERENCE = re.compile(
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to)|than|equal\s+to|same\s+as|symmetrical\s+with|similar\s+to)\s+(?:[\w/+-]+\s+){0,3}?(?:on\s+|in\s+)?(?:the\s+|his\s+|her\s+|my\s+)?$",
    re.I,
)


def _marker(text: str, side: Side) -> bool:
    """Is the side all its bracket holds: "pain (R) buttock", "SLR (L) 40"?"""
    return text[max(0, side.start - 1) : side.start] == "(" and text[side.end : side.end + 1] == ")"


def _bracket(text: str, pos: int) -> int | None:
    """Where the bracket holding `pos` opens, if any."""
    held = bracket_around(text, pos)
    return None if held is None else held[0]


def both(value: str) -> list[str]:
    return list(LEG_SIDES) if value == "both" else [value]


def plural(text: str) -> bool:
    return _PLURAL.search(text) is not None


def paired(text: str, start: int, end: int) -> bool:
    """A sign named in the plural for itself ("knee jerks reduced"), not for two signs ("knee and ankle jerks")."""
    said = _PAIRED.search(text, start, end)
    return (
        said is not None
        and not _COORDINATED.search(text, start, said.start())
        and not _NAMED_BEFORE.search(text, max(0, start - 20), start)
    )
