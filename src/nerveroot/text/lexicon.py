"""The lexicon (lexicon.yaml): checked on load as the knowledge base is, then compiled once.

Words are data so that a clinician can review and extend them. Every key is known (a misspelt key is
refused, not ignored), every path a phrase sets is a case path and every fixed value one the case model
accepts, every region, movement, topic and category an id of the project's one vocabulary.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from nerveroot.case import MOVEMENTS, REGIONS, parse_case
from nerveroot.errors import CaseError, KnowledgeError, Problem
from nerveroot.text.normalise import Dialect, misspellings
from nerveroot.text.scan import Scanner, Section, compile_section, load_known, save_known
from nerveroot.text.schema import LexiconFile
from nerveroot.yamlfile import cache_dir, load_yaml

_MACRO = re.compile(r"\{([a-z_]+)\}")
_SECTIONS = ("findings", "ignore", "symptoms", "regions")  # overlap priority, first wins
SCAN_ORDER = (
    *_SECTIONS,
    "sides",
    "demographics",
    "movements",
    "grades",
    "topics",
    "strength",
    "imaging",
    "organs",
    "troubles",
    "rest",
    "scans",
)
_DEPTH = 6
_CORE = 0.8  # the weight at which roots.yaml calls a region a root's core territory
_EVIDENCE_ONLY = frozenset({"weakness", "pain", "numbness", "tingling", "sensation"})
_PLACEHOLDERS = {"{side}": "left", "{muscle}": "great_toe_extension", "{reflex}": "achilles",
                 "{last_region_movement}": "ankle_dorsiflexion"}  # fmt: skip
_CAPTURED = {"$grade": 4, "$level": "absent", "$sign": "positive", "$ml": 300.0, "$count": 5, "$age": 50,
             "$sex": "female", "$duration": 2.0, "$trunk": "T10"}  # fmt: skip


# ------------------------------------------------------------------------------------------ compiled
@dataclass(frozen=True)
class Entry:
    """One row of the lexicon: what a match of any of its patterns means."""

    section: str
    index: int
    sets: dict[str, Any] = field(default_factory=dict)
    negated: dict[str, Any] | None = None
    historical_ok: bool = False
    side: str | None = None  # a fixed side ("both") for findings such as "reflexes symmetrical"
    kind: str | None = None  # symptoms: pain / numbness / tingling / sensation; topics: the topic id
    level: str | None = None  # symptoms of kind sensation: the examined level
    also: dict[str, Any] = field(default_factory=dict)
    regions: tuple[str, ...] = ()
    value: str | None = None  # sides: left / right / both / that / other; movements: the movement id
    unless: re.Pattern[str] | None = None  # findings: words in the sentence that make it not hold
    transparent: bool = False  # findings: their words are read as symptoms and body parts too


# Topics whose past is still the person's history: chemotherapy years ago is a history of cancer
# (red_flags.yaml), not an episode that is over, so its words raise the topic however long ago.
HISTORY_TOPICS = frozenset({"cancer"})


@dataclass(frozen=True)
class Factors:
    """A clinician's list of what aggravates or eases (lexicon `factors`): its headings, where a list stops, and
    each finding with the words of its items."""

    aggravating: re.Pattern[str]
    easing: re.Pattern[str]
    stop: re.Pattern[str]
    worse: list[tuple[str, re.Pattern[str]]]
    eased: list[tuple[str, re.Pattern[str]]]


@dataclass(frozen=True)
class Lexicon:
    sections: dict[str, Section]
    lookups: dict[str, list[tuple[str, re.Pattern[str]]]]
    pronoun_movements: dict[str, str]
    weak_regions: dict[str, str]
    joint_movements: dict[str, str]
    myotome_movements: dict[str, str]
    context_rules: list[dict[str, Any]]
    max_scope: int
    scanner: Scanner
    section_titles: dict[str, list[str]]
    denied: re.Pattern[str]
    hedges: re.Pattern[str]
    denial_hedges: re.Pattern[str]  # doubts only a denial has, said in its own clause
    explained: re.Pattern[str]  # a reason given in the same sentence for going more often
    relieved: re.Pattern[str]
    relieved_after: re.Pattern[str]
    factors: Factors
    time: dict[str, re.Pattern[str]]
    imaging: dict[str, list[tuple[str, re.Pattern[str]]]]
    spelling: dict[str, str] = field(default_factory=dict)  # a misspelt key word -> the word
    dialect: Dialect = field(default_factory=Dialect)  # "cannae" -> "can't"


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


def _check_sets(sets: dict[str, Any], where: str) -> None:
    """Every path is a case path and every fixed value one the case model accepts (or evidence only)."""
    for path, value in sets.items():
        if path in _EVIDENCE_ONLY:
            continue
        concrete = path
        for key, word in _PLACEHOLDERS.items():
            concrete = concrete.replace(key, word)
        if "{" in concrete:
            raise KnowledgeError(
                "unknown placeholder in the lexicon", [Problem(where, "not a placeholder", path)]
            )
        if isinstance(value, str) and value.startswith("$") and value not in _CAPTURED:
            raise KnowledgeError(
                "unknown captured value in the lexicon",
                [Problem(where, f"expected one of {', '.join(_CAPTURED)}", value)],
            )
        sample = _CAPTURED[value] if isinstance(value, str) and value.startswith("$") else value
        try:
            parse_case(_nest(concrete, sample))
        except CaseError as exc:
            raise KnowledgeError(
                f"the lexicon sets {path!r}, which the case refuses",
                [Problem(f"{where}.{p.path}", p.message, p.value) for p in exc.problems],
            ) from None


def _nest(path: str, value: Any) -> dict[str, Any]:
    parts = path.split(".")
    if parts[0] in ("pain", "numbness", "tingling"):
        return {parts[0]: {parts[1]: [parts[2]]}}
    out: dict[str, Any] = {parts[-1]: value}
    for part in reversed(parts[:-1]):
        out = {part: out}
    return out


def _rows(data: LexiconFile, macros: dict[str, str]) -> dict[str, list[tuple[Entry, str]]]:
    out: dict[str, list[tuple[Entry, str]]] = {s: [] for s in SCAN_ORDER}

    def add(section: str, entry: Entry, patterns: list[str], where: str) -> None:
        out[section].extend((entry, _expand(p, macros, where)) for p in patterns)

    for i, f in enumerate(data.findings):
        _check_sets(f.set, f"findings[{i}].set")
        _check_sets(f.negated or {}, f"findings[{i}].negated")
        unless = _regex(f.unless, macros, f"findings[{i}].unless") if f.unless else None
        entry = Entry(
            "findings",
            i,
            dict(f.set),
            f.negated,
            f.historical_ok,
            f.side,
            unless=unless,
            transparent=f.transparent,
        )
        add("findings", entry, f.patterns, f"findings[{i}]")
    for i, d in enumerate(data.demographics):
        add(
            "demographics",
            Entry("demographics", i, {str(k): v for k, v in d.set.items()}),
            d.patterns,
            f"demographics[{i}]",
        )
    for i, s in enumerate(data.symptoms):
        _check_sets(s.also, f"symptoms[{i}].also")
        entry = Entry("symptoms", i, kind=s.kind, level=s.level, also=dict(s.also), regions=tuple(s.regions))
        add("symptoms", entry, s.patterns, f"symptoms[{i}]")
    for region, patterns in data.regions.items():
        for p in patterns:
            named: tuple[str, ...] = tuple(data.region_expansions.get(p, [region]))
            add("regions", Entry("regions", 0, regions=named, value=p), [p], f"regions.{region}")
    for area, patterns in data.body_areas.items():
        saddle: tuple[str, ...] = {"saddle": ("saddle",), "thoracic": ("thoracic",)}.get(
            area, ("saddle", "buttock")
        )
        for p in patterns:
            add("regions", Entry("regions", 0, regions=saddle, value=p), [p], f"body_areas.{area}")
    for organ, patterns in data.functions.organs.items():
        add("organs", Entry("organs", 0, kind=organ), patterns, f"functions.organs.{organ}")
    for cue, patterns in data.rest.items():
        if cue not in ("relieved", "relieved_after"):
            add("rest", Entry("rest", 0, kind=cue), patterns, f"rest.{cue}")
    for trouble, patterns in data.functions.troubles.items():
        add("troubles", Entry("troubles", 0, kind=trouble), patterns, f"functions.troubles.{trouble}")
    for root, regions in _dermatomes().items():  # "L5 dermatome": the root's core territory (roots.yaml)
        for p in (
            rf"{root}\s+(?:dermatom\w*|distribution|territory|radicul\w*|(?:nerve\s+)?root\s+(?:pain|irritation))",
            rf"(?:dermatom\w*|distribution)\s+(?:of\s+)?{root}",
        ):
            out["regions"].append((Entry("regions", 0, regions=regions), p))  # fmt: skip
    for value, patterns in data.sides.items():
        add("sides", Entry("sides", 0, value=value), patterns, f"sides.{value}")
    for i, p in enumerate(data.ignore):
        add("ignore", Entry("ignore", i), [p], f"ignore[{i}]")
    for movement, patterns in data.lookups["muscle"].items():
        add("movements", Entry("movements", 0, value=str(movement)), patterns, f"lookups.muscle.{movement}")
    add("grades", Entry("grades", 0), ["{grade}", "{grade_word}", "{grade_table}"], "grades")
    for topic, patterns in data.topics.words.items():
        entry = Entry("topics", 0, kind=topic, historical_ok=topic in HISTORY_TOPICS)
        add("topics", entry, patterns, f"topics.words.{topic}")
    g = data.grammar
    for kind, patterns in (("weak", g.weak), ("normal", g.normal), ("throughout", g.throughout)):
        add("strength", Entry("strength", 0, kind=kind), patterns, f"grammar.{kind}")
    for modality, patterns in data.imaging.modality.items():
        add("scans", Entry("scans", 0, kind=modality), patterns, f"imaging.modality.{modality}")
    add("scans", Entry("scans", 0, kind="mri"), data.imaging.generic, "imaging.generic")
    for finding_id, patterns in data.imaging.findings.items():
        add("imaging", Entry("imaging", 0, kind=finding_id), patterns, f"imaging.findings.{finding_id}")
    for grade, patterns in g.paralysis.items():
        add(
            "strength",
            Entry("strength", 0, kind="paralysis", value=str(grade)),
            patterns,
            "grammar.paralysis",
        )
    return out


def _dermatomes() -> dict[str, tuple[str, ...]]:
    """Each root's core sensory territory (weight 0.8 or more in the knowledge base's roots.yaml)."""
    text = resources.files("nerveroot.knowledge").joinpath("roots.yaml").read_text(encoding="utf-8")
    roots = load_yaml(text)["roots"]
    return {
        root: tuple(r for r, w in data["dermatome"].items() if w >= _CORE) for root, data in roots.items()
    }


@cache
def topic_findings() -> dict[str, tuple[str, ...]]:
    """The warning-sign topics of the knowledge base (red_flags.yaml) and the findings that answer each."""
    text = resources.files("nerveroot.knowledge").joinpath("red_flags.yaml").read_text(encoding="utf-8")
    topics = load_yaml(text)["topics"]
    return {name: tuple(t["findings"]) for name, t in topics.items()}


def _regex(
    patterns: list[str], macros: dict[str, str], where: str, *, groups: bool = True
) -> re.Pattern[str]:
    """The patterns as one expression of whole words. `groups=False`: one that is made a group of a larger
    expression, so holds no capturing group of its own."""
    body = "|".join(_expand(p, macros, where) for p in patterns) or r"(?!x)x"
    try:
        regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
    except re.error as exc:
        raise KnowledgeError(
            "a lexicon pattern is not valid", [Problem(where, str(exc), body[:80])]
        ) from None
    if not groups and regex.groups:
        raise KnowledgeError(
            "a lexicon pattern is not valid",
            [Problem(where, "holds a capturing group; use (?:...)", body[:80])],
        )
    return regex


def _dialect(table: dict[str, list[str]], macros: dict[str, str]) -> Dialect:
    try:
        return Dialect.of(
            {w: _regex(ps, macros, f"spelling.dialect.{w}", groups=False) for w, ps in table.items()}
        )
    except ValueError as exc:
        raise KnowledgeError(
            "a dialect pattern is not valid", [Problem("spelling.dialect", str(exc))]
        ) from None


def validate(data: Any) -> LexiconFile:
    """The lexicon's data checked against its schema, naming each problem (key, value, what was expected)."""
    try:
        lex = LexiconFile.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(".".join(str(p) for p in e["loc"]), e["msg"], None if isinstance(e.get("input"), dict) else e.get("input"))
            for e in exc.errors()
        ]  # fmt: skip
        raise KnowledgeError("the lexicon (text/lexicon.yaml) is not valid", problems) from None
    unknown = sorted(set(lex.topics.words) - set(topic_findings()))
    if unknown:
        raise KnowledgeError(
            "the lexicon names unknown warning-sign topics",
            [Problem(f"topics.{t}", "not a topic of red_flags.yaml", t) for t in unknown],
        )
    if set(lex.lookups["muscle"]) != set(MOVEMENTS):
        missing = sorted(set(MOVEMENTS) - {str(k) for k in lex.lookups["muscle"]})
        raise KnowledgeError("a movement has no words", [Problem("lookups.muscle", "missing", missing)])
    if set(lex.regions) != set(REGIONS):
        missing = sorted(set(REGIONS) - set(lex.regions))
        raise KnowledgeError("a region has no words", [Problem("regions", "missing", missing)])
    return lex


