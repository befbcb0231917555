"""The text as the rest of the pipeline reads it: the same length, character for character, so that every
offset still points at the person's own words.

- A line wrapped by the writer's editor is not the end of a sentence: a line break after a long line that
  ends mid-sentence, before a line that goes on in lower case ("no numbness in⏎my bum"), is a space.
- An emoji ends a thought as a full stop does ("struggling with the stairs 😰 my back's been bad"): the
  first character of a run of emoji becomes a full stop, the rest spaces.
- A typeset minus is a hyphen-minus: "4−/5" is "4-/5".
- "a.m." and "p.m." inside a sentence ("surgery at 2 a.m. and still has ...") end nothing: "am", "pm".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from nerveroot.text.scan import prefixes

_WRAP_FROM = 40  # a line at least this long that stops mid-sentence was wrapped, not ended
# a line break between a line that stops mid-sentence and one that goes on: lower case, or "I"
_SOFT_BREAK = re.compile(r"(?<=[\w,’'\-])[ \t]*\n(?=[ \t]*(?:[a-z(]|I\b|I['’]))")
# pictographs and faces with their joiners and variation selectors (not ticks and crosses, which clinicians use)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u26ff\u2764\u2728\u2b50\ufe0f\u200d]+")


def normalise(text: str) -> str:
    """Soft line wraps as spaces, emoji as full stops, a minus sign as "-", a multiplication sign as "x", a
    text-speak "n" as "&" and a mid-sentence "a.m." as "am", keeping every offset."""
    if "\n" in text:
        text = _SOFT_BREAK.sub(_unwrap, text)
    if not text.isascii():
        text = _EMOJI.sub(_stop, text).replace("\u2212", "-").replace("\u00d7", "x")  # "× 2 days"
    if " n " in text:
        text = _TEXT_AND.sub("&", text)  # "back n leg pain": text-speak "and", one character for one
    if ".m." in text or ".M." in text:
        text = _MERIDIEM.sub(r"\1\2  ", text)  # "surgery at 2 a.m. and still has ...": not a sentence's end
    return text


_MERIDIEM = re.compile(r"(?<![\w.])([AaPp])\.([Mm])\.(?=\s+[a-z(])")


_TEXT_AND = re.compile(r"(?<=[A-Za-z] )n(?= [A-Za-z])")


def _unwrap(m: re.Match[str]) -> str:
    text = m.string
    line_start = text.rfind("\n", 0, m.start()) + 1
    if m.start() - line_start < _WRAP_FROM:
        return m.group()  # a short line is a heading or a list item: its break is real
    return " " * len(m.group())


def _stop(m: re.Match[str]) -> str:
    return "." + " " * (len(m.group()) - 1)


# --- Spelling: a key word written with one slip is read as the word ("bladdder", "bowles", "incontinant").

_VOWELS = "aeiou"
# a key word, or a text-speak one between two words ("both my legs r weak", "can u help"); not "r" for
# right in "left and r leg"
_WORD = re.compile(
    r"[A-Za-z]{4,}|(?<=[a-z] )(?:r|u|ur)(?= (?!(?:legs?|foot|feet|side|calf|thigh|hip|knee|ankle|buttock|arm|sided)\b)[a-z])"
)


def misspellings(words: list[str], keep: list[str], also: dict[str, list[str]]) -> dict[str, str]:
    """Every variant of each key word with one slip (a letter left out, doubled, two swapped, a vowel
    changed) -> the word. The first letter is kept as written and the first two are never dropped or
    changed (slips there make other words: "ripping", "tipping", "gutting"), nor is the last dropped ("steroid" is a word of its own); a variant that
    is a key word itself or a real word in `keep` is not a misspelling."""
    keys = {w.lower() for w in words}
    real = keys | {w.lower() for w in keep}
    out: dict[str, str] = {}
    for word in sorted(keys):
        for variant in _slips(word):
            if variant not in real and variant not in out:
                out[variant] = word
    for word, variants in also.items():
        for variant in variants:
            out.setdefault(variant.lower(), word.lower())
    return out


def _slips(word: str) -> set[str]:
    n = len(word)
    slips: set[str] = set()
    for i in range(n):
        slips.add(word[: i + 1] + word[i] + word[i + 1 :])  # doubled
        if i == 0:
            continue
        if i + 1 < n:
            slips.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # swapped
        if n >= 6 and 2 <= i < n - 1:
            slips.add(word[:i] + word[i + 1 :])  # left out (never the last letter)
        if n >= 6 and i >= 2 and word[i] in _VOWELS:
            slips.update(word[:i] + v + word[i + 1 :] for v in _VOWELS)  # a vowel changed
    slips.discard(word)
    return {s for s in slips if len(s) >= 4}


@dataclass(frozen=True)
class Corrections:
    """Where words were corrected: (start, end) in the corrected text and (start, end) in the original."""

    pairs: tuple[tuple[int, int, int, int], ...] = ()

    def original(self, pos: int, *, end: bool) -> int:
        """The offset in the person's own text of `pos` in the corrected text."""
        shift = 0
        for new_lo, new_hi, old_lo, old_hi in self.pairs:
            if pos < new_lo or (pos == new_lo and end):
                break
            if pos <= new_hi and not (pos == new_hi and not end):
                return old_hi if end else old_lo  # inside a corrected word: all of it
            shift = old_hi - new_hi
        return pos + shift

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        return self.original(lo, end=False), self.original(hi, end=True)


