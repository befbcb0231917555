"""The lexicon (lexicon.yaml) loaded, checked against the case model, and compiled once.

Words are data so that a clinician can review and extend them; this module only turns them into one
regular expression per section, so that a note is scanned a handful of times, not once per phrase.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from nerveroot.case import MOVEMENTS, REGIONS
from nerveroot.errors import KnowledgeError, Problem

# The regular expression parser, used only to index each phrase by the letters it can start with.
_c: Any = importlib.import_module("re._constants")
_parser: Any = importlib.import_module("re._parser")

_MACRO = re.compile(r"\{([a-z_]+)\}")
_SECTIONS = ("findings", "ignore", "symptoms", "regions")  # overlap priority, first wins
SCAN_ORDER = (*_SECTIONS, "sides", "demographics")
_DEPTH = 6
_PREFIX = 3  # letters a phrase is indexed by
_MAX_PREFIXES = 400
_CORE = 0.8  # the weight at which roots.yaml calls a region a root's core territory


@dataclass(frozen=True)
class Entry:
    """One row of the lexicon: what a match of any of its patterns means."""

    section: str
    index: int
    sets: dict[str, Any] = field(default_factory=dict)
    negated: dict[str, Any] | None = None
    historical_ok: bool = False
    side: str | None = None  # a fixed side ("both") for findings such as "reflexes symmetrical"
    kind: str | None = None  # symptoms: pain / numbness / tingling / sensation
    level: str | None = None  # symptoms of kind sensation: the examined level
    also: dict[str, Any] = field(default_factory=dict)
    regions: tuple[str, ...] = ()
    value: str | None = None  # sides: left / right / both / that / other


@dataclass(frozen=True)
class Section:
    """A section's patterns, indexed by the first two letters each can start with.

    Python's regular expressions try every alternative at every position; trying at each word only the few
    patterns that can start with its letters makes a note's scan many times faster. Each pattern is
    compiled on first use, so a single cold reading compiles only what it needs.
    """

    name: str
    rows: list[tuple[Entry, str]]
    index: dict[str, tuple[int, ...]]
    compiled: list[re.Pattern[str] | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.compiled.extend([None] * len(self.rows))

    def _regex(self, i: int) -> re.Pattern[str]:
        found = self.compiled[i] = re.compile(r"(?<![\w])(?:" + self.rows[i][1] + r")(?![\w])", re.IGNORECASE)
        return found

    def finditer(self, text: str, starts: list[int]) -> Iterator[tuple[Entry, re.Match[str]]]:
        """Leftmost, non-overlapping matches at word starts; at one position the earlier row wins."""
        end = 0
        index = self.index
        compiled = self.compiled
        for pos in starts:
            if pos < end:
                continue
            key = text[pos : pos + _PREFIX].lower()[:_PREFIX]
            while key not in index:
                key = key[:-1]
            for i in index[key]:
                regex = compiled[i] or self._regex(i)
                match = regex.match(text, pos)
                if match is not None:
                    end = match.end()
                    yield self.rows[i][0], match
                    break


@dataclass(frozen=True)
class Scanner:
    """Several sections behind one index, so that each word start is looked up once."""

    sections: list[Section]
    index: dict[str, tuple[tuple[int, int], ...]]  # key -> (section number, row) in section order

    @classmethod
    def of(cls, sections: list[Section]) -> Scanner:
        keys = {k for sec in sections for k in sec.index}
        index: dict[str, tuple[tuple[int, int], ...]] = {}
        for key in keys:
            rows: list[tuple[int, int]] = []
            for k, sec in enumerate(sections):
                own = key
                while own not in sec.index:
                    own = own[:-1]
                rows.extend((k, i) for i in sec.index[own])
            index[key] = tuple(rows)
        return cls(sections, index)

    def scan(self, text: str, starts: list[int]) -> list[list[tuple[Entry, re.Match[str]]]]:
        """Each section's leftmost, non-overlapping matches (as `Section.finditer` gives), in one pass."""
        sections = self.sections
        found: list[list[tuple[Entry, re.Match[str]]]] = [[] for _ in sections]
        ends = [0] * len(sections)
        index = self.index
        for pos in starts:
            key = text[pos : pos + _PREFIX].lower()[:_PREFIX]
            while key not in index:
                key = key[:-1]
            matched = 0
            for k, i in index[key]:
                if pos < ends[k] or matched >> k & 1:
                    continue
                sec = sections[k]
                match = (sec.compiled[i] or sec._regex(i)).match(text, pos)
                if match is not None:
                    ends[k] = match.end()
                    found[k].append((sec.rows[i][0], match))
                    matched |= 1 << k
        return found


_STARTS = re.compile(r"(?<![\w])\S")


def word_starts(text: str) -> list[int]:
    """Positions where a phrase may begin: a character that is not space and follows no word character."""
    return [m.start() for m in _STARTS.finditer(text)]


@dataclass(frozen=True)
class Lexicon:
    sections: dict[str, Section]
    lookups: dict[str, list[tuple[str, re.Pattern[str]]]]
    pronoun_movements: dict[str, str]
    context_rules: list[dict[str, Any]]
    max_scope: int
    scanner: Scanner


def _expand(pattern: str, macros: dict[str, str], where: str) -> str:
    for _ in range(_DEPTH):
        new = _MACRO.sub(lambda m: _macro(m.group(1), macros, where), pattern)
        if new == pattern:
            return new
        pattern = new
    raise KnowledgeError(
        "lexicon macros nest too deeply", [Problem(where, "a macro refers to itself", pattern)]
    )


