"""What each finding phrase sets, on its sides, with its placeholders filled (a region, a movement, a
grade, a number); the values a lexicon entry may give, and what a negated one means. Which symptom goes
with which body part: places.py. Sides: sides.py.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from nerveroot.case import MOVEMENTS
from nerveroot.text.contractions import NT
from nerveroot.text.lexicon import Lexicon, load_lexicon, look_up
from nerveroot.text.mentions import Mention
from nerveroot.text.sides import SideFinder, both, paired, plural

# How abnormal a value is: an abnormal reading of a finding outranks a normal one.
RANK = {
    "absent": 0, "present": 0, "extensor": 0, "positive": 1, "painful": 1, "weak": 1, "reduced": 2,
    "limited": 2, "brisk": 2, "equivocal": 3, "increased": 3, "normal": 9, "negative": 9, "flexor": 9,
}  # fmt: skip
# A second side given to a finding just said ("SLR +ve L 30°, R 50°", "absent on the left and right"), not one
# with a value of its own ("KJ L absent, R 2+").
_ALSO_SIDE = re.compile(
    r"(?:\s*(?:on\s+|in\s+)?(?:the\s+)?(?:left|right|(?-i:L|R))\b)?\s*(?:at\s+)?(?:\d{2,3}\s*(?:°|degrees|deg)?\s*)?"
    r"(?:,|/|and|&)\s*(?:(?:on\s+|in\s+)?the\s+)?(?P<side>left|right|(?-i:L|R))\b"
    r"(?:\s*(?:at\s+)?(?P<deg>\d{2,3})\s*(?:°|degrees|deg)?)?(?!\)?\s*(?:-ve|[A-Za-z]|[0-5][+-]?(?![\d°])|[+↓↑]))",
    re.I,
)
# the other side's own count after a count ("single-leg heel raise L 8 reps / R 20", "R 22 / L 24")
_OTHER_COUNT = re.compile(
    r"\s*(?:reps|repetitions|times|x)?\s*(?:[,/;]|\bvs\.?|\bversus|\band)?\s*(?:the\s+)?"
    r"(?P<side>left|right|(?-i:L|R))\)?\s*:?\s*(?P<count>\d{1,3})(?![\d/°]|\.\d)",
    re.I,
)
_FULL_RAISE = 80  # degrees: a leg raised this far is not a positive straight leg raise (consensus)
# "can't lift it at all": no movement against gravity, MRC 2 or less.
_AT_ALL = re.compile(r"[\s,]*(?:\w+\s+){0,4}?(?:at\s+all|whatsoever|completely|totally)\b", re.I)
_COMPLETELY = re.compile(r"\b(?:completely|totally|utterly)\s+(?:unable|paralys\w*)\s*$", re.I)
_GRADE_AT_ALL = 2
# the examiner's grade in brackets after a weakness told in words: "cannot straighten the knee against gravity
# (3/5)", "foot drop on the left (MRC 2/5)"
_BRACKETED_GRADE = re.compile(
    r"(?:\s+(?:against\s+gravity|fully|at\s+all|properly|today|now|on\s+(?:the\s+)?(?:left|right)))*"
    r"\s*\(\s*(?:MRC\s*|power\s*|grade\s*)?(?P<grade>[0-5](?:[+-](?!\d))?)\s*/\s*5\s*\)",
    re.I,
)
# ... but a demanding task not done at all ("can't hop on it at all") is weakness, not paralysis. Not rising
# on tiptoe at all is MRC 2 (Daniels and Worthingham's plantarflexion test: no heel rise, grade 2), so tiptoe
# and heel raises are not in this list.
_TASK = re.compile(
    r"\b(?:hop\w*|heels?(?!\s+raises?)|stairs?|steps?|squat\w*|chair|sofa|kneel\w*|jump\w*|run\w*)\b",
    re.I,
)


@dataclass
class Contribution:
    """One finding read from the text: its case path, value and the words behind it.

    `uncertain`: the words said it was possible, not that it was there ("not sure if it's numb down there").
    `implied`: a grade read from what a person cannot do, not measured: an examiner's grade of the same
    movement says more, even when it is the milder one ("mild foot drop, dorsiflexion 4/5").
    """

    path: str
    value: Any
    spans: list[tuple[int, int]]
    uncertain: bool = False
    implied: bool = False  # a grade the words imply ("my foot drops": 3), which a measured grade overrides


# "without dieting", "not trying to lose it": an `unless` word said negated does not hold
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:without|not|no|never|nor|neither)|" + NT + r")\s+(?:[\w']+\s+){0,2}$", re.I
)

# "the wife thought I'd been dieting ... but I haven't": someone's guess, which the person then denies
_GUESSED_BEFORE = re.compile(
    r"\b(?:thought|thinks|assumed|assumes|wondered\s+if|asked\s+if|figured)\s+(?:[\w'’]+\s+){0,4}$", re.I
)
# "I wish I could say it was the diet": a reason wished for, not given
_WISHED_BEFORE = re.compile(r"\b(?:wish|wished|if\s+only|(?:would|I['’]d)\s+love\s+to)\b[^.;!?]{0,30}$", re.I)
_DENIED_AFTER = re.compile(
    r"[^.;!?]{0,60}?\bbut\s+(?:I|he|she|they)\s+(?:(?:have|has|had|was|were|is|did)n['’]?t|am\s+not|(?:have|has|had|was|were|is|did)\s+not)\b",
    re.I,
)


def _holds(lexicon: Lexicon, unless: re.Pattern[str], text: str, lo: int, hi: int) -> str | None:
    """Is one of a finding's `unless` words said in the sentence, not negated: "yes"; only in doubt ("not sure
    if that's the diet"): "doubted", and the finding stays, as possible; else None."""
    said = [
        u
        for u in unless.finditer(text, lo, hi)
        if not _NEGATED_BEFORE.search(text, max(lo, u.start() - 30), u.start())
        and not _WISHED_BEFORE.search(text, max(lo, u.start() - 40), u.start())
        and not (
            _GUESSED_BEFORE.search(text, max(lo, u.start() - 40), u.start())
            and _DENIED_AFTER.match(text, u.end(), hi)
        )
    ]
    if not said:
        return None
    hedges = lexicon.hedges
    doubted = all(hedges.search(text, max(lo, u.start() - 40), u.start()) for u in said)
    return "doubted" if doubted else "yes"


