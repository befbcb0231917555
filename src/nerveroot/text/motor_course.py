"""Weakness getting worse, told by what the weakness does rather than by its grades.

Where a muscle is found weak, walking or strength said to be deteriorating is the weakness's course ("over the
last fortnight her walking has deteriorated sharply ... power 4/5 hip flexion bilaterally"), and tingling that
climbs from the feet to the knees or the hands, with both legs weak, is an ascending paralysis. So is a course
told as a sequence: weakness dated once ("on Monday both his legs went weak") and later a failure of walking or
standing dated after it ("By Wednesday he couldn't get up the stairs", "today she cannot walk"). Walking
*distance* getting shorter is claudication's course, not weakness's; without weakness found, neither says
anything.
"""

from __future__ import annotations

import re

from nerveroot.text.both_legs import present
from nerveroot.text.compose import Contribution
from nerveroot.text.settle import Doubt, words

_MOTOR_WORSE = re.compile(
    r"\b(?:walking|gait|mobility|strength|power|legs?)(?!\s+(?:distance|tolerance|range))\s+"
    r"(?:(?:has|have|had|is|are|was|were)\s+)?(?:been\s+)?(?:(?!not\b|never\b|no\b)\w+\s+)?"
    r"(?:deteriorat\w*|worsen\w*|got\s+worse|getting\s+worse|gone\s+downhill|declin\w*)",
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
    rf"(?:^|(?<=[.!?]\s))(?:by\s+|on\s+)?{_DAY}\b|\b(?:on\s+{_DAY}|(?:\d+|a\s+few|several|two|three|four|five|six|seven)\s+"
    r"(?:days?|weeks?)\s+(?:ago|later)|initially|at\s+first|at\s+the\s+start|yesterday|last\s+(?:week|night))\b",
    re.I,
)
# a later time that opens a clause, then a failure of walking or standing
_THEN_FAILED = re.compile(
    rf"(?:^|(?<=[.;!?:]\s)|(?<=,\s)|(?<=\band\s)|(?<=\bbut\s))(?:by\s+{_DAY}|by\s+(?:the\s+)?(?:next|following)\s+"
    r"(?:day|morning|evening)|(?:\d+|a\s+few|two|three|four)\s+days\s+later|the\s+(?:next|following)\s+(?:day|morning)|"
    r"today|this\s+morning|now|since\s+then|by\s+now)\b[^.;!?]{0,100}?\b(?:can['’]?t|cannot|couldn['’]?t|could\s+not|"
    r"unable\s+to|barely|no\s+longer|had\s+to\s+(?:haul|pull|drag|heave|hoist)|needed\s+help\s+to|had\s+to\s+help\s+(?:me|him|her))\s+"
    r"(?:\w+\s+){0,3}?(?:walk|stand|get\s+up|climb|weight[\s-]?bear|move\s+(?:his|her|my)\s+legs?|(?:my|him|her|them)sel(?:f|ves)\s+up|up)"
    r"(?!\w|\s+(?:(?:very\s+)?far|more\s+than|for\s+(?:long|more)|because|due\s+to|without\s+(?:pain|stopping)))",
    re.I,
)

# "if her walking deteriorates": advice about what may come, not what has
_IF = re.compile(
    r"\b(?:if|should|unless|in\s+case|whether|watch\s+(?:out\s+)?for|look\s+out\s+for)\b[^.;!?]*$", re.I
)


def motor_course(text: str, contributions: list[Contribution]) -> list[Contribution]:
    """Progressive weakness from walking or strength deteriorating, or an ascending course, with weakness found."""
    weak = [c for c in contributions if c.path.startswith("weakness.") and present(c) and not c.uncertain]
    if not weak:
        return []
    said = next(
        (m for m in _MOTOR_WORSE.finditer(text) if not _IF.search(text, max(0, m.start() - 60), m.start())),
        None,
    )
    if said is None and {c.path.split(".")[1] for c in weak} >= {"left", "right"}:
        said = next(
            (m for m in _ASCENDING.finditer(text) if not _IF.search(text, max(0, m.start() - 60), m.start())),
            None,
        )
    if said is None:
        said = _sequence(text, weak)
    if said is None:
        return []
    return [
        Contribution("history.progressive_weakness", True, [weak[0].spans[0], (said.start(), said.end())])
    ]


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
