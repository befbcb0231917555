"""From the phrases found in a text to findings: which symptom goes with which body part, and what each
finding phrase sets.

A symptom word ("numb") takes the body parts named after it in its sentence, or, when it comes after
them ("the inner shin is numb"), the ones before it, unless a verb stands between and parts follow it
("raising the left leg produces pain in the right buttock"). The saddle area and the thoracic spine are
places, not leg regions: numbness there is saddle numbness, pain there thoracic pain. Sides: sides.py.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nerveroot.case import MOVEMENTS
from nerveroot.text.context import Parsed
from nerveroot.text.lexicon import Lexicon, look_up
from nerveroot.text.mentions import Mention
from nerveroot.text.sides import SideFinder, both, plural

# How abnormal a value is: an abnormal reading of a finding outranks a normal one.
RANK = {
    "absent": 0, "present": 0, "extensor": 0, "positive": 1, "painful": 1, "weak": 1, "reduced": 2,
    "limited": 2, "brisk": 2, "equivocal": 3, "increased": 3, "normal": 9, "negative": 9, "flexor": 9,
}  # fmt: skip
# A second side given to a finding just said ("SLR +ve L 30°, R 50°", "absent on the left and right").
_ALSO_SIDE = re.compile(
    r"(?:\s*(?:on\s+|in\s+)?(?:the\s+)?(?:left|right|(?-i:L|R))\b)?\s*(?:at\s+)?(?:\d{2,3}\s*(?:°|degrees|deg)?\s*)?"
    r"(?:,|/|and|&)\s*(?:(?:on\s+|in\s+)?the\s+)?(?P<side>left|right|(?-i:L|R))\b"
    r"(?:\s*(?:at\s+)?\d{2,3}\s*(?:°|degrees|deg)?)?(?!\s*(?:-ve|[A-Za-z]))",
    re.I,
)
# The low back is in the middle: it takes a side only from its own clause ("L-sided low back pain").
_MIDLINE = frozenset({"low_back"})
# "can't lift it at all": no movement against gravity, MRC 2 or less.
_AT_ALL = re.compile(r"[\s,]*(?:\w+\s+){0,3}?(?:at\s+all|whatsoever|completely|totally)\b", re.I)
_COMPLETELY = re.compile(r"\b(?:completely|totally|utterly)\s+(?:unable|paralys\w*)\s*$", re.I)
_GRADE_AT_ALL = 2


@dataclass
class Contribution:
    """One finding read from the text: its case path, value and the words behind it.

    `uncertain`: the words said it was possible, not that it was there ("not sure if it's numb down there").
    """

    path: str
    value: Any
    spans: list[tuple[int, int]]
    uncertain: bool = False


def _sentence_of(parsed: Parsed, pos: int) -> int:
    return bisect.bisect_right(parsed.sentences, pos) - 1


def dropped(m: Mention) -> bool:
    """Words that say nothing about this person now: hypothetical, someone else's, past (unless kept)."""
    f = m.flags
    return f.hypothetical or f.family or (f.historical and not m.entry.historical_ok)


def symptom_regions(
    symptoms: list[Mention], regions: list[Mention], finder: SideFinder, parsed: Parsed, text: str
) -> Iterator[Contribution]:
    """Each symptom word with the body parts it is said of."""
    items = sorted([*symptoms, *regions], key=lambda m: m.start)
    symptom_sentences = {_sentence_of(parsed, s.start) for s in symptoms}
    symptom_starts = [s.start for s in symptoms]
    group: list[Mention] = []
    group_sentence = -2
    pending: list[Mention] = []
    pending_sentence = -1
    attached: list[tuple[list[Mention], Mention]] = []
    before: list[tuple[list[Mention], Mention]] = []  # body parts named before their symptom word
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
                    before.extend((group, r) for r in pending)
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
        elif (
            group
            and group_sentence == sentence - 1
            and sentence not in symptom_sentences
            and _fragment(m, parsed)
        ):
            attached.append((group, m))  # "Pain down the leg. Into the left heel."
        else:
            if pending_sentence != sentence:
                pending = []
            pending.append(m)
            pending_sentence = sentence
    # "the inner shin is numb": the parts before a symptom word are its own only when none follow it
    # ("raising the left leg produces pain in the right buttock" is pain in the right buttock)
    followed = {id(g[0]) for g, _ in attached}
    attached.extend((g, r) for g, r in before if id(g[0]) not in followed or _next_to(r, g[0], items, text))
    attached.sort(key=lambda pair: pair[1].start)
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
            if dropped(symptom):
                continue
            present = not symptom.flags.negated
            span = [(symptom.start, symptom.end)]
            if id(symptom) not in with_region and symptom.entry.kind != "altered":
                yield Contribution(symptom.entry.kind or "pain", present, span, symptom.flags.uncertain)
            for path, value in symptom.entry.also.items():
                yield Contribution(path, value if present else not value, span, symptom.flags.uncertain)


_ADJACENT = re.compile(r"(?:[\s,/&+-]|\band\b|\bor\b|\bthe\b|\bof\b|\bmy\b|\bhis\b|\bher\b)*", re.I)