def dropped(m: Mention) -> bool:
    """Words that say nothing about this person now: hypothetical, someone else's, past (unless kept)."""
    f = m.flags
    return f.hypothetical or f.family or (f.historical and not m.entry.historical_ok)


_STOP = re.compile(r"[.!?;\n]")


def _sentence_around(text: str, m: Mention) -> tuple[int, int]:
    lo = max(
        (x.end() for x in _STOP.finditer(text, max(0, m.start - 150), m.start)), default=max(0, m.start - 150)
    )
    stop = _STOP.search(text, m.end, m.end + 150)
    return lo, stop.start() if stop else min(len(text), m.end + 150)


def finding(
    lexicon: Lexicon,
    m: Mention,
    finder: SideFinder,
    *,
    regions: list[Mention],
    text: str,
    findings: list[Mention],
) -> Iterator[Contribution]:
    """What one finding phrase sets, on its sides, with its placeholders filled."""
    entry = m.entry
    sets = entry.sets
    holds = (
        None
        if entry.unless is None or m.flags.negated
        else _holds(lexicon, entry.unless, text, *_sentence_around(text, m))
    )
    if holds == "yes":
        sets = entry.negated or {p: negate(v) for p, v in sets.items() if negate(v) is not None}
    elif m.flags.negated:
        if entry.negated is not None:
            sets = entry.negated
        else:
            sets = {p: negate(v) for p, v in sets.items() if negate(v) is not None}
    if not sets:
        return
    sided = any("{side}" in p for p in sets)
    normal = all(RANK.get(str(v), 5) >= 9 or v == 5 for v in sets.values())
    side_list = (
        (
            both(entry.side)
            if entry.side
            else finder.find(
                m.start, m.end, normal=normal, plural=plural(m.text), paired=paired(text, m.start, m.end)
            )
        )
        if sided
        else [""]
    )
    other = _other_level(text, m) if sided and not entry.side else None
    counted = _OTHER_COUNT.match(text, m.end) if sided and "$count" in sets.values() else None
    also = (
        _ALSO_SIDE.match(text, m.end)
        if sided and not entry.side and other is None and counted is None
        else None
    )
    if also is not None and also.group("deg") and int(also.group("deg")) >= _FULL_RAISE:
        also = None  # "SLR L 30°, R 85°": the other leg rose nearly fully, not the same sign
    if also is not None:  # "SLR +ve L 30°, R 50°": the same finding on the other side, not said again
        extra = "left" if also.group("side").lower().startswith("l") else "right"
        side_list = list(dict.fromkeys([*side_list, extra]))
    at_all = _AT_ALL.match(text, m.end) is not None or _COMPLETELY.search(text, max(0, m.start - 30), m.start)
    bracketed = _BRACKETED_GRADE.match(text, m.end)
    names = _placeholders(lexicon, m, regions, findings)
    for path, raw in sets.items():
        value = _value(lexicon, raw, m)
        if value is None:
            continue
        if (
            value is True
            and at_all
            and path.startswith("weakness.")
            and not m.flags.negated
            and not _TASK.search(m.text)
        ):
            value = _GRADE_AT_ALL
        # the examiner's own grade, not one implied by the words
        examiners_grade = (
            mrc(bracketed.group("grade"))
            if bracketed and path.startswith("weakness.") and not m.flags.negated and value is not False
            else None
        )
        if examiners_grade is not None:
            value = examiners_grade
        for fill in names:
            for side in side_list:
                concrete = _filled(path, side, fill)
                if "{" in concrete:
                    continue
                # ("can't climb stairs" is weakness of the knee, but "knee extension 5/5" measured it)
                implied = concrete.startswith("weakness.") and value is not False and examiners_grade is None
                uncertain = m.flags.uncertain or holds == "doubted"
                yield Contribution(concrete, value, [(m.start, m.end)], uncertain, implied)
    if other is not None:
        yield from _on_the_other_side(lexicon, m, other, names)
    if counted is not None:  # "heel raise L 8 / R 20": the other side's own count
        side = "left" if counted.group("side").lower().startswith("l") else "right"
        spans = [(m.start, m.end), (counted.start(), counted.end())]
        for path in (p for p, raw in sets.items() if raw == "$count"):
            yield Contribution(path.replace("{side}", side), int(counted.group("count")), spans)


