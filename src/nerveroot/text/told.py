"""When symptoms in both legs began, as the text tells it: a sentence's own time, or the time of a sentence just
before it in its paragraph; years of them, or the same as before, say they are long-standing."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from nerveroot.text.context import Parsed
from nerveroot.text.guards import guarded
from nerveroot.text.mentions import Mention

NEW_WEEKS = 2  # red_flags.yaml: symptoms in both legs count as new when under 2 weeks old (girft_ces_2023)
CHANGE = guarded(re.compile(r"\b(?:now|started|began|begun|developed|spread\w*)\b", re.I))
CHRONIC = guarded(
    re.compile(
        r"\b(?:for\s+(?:many\s+|a\s+couple\s+of\s+|a\s+few\s+|several\s+|two\s+|three\s+|four\s+|five\s+|\d+\s+)?years|"
        r"long[\s-]*standing|chronic|known|unchanged|for\s+(?:a\s+)?long\s+time)\b",
        re.I,
    )
)
# found today, but said to be as before: "4+/5 on both sides, the same at previous reviews", "first examined in
# 2022 ... graded 4+/5 then and again today", "... and this has not changed on my examination today"
AS_BEFORE = guarded(
    re.compile(
        r"\b(?:(?:the\s+)?same\s+(?:at|as\s+(?:at|in|on))\s+(?:previous|earlier|prior|last)|"
        r"unchanged\s+(?:from|since)\s+(?:previous|earlier|prior|last)|stable\s+(?:for|since|over)\s+(?:\w+\s+){0,3}?(?:months|years)|"
        r"then\s+and\s+again\s+(?:today|now|this\s+week)|(?:today|now)\s+(?:it\s+|they\s+)?(?:is|are|remains?)\s+(?:still\s+)?(?:the\s+same|unchanged)|first\s+(?:examined|seen|noted|recorded|found)\s+(?:\w+\s+){0,3}?"
        r"in\s+(?:19|20)\d\d|(?:has|have)\s*(?:not|n['’]t)\s+changed\s+(?:on|at|since|by)|no\s+change\s+(?:on|at|since)\s+"
        r"(?:my\s+|our\s+|the\s+)?(?:examination|exam|review|assessment|last)|"
        # "No new leg pain, and my feet are no different"
        r"(?:are|is|feel|feels|seem|seems)\s+no\s+different|no\s+new\s+(?:leg\s+)?(?:pain|symptoms?|numbness))\b",
        re.I,
    )
)
# the whole story said to be long unchanged: "Nothing has changed recently, it's been like this for over a year"
NOTHING_NEW = guarded(
    re.compile(
        r"\b(?:nothing(?:['’]s|\s+has)\s+changed\s+(?:recently|lately|in\s+(?:months|years|ages))|(?:been|was)\s+like\s+"
        r"this\s+for\s+(?:well\s+)?(?:over\s+|more\s+than\s+)?(?:a\s+year|years|months|\d+\s+(?:months|years))|so\s+not\s+new|"
        # "that's not new", "thats not new", "it isn't new"
        r"(?:that|this|it)(?:['’]?s|\s+is|\s+was)\s+not\s+(?:anything\s+)?new|(?:that|this|it)\s+(?:is|was)n['’]?t\s+new|"
        r"been\s+the\s+same\s+for\s+(?:about\s+|over\s+|nearly\s+|almost\s+)?(?:[\w-]+\s+){0,4}?(?:months|years))\b",
        re.I,
    )
)
# both legs said never to have been so before: "so now I've got it in both legs, which I've never had"
FIRST_TIME = guarded(
    re.compile(
        r"\b(?:which|that)\s+(?:I|he|she|they)(?:['’]ve|\s+have|\s+has|['’]s)?\s+never\s+(?:had|felt|experienced)\b|"
        r"\bnever\s+(?:had|felt)\s+(?:it|this|that|anything\s+like\s+(?:it|this|that))\s+(?:before|in\s+both)|"
        r"\bfor\s+the\s+(?:very\s+)?first\s+time\b|\bwhich\s+is\s+(?:completely\s+|totally\s+|brand\s+)?new\b",
        re.I,
    )
)
# both legs now and then, for a day or two: the time is an episode's length, not when it began
EPISODIC = guarded(
    re.compile(
        r"\b(?:occasionally|sometimes|now\s+and\s+(?:then|again)|on\s+and\s+off|at\s+times)\s+(?:\w+\s+){0,3}?"
        r"(?:both|bilateral\w*)\b",
        re.I,
    )
)
BOTH = guarded(
    re.compile(r"\b(?:both|bilateral\w*|bilat|b/l|legs|calves|thighs|feet|lower[\s-]+limbs)\b", re.I)
)
_LOOK_BACK = 2  # sentences back, in its paragraph, where a sentence without a time of its own finds one
# "on examination today", "seen today": when the examination was, not when the symptoms began
_EXAMINED_TODAY = re.compile(
    r"\b(?:examin\w*|exam|O/E|seen|saw|review\w*|assess\w*)\s+(?:\w+\s+){0,2}?today\b", re.I
)
# a sudden onset denied: "nothing has changed suddenly", "it didn't come on suddenly", "not suddenly"
_NOT_SUDDEN = re.compile(
    r"(?:\bnot|\bnever|n['’]t|\bnothing\s+(?:has\s+|had\s+)?changed)\s+(?:(?:come|came|start\w*|happen\w*|on|so|at\s+all)\s+)*$",
    re.I,
)
# "new" said of something other than symptoms: "feels like a new man", "a new mattress"
# a time spent doing something: "ten minutes standing", "half an hour of walking"
_SPENT = re.compile(
    r"\s+(?:of\s+)?(?:stand|walk|sitt|sat\b|run|jogg|cycl|driv|queu|exercis|garden|hoover|shopp)\w*", re.I
)
_MINUTES = re.compile(r"\b(?:min\w*|hours?|hrs?|h|secs?|seconds?)\b", re.I)


def _spent(text: str, start: int, end: int) -> bool:
    """Minutes or hours spent doing something ("ten minutes standing at the sink"), not days ("over the last four
    days walking has become difficult": when it began)."""
    return _MINUTES.search(text, start, end) is not None and _SPENT.match(text, end) is not None


# how soon a symptom eases, not when it began: "sitting brings relief within a few minutes"
_HOW_SOON = re.compile(
    r"\b(?:relief|reliev\w*|eases?|eased|easing|settles?|settled|settling|subsides?|subsided|wears?\s+off|wore\s+off|"
    r"goes\s+(?:off|away)|went\s+(?:off|away)|recover\w*|better)\b[^.;!?]{0,25}$",
    re.I,
)
_NEW_THING = re.compile(
    r"\s+(?:man|woman|person|lease\s+of\s+life|baby|job|house|home|car|puppy|dog|mattress|bed|chair|shoes|boots|"
    r"trainers|glasses|knee|hip|physio|GP|doctor)\b",
    re.I,
)
_PARAGRAPH = re.compile(r"\n\s*\n")
_ONSET = re.compile(
    r"\b(?:since|ago|yesterday|(?:over|in|for)\s+the\s+(?:last|past)|this\s+(?:morning|week)|last\s+night)\b",
    re.I,
)


@dataclass(frozen=True)
class Told:
    """The times said in a text's sentences, and what each sentence takes from the ones before it."""

    text: str
    parsed: Parsed
    times: list[tuple[float, Mention]]
    recent: re.Pattern[str]
    bounds: list[tuple[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bounds", self.parsed.spans(len(self.text)))

    def own(self, lo: int, hi: int) -> list[float]:
        """The durations (weeks) said in lo..hi; not how long an activity lasts before the symptoms come ("after
        about ten minutes standing at the sink")."""
        return [w for w, t in self.times if lo <= t.start < hi and not _spent(self.text, t.start, t.end)]

    def lately(self, lo: int, hi: int) -> bool:
        """Is an onset of days said in lo..hi ("since Monday", "3/7")? Not the day of an examination."""
        onset = any(
            not _EXAMINED_TODAY.search(self.text, max(lo, m.start() - 30), m.end())
            and not _NEW_THING.match(self.text, m.end())
            and not _HOW_SOON.search(self.text, max(lo, m.start() - 40), m.start())
            and not _spent(self.text, m.start(), m.end())
            and not (
                m.group().lower().startswith("sudden")
                and _NOT_SUDDEN.search(self.text, max(lo, m.start() - 30), m.start())
            )
            for m in self.recent.finditer(self.text, lo, hi)
        )
        return onset or any(w <= NEW_WEEKS for w in self.own(lo, hi))

    def just_before(self, lo: int) -> bool:
        """A sentence without a time of its own takes the last one before it in its paragraph that has one,
        up to two back ("This time it started 5 days ago ... It's in both legs", "Since the weekend there's been
        something else going on. My undercarriage feels odd. The tops of both thighs feel numb")."""
        text, bounds = self.text, self.bounds
        k = bisect.bisect_right(self.parsed.sentences, lo) - 1
        if k <= 0 or self.own(*bounds[k]) or CHRONIC.search(text, *bounds[k]):
            return False
        for j in range(k - 1, max(-1, k - 1 - _LOOK_BACK), -1):
            further = j < k - 1
            if further and _PARAGRAPH.search(text, bounds[j][0], lo):
                return False
            # further back, only an onset said as such ("since the weekend"), not "new" ("that's not new") nor
            # how soon it eases ("settle within a few minutes of sitting")
            if self.lately(*bounds[j]) and (not further or _ONSET.search(text, *bounds[j])):
                return not AS_BEFORE.search(text, *bounds[j])
            if self.own(*bounds[j]) or CHRONIC.search(text, *bounds[j]):
                return False
        return False

    def long_before(self, lo: int) -> bool:
        """A sentence without a time of its own, just after one that tells years of it ("I have had numb feet
        for years. Both feet feel numb in the mornings")."""
        text, bounds = self.text, self.bounds
        k = bisect.bisect_right(self.parsed.sentences, lo) - 1
        return (
            k > 0
            and not self.own(*bounds[k])
            and BOTH.search(text, *bounds[k - 1]) is not None
            and (
                any(w > NEW_WEEKS for w in self.own(*bounds[k - 1]))
                or CHRONIC.search(text, *bounds[k - 1]) is not None
            )
        )
