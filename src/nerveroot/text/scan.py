r"""Finding a lexicon's phrases in a text fast: each pattern indexed by the letters it can start with.

Python's regular expressions try every alternative at every position; trying at each word only the few
patterns that can start with its letters makes a note's scan many times faster. The start letters are
worked out from Python's own regular-expression parser, so the lexicon stays plain regular expressions.

At a word of plain ASCII the candidates are narrowed further by a finer index, five characters long and
knowing that `\s` is a space ("and" no longer tries every phrase starting "(?:an\s+)?inability"); each word
start's candidates are kept by its first five characters, and one expression per candidate list both tests
the rows and names the first that matches, so a phrase costs two regular-expression calls, not one per row.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nerveroot.yamlfile import read_cached, write_cached

# The regular expression parser, used only to index each phrase by the letters it can start with.
_c: Any = importlib.import_module("re._constants")
_parser: Any = importlib.import_module("re._parser")

_PREFIX = 3  # letters a phrase is indexed by
_FINE = 5  # characters of the finer index, for words of plain ASCII
_MAX_PREFIXES = 400
_MAX_PLANS = 50_000  # word starts' candidate lists kept (a server's memory stays bounded)
_FINE_KEY = "\x00ascii5:"  # marks a finer index's entry in the cache of start letters (and its version)


@dataclass(frozen=True)
class Section:
    """One kind of phrase (findings, regions, ...): rows of (entry, pattern), indexed by start letters.

    Each pattern is compiled on first use, so a single cold reading compiles only what it needs.
    """

    name: str
    rows: list[tuple[Any, str]]
    index: dict[str, tuple[int, ...]]
    fine: list[frozenset[str] | None] = field(default_factory=list)  # each row's ASCII starts (None: any)
    compiled: list[re.Pattern[str] | None] = field(default_factory=list)
    # rows with no named group nor back reference: the joined expression's match is the row's own
    bare: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.compiled.extend([None] * len(self.rows))
        self.bare.extend("(?P" not in p and _BACKREF.search(p) is None for _, p in self.rows)

    def _regex(self, i: int) -> re.Pattern[str]:
        found = self.compiled[i] = re.compile(r"(?<![\w])(?:" + self.rows[i][1] + r")(?![\w])", re.IGNORECASE)
        return found


_NAMED = re.compile(r"\(\?P<\w+>")
_BACKREF = re.compile(r"\\\d")
# a phrase found: (entry, start, end, words, named groups)
Hit = tuple[Any, int, int, str, dict[str, str]]


# a word start's candidates: (section number, rows, the rows' joined expression's match, group -> row)
_Step = tuple[int, tuple[int, ...], Callable[[str, int], "re.Match[str] | None"], dict[int, int]]


@dataclass(frozen=True)
class Scanner:
    """Several sections behind one index, so that each word start is looked up once.

    For each candidate list, the rows are also joined into one expression, each row its own group: one failed
    match in C is much cheaper than one per row, and a match's last group names the first row that matches
    (the alternatives are tried in order, as the rows are).
    """

    sections: list[Section]
    index: dict[str, tuple[tuple[int, tuple[int, ...]], ...]]  # key -> (section number, its rows) in order
    # per section: the finer index (start -> rows), and the rows that can start with anything
    fine: list[tuple[dict[str, frozenset[int]], frozenset[int]]]
    filters: dict[tuple[int, tuple[int, ...]], tuple[Any, dict[int, int]]] = field(default_factory=dict)
    plans: dict[str, tuple[_Step, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, sections: list[Section]) -> Scanner:
        keys = {k for sec in sections for k in sec.index}
        index: dict[str, tuple[tuple[int, tuple[int, ...]], ...]] = {}
        for key in keys:
            groups: list[tuple[int, tuple[int, ...]]] = []
            for k, sec in enumerate(sections):
                own = key
                while own not in sec.index:
                    own = own[:-1]
                if sec.index[own]:
                    groups.append((k, sec.index[own]))
            index[key] = tuple(groups)
        fine = []
        for sec in sections:
            by_start: dict[str, set[int]] = {}
            for i, starts in enumerate(sec.fine):
                for p in starts or ():
                    by_start.setdefault(p, set()).add(i)
            anywhere = frozenset(i for i, starts in enumerate(sec.fine) if starts is None)
            fine.append(({p: frozenset(rows) for p, rows in by_start.items()}, anywhere))
        return cls(sections, index, fine)

    def _filter(self, k: int, rows: tuple[int, ...]) -> tuple[Any, dict[int, int]]:
        got = self.filters.get((k, rows))
        if got is None:
            sec = self.sections[k]
            body = "|".join(f"(?P<r{i}>" + _NAMED.sub("(?:", sec.rows[i][1]) + ")" for i in rows)
            regex = re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)
            got = self.filters[(k, rows)] = (regex.match, {regex.groupindex[f"r{i}"]: i for i in rows})
        return got

    def _plan(self, head: str) -> tuple[_Step, ...]:
        """The candidates where the text starts with `head` (up to _FINE characters, as written)."""
        key = head[:_PREFIX].lower()[:_PREFIX]
        while key not in self.index:
            key = key[:-1]
        plain = head.isascii()
        words = "".join(" " if c.isspace() else c for c in head.lower())
        steps: list[_Step] = []
        for k, candidates in self.index[key]:
            rows = candidates
            if plain:  # only a subset of the same rows, in the same order: the same first match
                by_start, anywhere = self.fine[k]
                allowed = anywhere.union(*(by_start.get(words[:n], ()) for n in range(len(words) + 1)))
                rows = tuple(i for i in candidates if i in allowed)
                if not rows:
                    continue
            match, which = self._filter(k, rows)
            steps.append((k, rows, match, which))
        if len(self.plans) >= _MAX_PLANS:
            self.plans.clear()
        found = self.plans[head] = tuple(steps)
        return found

    def scan(self, text: str, starts: list[int]) -> list[list[Hit]]:
        """Each section's leftmost, non-overlapping matches at word starts (the earlier row wins), in one pass.

        A row without named groups is not matched again: its words are the joined expression's match."""
        sections = self.sections
        found: list[list[Hit]] = [[] for _ in sections]
        ends = [0] * len(sections)
        plans = self.plans
        for pos in starts:
            head = text[pos : pos + _FINE]
            steps = plans.get(head)
            if steps is None:
                steps = self._plan(head)
            for k, rows, match, which in steps:
                if pos < ends[k]:
                    continue
                hit = match(text, pos)
                if hit is None:
                    continue
                sec = sections[k]
                i = which.get(hit.lastindex or 0)
                if i is not None and sec.bare[i]:
                    ends[k] = end = hit.end()
                    found[k].append((sec.rows[i][0], pos, end, hit.group(), {}))
                    continue
                got = None if i is None else (sec.compiled[i] or sec._regex(i)).match(text, pos)
                if i is None or got is None:  # never: the joined expression tries the rows in order
                    i, got = _first(sec, rows, text, pos)
                ends[k] = got.end()
                groups = (
                    {a: b for a, b in got.groupdict().items() if b is not None} if got.re.groupindex else {}
                )
                found[k].append((sec.rows[i][0], got.start(), got.end(), got.group(), groups))
        return found


