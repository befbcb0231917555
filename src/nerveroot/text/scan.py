"""Finding a lexicon's phrases in a text fast: each pattern indexed by the letters it can start with.

Python's regular expressions try every alternative at every position; trying at each word only the few
patterns that can start with its letters makes a note's scan many times faster. The start letters are
worked out from Python's own regular-expression parser, so the lexicon stays plain regular expressions.
"""

from __future__ import annotations

import importlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The regular expression parser, used only to index each phrase by the letters it can start with.
_c: Any = importlib.import_module("re._constants")
_parser: Any = importlib.import_module("re._parser")

_PREFIX = 3  # letters a phrase is indexed by
_MAX_PREFIXES = 400


@dataclass(frozen=True)
class Section:
    """One kind of phrase (findings, regions, ...): rows of (entry, pattern), indexed by start letters.

    Each pattern is compiled on first use, so a single cold reading compiles only what it needs.
    """

    name: str
    rows: list[tuple[Any, str]]
    index: dict[str, tuple[int, ...]]
    compiled: list[re.Pattern[str] | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.compiled.extend([None] * len(self.rows))

    def _regex(self, i: int) -> re.Pattern[str]:
        found = self.compiled[i] = re.compile(r"(?<![\w])(?:" + self.rows[i][1] + r")(?![\w])", re.IGNORECASE)
        return found


_NAMED = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class Scanner:
    """Several sections behind one index, so that each word start is looked up once.

    For each start key, each section's candidate rows are also joined into one expression, tried first:
    at most positions no row matches, and one failed match in C is much cheaper than one per row.
    """

    sections: list[Section]
    index: dict[str, tuple[tuple[int, tuple[int, ...]], ...]]  # key -> (section number, its rows) in order
    filters: dict[tuple[str, int], re.Pattern[str]] = field(default_factory=dict)

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
        return cls(sections, index)

    def _filter(self, key: str, k: int, rows: tuple[int, ...]) -> re.Pattern[str]:
        body = "|".join(_NAMED.sub("(?:", self.sections[k].rows[i][1]) for i in rows)
        found = self.filters[(key, k)] = re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)
        return found

    def scan(self, text: str, starts: list[int]) -> list[list[tuple[Any, re.Match[str]]]]:
        """Each section's leftmost, non-overlapping matches at word starts (the earlier row wins), in one pass."""
        sections = self.sections
        found: list[list[tuple[Any, re.Match[str]]]] = [[] for _ in sections]
        ends = [0] * len(sections)
        index = self.index
        filters = self.filters
        for pos in starts:
            key = text[pos : pos + _PREFIX].lower()[:_PREFIX]
            while key not in index:
                key = key[:-1]
            for k, rows in index[key]:
                if pos < ends[k]:
                    continue
                quick = filters.get((key, k)) or self._filter(key, k, rows)
                if quick.match(text, pos) is None:
                    continue
                sec = sections[k]
                for i in rows:
                    match = (sec.compiled[i] or sec._regex(i)).match(text, pos)
                    if match is not None:
                        ends[k] = match.end()
                        found[k].append((sec.rows[i][0], match))
                        break
        return found


_STARTS = re.compile(r"(?<![\w])\S")


def word_starts(text: str) -> list[int]:
    """Positions where a phrase may begin: a character that is not space and follows no word character."""
    return [m.start() for m in _STARTS.finditer(text)]


def compile_section(
    name: str, rows: list[tuple[Any, str]], known: dict[str, frozenset[str] | None] | None = None
) -> Section:
    """Index a section's patterns; raises ValueError naming a pattern that is not a valid expression.

    `known` holds start letters already worked out (a cache: working them out is most of a cold start)."""
    starts: list[frozenset[str] | None] = []
    for pattern in rows:
        if known is not None and pattern[1] in known:
            starts.append(known[pattern[1]])
            continue
        try:
            got = prefixes(pattern[1])
        except re.error as exc:
            raise ValueError(f"{pattern[1]!r}: {exc}") from None
        starts.append(got)
        if known is not None:
            known[pattern[1]] = got
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
    return Section(name, rows, index)


def prefixes(pattern: str, size: int = _PREFIX) -> frozenset[str] | None:
    """The lower-case starts (up to `size` letters) a match of `pattern` can have; None when unknown."""
    done: set[str] = set()
    growing = _grow(list(_parser.parse(pattern, re.IGNORECASE)), {""}, done, size)
    if growing is None or "" in growing or "" in done:
        return None
    return frozenset(done | growing)


def _grow(items: list[tuple[Any, Any]], growing: set[str], done: set[str], size: int) -> set[str] | None:
    """Extend each prefix in `growing` by the items; prefixes that reach `size` or an unknown move to `done`."""
    for op, av in items:
        if not growing:
            return growing
        if len(growing) > _MAX_PREFIXES:
            return None
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.LITERAL:
            chars: set[str] | None = {chr(av).lower()}
        elif op is _c.IN:
            chars = _charset(av)
        elif op is _c.SUBPATTERN:
            got = _grow(list(av[-1]), growing, done, size)
            if got is None:
                return None
            growing = got
            continue
        elif op is _c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                got = _grow(list(branch), set(growing), done, size)
                if got is None:
                    return None
                union |= got
            growing = union
            continue
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            once = _grow(list(av[2]), set(growing), done, size)
            if once is None:
                return None
            if av[0] == 0:
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
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): frozenset(v) if isinstance(v, list) else None for k, v in data.items()}


def save_known(path: Path, known: dict[str, frozenset[str] | None]) -> None:
    """Keep the start letters for the next cold start; a cache that cannot be written is only slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(
            json.dumps({k: sorted(v) if v is not None else None for k, v in known.items()}), "utf-8"
        )
        tmp.replace(path)
    except OSError:
        pass
