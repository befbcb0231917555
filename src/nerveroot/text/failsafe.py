"""Fail safe: a warning sign the text raises but does not settle is `unsure`, never a reassuring silence.

A topic (red_flags.yaml `topics`) is raised by its words (lexicon `topics.words`: "bladder", "down below",
"fell") in the person's present story. It is settled when a finding of the topic was read (present, or
clearly denied), or when the words themselves deny it ("bladder function normal", "no bowel problems").
Otherwise the topic becomes an `unsure` item with the sentence that raised it; the engine then raises the
triage and lists it under `unresolved`. A plan, advice, a hypothetical, another person or a past episode
raises nothing: it was not left unsettled.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from nerveroot.text.compose import dropped
from nerveroot.text.context import Parsed
from nerveroot.text.lexicon import load_lexicon, topic_findings
from nerveroot.text.mentions import Found
from nerveroot.text.settle import Doubt, words

# Topics whose settling is read elsewhere (timeline.py): raising their words alone says nothing.
_ASSEMBLED = frozenset({"both_legs_new", "progressive_weakness"})


def unsettled(
    text: str, found: Found, parsed: Parsed, values: dict[str, Any], doubts: list[Doubt]
) -> Iterator[Doubt]:
    """A doubt for each topic raised and left unsettled, with the words that raised it."""
    lexicon = load_lexicon()
    topics = topic_findings()
    doubted = {d.finding for d in doubts}
    for m in found["topics"]:
        topic = m.entry.kind or ""
        findings = topics.get(topic, ())
        if topic in _ASSEMBLED or not findings or dropped(m) or m.flags.negated:
            continue
        if any(values.get(f) is not None or f in doubted for f in findings):
            continue  # settled: read as present or denied, or already doubted
        lo, hi = _clause(parsed, m.start, len(text))
        if not m.flags.uncertain and lexicon.denied.search(text, lo, hi):
            continue  # "bladder and bowel function normal"
        doubted.add(findings[0])
        yield Doubt(findings[0], words(text, m.start, m.end))


def _clause(parsed: Parsed, pos: int, size: int) -> tuple[int, int]:
    marks = sorted(set(parsed.clauses) | set(parsed.sentences))
    i = bisect.bisect_right(marks, pos) - 1
    return (marks[i] if i >= 0 else 0), (marks[i + 1] if i + 1 < len(marks) else size)
