"""Words shared by two conjuncts, given to each: "perianal sensation and anal tone were reduced".

A finding's phrase in the lexicon names one thing ("anal tone was reduced"); people coordinate two and say
the shared words once. For each "A and B" (also "&", "or", "/"), the clause is read again without one
conjunct: without B ("perianal sensation were reduced", "knee jerks absent") and without A ("reduced anal
tone"). A finding the lexicon reads there across the cut is one the text said. The words stay the lexicon's:
a new phrasing of a known finding needs no new entry, and a coordination of unknown words finds nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from nerveroot.text.lexicon import SCAN_ORDER, Entry, load_lexicon
from nerveroot.text.scan import Scanner, word_starts

_KINDS = ("findings", "symptoms")
_Hit = tuple[Entry, int, int, str, dict[str, str]]
_CONJ = re.compile(r"\s+(?:and|&|or)\s+|\s*[/&]\s*", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_STOP = re.compile(r"[.;:!?\n(),]")  # a conjunct and the words it shares stay within one clause
# words that are no part of a conjunct: it stops before them
_NOT_NOUN = frozenset(
    re.findall(
        r"\S+",
        "a an the my his her their your our its is are was were be been has have had do does did not no nor with "
        "without but then than that this these those to of in on at by for from he she it i we they you also both all "
        "very along over into onto across through under up down when while after before since because if so as just "
        "only still now denies denied nil never reports reported complains difficulty trouble problems",
    )
)
_NEGATION = re.compile(r"\b(?:no|not|nil|without|denies|denied|never|nor)\s*$", re.I)
_PLURAL_VERB = re.compile(r"\s+(were|are)\b", re.I)
_SINGULAR = {"were": "was", "are": "is"}
_LEAD = 40  # how far before the cut a finding read across it may begin
_REACH = 60  # characters read either side of a coordination: a finding's phrase is short
_MAX_WORDS = 2


@dataclass(frozen=True)
class Shared:
    """A finding read across a conjunct left out: its entry, its span in the text, its words as read."""

    kind: str  # "findings" or "symptoms"
    entry: Entry
    start: int
    end: int
    words: str
    groups: dict[str, str]


def shared_findings(text: str, medical: bytes | bytearray) -> Iterator[Shared]:
    """Findings said once for two conjuncts, spanning both in the text.

    `medical` marks each character of the text that is inside a concept the lexicon knows: the conjunct
    left out must hold one ("tummy and said there was no lump" leaves out no conjunct, only a verb).
    """
    scanner = scanner_of()
    stops = [m.end() for m in _STOP.finditer(text)]
    for conj in _CONJ.finditer(text):
        before, after = conj.start(), conj.end()
        if medical[before] and medical[after - 1]:
            continue  # inside a phrase the lexicon knows ("pins and needles", "bladder and bowel function normal")
        if not any(medical[max(0, before - 30) : before]) and not any(medical[after : after + 30]):
            continue  # no concept on either side to share anything with
        lo, hi = _clause(text, stops, before, after)
        left = _words_before(text, lo, before)
        right = _words_after(text, after, hi)
        if not left or not right:
            continue
        start, end = max(lo, left[-1] - _REACH), min(hi, right[-1] + _REACH)
        # without B: "A <shared>", for each reach of B, where B holds a concept
        cuts = [((start, before), (b_end, end)) for b_end in right] if any(medical[after : right[-1]]) else []
        # without A: "<shared> B", the words before A going straight on to B, so B must begin with a concept
        # ("worsening back pain and two days of weakness" does not say the weakness is worsening), and what A
        # shares must not be a negation: that is ConText's to spread ("no sphincter disturbance and perianal
        # sensation")
        if (
            any(medical[left[-1] : before])
            and medical[after]
            and not _NEGATION.search(text, max(start, left[-1] - 12), left[-1])
        ):
            cuts += [((start, a_start), (after, end)) for a_start in left]
        for first, second in cuts:
            if _WORD.search(text, *first) and _WORD.search(text, *second):  # words shared across the cut
                yield from _read_across(text, scanner, first, second)


def _read_across(
    text: str, scanner: Scanner, first: tuple[int, int], second: tuple[int, int]
) -> Iterator[Shared]:
    head = text[first[0] : first[1]]
    tail = text[second[0] : second[1]]
    cut = len(head)
    found = _crossing(scanner, head + tail, cut, cut)
    verb = _PLURAL_VERB.search(tail, 0, _REACH)
    if found or verb is None:
        yield from (_back(h, first, second, cut, 0) for h in found)
        return
    # one of two said with a plural verb: "... and anal tone were reduced" is "anal tone was reduced"
    word = verb.group(1)
    singular = _SINGULAR[word.lower()]
    tail = tail[: verb.start(1)] + singular + tail[verb.end(1) :]
    shift = len(word) - len(singular)
    for h in _crossing(scanner, head + tail, cut, cut + verb.start(1)):
        yield _back(h, first, second, cut, shift)


def _crossing(scanner: Scanner, joined: str, cut: int, changed: int) -> list[tuple[str, _Hit]]:
    """Hits of the findings and symptoms that span the cut, or the word changed (at `changed`)."""
    out = []
    starts = word_starts(joined, max(0, cut - _LEAD), cut + 1)  # a hit across the cut begins before it
    scanned = scanner.scan(joined, starts)
    for k, kind in enumerate(_KINDS):
        for hit in scanned[k]:
            s, e = hit[1], hit[2]
            if s < cut < e or s <= changed < e:
                out.append((kind, hit))
    return out


def _back(
    found: tuple[str, _Hit], first: tuple[int, int], second: tuple[int, int], cut: int, shift: int
) -> Shared:
    """The hit in the text's own offsets: from its start to its end, the left-out conjunct between."""
    kind, (entry, s, e, words, groups) = found
    start = first[0] + s if s < cut else second[0] + (s - cut)
    return Shared(kind, entry, start, second[0] + (e - cut) + shift, words, groups)


