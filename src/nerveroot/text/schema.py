"""The schema of lexicon.yaml: every key known, every id from the project's one vocabulary.

A misspelt key is refused, not ignored; a region, movement, imaging finding, section, ConText category
or value that is not one of the allowed ones is named with the ones that are.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from nerveroot.case import IMAGING_FINDINGS, Movement, Region


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Patterns = list[str]


class FindingRow(_Strict):
    set: dict[str, Any]
    patterns: Patterns = Field(min_length=1)
    negated: dict[str, Any] | None = None  # what a negated match sets; absent: booleans flip, others drop
    historical_ok: bool = False  # a past illness is still part of the history (a cancer, an operation)
    side: Literal["both"] | None = None  # said of both legs ("reflexes symmetrical")
    unless: Patterns = []  # words in the same sentence that make it not hold ("lost 6 kg on a diet")
    # its words stay readable as symptoms and body parts too ("the foot went numb and cold": numb foot, and cold)
    transparent: bool = False


class SymptomRow(_Strict):
    kind: Literal["pain", "numbness", "tingling", "sensation", "altered"]
    level: Literal["reduced", "absent", "normal", "increased"] | None = None
    also: dict[str, bool] = {}
    regions: list[Region] = []
    patterns: Patterns = Field(min_length=1)


class DemographicRow(_Strict):
    set: dict[Literal["age", "sex", "duration_weeks", "onset"], Any]
    patterns: Patterns = Field(min_length=1)


Category = Literal[
    "NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HISTORICAL", "HYPOTHETICAL", "FAMILY", "PSEUDO", "TERMINATE"
]


_WORD_ATTRS = frozenset({"LOWER", "ORTH", "TEXT", "NORM", "LEMMA"})  # token attributes whose values are words


class ContextRule(_Strict):
    literal: str
    category: Category
    direction: Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]
    pattern: list[dict[str, Any]] | None = None
    max_scope: int | None = Field(default=None, ge=1, le=50)

    @field_validator("pattern")
    @classmethod
    def _words_are_text(cls, pattern: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
        """A token's words are text: YAML reads an unquoted no, yes, on or off as a boolean."""
        for token in pattern or []:
            for key, value in token.items():
                if key not in _WORD_ATTRS:
                    continue  # IS_ALPHA: true, OP: "?"
                words = (
                    [*value.get("IN", []), *value.get("NOT_IN", [])] if isinstance(value, dict) else [value]
                )
                odd = [w for w in words if not isinstance(w, str)]
                if odd:
                    raise ValueError(
                        f"token words must be text; quote {odd!r} (YAML reads no/yes/on/off as booleans)"
                    )
        return pattern


class ContextRules(_Strict):
    max_scope: int = Field(ge=1, le=50)
    max_scope_source: str
    max_scope_reason: str
    rules: list[ContextRule]

    @field_validator("rules")
    @classmethod
    def _each_phrase_once(cls, rules: list[ContextRule]) -> list[ContextRule]:
        """A phrase given twice matches twice on the same words; medspaCy then keeps one of the two by the order
        of its rule ids, so adding a rule anywhere could change which scope a phrase has."""
        seen: set[str] = set()
        for rule in rules:
            if rule.pattern is not None:
                continue
            key = rule.literal.lower()
            if key in seen:
                raise ValueError(
                    f"context rule {rule.literal!r} is given more than once; expected each phrase once"
                )
            seen.add(key)
        return rules


SectionKind = Literal["history", "exam", "imaging", "plan", "past_history", "family", "social", "medication"]


class Grammar(_Strict):
    """Words the strength grammar assembles: a grade applied to a list of movements, on one or both sides."""

    weak: Patterns  # "weakness", "reduced power"
    normal: Patterns  # "normal", "intact", "full"
    throughout: Patterns  # "throughout", "in all groups": every movement of the legs named
    paralysis: dict[int, Patterns]  # grade (quoted in the file) -> words that give it ("paraplegia" -> 0)


class Topics(_Strict):
    """Words that raise a warning-sign topic, and words that settle one raised as denied ("normal")."""

    words: dict[str, Patterns]
    denied: Patterns
    hedges: Patterns
    # doubt that only a denial needs ('he thinks his stream is normal'): with a finding said, it is an opinion
    denial_hedges: Patterns


