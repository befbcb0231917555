"""Symptoms in both legs: whether they are new (days), long-standing, or not said (then unsure).

New symptoms in both legs are a cauda equina warning sign (red_flags.yaml), so the time they are told with
decides much: the sentence's own time phrase, the sentence just before it, another sentence about both legs,
the symptoms' duration, a high-energy injury, or the other leg joining in lately.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nerveroot.text.compose import Contribution
from nerveroot.text.context import Parsed
from nerveroot.text.guards import guarded
from nerveroot.text.lexicon import Lexicon
from nerveroot.text.mentions import Mention
from nerveroot.text.settle import Doubt, red_flag_paths, words
from nerveroot.text.sides import LEG_FINE
from nerveroot.text.told import (
    AS_BEFORE,
    BOTH,
    CHANGE,
    CHRONIC,
    EPISODIC,
    FIRST_TIME,
    NEW_WEEKS,
    NOTHING_NEW,
    Told,
)

# brought on by walking or standing ("ache when I walk more than a few hundred metres"); not a gait ("he walks
# slow like an old man", "walking like she's drunk"), nor what the legs can no longer do ("can't hardly walk")
_EXERTION = guarded(
    re.compile(
        r"(?<!can't\s)(?<!cant\s)(?<!can’t\s)(?<!hardly\s)(?<!barely\s)(?<!cannot\s)(?<!unable\sto\s)"
        r"\b(?:walk\w*(?!\s+(?:\w+\s+)?(?:slow\w*|like|funny|oddly|strangely|unsteadily|wobbly|wide))|stand\w*|"
        r"exercise|exertion|claudicat\w*|distance|yards|metres|meters)\b",
        re.I,
    )
)
NOT_LEG = frozenset({"low_back", "buttock", "lateral_hip", "groin"})
# the other leg joined, said in the sentence of both: "both legs now not just the right"
_NOW_NOT_JUST = re.compile(
    r"\bnow\b[^.;!?]{0,30}?\bnot\s+(?:just|only)\s+(?:the\s+|my\s+|his\s+|her\s+)?(?:right|left|one)\b",
    re.I,
)
# a clinician's query of both legs, with no finding of the other leg read: "Imp: L S1 radic. ?early bilateral sx"
_QUERIED = re.compile(
    r"\?(?:early\s+|new\s+|evolving\s+|possible\s+)?(?:bilat(?:eral)?|(?-i:B/?L)|both\s+(?:legs|sides|LLs?))\b",
    re.I,
)
SYMPTOM_KINDS = ("pain", "numbness", "tingling", "sensation", "weakness")


def weak_grade(value: object) -> bool:
    """Is a weakness value a grade below normal (not True, weak but ungraded)?"""
    return not isinstance(value, bool) and value not in (5, "5", "normal")


def present(c: Contribution) -> bool:
    if c.path.startswith("weakness."):
        return c.value is True or weak_grade(c.value)
    if c.path.startswith("sensation."):
        return c.value in ("reduced", "absent")
    return c.value is True


def both_legs(
    lexicon: Lexicon,
    text: str,
    *,
    parsed: Parsed,
    contributions: list[Contribution],
    times: list[tuple[float, Mention]],
    weeks: float | None,
    doubts: list[Doubt],
) -> Iterator[Contribution]:
    """Symptoms or weakness in both legs: new (days), long-standing, or not said -> unsure.

    Their own sentence says when first ("since Monday both calves tingle"); else another sentence about both
    legs ("3/7 ago ... pain into both legs"); else the symptoms' duration; with no time at all, symptoms
    brought on by walking are the long-standing kind (stenosis), others are left unsure."""
    both_sentences = _both_sided_sentences(text, parsed, contributions)
    recent = lexicon.time["recent"]
    told = Told(text, parsed, times, recent)
    if not both_sentences:
        # "Right leg sciatica for 3 weeks. Since this morning my left foot tingles too."
        joined = (
            _other_leg_joins(text, parsed, contributions, recent, told=told)
            or _other_leg_said_too(text, parsed, contributions, recent)
            or _now_in_both(text, parsed, contributions, recent)
            or next(
                (
                    s
                    for s in parsed.spans(len(text))
                    if _NOW_NOT_JUST.search(text, *s) and BOTH.search(text, *s)
                ),
                None,
            )
        )
        if joined is None:
            # "now i think my right leg might be tingly a bit too??": the other leg said only as possible
            maybe = _other_leg_joins(
                text, parsed, contributions, recent, sure=False, hedges=lexicon.hedges
            ) or next(iter(_both_sided_sentences(text, parsed, contributions, sure=False).values()), None)
            if maybe is None and (queried := _QUERIED.search(text)) is not None:
                maybe = parsed.sentence(queried.start(), len(text))
            if maybe is not None:
                doubts.append(Doubt("history.bilateral_leg_symptoms_new", words(text, *maybe)))
            return
        # "... too, but I honestly can't tell if it's real"
        if _doubted(text, joined, lexicon.hedges, contributions):
            doubts.append(Doubt("history.bilateral_leg_symptoms_new", words(text, *joined)))
        else:  # both legs now, for days: new symptoms in both legs
            yield Contribution("history.bilateral_leg_symptoms_new", True, [joined])
        return

    own, lately = told.own, told.lately
    span = min(both_sentences.values())
    bounds = told.bounds

    new = [
        s
        for s in both_sentences
        if (
            lately(*s)
            or told.just_before(s[0])
            or FIRST_TIME.search(text, *s)
            or _NOW_NOT_JUST.search(text, *s)
        )
        and not AS_BEFORE.search(text, *s)
        and not EPISODIC.search(text, *s)
    ]
    if not new:  # "... in BOTH legs now?? it started in my right leg 2 weeks ago, since sat the left calf is
        # tingling as well": the other leg joined lately, told in a sentence of its own ("five days ago the right
        # leg started as well", before "numb ... on both sides")
        joined = _other_leg_joins(text, parsed, contributions, recent) or _other_leg_said_too(
            text, parsed, contributions, recent
        )
        new = [joined] if joined is not None else []
    old = [s for s in both_sentences if any(w > NEW_WEEKS for w in own(*s)) or CHRONIC.search(text, *s)
           or AS_BEFORE.search(text, *s) or told.long_before(s[0])]  # fmt: skip
    if any(any(w > NEW_WEEKS for w in own(*s)) for s in old):
        # beside both legs for years, "recently" alone dates an event, not the symptoms ("Over about two years both
        # feet have become numb ... recently burnt his sole on hot pavers"): new needs a time of its own
        new = [
            s
            for s in new
            if _dated(text, *s, recent)
            or any(w <= NEW_WEEKS for w in own(*s))
            or FIRST_TIME.search(text, *s)
            or told.just_before(s[0])
        ]
    about_both = [
        (lo, hi) for lo, hi in bounds if BOTH.search(text, lo, hi) and not AS_BEFORE.search(text, lo, hi)
    ]
    if new:
        # a both-legs sentence is shown by its first finding; the joining sentence, whole
        yield Contribution("history.bilateral_leg_symptoms_new", True, [both_sentences.get(new[0], new[0])])
    elif old:
        yield Contribution("history.bilateral_leg_symptoms_new", False, [both_sentences[old[0]]])
    elif any(lately(lo, hi) for lo, hi in about_both):
        yield Contribution("history.bilateral_leg_symptoms_new", True, [span])
    elif weeks is not None and not any(_changed(text, *s) for s in both_sentences):
        yield Contribution("history.bilateral_leg_symptoms_new", weeks <= NEW_WEEKS, [span])
    elif weeks is None and _injured_now(contributions):
        yield Contribution("history.bilateral_leg_symptoms_new", True, [span])  # both legs since the injury
    elif weeks is not None and weeks > NEW_WEEKS and NOTHING_NEW.search(text):
        # "nothing has changed recently, it's been like this for over a year"
        yield Contribution("history.bilateral_leg_symptoms_new", False, [span])
    elif weeks is not None or not any(_EXERTION.search(text, *s) for s in both_sentences):
        doubts.append(Doubt("history.bilateral_leg_symptoms_new", words(text, *span)))
    else:  # brought on by walking, with no time said: claudication, the long-standing kind
        yield Contribution("history.bilateral_leg_symptoms_new", False, [span])


def _changed(text: str, lo: int, hi: int) -> bool:
    """Is a change told in lo..hi? "Spreads" in a sentence of walking or standing is the march of symptoms they
    bring on, not a change ("now" still is one: "now both legs ache when I walk")."""
    return any(
        not (m.group().lower().startswith("spread") and _EXERTION.search(text, lo, hi))
        for m in CHANGE.finditer(text, lo, hi)
    )


def _doubted(
    text: str, span: tuple[int, int], hedges: re.Pattern[str], contributions: list[Contribution]
) -> bool:
    """A doubt in the sentence of the other leg joining, unless another warning sign is told before it ("since
    yesterday the right one has started as well and when i wipe ... i cant really feel it??": the doubt is the
    saddle's)."""
    lo, hi = span
    hedge = hedges.search(text, lo, hi)
    if hedge is None:
        return False
    signs = red_flag_paths()
    return not any(
        c.path in signs and c.path != "history.bilateral_leg_symptoms_new" and lo <= a < hedge.start()
        for c in contributions
        for a, _ in c.spans
    )


def _injured_now(contributions: list[Contribution]) -> bool:
    """A high-energy injury in this story, with no time given: what it did to both legs is new."""
    return any(c.path == "history.significant_trauma" and c.value is True for c in contributions)


# the other leg joining in: "too", "as well", "the other leg", "joined in", or never there before ("never had it on that side
# before"); "new" alone is not enough ("a new pain on the right side" may be the only leg)
_NEW = re.compile(r"new(?:ly)?|recent(?:ly)?", re.I)
_NEW_OR_NOW = guarded(re.compile(r"\b(?:new(?:ly)?|now)\b", re.I))
# a time of its own, which the durations decide instead ("a new pain on the right side ... for the past 2 weeks")
_ANY_TIME = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|a\s+couple\s+of)\s*"
    r"(?:days?|weeks?|wks?|months?|mths?|years?|yrs?)\b|\b\d+\s*/\s*(?:7|52|12)\b",
    re.I,
)
# "NEW" said of the other leg after the first was told, with no time of its own ("NEW ache R buttock")
_SAID_NEW = re.compile(
    r"\b(?-i:NEW)\b|\bnew(?:ly)?\s+(?:onset\s+)?(?:ache|pain|tingling|numbness|symptoms?|sciatica)\b", re.I
)
_JOINS = guarded(
    re.compile(
        r"\b(?:too|as\s+well|also|similar|the\s+same|same\s+(?:pattern|pain|thing|symptoms?)|other\s+(?:leg|foot|side|calf|thigh)|never\s+had\s+(?:it|this|that)\s+"
        r"(?:\w+\s+){0,3}?before|for\s+the\s+first\s+time|joined\s+in|followed\s+suit|(?:doing|do)\s+the\s+same)\b",
        re.I,
    )
)