def _filled(path: str, side: str, fill: dict[str, str]) -> str:
    """A set path with its side and its {muscle}/{reflex}/... placeholders filled."""
    concrete = path.replace("{side}", side)
    for key, word in fill.items():
        concrete = concrete.replace("{" + key + "}", word)
    return concrete


def _other_level(text: str, m: Mention) -> re.Match[str] | None:
    """The other side's own level said straight after a reflex's ("R) KJ 1+, L) 2+", "absent on the left,
    present on the right")."""
    if not m.groups.get("level"):
        return None
    return _other_levels().match(text, m.end)


@cache
def _other_levels() -> re.Pattern[str]:
    words = sorted((r.pattern for _, r in load_lexicon().lookups["level"]), key=len, reverse=True)
    level = f"(?:{'|'.join(words)})(?![\\w/+-])"
    return re.compile(
        rf"(?:\s+(?:on\s+|in\s+)?(?:the\s+)?(?:left|right)\b)?\s*[,;/]\s*(?:and\s+|but\s+|while\s+)?(?:"
        rf"(?:the\s+)?(?P<side>left|right|(?-i:L|R))\)?\s*:?\s*(?P<level>{level})"
        rf"|(?P<level2>{level})\s+(?:on\s+|in\s+)?(?:the\s+)?(?P<side2>left|right)\b)",
        re.IGNORECASE,
    )


def _on_the_other_side(
    lexicon: Lexicon, m: Mention, other: re.Match[str], names: list[dict[str, str]]
) -> Iterator[Contribution]:
    side = "left" if (other.group("side") or other.group("side2")).lower().startswith("l") else "right"
    level = look_up(lexicon, "level", other.group("level") or other.group("level2"))
    for path, raw in m.entry.sets.items():
        if raw != "$level" or level is None:
            continue
        for fill in names:
            concrete = _filled(path, side, fill)
            if "{" not in concrete:
                yield Contribution(concrete, level, [(m.start, m.end), (other.start(), other.end())])