def _first(sec: Section, rows: tuple[int, ...], text: str, pos: int) -> tuple[int, re.Match[str]]:
    for i in rows:
        got = (sec.compiled[i] or sec._regex(i)).match(text, pos)
        if got is not None:
            return i, got
    raise AssertionError(f"no row of {sec.name} matches at {pos}")


_STARTS = re.compile(r"(?<![\w])\S")


def word_starts(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Positions where a phrase may begin (from lo up to hi): a character that is not space and follows no word
    character."""
    return [m.start() for m in _STARTS.finditer(text, lo, len(text) if hi is None else hi)]


def compile_section(
    name: str, rows: list[tuple[Any, str]], known: dict[str, frozenset[str] | None] | None = None
) -> Section:
    """Index a section's patterns; raises ValueError naming a pattern that is not a valid expression.

    `known` holds start letters already worked out (a cache: working them out is most of a cold start)."""
    starts: list[frozenset[str] | None] = []
    fine: list[frozenset[str] | None] = []
    for pattern in rows:
        for out, key, size, fine_index in (
            (starts, pattern[1], _PREFIX, False),
            (fine, _FINE_KEY + pattern[1], _FINE, True),
        ):
            if known is not None and key in known:
                out.append(known[key])
                continue
            try:
                got = prefixes(pattern[1], size, strict=fine_index)
            except re.error as exc:
                raise ValueError(f"{pattern[1]!r}: {exc}") from None
            out.append(got)
            if known is not None:
                known[key] = got
    by_prefix: dict[str, set[int]] = {}
    anywhere = {i for i, got in enumerate(starts) if got is None}
    for i, got in enumerate(starts):
        for p in got or ():
            by_prefix.setdefault(p, set()).add(i)
    keys = {k[:n] for k in by_prefix for n in range(len(k) + 1)}
    # a pattern is tried where the text starts with `key` if one of the pattern's prefixes begins the key
    index = {
        key: tuple(sorted(anywhere.union(*(by_prefix.get(key[:n], ()) for n in range(len(key) + 1)))))
        for key in keys
    }
    return Section(name, rows, index, fine)


_Chars = tuple[Callable[[Any, Any], "set[str] | None"], bool]  # an item's characters; repeats read strictly


def _chars(op: Any, av: Any) -> set[str] | None:
    """The lower-case characters one item can match (None: unknown)."""
    if op is _c.LITERAL:
        return {chr(av).lower()}
    if op is _c.IN:
        return _charset(av)
    return None


def _ascii_chars(op: Any, av: Any) -> set[str] | None:
    """As _chars, for a text of plain ASCII with its white space read as " ": a character outside ASCII, which
    could match ASCII letters (ignoring case, "K" is "k"), is unknown."""
    items = [(op, av)] if op is _c.LITERAL else av if op is _c.IN else None
    if items is None:
        return None
    chars: set[str] = set()
    for item, value in items:
        if item is _c.LITERAL and value < 128:
            chars.add(chr(value))
        elif item is _c.RANGE and value[1] < 128:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        elif item is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
            chars.update("0123456789")
        elif item is _c.CATEGORY and value is _c.CATEGORY_SPACE:
            chars.add(" ")
        else:
            return None
    return {" " if c.isspace() else c.lower() for c in chars}


def prefixes(pattern: str, size: int = _PREFIX, *, strict: bool = False) -> frozenset[str] | None:
    """The lower-case starts (up to `size` letters) a match of `pattern` can have; None when unknown.

    `strict`: the finer index's starts, for a word of plain ASCII with white space read as " ", and with a
    repeat that may be absent allowed more than once (the first index reads "a*" as at most one "a", and
    its readings are kept as they are)."""
    done: set[str] = set()
    chars = _ascii_chars if strict else _chars
    growing = _grow(list(_parser.parse(pattern, re.IGNORECASE)), {""}, done, size, (chars, strict))
    if growing is None or "" in growing or "" in done:
        return None
    return frozenset(done | growing)


def _grow(
    items: list[tuple[Any, Any]], growing: set[str], done: set[str], size: int, chars_of: _Chars
) -> set[str] | None:
    """Extend each prefix in `growing` by the items; prefixes that reach `size` or an unknown move to `done`."""
    for op, av in items:
        if not growing:
            return growing
        if len(growing) > _MAX_PREFIXES:
            return None
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op in (_c.LITERAL, _c.IN):
            chars = chars_of[0](op, av)
        elif op is _c.SUBPATTERN:
            got = _grow(list(av[-1]), growing, done, size, chars_of)
            if got is None:
                return None
            growing = got
            continue
        elif op is _c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                got = _grow(list(branch), set(growing), done, size, chars_of)
                if got is None:
                    return None
                union |= got
            growing = union
            continue
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            once = _grow(list(av[2]), set(growing), done, size, chars_of)
            if once is None:
                return None
            if av[0] == 0 and chars_of[1] and av[1] > 1:  # none, or one and then unknown
                done.update(once)
            elif av[0] == 0:
                growing = growing | once
            else:  # past the first repetition the letters are unknown: stop here
                done.update(once)
                growing = set()
            continue
        else:
            chars = None
        if chars is None:
            done.update(growing)
            return set()
        extended = {g + c for g in growing for c in chars}
        done.update(x for x in extended if len(x) >= size)
        growing = {x for x in extended if len(x) < size}
    return growing


def _charset(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av).lower())
        elif op is _c.RANGE:
            chars.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:  # other categories (\w, \s) and negated sets: could be anything
            return None
    return chars


def load_known(path: Path) -> dict[str, frozenset[str] | None]:
    """Start letters worked out before, from a cache file (JSON, never code); empty when there is none."""
    kept = read_cached(path)
    try:
        data = json.loads(kept) if kept is not None else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): frozenset(v) if isinstance(v, list) else None for k, v in data.items()}


def save_known(path: Path, known: dict[str, frozenset[str] | None]) -> None:
    """Keep the start letters for the next cold start (a few lexicon versions' worth)."""
    write_cached(
        path, json.dumps({k: sorted(v) if v is not None else None for k, v in known.items()}), keep=8
    )