def _other_leg_joins(
    text: str,
    parsed: Parsed,
    contributions: list[Contribution],
    recent: re.Pattern[str],
    *,
    sure: bool = True,
    hedges: re.Pattern[str] | None = None,
    told: Told | None = None,
) -> tuple[int, int] | None:
    """A sentence that says the other leg has joined in lately ("since this morning my left foot is tingling
    too", "now my right leg is tingly too"), while the first leg's symptoms are told elsewhere: the words of
    that sentence, else None. The symptoms are now in both legs, and have been for days: new symptoms in both
    legs; said with a hedge ("... too, but I can't tell if it's real"), unsure. `sure=False` counts findings
    said only as possible too; with `hedges`, a sentence of the other leg told lately with a doubt in it or the
    next counts as well (for a doubt, never for a finding)."""
    sides: dict[str, set[tuple[int, int]]] = {"left": set(), "right": set()}
    for side, c in _leg_findings(contributions, sure=sure):
        sides[side].add(parsed.sentence(c.spans[0][0], len(text)))
    if not sides["left"] or not sides["right"]:
        return None
    for side, other in (("left", "right"), ("right", "left")):
        for lo, hi in sorted(sides[side] - sides[other]):
            dated = _dated(text, lo, hi, recent)
            lately = dated or CHANGE.search(text, lo, hi)
            # "new" or "now" joins the other leg in only with a time of its own ("New R post thigh ache ... since
            # Sat"): "a new pain on the right side" alone may be the only leg
            # or a time of its own with a word of change, after the first leg was told ("10 days of left
            # sciatica ... Over the past 36 hours he has developed tingling in the right calf")
            after_first = min(sides[other])[0] < lo
            changed = after_first and CHANGE.search(text, lo, hi)
            # or "NEW" said of the other leg after the first was told, undated ("L L5 radic 5/52 ... NEW ache R
            # buttock + back of R thigh")
            if (
                (
                    lately
                    and (
                        _JOINS.search(text, lo, hi)
                        or (dated and (_NEW_OR_NOW.search(text, lo, hi) or changed))
                    )
                )
                or (
                    # dated by the sentence before: "Then on Saturday something changed. The pain went into my right
                    # leg as well"
                    after_first and told is not None and _JOINS.search(text, lo, hi) and told.just_before(lo)
                )
                or (
                    after_first
                    and _SAID_NEW.search(text, lo, hi)
                    and not _ANY_TIME.search(text, lo, hi)
                    and not LEG_FINE.search(text, lo, hi)  # "... and her left leg is unaffected"
                )
            ):
                return lo, hi
            # for a doubt: told lately after the first leg, with a doubt in it or the next sentence ("... For the
            # last couple of days my LEFT calf feels kind of tingly? It might be nothing")
            if (
                hedges is not None
                and dated
                and after_first
                and hedges.search(text, lo, parsed.sentence(hi, len(text))[1])
            ):
                return lo, hi
    return None


