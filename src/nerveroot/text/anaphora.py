"""A symptom told again by "it": "the pain went down my left leg ... Saturday it was in both legs".

A sentence whose subject is "it" and which puts it somewhere in the legs ("it's in both legs now", "this time
it's the right leg", "then it went into my left calf") says the last symptom named again, in that place. The
pronoun becomes a mention of that symptom, so that what ConText says of the sentence (a denial, a doubt)
and the body parts after it are read as they are for the symptom's own word. "It doesn't go down my leg" is left
to the words it names: the symptom a pronoun stands for is never taken from a denial. "The same pattern into
the right leg" says the last symptom again, as "it" does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from nerveroot.text.lexicon import Entry


class _Said(Protocol):
    entry: Entry
    start: int
    end: int


# "it" as the subject, then where it is or went: be, or a verb of moving, then a place word or an article
_IT_GOES = re.compile(
    r"(?<![\w'’])(?P<it>it|this)(?:['’]?s|\s+(?:is|was|has|had|went|goes|go|going|gone|spread\w*|moved|moves|travel\w*|"
    r"radiat\w*|shoot\w*|started|starts|now|also|then))\b(?:\s+(?:now|also|then|even|gone|going|been|started|starting|spread\w*|"
    r"moved|travel\w*|go|going|to|shoot\w*|radiat\w*|just|only|mainly|mostly|more|really))*\s+"
    r"(?:(?:in|into|down|to|through|across|round|around|over|on|up)\s+)?(?:(?:the|my|his|her|both|each|either)\s+)",
    re.I,
)
# "it" said to be the usual kind, then its places listed: "Within a day it was the classic: right buttock, down the
# back of the thigh, calf ..."
_IT_CLASSIC = re.compile(
    r"(?<![\w'’])(?P<it>it|this)(?:['’]s|\s+(?:is|was|became))\s+(?:the|a|your|my)\s+(?:\w+\s+)?"
    r"(?:classic|usual|typical|textbook|standard)(?:\s+(?:sciatica|thing|pattern|one|picture|route))?\s*[:—–-]\s*",
    re.I,
)
# "it" as the object of having or feeling it, then where: "I've had it in my right leg for 2 weeks"
_HAD_IT = re.compile(
    r"(?<![\w'’])(?:had|have|got|get|feel|felt|getting)\s+(?P<it>it)\s+(?:(?:in|into|down|on|up)\s+)"
    r"(?:(?:the|my|his|her|both|each|either)\s+)",
    re.I,
)
# the same symptom told again in another place: "8/7 LBP down L leg to sole; last 3/7 same pattern into R leg"
_SAME_INTO = re.compile(
    r"(?<![\w'’])(?P<it>(?:the\s+)?same\s+(?:pattern|pain|thing|symptoms?|sensation|feeling))\s+(?:now\s+)?"
    r"(?:(?:in|into|down|on)\s+)(?:(?:the|my|his|her|both)\s+)?",
    re.I,
)
_DENIED = re.compile(r"\b(?:no|not|nor|never|without|denies|denied|any)\b[^.;,]*$", re.I)
_REACH = 400  # how far back the symptom "it" stands for may be named
_LEG_KINDS = frozenset({"pain", "numbness", "tingling"})


def pronoun_symptoms(
    text: str, symptoms: Sequence[_Said], regions: Sequence[_Said]
) -> list[tuple[Entry, int, int]]:
    """The last symptom named (its entry), at each "it" that says where that symptom now is."""
    if not symptoms or not regions:
        return []
    out: list[tuple[Entry, int, int]] = []
    told = [
        *_IT_GOES.finditer(text),
        *_HAD_IT.finditer(text),
        *_SAME_INTO.finditer(text),
        *_IT_CLASSIC.finditer(text),
    ]
    for m in sorted(told, key=lambda x: x.start()):
        region = next((r for r in regions if r.start >= m.end() - 1), None)
        if region is None or region.start - m.end() > 12:
            continue  # "it went down my left leg": the place straight after, at most a side word between
        said = [s for s in symptoms if s.end <= m.start() and m.start() - s.end <= _REACH]
        if not said or said[-1].entry.kind not in _LEG_KINDS:
            continue
        if _DENIED.search(text, max(0, said[-1].start - 24), said[-1].start):
            continue  # "no numbness round my privates, and it's only the left leg": "it" is not the numbness
        if any(m.end() <= s.start < region.end for s in symptoms):
            continue  # the sentence names its own symptom
        out.append((said[-1].entry, m.start("it"), m.end("it")))
    return out


# the parts a question may name (its last such word is what "they" stands for), and where a question starts
_LEG_PARTS = re.compile(r"\b(?:legs|feet|thighs|calves|knees)\b", re.I)
_SENTENCE_END = re.compile(r"[?.!\n]")
# the answer's pronoun, with the verb a contraction holds
_THEY = re.compile(r"(?<![\w'’])(?P<they>they|them)(?:(?P<have>['’]ve)|(?P<are>['’]re))?(?![\w'’])", re.I)
_ANSWER_REACH = 300  # an answer runs to the next question, and no further than this


def answered_pronouns(text: str) -> list[tuple[int, int, str]]:
    """Each "they"/"them" in the answer to a question about the legs, with the words it stands for ("They've"
    -> "My legs have"): (start, end, words), for `normalise.correct`."""
    if "?" not in text:
        return []
    out: list[tuple[int, int, str]] = []
    asked_from = 0  # where the question being read starts: after the last sentence end before its "?"
    for end in _SENTENCE_END.finditer(text):
        lo, asked_from = asked_from, end.end()
        if end.group() != "?":
            continue
        named = [p.group().lower() for p in _LEG_PARTS.finditer(text, lo, end.start())]
        if not named:
            continue
        part, q_end = named[-1], end.end()
        stop = text.find("?", q_end)
        stop = min(stop if stop >= 0 else len(text), q_end + _ANSWER_REACH)
        for m in _THEY.finditer(text, q_end, stop):
            said = f"my {part}" if m.group("they").islower() else f"My {part}"
            said += " have" if m.group("have") else " are" if m.group("are") else ""
            out.append((m.start(), m.end(), said))
    return out
