"""Concept mentions: every lexicon phrase found in a text, with overlaps settled.

Each kind of concept (findings, symptoms, regions, sides, movements, grades, strength words, topics, ...) is
scanned once through one index (scan.py). Where phrases of the first four kinds overlap, the earlier kind
wins: a finding ("numb between my legs") beats a word to ignore ("back passage"), which beats a symptom
word, which beats a body region.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from nerveroot.text.anaphora import pronoun_symptoms
from nerveroot.text.context import NO_FLAGS, Flags
from nerveroot.text.coordination import shared_findings
from nerveroot.text.inability import attempts_failed
from nerveroot.text.lexicon import SCAN_ORDER, Entry, load_lexicon
from nerveroot.text.scan import word_starts

_PRIORITY = ("findings", "ignore", "symptoms", "regions")
_MEDICAL = ("findings", "symptoms", "regions", "movements", "topics", "organs", "troubles")
_QUOTES = re.compile(r"(?<![\w])['‘’\"“”]|['‘’\"“”](?![\w])")


@dataclass
class Mention:
    """One phrase found in the text, with what ConText and the sections say about it."""

    entry: Entry
    start: int
    end: int
    text: str
    groups: dict[str, str]
    flags: Flags = NO_FLAGS
    section: str = ""


# the mentions that start between two offsets (a scope's view of one stretch of text)
Within = Callable[[int, int], list[Mention]]


@dataclass
class Found:
    """The mentions of each kind; the first four kinds do not overlap one another."""

    by_kind: dict[str, list[Mention]]
    ignored: list[tuple[int, int]]  # sorted spans of words to ignore

    def __getitem__(self, kind: str) -> list[Mention]:
        return self.by_kind[kind]


def find_mentions(text: str) -> Found:
    lexicon = load_lexicon()
    plain = _QUOTES.sub(" ", text)  # "legs 'giving way'": quotes around words are not words (same offsets)
    found = lexicon.scanner.scan(plain, word_starts(plain))
    by_kind = {
        kind: [Mention(entry, start, end, words, groups) for entry, start, end, words, groups in matches]
        for kind, matches in zip(SCAN_ORDER, found, strict=True)
    }
    taken = bytearray(len(text))
    for kind in _PRIORITY:
        kept = []
        for m in by_kind[kind]:
            if any(taken[m.start : m.end]):
                continue
            if not m.entry.transparent:
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
            kept.append(m)
        by_kind[kind] = kept
    _add_shared(text, by_kind)
    told = pronoun_symptoms(text, by_kind["symptoms"], by_kind["regions"])
    if told:  # "the pain went down my left leg ... Saturday it was in both legs"
        again = [Mention(entry, start, end, text[start:end], {}) for entry, start, end in told]
        by_kind["symptoms"] = sorted([*by_kind["symptoms"], *again], key=lambda m: m.start)
    ignored = sorted((m.start, m.end) for m in by_kind["ignore"])
    for kind in ("sides", "troubles", "organs", "topics"):  # "scar leaking onto the dressing"
        by_kind[kind] = [m for m in by_kind[kind] if not inside(m, ignored)]
    return Found(by_kind, ignored)


def _add_shared(text: str, by_kind: dict[str, list[Mention]]) -> None:
    """Findings and symptoms said once for two conjuncts ("perianal sensation and anal tone were reduced"), or
    after the attempt they failed ("I tried to go up on my toes ... and I just couldn't")."""
    added: dict[str, list[Mention]] = {"findings": [], "symptoms": []}
    medical = bytearray(len(text))
    for kind in _MEDICAL:
        for m in by_kind[kind]:
            medical[m.start : m.end] = b"\x01" * (m.end - m.start)
    for s in (*shared_findings(text, medical), *attempts_failed(text)):
        known = (*by_kind[s.kind], *added[s.kind])
        if not any(
            m.entry is s.entry and m.groups == s.groups and m.start < s.end and s.start < m.end for m in known
        ):
            added[s.kind].append(Mention(s.entry, s.start, s.end, s.words, s.groups))
    for kind, new in added.items():
        if new:
            by_kind[kind] = sorted([*by_kind[kind], *new], key=lambda m: m.start)


def inside(m: Mention, spans: list[tuple[int, int]]) -> bool:
    """Is the mention within one of `spans` (sorted, non-overlapping)?"""
    i = bisect.bisect_right(spans, (m.start, 1 << 30)) - 1
    return i >= 0 and spans[i][0] <= m.start and m.end <= spans[i][1]
