"""From the phrases found in a text to a case: which symptom goes with which body part, on which side.

A symptom word ("numb") takes the body parts named after it in its sentence, or, when it comes after
them ("the inner shin is numb"), the ones before it. A side belongs to the words of its own clause
("L buttock and posterior thigh pain"); failing that to the nearest side in the sentence, then to the
last side named ("on that side"). When no side is named at all, the left is used and the reading says so.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from nerveroot.case import MOVEMENTS, grade_value
from nerveroot.text.context import Flags, Parsed
from nerveroot.text.lexicon import Entry, Lexicon, look_up

LEG_SIDES = ("left", "right")
_EVIDENCE_ONLY = frozenset({"weakness", "pain", "numbness", "tingling", "sensation"})
_DEMOGRAPHIC = frozenset({"age", "sex", "duration_weeks", "onset"})
# How abnormal a value is: an abnormal reading of a finding outranks a normal one.
_RANK = {
    "absent": 0, "present": 0, "extensor": 0, "positive": 1, "painful": 1, "weak": 1, "reduced": 2,
    "limited": 2, "brisk": 2, "equivocal": 3, "increased": 3, "normal": 9, "negative": 9, "flexor": 9,
}  # fmt: skip


@dataclass
class Mention:
    """One phrase found in the text, with what ConText says about it."""

    entry: Entry
    start: int
    end: int
    text: str
    groups: dict[str, str]
    flags: Flags = field(default_factory=Flags)


@dataclass(frozen=True)
class Side:
    value: str  # left / right / both
    start: int
    end: int


@dataclass
class Contribution:
    """One finding read from the text: its case path, value and the words behind it."""

    path: str
    value: Any
    spans: list[tuple[int, int]]


@dataclass
class Composed:
    contributions: list[Contribution]
    side_assumed: bool


def resolve_sides(raw: list[Mention]) -> list[Side]:
    """Concrete sides: "that side" is the last side named, "the other side" its opposite."""
    out: list[Side] = []
    for m in raw:
        value = m.entry.value or ""
        if value in ("that", "other"):
            if not out:
                continue
            last = out[-1].value
            value = last if value == "that" or last == "both" else ("right" if last == "left" else "left")
        out.append(Side(value, m.start, m.end))
    return out


class _SideFinder:
    def __init__(self, sides: list[Side], parsed: Parsed) -> None:
        self.sides = sides
        self.starts = [s.start for s in sides]
        self.sentences = parsed.sentences
        self.clauses = sorted(set(parsed.clauses) | set(parsed.sentences))
        self.assumed = False

    def _bounds(self, marks: list[int], pos: int, text_end: int) -> tuple[int, int]:
        i = bisect.bisect_right(marks, pos) - 1
        lo = marks[i] if i >= 0 else 0
        hi = marks[i + 1] if i + 1 < len(marks) else text_end
        return lo, hi

    def find(self, start: int, end: int, *, normal: bool = False) -> list[str]:
        """The sides a phrase belongs to; a normal finding with no side named anywhere is on both."""
        sides, starts = self.sides, self.starts
        k = bisect.bisect_left(starts, start)  # first side at or after the phrase
        j = k - 1  # last side before it
        if k < len(sides) and sides[k].end <= end:
            return _both(sides[k].value)  # named inside the phrase ("SLR positive L")
        after = bisect.bisect_left(starts, end)
        clause = self._bounds(self.clauses, start, 1 << 30)
        if j >= 0 and sides[j].start >= clause[0]:
            return _both(sides[j].value)
        if after < len(sides) and sides[after].start < clause[1]:
            return _both(sides[after].value)
        sentence = self._bounds(self.sentences, start, 1 << 30)
        near = [s for s in (sides[j] if j >= 0 else None, sides[after] if after < len(sides) else None) if s]
        near = [s for s in near if sentence[0] <= s.start < sentence[1]]
        if near:
            best = min(near, key=lambda s: start - s.end if s.end <= start else s.start - end)
            return _both(best.value)
        if j >= 0:
            return _both(sides[j].value)
        if sides:
            return _both(sides[0].value)
        if normal:  # "plantars downgoing", "heel and toe walking normal": said of both legs
            return list(LEG_SIDES)
        self.assumed = True
        return ["left"]


def _both(value: str) -> list[str]:
    return list(LEG_SIDES) if value == "both" else [value]


def _sentence_of(parsed: Parsed, pos: int) -> int:
    return bisect.bisect_right(parsed.sentences, pos) - 1


def _dropped(m: Mention) -> bool:
    f = m.flags
    return f.hypothetical or f.family or (f.historical and not m.entry.historical_ok)


def compose(
    lexicon: Lexicon, findings: list[Mention], symptoms: list[Mention], regions: list[Mention],
    *, sides: list[Side], parsed: Parsed,
) -> Composed:  # fmt: skip
    finder = _SideFinder(sides, parsed)
    out: list[Contribution] = []
    out.extend(_symptom_regions(symptoms, regions, finder, parsed))
    for m in findings:
        if not _dropped(m):
            out.extend(_finding(lexicon, m, finder, regions))
    return Composed(out, finder.assumed)


def _symptom_regions(
    symptoms: list[Mention], regions: list[Mention], finder: _SideFinder, parsed: Parsed
) -> Iterator[Contribution]:
    items = sorted([*symptoms, *regions], key=lambda m: m.start)
    symptom_sentences = {_sentence_of(parsed, s.start) for s in symptoms}
    symptom_starts = [s.start for s in symptoms]
    group: list[Mention] = []
    group_sentence = -2
    pending: list[Mention] = []
    pending_sentence = -1
    attached: list[tuple[list[Mention], Mention]] = []
    grouped: list[list[Mention]] = []
    last_was_symptom = False
    for m in items:
        sentence = _sentence_of(parsed, m.start)
        if m.entry.section == "symptoms":
            if last_was_symptom and group and group_sentence == sentence:
                group.append(m)
            else:
                group = [m]
                grouped.append(group)
                group_sentence = sentence
                if pending and pending_sentence == sentence:
                    attached.extend((group, r) for r in pending)
                pending = []
            last_was_symptom = True
            continue
        last_was_symptom = False
        if (
            group
            and group_sentence == sentence
            and not _own_clause(m, group, symptoms, symptom_starts, parsed)
        ):
            attached.append((group, m))
        elif group and group_sentence == sentence - 1 and sentence not in symptom_sentences:
            attached.append((group, m))  # "Pain down the leg. Into the left heel."
        else:
            if pending_sentence != sentence:
                pending = []
            pending.append(m)
            pending_sentence = sentence
    with_region = {id(s) for g, _ in attached for s in g}
    for symptom in symptoms:  # "LBP": a symptom word that names its own place
        if symptom.entry.regions:
            with_region.add(id(symptom))
            yield from _pair(symptom, symptom, finder)
    for g, region in attached:
        for symptom in g:
            yield from _pair(symptom, region, finder)
    for g in grouped:
        for symptom in g:
            if _dropped(symptom):
                continue
            present = not symptom.flags.negated
            if id(symptom) not in with_region:
                yield Contribution(symptom.entry.kind or "pain", present, [(symptom.start, symptom.end)])
            for path, value in symptom.entry.also.items():
                yield Contribution(path, value if present else not value, [(symptom.start, symptom.end)])


def _own_clause(
    region: Mention, group: list[Mention], symptoms: list[Mention], starts: list[int], parsed: Parsed
) -> bool:
    """Does the region start a clause of its own with its own symptom word ("R calf pain, L foot numb")?"""
    clause = bisect.bisect_right(parsed.clauses, region.start) - 1
    if clause < 0 or bisect.bisect_right(parsed.clauses, group[-1].start) - 1 == clause:
        return False
    nxt = bisect.bisect_right(starts, region.end)
    return nxt < len(symptoms) and bisect.bisect_right(parsed.clauses, symptoms[nxt].start) - 1 == clause


def _pair(symptom: Mention, region: Mention, finder: _SideFinder) -> Iterator[Contribution]:
    if _dropped(symptom) or _dropped(region):
        return
    negated = symptom.flags.negated or region.flags.negated
    spans = list(dict.fromkeys([(region.start, region.end), (symptom.start, symptom.end)]))
    kind = symptom.entry.kind or "pain"
    for side in finder.find(region.start, region.end):
        for region_id in region.entry.regions:
            if kind == "sensation":
                level = symptom.entry.level or "reduced"
                value: Any = "normal" if negated else level
                yield Contribution(f"sensation.{side}.{region_id}", value, spans)
            else:
                yield Contribution(f"{kind}.{side}.{region_id}", not negated, spans)


def _finding(
    lexicon: Lexicon, m: Mention, finder: _SideFinder, regions: list[Mention]
) -> Iterator[Contribution]:
    entry = m.entry
    sets = entry.sets
    if m.flags.negated:
        if entry.negated is not None:
            sets = entry.negated
        else:
            sets = {p: _negate(v) for p, v in sets.items() if _negate(v) is not None}
    if not sets:
        return
    sided = any("{side}" in p for p in sets)
    normal = all(_RANK.get(str(v), 5) >= 9 or v == 5 for v in sets.values())
    side_list = (
        (_both(entry.side) if entry.side else finder.find(m.start, m.end, normal=normal)) if sided else [""]
    )
    names = _placeholders(lexicon, m, regions)
    for path, raw in sets.items():
        value = _value(lexicon, raw, m)
        if value is None:
            continue
        for fill in names:
            for side in side_list:
                concrete = path.replace("{side}", side)
                for key, word in fill.items():
                    concrete = concrete.replace("{" + key + "}", word)
                if "{" in concrete:
                    continue
                yield Contribution(concrete, value, [(m.start, m.end)])


def _negate(value: Any) -> Any:
    if value is True:
        return False
    if value == "positive":
        return "negative"
    return None


def _placeholders(lexicon: Lexicon, m: Mention, regions: list[Mention]) -> list[dict[str, str]]:
    """Fillings for {muscle}, {reflex} and {last_region_movement}; two when two muscles are named."""
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
    i = (
        bisect.bisect_right([r.start for r in regions], m.start) - 1
        if "{last_region_movement}" in str(m.entry.sets)
        else -1
    )
    if i >= 0:
        movement = lexicon.pronoun_movements.get(regions[i].entry.regions[0])
        if movement in MOVEMENTS:
            fills = [{**fill, "last_region_movement": movement} for fill in fills or [{}]]
    return fills or [{}]


_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "all five": 5, "all": 5}


def _value(lexicon: Lexicon, raw: Any, m: Mention) -> Any:
    if not (isinstance(raw, str) and raw.startswith("$")):
        return raw
    name = raw[1:]
    g = m.groups
    if name == "grade":
        text = g.get("grade") or g.get("grade2")
        if not text:
            return True
        return int(text) if text.isdigit() else text
    if name in ("level", "sign", "sex"):
        return look_up(lexicon, name, g.get(name) or "")
    if name == "count":
        text = (g.get("count") or "").lower()
        return int(text) if text.isdigit() else _COUNT_WORDS.get(" ".join(text.split()))
    if name in ("ml", "age"):
        text = g.get(name)
        return float(text) if text else None
    if name == "duration":
        return _duration(lexicon, g)
    return None


def _duration(lexicon: Lexicon, g: dict[str, str]) -> float | None:
    if g.get("yesterday"):
        return 1 / 7
    unit = look_up(lexicon, "unit", g.get("unit") or "")
    if unit is None:
        return None
    words = g.get("num") or "1"
    try:
        number = float(words)
    except ValueError:
        number = float(look_up(lexicon, "number", words) or 1)
    return round(number * float(unit), 3)


def settle(contributions: list[Contribution]) -> dict[str, Any]:
    """One value per case path: where readings differ, the abnormal one wins (the safe reading)."""
    chosen: dict[str, Any] = {}
    for c in contributions:
        if c.path in _EVIDENCE_ONLY:
            continue
        if c.path not in chosen:
            chosen[c.path] = c.value
            continue
        chosen[c.path] = _pick(c.path, chosen[c.path], c.value)
    return chosen


def _pick(path: str, old: Any, new: Any) -> Any:
    if path in ("age", "sex", "onset"):
        return old
    if path in ("duration_weeks", "exam.post_void_residual_ml"):
        return max(old, new)
    if path.endswith("single_leg_heel_raise"):
        return min(old, new)
    if path.startswith("weakness."):
        return _weaker(old, new)
    if isinstance(old, bool) and isinstance(new, bool):
        return old or new
    return new if _RANK.get(str(new), 5) < _RANK.get(str(old), 5) else old


def _weaker(old: Any, new: Any) -> Any:
    if old is True and grade_value(new) >= 5:
        return old
    if new is True and grade_value(old) >= 5:
        return new
    if old is True or new is True:
        return new if old is True else old  # a grade says more than "weak"
    return new if grade_value(new) < grade_value(old) else old


def build_case(values: dict[str, Any]) -> dict[str, Any]:
    """Nest dotted paths into a case object, dropping readings the case model would refuse as contradictory."""
    _reconcile(values)
    case: dict[str, Any] = {}
    for path, value in values.items():
        parts = path.split(".")
        if parts[0] in ("pain", "numbness", "tingling"):
            if value is True:
                regions = case.setdefault(parts[0], {}).setdefault(parts[1], [])
                if parts[2] not in regions:
                    regions.append(parts[2])
            continue
        node = case
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return case


def _reconcile(values: dict[str, Any]) -> None:
    if values.get("history.bladder_dysfunction") is False and any(
        values.get(f"history.{k}")
        for k in ("urinary_retention", "urinary_incontinence", "altered_bladder_sensation")
    ):
        values.pop("history.bladder_dysfunction")
    for side in LEG_SIDES:
        for test, movement in (("heel_walk", "ankle_dorsiflexion"), ("toe_walk", "ankle_plantarflexion")):
            grade = values.get(f"weakness.{side}.{movement}")
            if values.get(f"tests.{side}.{test}") == "weak" and grade is not None and grade_value(grade) >= 5:
                values.pop(f"weakness.{side}.{movement}")
    age, weeks = values.get("age"), values.get("duration_weeks")
    if age is not None and weeks is not None and weeks > (age + 1) * 52.2:
        values.pop("duration_weeks")
    if age is not None and not 0 <= age <= 120:
        values.pop("age")


def is_clinical(path: str) -> bool:
    return path not in _DEMOGRAPHIC