def _dated(text: str, lo: int, hi: int, recent: re.Pattern[str]) -> bool:
    """Does the span say when, lately ("since Sunday")? "new" or "recently" alone gives no time."""
    return any(not _NEW.fullmatch(m.group()) for m in recent.finditer(text, lo, hi))


_DATED_BEFORE = 30  # characters before the other leg in which its own time is said
# the other leg said by ellipsis: "now the right one's going too", "the left one has started as well", "4/7 ago R
# leg started same" (not "the right is fine too")
_OTHER_TOO = guarded(
    re.compile(
        r"\b(?:(?:the|my|his|her)\s+(?P<side>left|right)(?:\s+(?:one|leg|side|foot|calf|thigh)s?)?|"
        r"(?P<bare>left|right|(?-i:L|R))\s+(?:leg|side|foot|calf|thigh))(?:['’]s)?\s+"
        r"(?:(?!(?:fine|ok|okay|normal|good|unaffected|better|clear|alright|all\s+right)\b)[\w'’]+\s+){0,4}?"
        r"(?:too|as\s+well|also|(?:exactly\s+)?the\s+same|started|joined\s+in)\b",
        re.I,
    )
)


def _other_leg_said_too(
    text: str, parsed: Parsed, contributions: list[Contribution], recent: re.Pattern[str]
) -> tuple[int, int] | None:
    """One leg's symptoms read, and the other leg said by ellipsis to have joined, with a word of change
    ("now", "started"): in the same sentence, or in a later one of its own with a time ("... sciatica down my
    right leg. But since Sunday the LEFT leg has started as well"): the words of that sentence, else None."""
    said: dict[tuple[int, int], set[str]] = {}
    for side, c in _leg_findings(contributions):
        said.setdefault(parsed.sentence(c.spans[0][0], len(text)), set()).add(side)
    for m in _OTHER_TOO.finditer(text):
        lo, hi = parsed.sentence(m.start(), len(text))
        own = said.get((lo, hi), set())
        side = "left" if (m.group("side") or m.group("bare")).lower().startswith("l") else "right"
        # a word of change, or its own time ("... down my left leg; since Wednesday the right one is going as well")
        joined = CHANGE.search(text, lo, hi) or _dated(
            text, max(lo, m.start() - _DATED_BEFORE), m.end(), recent
        )
        if own and side not in own and joined:
            return lo, hi
        earlier = {s for (a, _), sides in said.items() if a < lo for s in sides}
        if not own and earlier and side not in earlier and _dated(text, lo, hi, recent) and joined:
            return lo, hi
    return None


