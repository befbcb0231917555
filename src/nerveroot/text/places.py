"""Which symptom goes with which body part: a symptom word ("numb") takes the body parts named after it in
its sentence, or, when it comes after them ("the inner shin is numb"), the ones before it, unless a verb
stands between and parts follow it ("raising the left leg produces pain in the right buttock"). The saddle
area and the thoracic spine are places, not leg regions: numbness there is saddle numbness, pain there
thoracic pain. Sides: sides.py.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from nerveroot.text.compose import Contribution, dropped
from nerveroot.text.context import Parsed
from nerveroot.text.mentions import Mention
from nerveroot.text.sides import SideFinder, plural

# Words that except the parts after them from what was just said of the others.
_EXCEPT = re.compile(r"\b(?:except(?:\s+for)?|apart\s+from|aside\s+from|other\s+than|save\s+for)\b", re.I)
# A body part examined, propped on a pillow or named in a likeness is no place of the symptom said before it:
# "tender over L2, and neurological examination of the legs is normal", "pain 6/10, sleeping OK with a pillow
# under my knees", "feels numb, like when your foot's gone to sleep"
_NO_PLACE = re.compile(
    r"(?:\bexam(?:ination|ined)?\s+(?:of\s+)?|\b(?:pillows?|cushions?|towels?|wedges?)\s+(?:under|between|beneath|"
    r"behind)\s+)(?:the\s+|both\s+|my\s+|his\s+|her\s+|their\s+)?$|\blike\s+(?:when\s+|if\s+)?your\s+$|"
    # a measure's place, not a symptom's: "tender over L1, power 5/5 in both legs"
    r"(?:\b(?:power|strength|reflexes)|[0-5][+-]?\s*/\s*5)\s+(?:(?:is|was|normal|full|intact|equal)\s+)*"
    r"(?:in|of|throughout)\s+(?:the\s+|both\s+|my\s+|his\s+|her\s+|their\s+|all\s+)?$",
    re.I,
)
# The low back is in the middle: it takes a side only from its own clause ("L-sided low back pain").
_MIDLINE = frozenset({"low_back"})


def _sentence_of(parsed: Parsed, pos: int) -> int:
    return bisect.bisect_right(parsed.sentences, pos) - 1


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
            if (
                last_was_symptom
                and group
                and group_sentence == sentence
                and not _TURN.search(text, group[-1].end, m.start)
                and not (
                    any(g is group for g, _ in before)
                    and _COMMA.fullmatch(text, group[-1].end, m.start)
                    and _LIST_END.match(text, m.end) is None
                )
            ):  # "numbness and tingling in the foot"; not "calf feels dead, pain from bum to heel"; but "legs
                # feel weird, numb and heavy"
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
            and not _subject(m, symptoms, symptom_starts, text)
            and not _NO_PLACE.search(text, max(0, m.start - 30), m.start)
        ):
            attached.append((group, m))
        elif (
            group
            and group_sentence == sentence - 1
            and sentence not in symptom_sentences
            and _fragment(m, parsed, text)
        ):
            attached.append((group, m))  # "Pain down the leg. Into the left heel."
        else:
            if pending_sentence != sentence:
                pending = []
            pending.append(m)
            pending_sentence = sentence
    # "the inner shin is numb": the parts before a symptom word are its own only when none follow it
    # ("raising the left leg produces pain in the right buttock" is pain in the right buttock)
    # ("raising the left leg reproduces her right leg pain": the part written against it wins)
    followed = {id(g[0]) for g, _ in attached}
    adjacent = {(id(g[0]), id(r)) for g, r in before if _next_to(r, g[0], items, text)}
    has_adjacent = {gid for gid, _ in adjacent}
    attached.extend(
        (g, r) for g, r in before
        if (id(g[0]), id(r)) in adjacent or (id(g[0]) not in followed and id(g[0]) not in has_adjacent)
    )  # fmt: skip
    attached.sort(key=lambda pair: pair[1].start)
    with_region = {id(s) for g, _ in attached for s in g}
    for symptom in symptoms:  # "LBP": a symptom word that names its own place
        if symptom.entry.regions:
            with_region.add(id(symptom))
            yield from _pair(symptom, symptom, finder)
    for g, region in attached:
        for symptom in g:
            excepted = (
                symptom.end <= region.start and _EXCEPT.search(text, symptom.end, region.start) is not None
            )
            yield from _pair(symptom, region, finder, excepted=excepted)
    for g in grouped:
        for symptom in g:
            if not dropped(symptom):
                yield from _alone(symptom, with_place=id(symptom) in with_region)


# a symptom word after a comma that goes on to close a list of words said of the same part: "weird, numb and
# heavy,"
_LIST_END = re.compile(r"\s*(?:,\s*)?(?:and|or|&)\s+[\w-]+(?=\s*(?:[,.;!?]|$))", re.I)


def _alone(symptom: Mention, *, with_place: bool) -> Iterator[Contribution]:
    """A symptom word without a body part ("tingling"), and what it says besides ("shooting": electric pain)."""
    present = not symptom.flags.negated
    span = [(symptom.start, symptom.end)]
    if not with_place and symptom.entry.kind != "altered":
        yield Contribution(symptom.entry.kind or "pain", present, span, symptom.flags.uncertain)
    for path, value in symptom.entry.also.items():
        yield Contribution(path, value if present else not value, span, symptom.flags.uncertain)


_COMMA = re.compile(r"\s*[,;]\s*")
# a turn between two symptom words parts them: "some low back ache but nothing shooting down the legs"
_TURN = re.compile(r"\b(?:but|whereas|although|though|however|yet)\b", re.I)
_ADJACENT = re.compile(
    r"(?:[\s,/&+-]|\b(?:and|or|the|of|my|his|her|left|right|both|inner|outer|upper|lower|insides?|outsides?|"
    r"backs?|fronts?|sides?|tops?)\b)*",
    re.I,
)
# or only a verb of being or becoming with its degree: "my bum feels numb", "the shin has gone a bit numb"
_BEING = re.compile(
    r"(?:\s+(?:is|are|was|were|feels?|felt|has|have|had|been|gone|went|got|gets|getting|going|become|becomes|"
    r"becoming|started|starting|begun|began|a|bit|little|quite|really|very|totally|completely|all|also|still|"
    r"now|just))+\s+",
    re.I,
)


def _next_to(region: Mention, symptom: Mention, items: list[Mention], text: str) -> bool:
    """Is the body part written against its symptom word, with only other parts and small words between
    ("L buttock and posterior thigh pain"), or with a verb of being after a list of parts ("my foot and calf are
    numb"; not "on her feet and has pain in her calf", where no other part comes between)?"""
    gap = list(text[region.end : symptom.start])
    listed_parts = False
    for m in items:
        if region.end <= m.start and m.end <= symptom.start:
            gap[m.start - region.end : m.end - region.end] = " " * (m.end - m.start)
            listed_parts = True
    between = "".join(gap)
    if _ADJACENT.fullmatch(between) is not None or _BEING.fullmatch(between) is not None:
        return True
    listed = _ADJACENT.match(between)
    rest = between[listed.end() :] if listed else between
    # the verb must be plural: "my ankles and my lower back was aching" is the back's ache
    return listed_parts and _PLURAL.match(rest) is not None and _BEING.fullmatch(" " + rest) is not None


_PLURAL = re.compile(r"(?:are|were|have|feel|felt|both|all|went|go)\b", re.I)


# what may follow a body part in a sentence that only adds a place ("Left heel too."); "both legs work." says
# something of its own
_TAIL = re.compile(
    r"\W*(?:(?:too|also|as\s+well|again|now|mainly|mostly|only|sometimes|occasionally)\b\W*)*$", re.I
)


def _fragment(m: Mention, parsed: Parsed, text: str) -> bool:
    """Does a sentence without a symptom word of its own go on from the last one: a short one whose first words
    lead to the region ("Into the heel."), or one that traces a path ("same as last year, from my bum down the
    back of my thigh to my calf")?"""
    i = _sentence_of(parsed, m.start)
    lo = parsed.sentences[i]
    hi = parsed.sentences[i + 1] if i + 1 < len(parsed.sentences) else m.end + 40
    if (_PATH.search(text, max(lo, m.start - 30), m.start) and not _SUBJECT.match(text, lo)) or _ARROW.match(
        text, m.end
    ):
        return True
    lead = [w.strip(",.-") for w in text[lo : m.start].lower().split()]
    if hi - lo > 60 or len(lead) > 4 or not all(_LEAD.match(w) for w in lead):
        return False
    # "Into the left heel.", "Left heel too.": it goes on; "My back is killing me.": a statement of its own
    return any(_GOING.match(w) for w in lead) or _TAIL.match(text, m.end, hi) is not None


# a sentence with its own subject is a statement, not a path going on ("He has noticed nothing odd around the
# back passage" after "the toes feel 'like they belong to someone else'")
_SUBJECT = re.compile(
    r"\s*(?:he|she|I|they|we|there)\s+(?:has|have|had|is|was|are|were|does|did|do|says|said|noticed|notices)\b",
    re.I,
)
_GOING = re.compile(
    r"(?:into|in|to|down|through|across|round|around|up|and|also|then|radiating|spreading|going|goes|way)$"
)
# A body part named as a stage of a path ("from my bum", "down the back of the thigh", "to my calf")
_ARROW = re.compile(r"\s*(?:→|->|>|=>|⟶)")
_PATH = re.compile(
    r"(?:\b(?:from|down|into|to|till|until|round|around|across|along|through)|→|->|>|=>|⟶)\s*"
    r"(?:(?:the|my|his|her|their|your|both|left|right|side\s+of|of)\s+)*$",
    re.I,
)


# Words that may come before the body part of a fragment that goes on from the last sentence ("Into the heel.")
_LEAD = re.compile(
    r"(?:into|in|to|down|through|across|round|around|up|and|also|then|radiating|spreading|going|goes|the|my|"
    r"his|her|both|left|right|l|r|all|way)$"
)


# a body part that is the subject of the next symptom word: "... and since this morning my lady bits feel numb"
_LINKED = re.compile(
    r"\s*(?:(?:feel|feels|felt|feeling|is|are|was|were|has|have|had|been|gone|went|going|getting|got|become|became|"
    r"turned|still|now|also|all|both|a\s+bit|really|very|so|quite|kind\s+of|sort\s+of)\s+){1,4}$",
    re.I,
)


def _subject(region: Mention, symptoms: list[Mention], starts: list[int], text: str) -> bool:
    """Is the body part the subject of the symptom word just after it, with only its verb between?"""
    nxt = bisect.bisect_left(starts, region.end)
    return nxt < len(symptoms) and _LINKED.match(text[region.end : symptoms[nxt].start]) is not None


def _own_clause(
    region: Mention, group: list[Mention], symptoms: list[Mention], starts: list[int], parsed: Parsed
) -> bool:
    """Does the region start a clause of its own with its own symptom word ("R calf pain, L foot numb")?"""
    clause = bisect.bisect_right(parsed.clauses, region.start) - 1
    if clause < 0 or bisect.bisect_right(parsed.clauses, group[-1].start) - 1 == clause:
        return False
    nxt = bisect.bisect_right(starts, region.end)
    return nxt < len(symptoms) and bisect.bisect_right(parsed.clauses, symptoms[nxt].start) - 1 == clause


def _pair(
    symptom: Mention, region: Mention, finder: SideFinder, *, excepted: bool = False
) -> Iterator[Contribution]:
    """A symptom in a body part. An excepted part is the other way round: "no numbness except in the heel"
    is numbness in the heel, "sensation normal apart from the heel" a change there; "numb except the heel"
    says nothing of the heel."""
    if dropped(symptom) or dropped(region):
        return
    negated = symptom.flags.negated or region.flags.negated
    level = symptom.entry.level
    if excepted:
        if not negated and level != "normal":
            return
        negated, level = False, ("reduced" if level == "normal" else level)
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
                value: Any = "normal" if negated else (level or "reduced")
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