def _macro(name: str, macros: dict[str, str], where: str) -> str:
    if name not in macros:
        raise KnowledgeError("unknown lexicon macro", [Problem(where, f"no macro {{{name}}}", name)])
    return macros[name]


def _compile(name: str, rows: list[tuple[Entry, str]]) -> Section:
    starts: list[frozenset[str] | None] = []
    for pattern in rows:
        try:
            starts.append(prefixes(pattern[1]))
        except re.error as exc:
            raise KnowledgeError(
                f"a lexicon pattern in {name} is not valid", [Problem(name, str(exc), pattern[1])]
            ) from None
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


def _check_path(path: str, where: str) -> None:
    """Every path the lexicon sets is a case path (or an evidence-only word such as "weakness")."""
    parts = path.split(".")
    if (
        parts[0] in ("weakness",)
        and len(parts) == 3
        and parts[2] not in ("{muscle}", "{last_region_movement}")
    ) and parts[2] not in MOVEMENTS:
        raise KnowledgeError("unknown movement in the lexicon", [Problem(where, "not a movement id", path)])


def _entries(data: dict[str, Any], macros: dict[str, str]) -> dict[str, list[tuple[Entry, str]]]:
    out: dict[str, list[tuple[Entry, str]]] = {s: [] for s in (*_SECTIONS, "sides", "demographics")}
    expansions = data.get("region_expansions", {})
    for i, row in enumerate(data["findings"]):
        for path in row.get("set", {}):
            _check_path(path, f"findings[{i}]")
        entry = Entry("findings", i, dict(row.get("set", {})), row.get("negated"), bool(row.get("historical_ok")),
                      row.get("side"))  # fmt: skip
        out["findings"].extend((entry, _expand(p, macros, f"findings[{i}]")) for p in row["patterns"])
    for i, row in enumerate(data["demographics"]):
        entry = Entry("demographics", i, dict(row["set"]))
        out["demographics"].extend((entry, _expand(p, macros, f"demographics[{i}]")) for p in row["patterns"])
    for i, row in enumerate(data["symptoms"]):
        entry = Entry(
            "symptoms", i, kind=row["kind"], level=row.get("level"), also=dict(row.get("also", {})),
            regions=tuple(row.get("regions", ())),
        )  # fmt: skip
        out["symptoms"].extend((entry, _expand(p, macros, f"symptoms[{i}]")) for p in row["patterns"])
    for region, patterns in data["regions"].items():
        if region not in REGIONS:
            raise KnowledgeError(
                "unknown region in the lexicon", [Problem(f"regions.{region}", "not a region id", region)]
            )
        for p in patterns:
            ids = tuple(expansions.get(p, [region]))
            out["regions"].append((Entry("regions", 0, regions=ids), _expand(p, macros, f"regions.{region}")))
    for root, regions in _dermatomes().items():  # "L5 dermatome": the root's core territory (roots.yaml)
        for p in (
            rf"{root}\s+(?:dermatom\w*|distribution|territory)",
            rf"(?:dermatom\w*|distribution)\s+(?:of\s+)?{root}",
        ):
            out["regions"].append((Entry("regions", 0, regions=regions), p))
    for value, patterns in data["sides"].items():
        entry = Entry("sides", 0, value=value)
        out["sides"].extend((entry, _expand(p, macros, f"sides.{value}")) for p in patterns)
    for i, p in enumerate(data["ignore"]):
        out["ignore"].append((Entry("ignore", i), _expand(p, macros, f"ignore[{i}]")))
    return out


def _dermatomes() -> dict[str, tuple[str, ...]]:
    """Each root's core sensory territory (weight 0.8 or more in the knowledge base's roots.yaml)."""
    text = resources.files("nerveroot.knowledge").joinpath("roots.yaml").read_text(encoding="utf-8")
    roots = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["roots"]
    return {
        root: tuple(r for r, w in data["dermatome"].items() if w >= _CORE) for root, data in roots.items()
    }


@cache
def load_lexicon() -> Lexicon:
    """Read, check and compile lexicon.yaml (once per process)."""
    text = resources.files("nerveroot.text").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    macros: dict[str, str] = dict(data["macros"])
    lookups: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for name, table in data["lookups"].items():
        rows = [
            (str(value), _expand(p, macros, f"lookups.{name}")) for value, ps in table.items() for p in ps
        ]
        lookups[name] = [(v, re.compile(p, re.IGNORECASE)) for v, p in rows]
        macros.setdefault(name, "(?:" + "|".join(p for _, p in rows) + ")")
    for value in data.get("pronoun_movements", {}).values():
        if value not in MOVEMENTS:
            raise KnowledgeError(
                "unknown movement in the lexicon", [Problem("pronoun_movements", "not a movement id", value)]
            )
    entries = _entries(data, macros)
    sections = {name: _compile(name, rows) for name, rows in entries.items()}
    context = data["context"]
    return Lexicon(
        sections=sections,
        lookups=lookups,
        pronoun_movements=dict(data.get("pronoun_movements", {})),
        context_rules=list(context["rules"]),
        max_scope=int(context["max_scope"]),
        scanner=Scanner.of([sections[s] for s in SCAN_ORDER]),
    )


def look_up(lexicon: Lexicon, table: str, words: str) -> str | None:
    """The value a captured word stands for ("EHL" -> great_toe_extension), or None."""
    words = " ".join(words.split())
    for value, regex in lexicon.lookups[table]:
        if regex.fullmatch(words):
            return value
    return None