@dataclass(frozen=True)
class Dialect:
    """Words of a dialect or of speech read as the standard ones ("cannae" -> "can't", "baith" -> "both"): one
    expression whose group `d<k>` is the k-th word's."""

    regex: re.Pattern[str] | None = None
    words: tuple[str, ...] = ()
    # the lower-case starts (one to three letters) a match can have: the expression is tried only at a word that
    # starts so, not at every character (a search of the whole text was a tenth of the reader's time)
    heads: frozenset[str] = frozenset()

    @staticmethod
    def of(table: dict[str, re.Pattern[str]]) -> Dialect:
        if not table:
            return Dialect()
        words = tuple(table)
        body = "|".join(f"(?P<d{k}>{table[w].pattern})" for k, w in enumerate(words))
        heads = prefixes(body, 3)
        if heads is None:
            raise ValueError("a dialect pattern can start with any letters: it needs a word to start with")
        return Dialect(re.compile(body, re.IGNORECASE), words, heads)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        if self.regex is None:
            return
        heads, match = self.heads, self.regex.match
        for w in _WORD_START.finditer(text):
            pos = w.start()
            key = text[pos : pos + 3].lower()
            if key not in heads and key[:2] not in heads and key[:1] not in heads:
                continue  # ("a" starts "a year and a half": a head may be shorter than its word)
            m = match(text, pos)
            if m is not None:
                yield m.start(), m.end(), self.words[int((m.lastgroup or "d0")[1:])]


_WORD_START = re.compile(r"(?<![\w'’])\w")


def correct(
    text: str,
    spelling: dict[str, str],
    dialect: Dialect | None = None,
    written_out: list[tuple[int, int, str]] | None = None,
) -> tuple[str, Corrections]:
    """Misspelt key words, a dialect's words, and words `written_out` (start, end, the words they stand for)
    replaced; offsets map back through the Corrections."""
    found = list(dialect.finditer(text)) if dialect is not None else []
    found.extend(written_out or ())
    if spelling:
        found.extend(
            (m.start(), m.end(), spelling[m.group().lower()])
            for m in _WORD.finditer(text)
            if m.group().lower() in spelling
        )
    if not found:
        return text, Corrections()
    parts: list[str] = []
    pairs: list[tuple[int, int, int, int]] = []
    last = 0
    size = 0
    for start, end, word in sorted(found):
        if start < last:
            continue  # inside a word replaced already
        parts.append(text[last:start])
        size += start - last
        pairs.append((size, size + len(word), start, end))
        parts.append(word)
        size += len(word)
        last = end
    parts.append(text[last:])
    return "".join(parts), Corrections(tuple(pairs))