class Spelling(_Strict):
    """Key words whose common misspellings are read as the word (normalise.py generates the variants)."""

    words: list[str] = []
    keep: list[str] = []  # real words a variant must never be taken for ("bowls" is no "bowels")
    also: dict[str, list[str]] = {}  # misspellings no single slip of a key gives ("canser")
    dialect: dict[str, list[str]] = {}  # a dialect's words, as patterns, read as the word ("cannae": "can't")


class Functions(_Strict):
    """Bladder, bowel and sexual function: organs, and troubles said of them."""

    organs: dict[Literal["bladder", "bowel", "sexual", "toilet"], Patterns]
    troubles: dict[
        Literal[
            "retention",
            "incontinence",
            "sensation",
            "urgency",
            "dysfunction",
            "wetting",
            "soiling",
            "emptying",
        ],
        Patterns,
    ]
    # a reason given for going more often ("cos of the baby", "drinking 3 litres"): frequency, not a warning sign
    explained: Patterns = []


FactorFinding = Literal[
    "history.worse_sitting",
    "history.worse_standing",
    "history.worse_walking",
    "history.worse_bending_forward",
    "history.worse_extension_or_twisting",
    "history.worse_cough_sneeze",
    "history.relieved_by_sitting_or_bending_forward",
]


class Factors(_Strict):
    """A clinician's list of what aggravates or eases ("Agg: sitting, flexion, cough"): its headings, the words
    of each item, and where a list stops."""

    aggravating: Patterns
    easing: Patterns
    worse: dict[FactorFinding, Patterns]
    eased: dict[FactorFinding, Patterns]
    stop: Patterns


class Time(_Strict):
    """Which time phrases date the symptoms, and which words say they are new or gone."""

    not_symptoms: Patterns  # a clause about a scan, a visit, smoking: its duration is not the symptoms'
    future: Patterns  # "in two weeks", "for six weeks" after a plan
    recent: Patterns  # "new", "since yesterday": the symptoms began days ago
    worsening: Patterns  # "getting worse", "by the day": said of weakness, it is progressive


class Imaging(_Strict):
    modality: dict[Literal["mri", "ct", "xray"], Patterns]
    generic: Patterns  # "the scan": read as MRI
    old: Patterns  # an old scan ("dated 2019")
    planned: Patterns  # a scan only asked for, unless its result is given
    results: Patterns  # words that give a scan's result ("showed")
    not_findings: Patterns  # a report's lines that give the reason for the scan
    findings: dict[str, Patterns]
    zone: dict[Literal["central", "paracentral", "foraminal", "extraforaminal"], Patterns]
    compresses: Patterns  # verbs that name what a finding presses on
    normal_words: Patterns  # "normal", "unremarkable"

    @model_validator(mode="after")
    def _known(self) -> Imaging:
        unknown = sorted(set(self.findings) - set(IMAGING_FINDINGS))
        if unknown:
            raise ValueError(f"unknown imaging finding(s) {unknown}; allowed: {', '.join(IMAGING_FINDINGS)}")
        return self


class LexiconFile(_Strict):
    macros: dict[str, str]
    lookups: dict[
        Literal["muscle", "reflex", "level", "sign", "sex", "unit", "number", "trunk"],
        dict[str, Patterns],  # numbers quoted: the file then round-trips through the JSON cache
    ]
    sides: dict[Literal["left", "right", "both", "that", "other"], Patterns]
    regions: dict[Region, Patterns]
    body_areas: dict[Literal["saddle", "saddle_or_buttock", "thoracic"], Patterns]
    region_expansions: dict[str, list[Region]] = {}
    pronoun_movements: dict[Region, Movement] = {}
    weak_regions: dict[Region, Movement] = {}
    joint_movements: dict[Literal["hip", "knee", "ankle", "toe"], Movement] = {}
    myotome_movements: dict[Literal["L2", "L3", "L4", "L5", "S1"], Movement] = {}
    symptoms: list[SymptomRow]
    findings: list[FindingRow]
    demographics: list[DemographicRow]
    ignore: Patterns
    functions: Functions
    factors: Factors
    rest: dict[Literal["unrelenting", "weak", "eases_on_rising", "relieved", "relieved_after"], Patterns]
    sections: dict[SectionKind, list[str]]
    topics: Topics
    spelling: Spelling = Spelling()
    grammar: Grammar
    time: Time
    imaging: Imaging
    context: ContextRules