def _next_to(region: Mention, symptom: Mention, items: list[Mention], text: str) -> bool:
    """Is the body part written against its symptom word, with only other parts and small words between
    ("L buttock and posterior thigh pain")?"""
    gap = list(text[region.end : symptom.start])
    for m in items:
        if region.end <= m.start and m.end <= symptom.start:
            gap[m.start - region.end : m.end - region.end] = " " * (m.end - m.start)
    return _ADJACENT.fullmatch("".join(gap)) is not None


def _fragment(m: Mention, parsed: Parsed) -> bool:
    """Is the region among the first words of a short sentence that goes on from the last ("Into the heel.")?"""
    i = _sentence_of(parsed, m.start)
    lo = parsed.sentences[i]
    hi = parsed.sentences[i + 1] if i + 1 < len(parsed.sentences) else m.end + 40
    return m.start - lo <= 25 and hi - lo <= 60


def _own_clause(
    region: Mention, group: list[Mention], symptoms: list[Mention], starts: list[int], parsed: Parsed
) -> bool:
    """Does the region start a clause of its own with its own symptom word ("R calf pain, L foot numb")?"""
    clause = bisect.bisect_right(parsed.clauses, region.start) - 1
    if clause < 0 or bisect.bisect_right(parsed.clauses, group[-1].start) - 1 == clause:
        return False
    nxt = bisect.bisect_right(starts, region.end)
    return nxt < len(symptoms) and bisect.bisect_right(parsed.clauses, symptoms[nxt].start) - 1 == clause


def _pair(symptom: Mention, region: Mention, finder: SideFinder) -> Iterator[Contribution]:
    if dropped(symptom) or dropped(region):
        return
    negated = symptom.flags.negated or region.flags.negated
    uncertain = symptom.flags.uncertain or region.flags.uncertain
    spans = list(dict.fromkeys([(region.start, region.end), (symptom.start, symptom.end)]))
    kind = symptom.entry.kind or "pain"
    if "thoracic" in region.entry.regions:
        if kind == "pain":
            yield Contribution("history.thoracic_pain", not negated, spans, uncertain)
        return
    if "saddle" in region.entry.regions:
        saddle = _saddle(kind, symptom, negated, spans, uncertain)
        if saddle is not None:
            yield saddle
            return
    central = set(region.entry.regions) <= _MIDLINE
    for side in finder.find(region.start, region.end, plural=plural(region.text), near=central):
        for region_id in region.entry.regions:
            if region_id == "saddle" or kind == "altered":
                continue
            if kind == "sensation":
                level = symptom.entry.level or "reduced"
                value: Any = "normal" if negated else level
                yield Contribution(f"sensation.{side}.{region_id}", value, spans, uncertain)
            else:
                yield Contribution(f"{kind}.{side}.{region_id}", not negated, spans, uncertain)


def _saddle(
    kind: str, symptom: Mention, negated: bool, spans: list[tuple[int, int]], uncertain: bool
) -> Contribution | None:
    """Numbness or a change of feeling in the saddle area: saddle numbness; examined, perianal sensation."""
    if kind == "sensation":
        value = "normal" if negated else (symptom.entry.level or "reduced")
        return Contribution("exam.perianal_sensation", value, spans, uncertain)
    if kind in ("numbness", "tingling", "altered"):
        return Contribution("history.saddle_numbness", not negated, spans, uncertain)
    return None  # pain: the buttock, where the words also name it ("pain in my bottom")


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
    if m.flags.negated:
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
            else finder.find(m.start, m.end, normal=normal, plural=plural(m.text))
        )
        if sided
        else [""]
    )
    also = _ALSO_SIDE.match(text, m.end) if sided and not entry.side else None
    if also is not None:  # "SLR +ve L 30°, R 50°": the same finding on the other side, not said again
        extra = "left" if also.group("side").lower().startswith("l") else "right"
        side_list = list(dict.fromkeys([*side_list, extra]))
    at_all = _AT_ALL.match(text, m.end) is not None or _COMPLETELY.search(text, max(0, m.start - 30), m.start)
    names = _placeholders(lexicon, m, regions, findings)
    for path, raw in sets.items():
        value = _value(lexicon, raw, m)
        if value is None:
            continue
        if value is True and at_all and path.startswith("weakness.") and not m.flags.negated:
            value = _GRADE_AT_ALL
        for fill in names:
            for side in side_list:
                concrete = path.replace("{side}", side)
                for key, word in fill.items():
                    concrete = concrete.replace("{" + key + "}", word)
                if "{" in concrete:
                    continue
                yield Contribution(concrete, value, [(m.start, m.end)], m.flags.uncertain)


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
        return text if text in ("4+", "4-") else int(text[0])
    if name == "trunk":
        words = g.get("trunk") or g.get("trunk2") or ""
        return words.upper() if words[:1] in "TL" and words[1:].isdigit() else look_up(lexicon, name, words)
    if name in ("level", "sign", "sex"):
        return look_up(lexicon, name, g.get(name) or "")
    if name == "count":
        text = (g.get("count") or "").lower()
        return int(text) if text.isdigit() else _COUNT_WORDS.get(" ".join(text.split()))
    if name in ("ml", "age"):
        text = g.get(name)
        return float(text) if text else None
    if name == "duration":
        return duration(lexicon, g)
    return None


def duration(lexicon: Lexicon, g: dict[str, str]) -> float | None:
    """Weeks from a time phrase's captured number and unit ("3 weeks", "2/52", "since yesterday")."""
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
