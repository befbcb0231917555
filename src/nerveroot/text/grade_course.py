"""Grades compared over time: a muscle graded lower now than before is weakness getting worse.

Before may be written beside the grade ("plantarflexion 4/5 (previously 5/5)") or in a sentence of its own
("seen 8 days ago with plantarflexion 4+/5 ... Today: plantarflexion 4-/5").
"""

from __future__ import annotations

import re

from nerveroot.case import grade_value
from nerveroot.text.compose import Contribution, mrc
from nerveroot.text.context import Parsed
from nerveroot.text.grammar import grade_of
from nerveroot.text.mentions import Found

# an earlier grade written beside the present one: "plantarflexion 4/5 (previously 5/5)", "EHL 2/5 (was 4-/5)"
_WAS = re.compile(
    r"\s*[(,;]?\s*(?:new\s*[-–,:]?\s*)?(?:previously|prev\.?|(?:(?:it|this|that|which|they)\s+)?(?:was|were)|from|(?:at|on)\s+(?:IA|first\s+visit|assessment)|"
    r"(?:last|a)\s+(?:week|wk|visit|time)(?:\s+ago)?)\s*:?\s*(?P<grade>[0-5][+-]?)\s*/\s*5",
    re.I,
)
# ... or with its time after it: "L EHL 4/5 (5/5 at last Tx)", "PF 3/5 (4/5 on first visit)", "(5/5 last wk)",
# "(R 5/5 at IA)", "(both 5/5 at your discharge review)", "PF 4/5 bilat (5/5 at IA)", "(both 5/5 at his 2-week
# wound check)", "(both documented as 5/5 at her 2-week wound check)", "(5/5 when she went home)"
_WAS_AFTER = re.compile(
    r"(?:\s+(?:on\s+the\s+)?(?:left|right|(?-i:L|R)|bilat(?:eral(?:ly)?)?|b/l|both\s+sides))?"
    r"\s*[(,;]\s*(?:(?:both|(?-i:L|R|Lt|Rt)|left|right)\s*:?\s*)?(?:(?:documented|recorded|noted|graded|charted)\s+(?:as\s+)?)?"
    r"(?P<grade>[0-5][+-]?)\s*/\s*5\s+"
    r"(?:(?:at|on|in|by)\s+(?:the\s+|your\s+|our\s+|his\s+|her\s+|their\s+)?)?(?:[\w-]+\s+){0,2}?"
    r"(?:last|previous|prev\.?|first|initial|IA\b|earlier|prior|before|baseline|admission|discharge|pre[\s-]?op\b|"
    r"(?:wk|week|Rx|session)\s*1\b|"
    r"(?:wound\s+)?check\b|clinic\b|review\b|visit\b|appointment\b|went\s+home\b|(?:was|were)\s+discharged\b|"
    r"(?:first\s+)?came\s+in\b|first\s+(?:seen|saw|presented)\b|"
    r"(?:\d+|one|two|a)\s*(?:/\s*52|/\s*7|wks?|weeks?|days?)\s+ago)",
    re.I,
)


# ... or said to have been full then: "EHL and dorsiflexion are now 4/5, when they were full at discharge"
_WAS_FULL = re.compile(
    r"\s*[(,;]?\s*(?:when|whereas|while|but)\s+(?:it|they|this|these|both)\s+(?:was|were|had\s+been)\s+"
    r"(?:full|normal|5\s*/\s*5)\s+(?:at|on|in|when|before|last|previously|until|(?:\d+|a|one|two)\s+\w+\s+ago)\b",
    re.I,
)


# a grade at each visit, in a physiotherapist's series: "L EHL - IA 4/5, wk 2 4-/5, TODAY 3/5"
_SERIES = re.compile(
    r"\b(?:IA|baseline|initial(?:ly|\s+assessment)?|first\s+(?:visit|session|assessment))\s*:?\s*(?P<before>[0-5][+-]?)\s*/\s*5"
    r"(?:\s*,\s*(?:wk|week|session|visit)\s*\d+\s*:?\s*[0-5][+-]?\s*/\s*5)*\s*[,;]\s*(?:today|now|currently)\s*:?\s*"
    r"(?P<now>[0-5][+-]?)\s*/\s*5",
    re.I,
)


