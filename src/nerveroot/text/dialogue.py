"""A question and its answer: what a question names is asked, and the answer says whether it is there.

    Nurse: Any numbness between your legs or when you wipe?       Q: Passing urine normally? Any leaking?
    Sam: No.                                                      A: All normal.

A telephone transcript, a history taken as questions, a physio's "Saddle? N": the question's words are not the
person's findings. A run of questions and the answer that follows them (a speaker's label before it is only a
label): "no", "nothing like that" or "all normal" deny what was asked; "dunno" or "maybe" leave it unsure; "yes"
leaves it as asked, and "no" to "does it feel normal?" says it is not. A question with no answer after it (a
person's own "is that serious?") is left as it was: it tells of what the person has.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from nerveroot.text.mentions import Within

# "Nurse:", "Dr Reyes:", "Q:", "A -", "J:": a speaker's label at the start of a line or sentence
_LABEL = re.compile(r"\s*(?:[A-Z][\w.'’-]{0,15}(?:\s+[A-Z][\w.'’-]{0,15})?\s*(?::|\s[-–—]\s)|[-–—>]+)\s*")
_NO = re.compile(
    r"(?:no|nope|nah|none|nil|never|negative|denies|not\s+really|not\s+that\s+I(?:['’]ve|\s+have)?\s+(?:noticed|know)|"
    r"nothing(?:\s+(?:like\s+that|at\s+all|of\s+the\s+sort))?|wish\s+(?:I|it|he|she)\s+(?:had|did|was|were|could))(?![\w'’])",
    re.I,
)
# an answer that what was asked is as it should be: it denies a change even when the question asked after the
# normal state ("Passing urine normally?" - "All normal")
_NORMAL = re.compile(
    r"(?:(?:all|both|everything(?:['’]s)?|it['’]?s|all\s+seems?|seems?)\s+)?"
    r"(?:normal|fine|ok|okay|good|grand|regular(?:\s+as\s+clockwork)?|as\s+usual|the\s+same\s+as\s+(?:ever|usual|always)|"
    r"(?-i:N|NAD))(?![\w'’])",
    re.I,
)
_YES = re.compile(r"(?:yes|yeah|yep|yup|aye|ya|correct|sometimes|a\s+(?:bit|little))(?![\w'’])", re.I)
_UNSURE = re.compile(
    r"(?:dunno|d(?:o|on['’]?)t\s+know|no\s+(?:idea|clue)|not\s+(?:sure|certain)|unsure|maybe|perhaps|possibly|might\s+be|"
    r"I\s+(?:think|guess|suppose)|hard\s+to\s+(?:say|tell)|can['’]?t\s+(?:say|tell|remember))(?![\w'’])",
    re.I,
)
# within the answer's sentence, a doubt after the "no": "No... well, maybe a little"
_DOUBT_AFTER = re.compile(
    r"\b(?:maybe|perhaps|not\s+sure|I\s+think|might|possibly|a\s+(?:bit|little))\b", re.I
)
# a question after "normal": "Are you passing water normally?" answered "No" is a change, not a denial
_ASKS_NORMAL = re.compile(
    r"\b(?:normal(?:ly)?|fine|ok(?:ay)?|as\s+usual|properly|alright|all\s+right)\b", re.I
)


@dataclass(frozen=True)
class Answers:
    """Each answered question sentence (its start and end, in order) and what its answer says of it: "denied",
    "unsure", or "abnormal" ("Does it feel normal when you wipe?" - "No.")."""

    spans: list[tuple[int, int]]
    said: list[str]

    def at(self, pos: int) -> str | None:
        """What the answer says of the question holding `pos`, if it was answered."""
        i = bisect.bisect_right(self.spans, (pos, 1 << 62)) - 1
        return self.said[i] if i >= 0 and pos < self.spans[i][1] else None


def answers(text: str, bounds: list[tuple[int, int]]) -> Answers:
    """The answered questions among the sentences `bounds` (worked out once per text: a text without "?" has
    none)."""
    spans: list[tuple[int, int]] = []
    said: list[str] = []
    if "?" in text:
        for first, last, verdict in _runs(text, bounds):
            for lo, hi in bounds[first:last]:
                spans.append((lo, hi))
                if verdict == "no" and _ASKS_NORMAL.search(text, lo, hi):
                    said.append("abnormal")
                else:
                    said.append("unsure" if verdict == "unsure" else "denied")
    return Answers(spans, said)


def answered_questions(text: str, bounds: list[tuple[int, int]], within: Within) -> None:
    """Mark, in place, the mentions of each answered question with what its answer says; "no" to "normally?"
    is not a denial: what the answer says is read on its own (failsafe.py reads the change)."""
    answered = answers(text, bounds)
    for (lo, hi), said in zip(answered.spans, answered.said, strict=True):
        for m in within(lo, hi):  # the question's own doubt ("any ...?") is the answer's now
            if said == "unsure":
                m.flags = replace(m.flags, uncertain=True, hypothetical=False)
            elif said == "denied":
                m.flags = replace(m.flags, negated=True, uncertain=False, hypothetical=False)


def _runs(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Each run of question sentences (first, last + 1) with an answer after it that says no, normal or
    unsure."""
    runs: list[tuple[int, int, str]] = []
    k = 0
    while k < len(bounds):
        if not _question(text, *bounds[k]):
            k += 1
            continue
        first = k
        while k < len(bounds) and _question(text, *bounds[k]):
            k += 1
        verdict = _verdict(text, *bounds[k]) if k < len(bounds) else None
        if verdict is not None and verdict != "yes":
            runs.append((first, k, verdict))
    return runs