_SCANNERS: dict[tuple[int, tuple[str, ...]], Scanner] = {}


def scanner_of(kinds: tuple[str, ...] = _KINDS) -> Scanner:
    """The lexicon's index of these kinds alone (findings and symptoms): a shared word is read into nothing else."""
    whole = load_lexicon().scanner
    own = _SCANNERS.get((id(whole), kinds))
    if own is None:
        own = _SCANNERS[(id(whole), kinds)] = Scanner.of([whole.sections[SCAN_ORDER.index(k)] for k in kinds])
    return own


def _clause(text: str, stops: list[int], lo: int, hi: int) -> tuple[int, int]:
    """The clause around a coordination, within _REACH * 2 either side (`stops`: where clauses end)."""
    i = bisect.bisect_right(stops, lo) - 1
    begin = max(stops[i] if i >= 0 else 0, lo - 2 * _REACH)
    j = bisect.bisect_left(stops, hi + 1)
    end = min(stops[j] - 1 if j < len(stops) else len(text), hi + 2 * _REACH)
    return begin, end


def _words_before(text: str, lo: int, end: int) -> list[int]:
    """Starts of the last one and two words before `end` (nearest first), nouns or adjectives only."""
    starts = [m.start() for m in _WORD.finditer(text, lo, end)][-_MAX_WORDS:]
    words = [text[s : _WORD.match(text, s).end()].lower() for s in starts]  # type: ignore[union-attr]
    out: list[int] = []
    for s, w in zip(reversed(starts), reversed(words), strict=True):
        if w in _NOT_NOUN:
            break
        out.append(s)
    return out


def _words_after(text: str, start: int, hi: int) -> list[int]:
    """Ends of the first one and two words after `start`, nouns or adjectives only."""
    out: list[int] = []
    for m in _WORD.finditer(text, start, hi):
        if len(out) == _MAX_WORDS or m.group().lower() in _NOT_NOUN:
            break
        out.append(m.end())
    return out