def graded_drop(text: str, contributions: list[Contribution]) -> list[Contribution]:
    """A muscle graded lower now than the grade written beside it for before (or at the first visit of a series):
    weakness getting worse."""
    for series in _SERIES.finditer(text):
        before, now = mrc(series.group("before")), mrc(series.group("now"))
        if before is not None and now is not None and grade_value(now) < grade_value(before):
            return [Contribution("history.progressive_weakness", True, [(series.start(), series.end())])]
    for c in contributions:
        if not c.path.startswith("weakness.") or isinstance(c.value, bool) or not c.spans:
            continue
        end = max(e for _, e in c.spans)
        was = _WAS.match(text, end) or _WAS_AFTER.match(text, end)
        full = _WAS_FULL.match(text, end) if was is None else None
        if full is not None and grade_value(c.value) < 5:
            return [
                Contribution("history.progressive_weakness", True, [*c.spans, (full.start(), full.end())])
            ]
        before = mrc(was.group("grade")) if was is not None else None
        if was is not None and before is not None and grade_value(c.value) < grade_value(before):
            return [Contribution("history.progressive_weakness", True, [*c.spans, (was.start(), was.end())])]
    return []


# the same muscle graded then, and now in one breath: "his dorsiflexion was 4/5; today it is 3/5"
_NOW_IT = re.compile(
    r"\s*[;,.]?\s*(?:but\s+|and\s+)?(?:today|now|this\s+(?:week|visit|time))\s*,?\s*(?:it|this|that|they)\s*"
    r"(?:is|['’]s|are|has\s+(?:dropped|fallen|gone\s+down)\s+to|is\s+down\s+to)\s+(?P<grade>[0-5][+-]?)\s*/\s*5",
    re.I,
)
_WAS_SAID = re.compile(r"\b(?:was|were|had\s+been)\b", re.I)


def regraded(text: str, contributions: list[Contribution]) -> list[Contribution]:
    """A grade said as before ("was 4/5") and followed by "today it is 3/5": today's grade replaces it (and is
    no other muscle's), and a lower one is weakness getting worse."""
    course: list[Contribution] = []
    for c in list(contributions):
        if not c.path.startswith("weakness.") or isinstance(c.value, bool) or len(c.spans) < 1:
            continue
        lo, end = min(a for a, _ in c.spans), max(e for _, e in c.spans)
        now = _NOW_IT.match(text, end)
        today = mrc(now.group("grade")) if now is not None else None
        if now is None or today is None or not _WAS_SAID.search(text, lo, end):
            continue
        at = now.start("grade")
        for other in [o for o in contributions if any(a <= at < b for a, b in o.spans)]:
            contributions.remove(other)  # "today it is 3/5 and great toe extension ...": not the toe's
        contributions.remove(c)
        contributions.append(Contribution(c.path, today, [*c.spans, (now.start(), now.end())]))
        if grade_value(today) < grade_value(c.value) and not course:
            course.append(
                Contribution("history.progressive_weakness", True, [*c.spans, (now.start(), now.end())])
            )
    return course


# the earlier grade told after today's: "my left foot lifting today 2 out of 5, last week it was 4"
_BEFORE_IT_WAS = re.compile(
    r"\s*[;,(]?\s*(?:and\s+|but\s+|whereas\s+|while\s+)?(?:last\s+(?:week|time|visit|session|appointment)|"
    r"(?:a|one|two|three|\d+)\s+(?:days?|weeks?)\s+ago|(?:at\s+)?(?:the|her|his|my)\s+(?:last|previous)\s+"
    r"(?:visit|appointment|session|review))\s*,?\s*(?:it|she|he|they|I)\s+(?:was|were|had\s+been|scored|got)\s+"
    r"(?:a\s+)?(?P<grade>[0-5][+-]?)(?:\s*(?:/|out\s+of)\s*5)?(?![\d/])",
    re.I,
)


# a weak grade said straight after to be new since a normal examination: "L ankle dorsiflexion 4/5 (new since I
# examined him a month ago, when his strength was normal)", "EHL 4/5, previously 5/5"
_NEW_SINCE_NORMAL = re.compile(
    r"\s*[;,(—–-]?\s*(?:\w+\s*[—–-]?\s+){0,2}?(?:new(?:ly)?\s+(?:since|compared\s+(?:with|to)|from)\s+(?:[^.;)]{0,80}?)"
    r"(?:normal|full|intact|5/5|fine)|(?:previously|formerly|initially)\s+(?:normal|full|intact|5\s*/\s*5)(?![\w/])|"
    r"(?:was|were)\s+(?:normal|full|intact|5\s*/\s*5)\s+(?:at|on|when|last|a\s+(?:week|month)|\d+\s+(?:days?|weeks?|months?)\s+ago)\b)",
    re.I,
)


def graded_before(text: str, contributions: list[Contribution]) -> list[Contribution]:
    """A grade today, then a higher one said as before ("today 2 out of 5, last week it was 4", "4/5, new since
    ... his strength was normal"): weakness getting worse. Today's grade stays the grade."""
    for c in contributions:
        if not c.path.startswith("weakness.") or isinstance(c.value, bool) or not c.spans:
            continue
        end = max(e for _, e in c.spans)
        before = _BEFORE_IT_WAS.match(text, end)
        then = mrc(before.group("grade")) if before else None
        if before is None or then is None:
            before, then = _NEW_SINCE_NORMAL.match(text, end), 5
        if before and then is not None and grade_value(then) > grade_value(c.value):
            return [
                Contribution("history.progressive_weakness", True, [*c.spans, (before.start(), before.end())])
            ]
    return []


