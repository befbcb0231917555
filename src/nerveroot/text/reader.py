"""The reading itself: find phrases, settle overlaps, run ConText, compose the case."""

from __future__ import annotations

import bisect
import re
from typing import Any

from nerveroot.text.compose import Contribution, Mention, build_case, compose, resolve_sides, settle
from nerveroot.text.context import parse
from nerveroot.text.lexicon import SCAN_ORDER as _SECTIONS
from nerveroot.text.lexicon import Lexicon, load_lexicon, word_starts

# Where two phrases overlap, the one from the earlier section wins: a finding ("numb between my legs")
# beats a word to ignore ("back passage"), which beats a symptom word, which beats a body region.
_PRIORITY = ("findings", "ignore", "symptoms", "regions")


def _mentions(lexicon: Lexicon, text: str, starts: list[int]) -> dict[str, list[Mention]]:
    found = lexicon.scanner.scan(text, starts)
    return {
        section: [
            Mention(
                entry,
                m.start(),
                m.end(),
                m.group(),
                {k: v for k, v in m.groupdict().items() if v is not None},
            )
            for entry, m in matches
        ]
        for section, matches in zip(_SECTIONS, found, strict=True)
    }


def _groups(m: re.Match[str]) -> dict[str, str]:
    if not m.re.groupindex:
        return {}
    return {k: v for k, v in m.groupdict().items() if v is not None}


def _settle_overlaps(candidates: dict[str, list[Mention]], size: int) -> dict[str, list[Mention]]:
    taken = bytearray(size)
    kept: dict[str, list[Mention]] = {s: [] for s in _PRIORITY}
    for section in _PRIORITY:
        for m in candidates[section]:
            if any(taken[m.start : m.end]):
                continue
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
            kept[section].append(m)
    return kept


def read(text: str) -> tuple[dict[str, Any], list[Contribution], bool]:
    """The case (as JSON data), every finding read with its spans, and whether the side was assumed."""
    lexicon = load_lexicon()
    starts = word_starts(text)
    found = _mentions(lexicon, text, starts)
    kept = _settle_overlaps(found, len(text))
    targets = [m for s in ("findings", "symptoms", "regions") for m in kept[s]]
    targets.sort(key=lambda m: m.start)
    parsed = parse(text, [(m.start, m.end) for m in targets])
    for m, flags in zip(targets, parsed.flags, strict=True):
        m.flags = flags
    ignored = sorted((m.start, m.end) for m in kept["ignore"])
    sides = resolve_sides([m for m in found["sides"] if not _inside(m, ignored)])
    composed = compose(
        lexicon, kept["findings"], kept["symptoms"], kept["regions"], sides=sides, parsed=parsed
    )
    contributions = composed.contributions
    contributions.extend(
        _demographics(lexicon, found["demographics"], kept["findings"], text, parsed.clauses)
    )
    values = settle(contributions)
    return build_case(values), contributions, composed.side_assumed


def _inside(m: Mention, spans: list[tuple[int, int]]) -> bool:
    """Is the mention within one of `spans` (sorted, non-overlapping)?"""
    i = bisect.bisect_right(spans, (m.start, 1 << 30)) - 1
    return i >= 0 and spans[i][0] <= m.start and m.end <= spans[i][1]


_TRIVIAL = re.compile(r"^\s*$")


# A duration in a clause about an earlier episode is not the length of this one.
_EARLIER = re.compile(
    r"\b(?:previous|prior|in\s+the\s+past|past\s+episode|earlier\s+episode|last\s+episode|used\s+to|before\s+that)\b",
    re.I,
)


def _demographics(
    lexicon: Lexicon, mentions: list[Mention], findings: list[Mention], text: str, clauses: list[int]
) -> list[Contribution]:
    from nerveroot.text.compose import _value

    spans = sorted((f.start, f.end) for f in findings)
    past = [f for f in findings if f.entry.historical_ok]
    out = []
    for m in mentions:
        if _inside(m, spans):
            continue
        if "duration_weeks" in m.entry.sets:
            i = bisect.bisect_right(clauses, m.start) - 1
            lo = clauses[i] if i >= 0 else 0
            hi = clauses[i + 1] if i + 1 < len(clauses) else len(text)
            if _EARLIER.search(text, lo, hi) or any(lo <= f.start < hi for f in past):
                continue  # "breast cancer 10 years ago" dates a past illness, not this episode
        for path, raw in m.entry.sets.items():
            value = _value(lexicon, raw, m)
            if value is not None and not (isinstance(value, str) and _TRIVIAL.match(value)):
                out.append(Contribution(path, value, [(m.start, m.end)]))
    return out
