"""Time and course: how long the symptoms have lasted, whether symptoms in both legs are new, whether weakness
is getting worse, whether a spinal operation was recent; with age, sex and onset.

A duration counts for the symptoms only when it is their own time phrase: not a scan's, a visit's, a
cigarette habit's, a past illness's, nor a plan's ("review in 2 weeks"). Words near a time phrase decide
whose it is: the nearest event in its sentence, a symptom or something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nerveroot.text.both_legs import NOT_LEG, both_legs, present
from nerveroot.text.compose import Contribution, duration
from nerveroot.text.context import Parsed
from nerveroot.text.contractions import NT
from nerveroot.text.grade_course import dropped_since, fewer_raises, graded_before, graded_drop, regraded
from nerveroot.text.guards import guarded
from nerveroot.text.lexicon import Lexicon, load_lexicon
from nerveroot.text.mentions import Found, Mention, inside
from nerveroot.text.motor_course import doubted_course, motor_course, stable_course, stable_told_after
from nerveroot.text.onset import ces_onset
from nerveroot.text.operations import recent_surgery
from nerveroot.text.rest_pain import rest_pain
from nerveroot.text.sections import bracket_around
from nerveroot.text.settle import Doubt

# hours old: "since lunchtime", "this morning" (a day, 0.143); the bound red_flags.yaml's acute_limb_ischaemia
# takes for symptoms that began suddenly, kept the same here
_TODAY_WEEKS = 0.15
CHRONIC_WEEKS = 12  # back pain this old is the background of a new episode of leg pain
_TRIVIAL = re.compile(r"^\s*$")
_NOT_FOR_TIME = frozenset({"plan", "family", "social", "past_history", "imaging"})
# A duration in a clause about an earlier episode is not the length of this one.
_EARLIER = guarded(
    re.compile(
        r"\b(?:previous|prior|in\s+the\s+past|past\s+episode|earlier\s+episode|last\s+episode|used\s+to|before\s+that)\b",
        re.I,
    )
)
# a time with nothing in it: "sciatica on and off for years, nothing in the last twelve months"
_NONE_IN = re.compile(
    r"\b(?:nothing|none|no\s+(?:\w+\s+)?(?:trouble|problems?|pain|symptoms?|issues?|episodes?|sciatica|"
    r"flare[\s-]*ups?))\s*(?:at\s+all\s+)?$",
    re.I,
)
# an impression's "bilateral L5 deficit, progressing over days", said when weakness is read: a root's or the
# nerves' deficit (not a "sensory deficit") getting worse
_DEFICIT = r"(?:(?:motor|neuro(?:logical)?|[LS][1-5]|root|bilateral)\s+)+deficits?"
_DEFICIT_WORSENING = guarded(
    re.compile(
        rf"\b{_DEFICIT}\s*,?\s*(?:(?:that\s+is|which\s+is|is|now)\s+)?(?:progressing|progressive(?:ly)?|worsening|"
        rf"getting\s+worse|increasing)\b|\b(?:progressive|progressing|worsening|increasing)\s+{_DEFICIT}\b",
        re.I,
    )
)
_SUPPOSED = re.compile(r"\b(?:if|unless|should|in\s+case|watch\s+for|return)\b", re.I)
_WORSE_CHARS = 90  # how far a word of worsening may stand from the weakness it speaks of
_OVER_YEARS = re.compile(
    r"\b(?:over|during|across|in)\s+(?:the\s+)?(?:(?:last|past)\s+)?(?:(?:few|several|many|\d+|two|three|four|five|ten)\s+)?"
    r"(?:years|decades)\b|\bfor\s+(?:many\s+)?years\b",
    re.I,
)
_NOT_WORSE = re.compile(r"(?:\b(?:not|no|never)|" + NT + r")\s+(?:\w+\s+)?$", re.I)
# "worse walking", "worse on standing": what brings the symptom on, not its course
_BROUGHT_ON = re.compile(
    r"\s+(?:when|on|with|while|after|if|walking|standing|sitting|bending|lying|at\s+night|in\s+the\s+(?:morning|evening))\b",
    re.I,
)
_OF_OTHER = re.compile(  # "worsening back pain" (but "developed numbness and weakness" is the weakness's too)
    r",?\s+(?:[\w-]+\s+){0,3}?(?:pain|ache|aching|backache|numbness|tingling|sciatica)\b"
    r"(?!\s*(?:and|&|\+|/|,)\s*(?:\w+\s+)?weak)",
    re.I,
)
_OTHER_BEFORE = guarded(
    re.compile(r"\b(?:pain|ache|numbness|tingling|pins\s+and\s+needles)\s+(?:\w+\s+)?$", re.I)
)
_IT_BEFORE = guarded(
    re.compile(
        r"(?:\b(?:it|it['’]?s|its|it\s+is|it\s+has|everything|the\s+weakness)\s+(?:\w+\s+)?|"
        r"[.!?]\s+(?:(?:has|have|had)\s+)?(?:been\s+)?)$",  # or said with no subject: ". been getting worse"
        re.I,
    )
)
_COULD = guarded(re.compile(r"\b(?:could|able)\b", re.I))
# "my stream has got weaker": weaker, but not a muscle
_NOT_MUSCLE = guarded(
    re.compile(r"\b(?:stream|flow|jet|erections?|pulses?|voice|signal)\s+(?:\w+\s+){0,3}$", re.I)
)
# an operation or procedure, whose time is its own when no symptom is told in its clause ("the bypass" is a road)
_PROCEDURE = guarded(
    re.compile(
        r"\b(?:stents?|angioplasty|(?<!the\s)bypass|grafts?|replace(?:d|ment)|implants?|operation|surgery|\w+ectomy|\w+plasty|"
        r"fusion)\b",
        re.I,
    )
)
_EVENT_WEEKS = 52  # an injury that long ago is not what began this episode (consensus: the case's own year)
_AGO = guarded(
    re.compile(
        r"\b(?:ago|earlier|since|after|following|PTA|prior\s+to\s+arrival|today|tonight|this\s+(?:morning|afternoon|evening)|"
        r"last\s+night)\b",
        re.I,
    )
)
_IN_FUTURE = re.compile(r"^in\s+(?!the\s+(?:past|last|previous))", re.I)
# Past events that start the present symptoms: their time phrase dates the symptoms ("fell an hour ago").
_EVENT = frozenset({"history.significant_trauma", "history.minor_trauma"})
# an event whose "... ago" is when the pain began: an injury, or a lift ("lifting shopping out of a car boot 12
# days ago")
_ONSET = _EVENT | {"history.after_lifting_or_bending"}
_BEGAN = _EVENT | {"history.sudden_severe_pain"}
# A finding phrase whose time is the symptoms' own: weakness, signs, the present story's complaints. Others
# (a cancer, an operation, weight lost, smoking) have times of their own.
_SYMPTOM_PATHS = (
    "weakness", "pain.", "numbness.", "tingling.", "tests.", "reflexes.", "sensation", "history.saddle", "history.bladder", "history.urinary",
    "history.bowel", "history.sexual", "history.progressive", "history.worse", "history.relieved",
    "history.pain", "history.shooting", "history.burning", "history.thoracic", "history.gait",
    "history.bilateral", "history.altered", "history.back_pain", "history.leg_pain", "history.morning",
    "history.improves", "history.no_improvement", "history.night_pain", "history.sudden", "history.hand",
    "history.cold",
)  # fmt: skip


@dataclass(frozen=True)
class Dated:
    weeks: float
    mention: Mention
    leg: bool  # said in a sentence about the leg (sciatica), not only the back


def read_time(
    text: str, found: Found, parsed: Parsed, contributions: list[Contribution]
) -> tuple[list[Contribution], list[Doubt]]:
    lexicon = load_lexicon()
    out: list[Contribution] = []
    # a time inside a finding's words is that finding's ("weight loss of 5 kg over 3 months"); an injury's, or a
    # sudden pain's, is when the pain began ("fell off a ladder this morning", "20 mins ago he got terrible pain")
    spans = sorted((f.start, f.end) for f in found["findings"] if not _BEGAN.intersection(f.entry.sets))
    dated: list[Dated] = []
    times: list[tuple[float, Mention]] = []
    for m in found["demographics"]:
        if inside(m, spans):
            continue
        if "duration_weeks" in m.entry.sets:
            weeks = duration(lexicon, m.groups)
            if weeks is not None:
                times.append((weeks, m))
                if _dates_symptoms(lexicon, text, m, found, parsed):
                    dated.append(Dated(weeks, m, _leg_sentence(found, parsed, m.start)))
            continue
        for path, raw in m.entry.sets.items():
            value = _demographic(raw, m)
            if value is not None:
                out.append(Contribution(path, value, [(m.start, m.end)]))
    chosen = dated
    longest = max(dated, key=lambda d: d.weeks, default=None)
    if (
        longest is not None
        and not longest.leg
        and longest.weeks >= CHRONIC_WEEKS
        and any(d.leg for d in dated)
    ):
        chosen = [d for d in dated if d.leg]  # "back pain for 10 years, leg pain for 3 weeks": this episode
    chosen = _this_episode(text, parsed, chosen)
    weeks = max((d.weeks for d in chosen), default=None)
    for d in chosen:
        if d.weeks == weeks:
            out.append(Contribution("duration_weeks", d.weeks, [(d.mention.start, d.mention.end)]))
    _forget_old_injuries(text, parsed, times, contributions)
    _forget_falls_from_weakness(text, parsed, contributions)
    doubts: list[Doubt] = []
    out.extend(
        both_legs(
            lexicon, text, parsed=parsed, contributions=contributions, times=times, weeks=weeks, doubts=doubts
        )
    )
    again = regraded(text, contributions)
    course = (
        again
        or list(_progressive(lexicon, text, parsed, found, contributions))
        or graded_drop(text, contributions)
        or graded_before(text, contributions)
        or dropped_since(text, found, parsed, contributions)
        or fewer_raises(text, parsed)
        or motor_course(text, contributions)
        or stable_course(text, contributions)
    )
    course.extend(stable_told_after(text, parsed.sentence, contributions, course))
    course, doubted = doubted_course(text, contributions, course)
    out.extend(course)
    doubts.extend(doubted)
    out.extend(recent_surgery(text, found, parsed, times))
    out.extend(ces_onset(text, found, parsed, contributions, times))
    out.extend(rest_pain(text, found, parsed, contributions))
    if weeks is not None and weeks > _TODAY_WEEKS:  # hours old already says it
        out.extend(_cold_lately(parsed, times, contributions))
    return out, doubts


# the pain of old, set against this one: "nothing like his usual arthritis back, which he's had for twenty years"
_BACKGROUND = re.compile(
    r"\b(?:usual|normal|ordinary|regular|(?:nothing|not)\s+(?:at\s+all\s+)?like|unlike|different\s+(?:from|to))\b",
    re.I,
)


def _this_episode(text: str, parsed: Parsed, dated: list[Dated]) -> list[Dated]:
    """Durations of years said of the old, usual pain that a new one is set against are its background, when
    the story dates the new one too ("since lunchtime ... nothing like his usual back, which he's had for
    twenty years": hours)."""
    background = [
        d
        for d in dated
        if d.weeks >= CHRONIC_WEEKS
        and _BACKGROUND.search(text, parsed.sentence(d.mention.start, len(text))[0], d.mention.start)
    ]
    rest = [d for d in dated if d not in background]
    return rest if background and rest else dated


def _forget_old_injuries(
    text: str, parsed: Parsed, times: list[tuple[float, Mention]], contributions: list[Contribution]
) -> None:
    """An injury dated by its own sentence to more than a year ago ("had a fall 3 years ago") is a past
    episode's, not a warning sign of this one: withdrawn from `contributions`."""
    for c in [c for c in contributions if c.path in _EVENT and c.value is True]:
        lo, hi = parsed.sentence(c.spans[0][0], len(text))
        if _YEARS_AGO.search(text, c.spans[0][0], hi):  # "fell off some scaffolding years ago"
            contributions.remove(c)
            continue
        own = [(abs(t.start - c.spans[0][0]), w, t) for w, t in times if lo <= t.start < hi]
        if not own:
            continue
        _, weeks, nearest = min(own, key=lambda o: o[0])
        if weeks > _EVENT_WEEKS and _LONG_AGO.search(nearest.text):
            contributions.remove(c)


def _forget_falls_from_weakness(text: str, parsed: Parsed, contributions: list[Contribution]) -> None:
    """A fall or trip told after a leg gave way in its sentence ("the knee has buckled three times and he fell")
    is what the weakness did, not an injury before the pain: withdrawn from `contributions`."""
    for c in [c for c in contributions if c.path == "history.minor_trauma" and c.value is True]:
        lo, hi = parsed.sentence(c.spans[0][0], len(text))
        if _GAVE_WAY.search(text, lo, c.spans[0][0]) or _BECAUSE_WEAK.search(text, c.spans[0][1], hi):
            contributions.remove(c)


# a leg that gave way or a foot that catches, told before a fall or trip in the sentence: the fall is what the
# weakness did, not an injury before the pain ("foot slapping on the pavement and she has since tripped")
_GAVE_WAY = re.compile(
    r"\b(?:buckl\w*|gave\s+(?:way|out)|giv(?:es|ing)\s+(?:way|out)|catch(?:es|ing)|caught|slap\w*|dragg?\w*|"
    r"scuff\w*|foot\s+drop|flop\w*)\b",
    re.I,
)


# ... or after it, as its cause: "tripped on the hall runner because the toes didn't come up"
_BECAUSE_WEAK = re.compile(
    r"\b(?:because|cos|coz|cuz)\s+(?:[\w'’]+\s+){0,8}?(?:(?:did|does|do|would|could|wo|ca)n['’]?t\s+"
    r"(?:come|lift|go|pick)\s+up|gave\s+(?:way|out)|buckled|caught|dragg?\w*|weak\w*|foot\s+drop)",
    re.I,
)
_LONG_AGO = re.compile(r"\bago\b", re.I)
_YEARS_AGO = re.compile(r"\b(?:years|decades)\s+ago\b", re.I)


def _demographic(raw: Any, m: Mention) -> Any:
    if not (isinstance(raw, str) and raw.startswith("$")):
        return raw
    text = m.groups.get(raw[1:])
    if raw == "$age":
        return float(text) if text else None
    if raw == "$sex" and text:
        return look_sex(text)
    return None


def look_sex(words: str) -> str | None:
    from nerveroot.text.lexicon import look_up

    found = look_up(load_lexicon(), "sex", words)
    return None if found is None or _TRIVIAL.match(found) else found


def _dates_symptoms(lexicon: Lexicon, text: str, m: Mention, found: Found, parsed: Parsed) -> bool:
    """Is this time phrase the symptoms' own (not a visit's, a scan's, a habit's, a plan's)?"""
    if m.section in _NOT_FOR_TIME or _IN_FUTURE.match(m.text):
        return False
    lo, hi = parsed.clause(m.start, len(text))
    if _EARLIER.search(text, lo, hi) or lexicon.time["future"].search(text, lo, m.start):
        return False
    # "sciatica on and off for years, nothing in the last twelve months": a time without them
    if _NONE_IN.search(text, max(lo, m.start - 40), m.start):
        return False
    if _PROCEDURE.search(text, lo, hi) and not any(lo <= s.start < hi for s in found["symptoms"]):
        return False  # "had a stent put in that leg 2 yrs ago": a procedure's time, no symptom told with it
    if _past_illness_in(found, lo, hi):
        return False  # "breast cancer 10 years ago" dates a past illness, not this episode
    s_lo, s_hi = parsed.sentence(m.start, len(text))
    aside = bracket_around(text, m.start)
    if aside is not None and _about_a_finding(text, aside, found):
        return False  # "HIV (viral load detectable after missing doses for several months)": the aside's time
    events: list[tuple[int, bool]] = []  # (distance, is a symptom)
    for kind in ("symptoms", "regions", "findings"):
        for f in found[kind]:
            if s_lo <= f.start < s_hi and not f.flags.hypothetical and not f.flags.family:
                symptom = kind != "findings" or any(p.startswith(_SYMPTOM_PATHS) for p in f.entry.sets)
                # an injury's own point in time ("fell 3 hours ago") is when these symptoms began
                symptom = symptom or (
                    bool(_ONSET.intersection(f.entry.sets))
                    and not f.flags.historical
                    and _AGO.search(m.text) is not None
                    and (duration(lexicon, m.groups) or 0) <= _EVENT_WEEKS  # not a childhood fall
                )
                symptom = symptom and not (
                    f.flags.historical and not f.entry.historical_ok
                )  # an old episode's
                events.append((_distance(f.start, f.end, m), symptom))
    for other in lexicon.time["not_symptoms"].finditer(text, s_lo, s_hi):
        events.append((_distance(other.start(), other.end(), m), False))
    if not events:
        return not _answers_a_past_illness(text, found, parsed, s_lo)
    return min(events, key=lambda e: (e[0], not e[1]))[1]  # at equal distance, the symptom


def _answers_a_past_illness(text: str, found: Found, parsed: Parsed, lo: int) -> bool:
    """Is the sentence at `lo` the answer to a question about a past illness just before it ("Any history of
    cancer?" - "Breast, six years ago."): its time is the illness's, not the symptoms'."""
    if lo == 0:
        return False
    q_lo, q_hi = parsed.sentence(lo - 1, len(text))
    return text[q_lo:q_hi].rstrip().endswith("?") and _past_illness_in(found, q_lo, q_hi)


def _past_illness_in(found: Found, lo: int, hi: int) -> bool:
    """Is a past illness (a finding kept from history, not an injury or other event) named between lo and hi?"""
    return any(
        lo <= f.start < hi and f.entry.historical_ok and not _EVENT.intersection(f.entry.sets)
        for f in found["findings"]
    )


def _about_a_finding(text: str, aside: tuple[int, int], found: Found) -> bool:
    """Do the brackets tell more of a finding named just before them, and of no symptom or body part?"""
    lo, hi = aside
    if any(lo <= s.start < hi for k in ("symptoms", "regions") for s in found[k]):
        return False
    return any(
        0 <= lo - f.end <= 2 and not any(p.startswith(_SYMPTOM_PATHS) for p in f.entry.sets)
        for f in found["findings"]
    )


def _distance(start: int, end: int, m: Mention) -> int:
    if end <= m.start:
        return m.start - end
    if start >= m.end:
        return start - m.end
    return 0


def _leg_sentence(found: Found, parsed: Parsed, pos: int) -> bool:
    lo, hi = parsed.sentence(pos)
    regions = any(lo <= r.start < hi and not set(r.entry.regions) <= NOT_LEG for r in found["regions"])
    return regions or any(lo <= s.start < hi and "sciatica" in s.text.lower() for s in found["symptoms"])


def _progressive(
    lexicon: Lexicon, text: str, parsed: Parsed, found: Found, contributions: list[Contribution]
) -> Iterator[Contribution]:
    """Weakness said to be getting worse ("my foot is getting weaker by the day") is progressive weakness."""
    weak: list[tuple[int, int]] = [
        c.spans[0] for c in contributions if c.path.startswith(("weakness.", "tests.")) and _weak(c)
    ]
    weak.extend((m.start, m.end) for m in found["strength"] if m.entry.kind in ("weak", "paralysis")
                and not m.flags.negated and not m.flags.hypothetical)  # fmt: skip
    for m in _DEFICIT_WORSENING.finditer(text) if weak else ():
        lo = parsed.sentence(m.start(), len(text))[0]
        if not _SUPPOSED.search(text, lo, m.start()):  # "return if the motor deficit worsens" is advice
            yield Contribution("history.progressive_weakness", True, [(m.start(), m.end())])
            return
    worsening = lexicon.time["worsening"]
    said_lately = lexicon.time["recent"].search
    # "advised to report any worsening weakness": a course said in advice is no course
    advice = [(m.start, m.end) for k in ("findings", "symptoms") for m in found[k] if m.flags.hypothetical]
    seen: dict[tuple[int, int], list[re.Match[str]]] = {}  # weak words of one sentence look at the same words
    for start, end in weak:
        if _NOT_MUSCLE.search(text, max(0, start - 40), start):
            continue
        lo, hi = parsed.sentence(start, len(text))
        if hi < len(text):  # "... can't stand on her toes. She was able to yesterday. It's getting worse."
            hi = parsed.sentence(hi, len(text))[1]
        own_lo, near_hi = lo, hi
        if lo > 0:  # "Last Tuesday she could do ten heel raises; today she walks flat-footed."
            lo = parsed.sentence(lo - 1, len(text))[0]
        if hi < len(text):  # "right leg gone weak, ... thigh is numb. it's getting worse every week"
            hi = parsed.sentence(hi, len(text))[1]
        said = seen.get((lo, hi))
        if said is None:
            said = seen[(lo, hi)] = list(worsening.finditer(text, lo, hi))
        # "over the years her legs have become somewhat weaker": slow, not the red flag's course
        if said and _OVER_YEARS.search(text, own_lo, near_hi) and not said_lately(text, own_lo, near_hi):
            continue
        for w in said:
            if any(a <= w.start() < b for a, b in advice):
                continue
            # the sentence before counts only for what could be done then, or when a semicolon joins the two
            # ("he has found stairs steadily harder; this morning he could not get up from the toilet")
            if w.start() < own_lo and not _COULD.search(w.group()) and not _joined(text, w.end(), own_lo):
                continue
            far = w.start() >= near_hi
            if far and not _IT_BEFORE.search(text, max(0, w.start() - 16), w.start()):
                continue  # two sentences on, only "it's getting worse" still speaks of it
            if _NOT_WORSE.search(text, max(0, w.start() - 12), w.start()) or _OF_OTHER.match(text, w.end()):
                continue  # "not getting worse", "worsening lower back pain": not the weakness's course
            if w.group().lower() == "worse" and _BROUGHT_ON.match(text, w.end()):
                continue
            if _OTHER_BEFORE.search(text, max(0, w.start() - 20), w.start()):
                continue  # "numbness spreading"
            # "... over the last week it's got worse: yesterday it buckled ..., and today I can't get up from a
            # low chair": "it" getting worse, told first, and the weakness later in the same sentence
            told_first = (
                w.start() < start
                and own_lo <= w.start()
                and _IT_BEFORE.search(text, max(0, w.start() - 16), w.start())
            )
            near = min(abs(w.start() - start), abs(w.start() - end), abs(w.end() - start)) <= _WORSE_CHARS
            if far or near or told_first:
                yield Contribution("history.progressive_weakness", True, [(start, end), (w.start(), w.end())])
                return


def _joined(text: str, lo: int, hi: int) -> bool:
    """Do a semicolon, and no full stop or line break, part lo from hi?"""
    between = text[lo:hi]
    return ";" in between and not any(c in between for c in ".!?\n")


def _weak(c: Contribution) -> bool:
    if c.path.startswith("tests."):
        return bool(c.value == "weak")
    return present(c) and not c.uncertain


def _cold_lately(
    parsed: Parsed, times: list[tuple[float, Mention]], contributions: list[Contribution]
) -> Iterator[Contribution]:
    """A leg gone cold with a time of hours in its sentence ("her right leg has gone cold and white since
    lunchtime"), in a story of days ("a sore back for a few days"), began suddenly: acute limb ischaemia asks
    for a sudden onset or a story hours old."""
    for c in contributions:
        if c.path != "history.cold_feet" or c.value is not True or not c.spans:
            continue
        lo, hi = parsed.sentence(c.spans[0][0])
        hours = next((m for weeks, m in times if weeks <= _TODAY_WEEKS and lo <= m.start < hi), None)
        if hours is not None:
            yield Contribution("onset", "sudden", [c.spans[0], (hours.start, hours.end)])
            return