# a sentence about an earlier examination: "seen 8 days ago with ...", "at her GP review a week ago ... was
# recorded as 4/5"
_THEN = re.compile(
    r"\b(?:ago|previously|prior|earlier|last\s+(?:week|wk|visit|review|time|appointment|session|Rx|tx)|(?:initial|first|previous)\s+"
    r"(?:assessment|review|visit|appointment|examination)|(?:was|were)\s+(?:then\s+|initially\s+|previously\s+)?"
    r"(?:recorded|graded|documented|noted|measured)|"
    r"(?:when\s+)?(?:I|we|she|he)\s+first\s+(?:saw|examined|assessed|reviewed)|at\s+(?:that|the\s+first|the\s+last)\s+"
    r"(?:visit|time|appointment|review|point|session|consultation)|"
    r"(?:in|on|since)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)\b",
    re.I,
)
_MOVEMENT_CHARS = 40  # how far before its grade a movement may be named in the earlier sentence


def dropped_since(
    text: str, found: Found, parsed: Parsed, contributions: list[Contribution]
) -> list[Contribution]:
    """A movement graded lower now than in an earlier sentence about a previous examination."""
    then: dict[str, tuple[int | str, tuple[int, int]]] = {}
    for g in found["grades"]:
        lo, hi = parsed.sentence(g.start, len(text))
        if not _THEN.search(text, lo, hi):
            continue
        named = [
            m for m in found["movements"] if lo <= m.start and m.end <= g.start <= m.end + _MOVEMENT_CHARS
        ]
        earlier = grade_of(g)
        if named and named[-1].entry.value and not isinstance(earlier, bool):
            then[named[-1].entry.value] = (earlier, (g.start, g.end))
    for c in contributions:
        movement = c.path.rsplit(".", 1)[-1]
        if (
            not c.path.startswith("weakness.")
            or isinstance(c.value, bool)
            or movement not in then
            or not c.spans
        ):
            continue
        before, span = then[movement]
        if max(a for a, _ in c.spans) > span[1] and grade_value(c.value) < grade_value(before):
            _forget_then(contributions, c.path, span)
            return [Contribution("history.progressive_weakness", True, [*c.spans, span])]
    return []


def _forget_then(contributions: list[Contribution], path: str, span: tuple[int, int]) -> None:
    """The earlier examination's grade is not today's ("last week her calf power was 4/5. Today ... she cannot
    rise onto her toes at all"): withdrawn, so that it cannot stand in for today's."""
    for c in [
        c for c in contributions if c.path == path and any(a <= span[0] and span[1] <= b for a, b in c.spans)
    ]:
        contributions.remove(c)


# heel or calf raises counted at each visit: "I managed 10 on the left, last week it was 5, and today I could
# only do 1"; "I could do 20 heel raises ... Two days ago I did 10"
_RAISES = re.compile(r"\b(?:heel|calf|toe|tip[\s-]*toe)[\s-]*raises?\b", re.I)
_COUNT = re.compile(
    r"\b(?:managed|manages|manage|did|does|do|done|could\s+(?:only\s+)?(?:do|manage)|can\s+(?:only\s+)?(?:do|manage)|"
    r"was|were|now|only|down\s+to)\s+(?:about\s+|around\s+|just\s+)?(?P<n>\d{1,2})\b(?!\s*(?:/|%|kg|days?|weeks?|"
    r"months?|years?|am|pm|:))",
    re.I,
)
_RAISE_SENTENCES = 2  # the raises' sentence and the two after it tell the counts


def fewer_raises(text: str, parsed: Parsed) -> list[Contribution]:
    """Raises counted on one leg at visits over time, fewer now than at first: weakness getting worse."""
    for r in _RAISES.finditer(text):
        lo, hi = parsed.sentence(r.start(), len(text))
        for _ in range(_RAISE_SENTENCES):
            if hi < len(text):
                hi = parsed.sentence(hi, len(text))[1]
        counts = [(int(m.group("n")), m) for m in _COUNT.finditer(text, lo, hi)]
        if len(counts) >= 2 and counts[-1][0] < counts[0][0] and _THEN_OR_NOW.search(text, lo, hi):
            first, last = counts[0][1], counts[-1][1]
            return [Contribution("history.progressive_weakness", True, [(first.start(), last.end())])]
    return []


_THEN_OR_NOW = re.compile(
    r"\b(?:ago|first|last\s+week|previously|initially|at\s+first|today|now|this\s+week)\b", re.I
)