def negate(value: Any) -> Any:
    if value is True:
        return False
    if value == "positive":
        return "negative"
    return None


def _placeholders(
    lexicon: Lexicon, m: Mention, regions: list[Mention], findings: list[Mention]
) -> list[dict[str, str]]:
    """Fillings for {muscle}, {reflex} and {last_region_movement}; two when two are named."""
    fills: list[dict[str, str]] = []
    for suffix in ("", "2"):
        fill: dict[str, str] = {}
        for table in ("muscle", "reflex"):
            words = m.groups.get(table + suffix)
            if words:
                found = look_up(lexicon, table, words)
                if found:
                    fill[table] = found
        if fill:
            fills.append(fill)
    if "{last_region_movement}" in str(m.entry.sets):
        movement = _last_movement(lexicon, m, regions, findings)
        if movement in MOVEMENTS:
            fills = [{**fill, "last_region_movement": movement} for fill in fills or [{}]]
    return fills or [{}]


def _last_movement(
    lexicon: Lexicon, m: Mention, regions: list[Mention], findings: list[Mention]
) -> str | None:
    """What "it" moves in "I can't lift it": the last body part named, or the last weak movement said
    ("my foot flops ... can't lift it up at all")."""
    best: tuple[int, str] | None = None
    i = bisect.bisect_right([r.start for r in regions], m.start) - 1
    if i >= 0:
        movement = lexicon.pronoun_movements.get(regions[i].entry.regions[0])
        if movement:
            best = (regions[i].start, movement)
    for f in findings:
        if f.start >= m.start or (best and f.start < best[0]):
            continue
        for path in f.entry.sets:
            parts = path.split(".")
            if parts[0] == "weakness" and len(parts) == 3 and parts[2] in MOVEMENTS:
                best = (f.start, parts[2])
    return best[1] if best else None


_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
]
_COUNT_WORDS = {
    **{w: i for i, w in enumerate(_NUMBER_WORDS, start=1)},
    "all five": 5,
    "all": 5,
    "none": 0,
    "zero": 0,
}


def mrc(text: str) -> int | str | None:
    """A written grade as the case holds it: a + or - is kept where the case has it (4+, 4-), else the grade
    itself ("3-" is 3); None when it is no grade."""
    if text in ("4+", "4-"):
        return text
    return int(text[0]) if text[:1].isdigit() else None


def _value(lexicon: Lexicon, raw: Any, m: Mention) -> Any:
    if not (isinstance(raw, str) and raw.startswith("$")):
        return raw
    name = raw[1:]
    g = m.groups
    if name == "grade":
        text = g.get("grade") or g.get("grade2")
        if not text:
            return True
        return mrc(text)
    if name == "trunk":
        words = g.get("trunk") or g.get("trunk2") or g.get("trunk3") or ""
        return words.upper() if words[:1] in "TL" and words[1:].isdigit() else look_up(lexicon, name, words)
    if name in ("level", "sign", "sex"):
        return look_up(lexicon, name, g.get(name) or "")
    if name == "count":
        text = (g.get("count") or "").lower()
        return int(text) if text.isdigit() else _COUNT_WORDS.get(" ".join(text.split()))
    if name == "ml" and g.get("litres"):
        return float(g["litres"]) * 1000
    if name in ("ml", "age"):
        text = (g.get(name) or "").replace(",", "")  # "1,050 mL"
        return float(text) if text else None
    if name == "duration":
        return duration(lexicon, g)
    return None


def duration(lexicon: Lexicon, g: dict[str, str]) -> float | None:
    """Weeks from a time phrase's captured number and unit ("3 weeks", "2/52", "since yesterday")."""
    if g.get("yesterday"):
        return round(1 / 7, 3)
    unit = look_up(lexicon, "unit", g.get("unit") or "")
    if unit is None:
        return None
    words = g.get("num") or "1"
    try:
        number = float(words)
    except ValueError:
        number = float(look_up(lexicon, "number", words) or 1)
    return round(number * float(unit), 3)