# the symptoms said by a pronoun to be in both legs now: "since Sunday it's in BOTH legs", "it has spread into
# both legs"
_IT_IN_BOTH = guarded(
    re.compile(
        r"\b(?:it|they|the\s+(?:pain|numbness|tingling|sciatica|symptoms))(?:['’]s|\s+is|\s+are|\s+has|\s+have)?\s+"
        r"(?:now\s+|also\s+|gone\s+|spread\s+|moved\s+|started\s+|been\s+|going\s+)*(?:in(?:to)?|down|to)\s+"
        r"both\s+(?:of\s+)?(?:my\s+|his\s+|her\s+|the\s+)?(?:legs|sides|feet|calves|thighs)\b",
        re.I,
    )
)


def _now_in_both(
    text: str, parsed: Parsed, contributions: list[Contribution], recent: re.Pattern[str]
) -> tuple[int, int] | None:
    """Leg symptoms read elsewhere, and a sentence telling lately that "it" is in both legs now: the words of
    that sentence, else None."""
    if next(_leg_findings(contributions), None) is None:
        return None
    for m in _IT_IN_BOTH.finditer(text):
        lo, hi = parsed.sentence(m.start(), len(text))
        if recent.search(text, lo, hi) or CHANGE.search(text, lo, hi):
            return lo, hi
    return None


def _leg_findings(
    contributions: list[Contribution], *, sure: bool = True
) -> Iterator[tuple[str, Contribution]]:
    """Each symptom or weakness read as present (surely, unless `sure` is False) in a leg region of the left or
    right side."""
    for c in contributions:
        parts = c.path.split(".")
        if parts[0] not in SYMPTOM_KINDS or len(parts) != 3 or parts[1] not in ("left", "right"):
            continue
        if parts[2] not in NOT_LEG and present(c) and not (sure and c.uncertain):
            yield parts[1], c


def _both_sided_sentences(
    text: str, parsed: Parsed, contributions: list[Contribution], *, sure: bool = True
) -> dict[tuple[int, int], tuple[int, int]]:
    """Sentences whose leg findings are on both sides, each with the words of its first such finding."""
    per_sentence: dict[tuple[int, int], dict[str, tuple[int, int]]] = {}
    for side, c in _leg_findings(contributions, sure=sure):
        start, end = c.spans[0]
        per_sentence.setdefault(parsed.sentence(start, len(text)), {}).setdefault(side, (start, end))
    return {s: min(sides.values()) for s, sides in per_sentence.items() if len(sides) == 2}
