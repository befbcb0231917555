"""The straight leg raise told side by side: "SLR L 45 +ve, R neg", "SLR: R 45 +, L 80 neg", "straight leg
raising on the right is positive at 50 degrees; the left is free", "SLR 80° both sides, hamstrings only".

The lexicon reads the test with its first side; the other side, said after a comma or a semicolon, was lost.
Each item after the test's name is read as (side, angle, sign): a sign said wins; "free", "full", "hamstrings
only", "back pain only" or no leg pain is negative; else an angle below 80 degrees is positive, as the lexicon
reads a lone angle; at 80 or more (the leg rose nearly fully) the sign must be said. An item with no side of its
own belongs to the one before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nerveroot.text.compose import Contribution

# (not the crossed test: "Crossed SLR positive on the right", "X-SLR")
_HEAD = re.compile(
    r"(?<!crossed\s)(?<!contralateral\s)(?<!leg\s)(?<![XC]-)(?<![XC])"
    r"\b(?:SLR|straight[\s-]*leg[\s-]*rais(?:e|es|ed|ing))\b(?:\s+test)?",
    re.I,
)
# where the test's words end: the sentence, a line, or the next test or examination
_END = re.compile(
    r"[.\n]|\b(?:slump|FNST|FST|femoral|crossed|X-?SLR|CSLR|power|reflex\w*|KJ|AJ|sensation|sens|neuro|"
    r"tone|FABER|FADIR|hips?|gait|myotomes?|dermatomes?)\b",
    re.I,
)
_ITEM = re.compile(r"[,;]|\s(?:and|but|whereas|while)\s", re.I)
_BOTH = re.compile(r"\b(?:bilat\w*|b/l|both\s+sides|on\s+both|(?-i:B))(?![\w/)])", re.I)
_SIDES = (
    ("left", re.compile(r"\b(?:left|(?-i:L|Lt|LT))\b", re.I)),
    ("right", re.compile(r"\b(?:right|(?-i:R|Rt|RT))\b", re.I)),
)
_POSITIVE = re.compile(
    r"(?:\+ve|(?<![\d°+])\+(?![\s\d+]*\d|\+)|\bpositive\b|\bpos\b|\breproduc\w*\s+(?:the\s+|his\s+|her\s+)?(?:leg|radicular|sciatic)\w*|"
    r"\bwith\s+(?:some\s+|mild\s+|the\s+)?(?:leg|radicular|sciatic)\w*\s+pain)",
    re.I,
)
_NEGATIVE = re.compile(
    r"(?:-ve\b|\bnegative\b|\bneg\b|\bnormal\b|\bunremarkable\b|\bnot\s+(?:\w+\s+)?(?:positive|pos)\b)", re.I
)
# the leg rose without its nerve's pain: "free", "full", "tight hamstrings only", "back pain only"
_NO_NERVE = re.compile(
    r"\bfree\b|\bfull\b|hamstrings?\b|\bback\s+pain\s+only\b|\bno\s+(?:leg|radicular|neural|neurogenic|nerve)\b|"
    r"\bwithout\s+(?:any\s+)?(?:leg|radicular|neural|neurogenic|nerve|sciatic)\b|\bwithout\W*$",
    re.I,
)
_ANGLE = re.compile(r"\b(?P<deg>\d{2,3})\s*(?:°|degrees?|deg)?(?!\s*/\s*5)")
_OPENS = re.compile(
    r"\s*(?:(?:on\s+)?the\s+|on\s+)?(?:left|right|(?-i:L|R|Lt|Rt|LT|RT|B)\b|bilat|b/l|both|\d{2,3})", re.I
)
FULL_RISE_DEGREES = 80  # the lexicon's own line: at 80 degrees or more the leg rose nearly fully


def straight_leg_raises(text: str) -> tuple[list[Contribution], list[tuple[int, int]]]:
    """Each side's straight leg raise said after the test's name, and the stretches of text whose two sides were
    both read so (there these readings replace the lexicon's; elsewhere they only add a side it did not read)."""
    found: list[Contribution] = []
    stretches: list[tuple[int, int]] = []
    for head in _HEAD.finditer(text):
        stop = _END.search(text, head.end())
        hi = stop.start() if stop else len(text)
        items = _items(text, head.end(), hi)
        # one side alone is read only with its sign said: an angle alone may be a tight hamstring's
        read = [c for lo, end in items for c in _item(text, lo, end, angle_alone=len(items) > 1)]
        found.extend(read)
        if len({c.path for c in read}) == 2:
            stretches.append((head.start(), hi))
    return found, stretches


def _items(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The list's items; words with no side of their own belong to the item before ("R 70°, tight hamstring
    only"). A later item opens with its side or its angle ("..., R neg", "; the left is free", ", 60° on the
    left"): words that open otherwise are another examination ("; extension-rotation to the left reproduces her
    leg pain") and end the list."""
    items: list[tuple[int, int]] = []
    start = lo
    for cut in [*_ITEM.finditer(text, lo, hi), None]:
        end = cut.start() if cut else hi
        if not items:
            items.append((start, end))
        elif not _sided(text[start:end]):
            items[-1] = (items[-1][0], end)
        elif _OPENS.match(text, start, end):
            items.append((start, end))
        else:
            break
        start = cut.end() if cut else hi
    return items


def _sided(words: str) -> list[str]:
    """The sides an item names; "both" first, as "B/L" also holds an "L"."""
    if _BOTH.search(words):
        return ["both"]
    return [name for name, rx in _SIDES if rx.search(words)]


def _item(text: str, lo: int, hi: int, *, angle_alone: bool) -> Iterator[Contribution]:
    sides = _sided(text[lo:hi])
    if len(sides) != 1 or "?" in text[lo:hi]:
        return  # none of its own, two ("L>R"), or queried: the lexicon's to read
    value = _sign(text[lo:hi], angle_alone=angle_alone)
    if value is None:
        return
    for side in ("left", "right") if sides[0] == "both" else sides:
        yield Contribution(f"tests.{side}.straight_leg_raise", value, [(lo, hi)])


def _sign(words: str, *, angle_alone: bool) -> str | None:
    negative = _NEGATIVE.search(words)
    positive = None if negative and "not" in negative.group().lower() else _POSITIVE.search(words)
    if positive and negative:
        return None
    if positive or negative:
        return "positive" if positive else "negative"
    if _NO_NERVE.search(words):
        return "negative"
    angle = _ANGLE.search(words) if angle_alone else None
    if angle is None:
        return None
    return "positive" if int(angle.group("deg")) < FULL_RISE_DEGREES else None
