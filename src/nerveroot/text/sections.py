"""Sections of a note (history, examination, imaging, plan, ...) by medspaCy's sectionizer.

What a section is for decides what its words may say: a plan or safety-netting section gives no findings
("come back if you get numbness down there"), an imaging section gives imaging findings, family history is
someone else's, past history is not the present illness. The titles are lexicon data (`sections`). A text
without any title is one untitled section, and spaCy is not loaded for it.
"""

from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any

from nerveroot.text.guards import guarded
from nerveroot.text.lexicon import Lexicon, load_lexicon
from nerveroot.text.medspacy_parts import section_classes
from nerveroot.text.tokens import blank_nlp

# Sections whose words give no present findings of the person.
SILENT = frozenset({"plan", "family"})


@dataclass(frozen=True)
class Sections:
    """Where each section starts (character offsets, ascending) and its kind ("" before the first title)."""

    starts: list[int]
    kinds: list[str]

    def kind_at(self, pos: int) -> str:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.kinds[i] if i >= 0 else ""


# Section kinds that change what their words may say; a text with titles of no such kind needs no sections.
_EFFECT = frozenset({"plan", "family", "past_history", "imaging", "social"})


@cache
def _titles() -> re.Pattern[str]:
    """One expression for the titles that matter: a text that matches none is one untitled section."""
    lexicon = load_lexicon()
    words = sorted(
        {t for k, ts in lexicon.section_titles.items() if k in _EFFECT for t in ts}, key=len, reverse=True
    )
    body = "|".join(r"\s*".join(re.escape(w) for w in re.findall(r"\w+|[^\w\s]", t)) for t in words)
    return guarded(re.compile(rf"(?<![\w])(?:{body})", re.IGNORECASE))


@cache
def _sectionizer() -> Any:
    Sectionizer, SectionRule = section_classes()

    lexicon: Lexicon = load_lexicon()
    sectionizer = Sectionizer(blank_nlp(), rules=None, span_attrs=None)
    sectionizer.add(
        [SectionRule(literal=t, category=kind) for kind, ts in lexicon.section_titles.items() for t in ts]
    )
    return sectionizer


_ONE_LINE = frozenset({"past_history", "family", "social"})
_TEXT_AFTER_TITLE = re.compile(
    r"[^\n:]{1,40}:[ \t]*\S"
)  # "PMH: PMR ...": the title with words after it on its line
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_LINE_LABEL = re.compile(r"\n[ \t]*([A-Za-z][\w /&+-]{0,40}:)")
# a title written inside a sentence ("Quick background: 36M, had sciatica ...") is prose, not a section
_PROSE_BEFORE = re.compile(r"[a-z][a-z’']*\s+$")


def _in_prose(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return _PROSE_BEFORE.search(text, max(line, start - 30), start) is not None


_FIRST_PERSON = re.compile(r"[^\n:]{1,40}:[ \t]*(?:I|I['’](?:m|ve|d)|My)\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
# an exam question's answer options ("Which is the best management?\nA. MRI ...\nB. ..."): choices, not findings
_OPTIONS = re.compile(r"\?\s*(?=\(?A[.):][ \t]+\S[^\n]*?(?:\n+[ \t]*|[ \t]+)\(?B[.):][ \t])")


def bracket_around(text: str, pos: int) -> tuple[int, int] | None:
    """Where the bracket holding `pos` opens and closes, when both are on `pos`'s line."""
    line = text.rfind("\n", 0, pos) + 1
    opened = text.rfind("(", line, pos)
    if opened == -1 or text.rfind(")", opened, pos) != -1:
        return None
    closed = text.find(")", pos)
    end = text.find("\n", pos)
    return (opened, closed) if closed != -1 and (end == -1 or closed < end) else None


# an exam question's stem: "What is the likely cause of his calf pain, and what is the appropriate next step?"
# names what the vignette told, and tells nothing new
_STEM = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:What|Which|How)\b[^?\n]{0,160}?\b(?:most\s+likely|likely|appropriate|best|"
    r"next\s+step|diagnosis|investigation|management|nerve\s+root|root)\b[^?\n]{0,160}\?"
)


def find_sections(text: str) -> Sections:
    """Each titled section, from its title to the next title or the end of its paragraph; an exam question and
    the answer options after it are sections of their own, read as a plan (nothing in them is a finding)."""
    options = _OPTIONS.search(text)
    found = _titled(text)
    stem = _STEM.search(text)
    if stem is not None and stem.start() > 0 and (options is None or stem.end() < options.start()):
        kinds = dict(zip(found.starts, found.kinds, strict=True))
        kinds.setdefault(stem.end(), found.kinds[bisect.bisect_right(found.starts, stem.start()) - 1])
        kinds[stem.start()] = "plan"
        starts = sorted(kinds)
        found = Sections(starts, [kinds[p] for p in starts])
    if options is None:
        return found
    keep = [(p, k) for p, k in zip(found.starts, found.kinds, strict=True) if p < options.end()]
    return Sections([p for p, _ in keep] + [options.end()], [k for _, k in keep] + ["plan"])


def _titled(text: str) -> Sections:
    if not _titles().search(text):
        return Sections([0], [""])
    doc = blank_nlp().make_doc(text)
    with warnings.catch_warnings():  # spaCy warns that the token matcher is empty: every title is a phrase
        warnings.filterwarnings("ignore", message=r"\[W036\]")
        _sectionizer()(doc)
    marks: dict[int, str] = {0: ""}
    for s in doc._.sections:
        if s.category is not None:
            start = doc[s.title_start].idx if s.title_start < len(doc) else len(text)
            if not _in_prose(text, start):
                marks[start] = str(s.category)
    # a title opening a bracket ("5/52 (MRI: L3/4 L foraminal protrusion).") heads only the bracket's words
    for start in list(marks):
        held = bracket_around(text, start) if marks[start] else None
        if held is not None and not text[held[0] + 1 : start].strip(" \t") and held[1] + 1 not in marks:
            marks[held[1] + 1] = ""
    titled = sorted(marks)
    # a titled section ends with its paragraph, or at a line with a label of its own ("PMH: HTN.\nRF screen:
    # saddle normal" is not past history)
    ends = [m.end() for m in _PARAGRAPH.finditer(text)] + [m.start(1) for m in _LINE_LABEL.finditer(text)]
    for end in ends:
        i = bisect.bisect_right(titled, end) - 1
        if i >= 0 and marks[titled[i]] and end not in marks:
            marks[end] = ""
    # a field of one line ("PMH: PMR on prednisolone, T2DM.", "SH: lives alone") ends with its line: the next
    # line is the story again ("Since the fall severe pain ...")
    for start in titled:
        if marks[start] in _ONE_LINE and _TEXT_AFTER_TITLE.match(text, start):
            end = text.find("\n", start)
            if end != -1 and end + 1 not in marks:
                marks[end + 1] = ""
    # past history told in the first person ("Background: I had a gastric bypass last year ... Two weeks ago I
    # ..."): the person's own story, whose first sentence only is the background
    for start in sorted(marks):
        told = _FIRST_PERSON.match(text, start) if marks[start] == "past_history" else None
        if told is not None:
            stop = _SENTENCE_END.search(text, told.end())
            if stop is not None and stop.end() not in marks:
                marks[stop.end()] = ""
    starts = sorted(marks)
    return Sections(starts, [marks[p] for p in starts])