@cache
def load_lexicon() -> Lexicon:
    """Read, check and compile lexicon.yaml (once per process)."""
    text = resources.files("nerveroot.text").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise KnowledgeError(
            "the lexicon (text/lexicon.yaml) is not valid YAML", [Problem("", str(exc))]
        ) from None
    return build(data)


def build(data: Any) -> Lexicon:
    """Check and compile lexicon data (what load_lexicon does with lexicon.yaml)."""
    lex = validate(data)
    macros: dict[str, str] = dict(lex.macros)
    lookups: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for name, table in lex.lookups.items():
        pairs = [
            (str(value), _expand(p, macros, f"lookups.{name}")) for value, ps in table.items() for p in ps
        ]
        lookups[name] = [(v, re.compile(p, re.IGNORECASE)) for v, p in pairs]
        macros.setdefault(name, "(?:" + "|".join(p for _, p in pairs) + ")")
    sections: dict[str, Section] = {}
    all_rows = _rows(lex, macros)
    cache = _cache_file(all_rows)
    known = load_known(cache) if cache else {}
    learnt = len(known)
    for kind, rows in all_rows.items():
        try:
            sections[kind] = compile_section(kind, rows, known)
        except ValueError as exc:
            raise KnowledgeError(
                f"a lexicon pattern in {kind} is not valid", [Problem(kind, str(exc))]
            ) from None
    if cache and len(known) != learnt:
        save_known(cache, known)
    return Lexicon(
        sections=sections,
        lookups=lookups,
        pronoun_movements={str(k): str(v) for k, v in lex.pronoun_movements.items()},
        weak_regions={str(k): str(v) for k, v in lex.weak_regions.items()},
        joint_movements={str(k): str(v) for k, v in lex.joint_movements.items()},
        myotome_movements={str(k): str(v) for k, v in lex.myotome_movements.items()},
        context_rules=[r.model_dump(exclude_none=True) for r in lex.context.rules],
        max_scope=lex.context.max_scope,
        scanner=Scanner.of([sections[s] for s in SCAN_ORDER]),
        section_titles={k: list(v) for k, v in lex.sections.items()},
        denied=_regex(lex.topics.denied, macros, "topics.denied"),
        hedges=_regex(lex.topics.hedges, macros, "topics.hedges"),
        denial_hedges=_regex(lex.topics.denial_hedges, macros, "topics.denial_hedges"),
        explained=_regex(lex.functions.explained or ["(?!)"], macros, "functions.explained"),
        relieved=_regex(lex.rest["relieved"], macros, "rest.relieved"),
        relieved_after=_regex(lex.rest["relieved_after"], macros, "rest.relieved_after"),
        factors=Factors(
            aggravating=_regex(lex.factors.aggravating, macros, "factors.aggravating"),
            easing=_regex(lex.factors.easing, macros, "factors.easing"),
            stop=_regex(lex.factors.stop, macros, "factors.stop"),
            worse=[(k, _regex(v, macros, f"factors.worse.{k}")) for k, v in lex.factors.worse.items()],
            eased=[(k, _regex(v, macros, f"factors.eased.{k}")) for k, v in lex.factors.eased.items()],
        ),
        spelling=misspellings(lex.spelling.words, lex.spelling.keep, lex.spelling.also),
        dialect=_dialect(lex.spelling.dialect, macros),
        time={k: _regex(v, macros, f"time.{k}") for k, v in lex.time.model_dump().items()},
        imaging={
            "modality": [(k, _regex(v, macros, f"imaging.modality.{k}")) for k, v in lex.imaging.modality.items()],
            "generic": [("mri", _regex(lex.imaging.generic, macros, "imaging.generic"))],
            "old": [("", _regex(lex.imaging.old, macros, "imaging.old"))],
            "planned": [("", _regex(lex.imaging.planned, macros, "imaging.planned"))],
            "results": [("", _regex(lex.imaging.results, macros, "imaging.results"))],
            "not_findings": [("", _regex(lex.imaging.not_findings, macros, "imaging.not_findings"))],
            "zone": [(k, _regex(v, macros, f"imaging.zone.{k}")) for k, v in lex.imaging.zone.items()],
            "compresses": [("", _regex(lex.imaging.compresses, macros, "imaging.compresses"))],
            "normal": [("", _regex(lex.imaging.normal_words, macros, "imaging.normal_words"))],
        },
    )  # fmt: skip


def _cache_file(rows: dict[str, list[tuple[Entry, str]]]) -> Path | None:
    """Where the start letters of exactly these patterns are kept between runs (None: no cache)."""
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256("\n".join(sorted({p for r in rows.values() for _, p in r})).encode()).hexdigest()
    return folder / f"lexicon-prefixes-{digest[:16]}.json"


def look_up(lexicon: Lexicon, table: str, words: str) -> str | None:
    """The value a captured word stands for ("EHL" -> great_toe_extension), or None."""
    words = " ".join(words.split())
    for value, regex in lexicon.lookups[table]:
        if regex.fullmatch(words):
            return value
    return None
