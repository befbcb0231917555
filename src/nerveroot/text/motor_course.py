"""Weakness getting worse, told by what the weakness does rather than by its grades.

Where a muscle is found weak, walking or strength said to be deteriorating is the weakness's course ("over the
last fortnight her walking has deteriorated sharply ... power 4/5 hip flexion bilaterally"), and tingling that
climbs from the feet to the knees or the hands, with both legs weak, is an ascending paralysis. So is a course
told as a sequence: weakness dated once ("on Monday both his legs went weak") and later a failure of walking or
standing dated after it ("By Wednesday he couldn't get up the stairs", "today she cannot walk"). Walking
*distance* getting shorter is claudication's course, not weakness's; without weakness found, neither says
anything. Told as no worse ("not getting any weaker", "same as a month ago, not worse"), the course is said and
is not progressive; told with neither a grade nor a course, whether the weakness is marked or getting worse is
left unsure (the fail-safe's worsening-or-severe-weakness topic).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from nerveroot.text.both_legs import present, weak_grade
from nerveroot.text.compose import Contribution
from nerveroot.text.contractions import NT
from nerveroot.text.settle import Doubt, words

# what is felt in a leg, whose worsening is not the weakness's: "leg pain getting worse"
_FELT = r"pain|ache|aching|numbness|tingling|burning|sciatica|cramp\w*"
_MOTOR_WORSE = re.compile(
    rf"\b(?:walking|gait|mobility|strength|power|legs?|foot|feet)(?!\s+(?:distance|tolerance|range|{_FELT}))\s+"
    rf"(?:and\s+(?:it|this|that|they)\s+)?(?:(?:has|have|had|is|are|was|were)\s+)?(?:been\s+)?(?:(?!not\b|never\b|no\b|{_FELT})\w+\s+)?"
    r"(?:deteriorat\w*|worsen\w*|got\s+worse|getting\s+worse|gone\s+downhill|declin\w*)"
    # "three days of increasing difficulty walking", "her walking has become increasingly difficult"
    r"|\b(?:increasing|progressive|worsening|deteriorating)\s+(?:difficulty|trouble|problems?)\s+(?:with\s+)?"
    r"(?:walking|standing|mobilising|mobilizing|(?:the\s+)?stairs)\b(?!\s+(?:because|due|from|with\s+(?:the\s+)?pain))"
    r"|\b(?:walking|mobility|gait|standing)\s+(?:(?:is|was|has|had|have|been|become|became|getting|becoming)\s+){1,2}"
    r"(?:increasingly|progressively|steadily)\s+(?:difficult|hard|harder|worse|unsteady|laboured|labored)\b",
    re.I,
)
_ASCENDING = re.compile(
    r"\b(?:spread|spreading|spreads|crept|creeping|creeps|climbed|climbing|ascend\w*|travelled|traveled|moved)\s+"
    r"(?:up\s+|upwards?\s+)?(?:\w+\s+){0,4}?(?:to|into|up\s+to|as\s+far\s+as)\s+(?:\w+\s+){0,2}?"
    r"(?:knees?|thighs?|waist|groin|hips?|finger\s*tips|fingers|hands|arms)\b",
    re.I,
)

_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# a time that dates what is said in its sentence ("on Monday", "two days ago", "two days later", "at first")
_DATED = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?:by\s+|on\s+)?{_DAY}\b|\b(?:on\s+{_DAY}|(?:\d+|a|one|a\s+few|a\s+couple\s+of|several|two|three|"
    r"four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|hours?|hrs?)\s+(?:ago|later)|a\s+fortnight\s+(?:ago|later)|"
    r"initially|at\s+first|at\s+the\s+start|yesterday|last\s+(?:week|night)|"
    r"(?:for|over|since)\s+(?:the\s+)?(?:last\s+|past\s+)?(?:\d+|a\s+few|several|two|three|four|five|six|seven)\s+days|"
    r"\d\s*/\s*7)\b",  # "for four days", "over the last three days", "2/7" (days, in a clinician's shorthand)
    re.I,
)
# a later time that opens a clause, then a failure of walking or standing
_THEN_FAILED = re.compile(
    rf"(?:^|(?<=[.;!?:]\s)|(?<=,\s)|(?<=\band\s)|(?<=\bbut\s))(?:by\s+{_DAY}|by\s+(?:the\s+)?(?:next|following)\s+"
    r"(?:day|morning|evening)|(?:\d+|a\s+few|two|three|four)\s+days\s+later|the\s+(?:next|following)\s+(?:day|morning)|"
    r"today|this\s+morning|this\s+(?-i:AM|am)|this\s+a\.m\.|now|since\s+then|by\s+now|by\s+this\s+(?:morning|afternoon|evening)|"
    r"by\s+today|this\s+week)\b[^.;!?]{0,100}?"
    # the leg failing under load: "this week it has given way twice"
    r"(?:\b(?:buckl(?:ed|es|ing)|gave\s+way|given\s+way|giving\s+way|gives\s+way)\b|"
    r"\b(?:can['’]?t|cannot|couldn['’]?t|could\s+not|"
    r"unable\s+to|barely|no\s+longer|(?:could|can)\s+only|had\s+to\s+(?:haul|pull|drag|heave|hoist)|"
    r"needed\s+(?:(?:his|her|my|their|a|some)\s+)?(?:\w+['’]s\s+)?help\s+to|had\s+to\s+help\s+(?:me|him|her))\s+"
    r"(?:\w+\s+){0,3}?(?:walk|stand|get\s+up|get\s+(?:to|into|onto|on\s+to|out\s+of)\s+(?:the\s+)?(?:toilet|loo|bathroom|bed|car|chair)|"
    r"climb|squat|weight[\s-]?bear|move\s+(?:his|her|my)\s+legs?|(?:my|him|her|them)sel(?:f|ves)\s+up|up|"
    r"rise\s+on(?:to)?|clear\s+(?:it|them|the\s+(?:kerb|curb|step|ground|floor))|lift\s+(?:his|her|my|the)\s+(?:toes|foot|front)|push\s+off)"
    r"(?!\w|\s+(?:(?:very\s+)?far|more\s+than|for\s+(?:long|more)|because|due\s+to|without\s+(?:pain|stopping)))"
    # a walking aid newly needed: "now needs a frame", "today needed a stick"
    r"|\b(?:needs?|needed|needing|using|uses|used|requires?|required)\s+(?:a\s+|his\s+|her\s+|my\s+|two\s+)?"
    r"(?:walking\s+)?(?:frame|stick|sticks|walker|zimmer|crutch(?:es)?|wheelchair|rollator|help\s+to\s+walk)\b)",
    re.I,
)

# a weakness that came and went and now stays: "At first only when I was tired. Now it's all the time"
_NOW_ALWAYS = re.compile(
    r"\b(?:at\s+first|initially|to\s+begin\s+with|in\s+the\s+beginning)\s*,?\s+(?:it\s+(?:was|did|happened)\s+)?"
    r"only\b[^.!?;]{0,80}[.!?;,]\s*(?:but\s+|and\s+)?(?:now|these\s+days|today)\b[^.!?;]{0,30}?"
    r"\b(?:all\s+the\s+time|constant(?:ly)?|every\s+(?:step|time|day)|always|the\s+whole\s+time|non[\s-]*stop)\b",
    re.I,
)
# the weakness told worse than days before, by a pronoun after it: "his right foot has started to slap and
# catch, and he says it is noticeably worse than even four days ago"
_WORSE_THAN_AGO = re.compile(
    r"\b(?:it|this|that|they)(?:['’]s|\s+is|\s+are|\s+has\s+(?:got|gotten|become)|\s+was)\s+(?:\w+\s+)?"
    r"(?:worse|weaker)\s+than\s+(?:even\s+|it\s+was\s+|they\s+were\s+)?(?:\w+\s+){0,2}?(?:days?|weeks?)\s+ago\b",
    re.I,
)
_FELT_WORD = re.compile(rf"\b(?:{_FELT}|numb|tingl\w*|hurts?|sore)\b", re.I)

# "if her walking deteriorates": advice about what may come, not what has
_IF = re.compile(
    r"\b(?:if|should|unless|in\s+case|whether|watch\s+(?:out\s+)?for|look\s+out\s+for)\b[^.;!?]*$", re.I
)


def motor_course(text: str, contributions: list[Contribution]) -> list[Contribution]:
    """Progressive weakness from walking or strength deteriorating, or an ascending course, with weakness found."""
    weak = _weak(contributions)
    if not weak:
        return []
    said = _first(_MOTOR_WORSE, text)
    if said is None and {c.path.split(".")[1] for c in weak} >= {"left", "right"}:
        said = _first(_ASCENDING, text)
    if said is None:
        said = _sequence(text, weak)
    if said is None:
        said = _course_told_after(text, weak)
    if said is None:
        said = _acute_failure(text, weak)
    if said is None:
        return []
    return [
        Contribution("history.progressive_weakness", True, [weak[0].spans[0], (said.start(), said.end())])
    ]


def _weak(contributions: list[Contribution]) -> list[Contribution]:
    """The weakness found, said without doubt."""
    return [c for c in contributions if c.path.startswith("weakness.") and present(c) and not c.uncertain]


def _first(rx: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
    """The first match not inside an "if ..." ("if her walking deteriorates")."""
    return next(
        (m for m in rx.finditer(text, lo, len(text) if hi is None else hi)
         if not _IF.search(text, max(lo, m.start() - 60), m.start())),
        None,
    )  # fmt: skip


def _course_told_after(text: str, weak: list[Contribution]) -> re.Match[str] | None:
    """Weakness, then within its next sentence or two a course from "only at first" to "all the time", or "it is
    worse than four days ago", with nothing felt (pain, numbness) said in between: the weakness's own course,
    getting worse."""
    for c in weak:
        end = c.spans[0][1]
        for rx in (_NOW_ALWAYS, _WORSE_THAN_AGO):
            m = _first(rx, text, end, min(len(text), end + 250))
            if m is not None and not _FELT_WORD.search(text, end, m.end()):
                return m
    return None


def _sequence(text: str, weak: list[Contribution]) -> re.Match[str] | None:
    """A failure of walking or standing dated after a weakness that was itself dated: the first such failure."""
    dated_weak = [
        c.spans[0][0]
        for c in weak
        if _DATED.search(text, max(0, text.rfind(".", 0, c.spans[0][0]) + 1), c.spans[0][0])
    ]
    if not dated_weak:
        return None
    return next(
        (m for m in _THEN_FAILED.finditer(text, min(dated_weak)) if not _IF.search(text, m.start(), m.end())),
        None,
    )


# weakness that began hours or days ago ("since yesterday", "since Saturday", "since this morning", "2/7")
_LATELY = re.compile(
    rf"\bsince\s+(?:yesterday|yest\w*|last\s+night|this\s+(?:morning|afternoon|am|a\.m\.)|{_DAY}|"
    r"(?:mon|tues?|weds?|thurs?|fri|sat|sun)\b)|\b(?:\d|one|two|three|four|five)\s*(?:/\s*7|days?\s+ago)\b",
    re.I,
)
# and already fails the whole leg: a fall, legs that buckle, a walking aid (not a trip: a dropped foot trips from
# the day it drops, getting worse or not)
_FAILS = re.compile(
    r"(?<!\bno\s)(?<!\bnot\s)(?<!\bnever\s)(?<!\bwithout\s)(?<!\bdenies\s)(?<!\bnearly\s)(?<!\balmost\s)"
    r"\b(?:fell|fallen|falls|falling|buckl(?:e|es|ed|ing)|gave\s+way|giving\s+way|gives\s+way|"
    r"needs?\s+(?:a\s+)?(?:frame|stick|zimmer|walker)|(?:can['’]?t|cannot|unable\s+to)\s+(?:stand|walk|weight[\s-]?bear))\b",
    re.I,
)


def _acute_failure(text: str, weak: list[Contribution]) -> re.Match[str] | None:
    """Weakness dated hours or days ago in its own sentence, that in the same sentence or the next already
    brings falls, buckling or a walking aid ("Since yesterday both legs have felt weak and he fell twice"): a
    deficit still evolving. Not when the weakness is said to be no worse ("foot drop noticed 4/7 ago, unchanged
    since")."""
    for c in weak:
        lo = _start(text, c.spans[0][0])
        hi = _end(text, c.spans[0][1])
        if _LATELY.search(text, lo, hi) is None:
            continue
        for said in _FAILS.finditer(text, lo, _end(text, hi + 1)):
            if not _MAYBE.search(text, max(lo, said.start() - 30), said.start()):
                # the whole text is searched for a course told as no worse only once a failure is found
                return None if _first(_NO_WEAKER, text) or _first(_NO_WORSE, text) else said
    return None


# a failure only feared: "my knees feel like they're gonna buckle", "like my knees might give way"
_MAYBE = re.compile(
    r"\b(?:might|may|could|gonna|going\s+to|about\s+to|as\s+if|as\s+though|if|in\s+case)\b[^.;,]{0,15}$", re.I
)


# a course told with a doubt: "I honestly can't tell if it's getting worse or if I'm just noticing it more"
_DOUBTED_WORSE = re.compile(
    r"\b(?:(?:can['’]?t|cannot|could\s*n['’]?t|could\s+not)\s+(?:really\s+|honestly\s+)?tell|"
    r"(?:not|n['’]t)\s+(?:really\s+|entirely\s+|quite\s+)?sure|(?:don['’]?t|do\s+not)\s+(?:really\s+)?know|unsure)\s+"
    r"(?:if|whether)\s+(?:it['’]?s|it\s+is|its|they['’]re|they\s+are|(?:my|the)\s+\w+\s+(?:is|are))\s+"
    r"(?:(?:really|actually)\s+)?(?:getting|got|gone|going)\s+(?:worse|weaker)\b",
    re.I,
)


def doubted_course(
    text: str, contributions: list[Contribution], course: list[Contribution]
) -> tuple[list[Contribution], list[Doubt]]:
    """Weakness found, and its course told with a doubt ("I can't tell if it's getting worse"): whether it is
    getting worse is unsure, never "no", and not "yes" either when the doubted words are all that said so."""
    said = _DOUBTED_WORSE.search(text)
    if said is None or not any(c.path.startswith("weakness.") and present(c) for c in contributions):
        return course, []
    told = [c for c in course if not any(said.start() <= a < said.end() for a, _ in c.spans)]
    if told:
        return course, []
    return [], [Doubt("history.progressive_weakness", words(text, said.start(), said.end()))]


def ungraded(text: str, values: dict[str, Any], contributions: list[Contribution]) -> list[Doubt]:
    """Weakness told with neither a grade nor a course ("both my legs feel weak"): whether it is marked or
    getting worse (the fail-safe's worsening-or-severe-weakness topic) is open, so unsure with the words that
    told it. A grade below 5 anywhere, or the course told either way, settles it."""
    if "history.progressive_weakness" in values:
        return []
    weak = {p: v for p, v in values.items() if p.startswith("weakness.")}
    if not any(v is True for v in weak.values()) or any(weak_grade(v) for v in weak.values()):
        return []
    told = next((c for c in contributions if c.value is True and weak.get(c.path) is True and c.spans), None)
    if told is None:
        return []
    return [Doubt("history.progressive_weakness", words(text, *told.spans[0]))]


# the weakness's course told as no worse: "not getting any weaker", "same as a month ago, not worse", "no
# better, no worse", "hasn't changed"
_NO_WEAKER = re.compile(
    r"(?:\b(?:not|no|never)|"
    + NT
    + r")\s+(?:been\s+)?(?:getting\s+|got\s+|gotten\s+|becoming\s+)?(?:any\s+)?weaker\b|"
    r"\bno\s+(?:\w+\s+)?change\s+in\s+(?:the\s+|his\s+|her\s+|my\s+)?(?:weakness|strength|power)\b|"
    r"\b(?:weakness|strength|power)\s+(?:is\s+|was\s+|has\s+been\s+|remains\s+|remained\s+)?(?:unchanged|stable|static|the\s+same)\b",
    re.I,
)
_NO_WORSE = re.compile(
    r"(?:\b(?:not|no)|" + NT + r")\s+(?:(?:getting|got|gotten|become|becoming|any|been)\s+){0,2}worse\b|"
    r"\bsame\s+as\s+(?:it\s+was\s+)?(?:a|last|one|two|three|four|\d+)\s+\w+\s+ago\b|\bsame\s+as\s+last\s+\w+\b|"
    r"\b(?:no|not\s+any)\s+different\s+(?:from|than|to)\s+(?:it\s+was\s+)?(?:a|last|one|two|three|four|\d+|before)\b|"
    r"(?:\bhas\s+not|\bhave\s+not|\bhas\s*n['’]?t|\bhave\s*n['’]?t)\s+changed\b|\bunchanged\b",
    re.I,
)
# a sentence that goes on about the thing before it: "It's not getting worse", "It's been like that ..."
# ("Not getting worse over the last week or so")
_GOES_ON = re.compile(r"\s*(?:it|this|that|the\s+weakness|the\s+strength|strength|power|not|no)\b", re.I)
# the whole trouble told no worse, as a sentence of its own anywhere: "It's not getting worse and it's not getting
# better, just sort of stuck" (a weakness told worse elsewhere still wins: the abnormal reading is kept)
_ALL_NO_WORSE = re.compile(
    r"(?:^|(?<=[.!?\n])\s*)(?:(?:and|but|so)\s+)?(?:it['’]?s|it\s+is|its|things\s+are|everything['’]?s|"
    r"everything\s+is|it\s+has|it['’]s\s+been|it\s+hasn['’]?t\s+been)\s+(?:definitely\s+|really\s+|certainly\s+)?"
    r"(?:not|n['’]t|no)\s+(?:getting\s+|got\s+|gotten\s+|any\s+)?worse\b",
    re.I,
)


def stable_course(text: str, contributions: list[Contribution]) -> list[Contribution]:
    """Weakness found and told to be no worse, in its own sentence or the one after that goes on about it: the
    course is said, and it is not getting worse."""
    weak = _weak(contributions)
    if not weak:
        return []
    said = _first(_NO_WEAKER, text)
    for c in weak if said is None else ():
        # ends at ".", "!", "?" or a new line: the parser's sentences (Parsed.sentence) lose ten stable courses of
        # the development texts
        lo = _start(text, c.spans[0][0])
        hi = _end(text, c.spans[0][1])
        after = _end(text, hi + 1) if _GOES_ON.match(text, hi + 1) else hi
        said = _first(_NO_WORSE, text, lo, after)
        if said is not None:
            break
    if said is None:
        said = _first(_ALL_NO_WORSE, text)
    if said is None:
        return []
    return [Contribution("history.progressive_weakness", False, [(said.start(), said.end())])]


def stable_told_after(
    text: str,
    sentence: Callable[[int, int], tuple[int, int]],
    contributions: list[Contribution],
    course: list[Contribution],
) -> list[Contribution]:
    """Weakness told worse, then no worse in the rest of its sentence ("legs a bit weaker on stairs, says no
    different from a year ago"): weaker than once, not getting weaker. The worsening is withdrawn from both
    lists; the stable course is returned."""
    stable: list[Contribution] = []
    for told in (contributions, course):
        for c in [c for c in told if c.path == "history.progressive_weakness" and c.value is True]:
            hi = sentence(c.spans[0][0], len(text))[1]
            end = c.spans[-1][1]
            said = _first(_NO_WORSE, text, end, hi) or _first(_NO_WEAKER, text, end, hi)
            # "L EHL 4/5 (new - was 5/5 at IA), R EHL 4/5 (unchanged)": another grade's own course
            if said is not None and not _graded_between(contributions, end, said.start()):
                told.remove(c)
                stable.append(
                    Contribution("history.progressive_weakness", False, [(said.start(), said.end())])
                )
    return stable[:1]


def _graded_between(contributions: list[Contribution], lo: int, hi: int) -> bool:
    return any(
        c.path.startswith("weakness.") and not isinstance(c.value, bool) and lo <= c.spans[0][0] < hi
        for c in contributions
    )


def _start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts: after the last ".", "!", "?" or new line before it."""
    return max(text.rfind(ch, 0, pos) for ch in ".!?\n") + 1


def _end(text: str, start: int) -> int:
    ends = [i for i in (text.find(ch, start) for ch in ".!?\n") if i >= 0]
    return min(ends) if ends else len(text)