def _question(text: str, lo: int, hi: int) -> bool:
    """A sentence that asks, not one that wonders aloud ("not sure if it's the codeine??")."""
    said = text[lo:hi].rstrip()
    return said.endswith("?") and not said.endswith("??") and _WONDERS.search(said) is None


_WONDERS = re.compile(
    r"\b(?:not\s+sure|wonder\w*|maybe|perhaps|or\s+(?:is\s+it|just|if)|could\s+it\s+be)\b", re.I
)


def _verdict(text: str, lo: int, hi: int) -> str | None:
    """ "no", "normal", "unsure" or "yes" for an answer's sentence; None for one that says something else. Without
    a speaker's label the answer must stand alone ("No.", "No, nothing there."): "No leaks." after "not sure if
    it's the codeine??" is a statement of its own."""
    label = _LABEL.match(text, lo, hi)
    at = label.end() if label else lo
    at += len(text[at:hi]) - len(text[at:hi].lstrip(" \t\"'“‘(…."))
    filler = _FILLER.match(text, at, hi)  # "Actually... no."
    at = filler.end() if filler else at
    for kind, rx in (("unsure", _UNSURE), ("no", _NO), ("normal", _NORMAL), ("yes", _YES)):
        said = rx.match(text, at, hi)
        if said is None:
            continue
        if label is None and not _ALONE.match(text, said.end(), hi):
            return None
        if kind in ("no", "normal") and _DOUBT_AFTER.search(text, said.end(), hi):
            return "unsure"
        if kind == "no" and _NORMAL_AFTER.search(text, said.end(), hi):
            return "normal"  # "No, normal." to "Passing urine normally? Any leaking?"
        return kind
    return None


_NORMAL_AFTER = re.compile(r"\b(?:normal(?:ly)?|fine|ok(?:ay)?|as\s+usual)\b", re.I)
_FILLER = re.compile(
    r"(?:(?:actually|well|um+|uh+|er+m?|hmm+|oh|honestly|to\s+be\s+honest|now\s+(?:that\s+)?you\s+mention\s+it)"
    r"(?![\w'’])[\s.,…!-]*)+",
    re.I,
)
_ALONE = re.compile(r"\s*(?:[,.;!:…]|[-–—]|$)")
