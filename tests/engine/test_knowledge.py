"""The knowledge base: every number has a source, ids are consistent, and bad data is refused clearly."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from nerveroot.engine.knowledge import load_knowledge, load_knowledge_from
from nerveroot.engine.knowledge_common import CONSENSUS
from nerveroot.errors import KnowledgeError

KB = load_knowledge()
FOLDER = Path(str(resources.files("nerveroot") / "knowledge"))
SOURCE_KEYS = {"source", "sources", "levels_source"}


def test_every_sourced_value_resolves() -> None:
    items = list(KB.sourced_items())
    assert len(items) > 150
    for where, source, reason in items:
        if source == CONSENSUS:
            assert reason, f"{where}: 'consensus' without a reason"
        else:
            assert source in KB.sources, f"{where}: unknown source {source!r}"


def _numbers_without_source(node: Any, path: str, sourced: bool) -> list[str]:
    """Walk the raw YAML: a number must sit in a mapping that names its source, or below one that does."""
    if isinstance(node, dict):
        # a finding's threshold (grade below 5, age 70 or more) is part of its definition, taken from
        # the source of its likelihood ratios: every effect of the finding must name one
        effects = node.get("effects")
        defined = isinstance(effects, list) and all(SOURCE_KEYS & set(e) for e in effects)
        here = sourced or defined or bool(SOURCE_KEYS & set(node))
        return [p for k, v in node.items() for p in _numbers_without_source(v, f"{path}.{k}", here)]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _numbers_without_source(v, f"{path}[{i}]", sourced)]
    if isinstance(node, int | float) and not isinstance(node, bool):
        return [] if sourced else [path]
    return []


STRUCTURAL = {
    "regions.yaml",
    "sources.yaml",
    "questions.yaml",
}  # labels and flags, or numbers that are not evidence


@pytest.mark.parametrize("name", sorted(p.name for p in FOLDER.glob("*.yaml") if p.name not in STRUCTURAL))
def test_every_number_in_the_files_names_a_source(name: str) -> None:
    data = yaml.safe_load((FOLDER / name).read_text(encoding="utf-8"))
    assert _numbers_without_source(data, name, sourced=False) == []


def test_unverified_codes_are_marked() -> None:
    snomed = [e for entries in KB.codes.conclusions.values() for e in entries if e.system == "snomed"]
    assert snomed and all(e.status == "unverified" for e in snomed)


def test_the_guide_table_is_the_minimum() -> None:
    """L4, L5 and S1 of the clinic guide's table, with the evidence's correction on inversion."""
    assert {"L2", "L3", "L4", "L5", "S1", "S2"} <= set(KB.roots)
    assert KB.roots["L5"].dermatome["dorsum_foot"] == 1.0
    assert KB.roots["S1"].dermatome["heel"] == 1.0 and KB.roots["S1"].dermatome["sole"] == 1.0
    assert KB.roots["L4"].dermatome["medial_shin"] == 1.0
    inversion = next(f for f in KB.findings if f.id == "weak_inversion").effects[0].lr
    assert inversion["L5"] > inversion["S1"] and inversion["L4"] > inversion["S1"]
    dorsiflexion = next(f for f in KB.findings if f.id == "weak_dorsiflexion").effects[0].lr
    assert dorsiflexion["L4"] > 1 and dorsiflexion["L5"] > 1, "sources disagree: both roots are supported"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(FOLDER, target)
    return target


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("findings.yaml", "source: deville_2000", "source: devile_2000", "unknown source id"),
        (
            "findings.yaml",
            'label: "weak big toe extension ({side})"',
            'label: "x"\n    colour: red',
            "Extra inputs",
        ),
        ("findings.yaml", "lr: {L5: 8.0, L4: 1.5, S1: 1.2}", "lr: {L6: 8.0}", "unknown id"),
        ("findings.yaml", "lr: {L5: 8.0, L4: 1.5, S1: 1.2}", "lr: {L5: -1}", "positive finite"),
        ("roots.yaml", "great_toe: 1.0", "big_toe: 1.0", "unknown region id"),
        ("red_flags.yaml", "{feature: ces_symptom}", "{feature: ces_symptoms}", "unknown feature"),
        ("findings.yaml", "fact: history.worse_sitting", "fact: history.worse_sittin", "not a case field"),
        # knowledge in one place (issue 14): what the Python side reads is checked at load
        ("red_flags.yaml", "  - id: aortic_aneurysm\n", "  - id: aortic_aneurism\n", "unknown red-flag rule"),
        ("red_flags.yaml", "  - id: severe_weakness\n", "  - id: severe_weak\n", "unknown red-flag rule"),
        (
            "findings.yaml",
            "  older_woman_from_age:\n",
            "  older_women_from_age:\n",
            "engine/facts.py reads it",
        ),
        ("findings.yaml", "  heel_raise_weak_below:\n", "  heel_raise_low_below:\n", "unknown parameter"),
        (
            "findings.yaml",
            "below: heel_raise_weak_below_older",
            "below: heel_raise_older",
            "unknown parameter",
        ),
        ("findings.yaml", "  stocking:\n", "  stockings:\n", "engine/facts.py reads exactly"),
        ("causes.yaml", "  facet_hypertrophy:\n", "  facet_enlargement:\n", "cause ids of the assessment"),
        (
            "red_flags.yaml",
            "suspects: aortic_aneurysm",
            "suspects: aortic_aneurism",
            "not a conclusion in codes.yaml",
        ),
        ("codes.yaml", "lumbosacral_roots: [S1, S2]", "lumbosacral_roots: [S1, S3]", "unknown root"),
        ("findings.yaml", "    group: claudication\n", "    group: claudicaton\n", "unknown group"),
        (
            "findings.yaml",
            '"L4-L5": {traversing: L5, exiting: L4}',
            '"L4-L5": {traversing: L6, exiting: L4}',
            "unknown root",
        ),
    ],
)
def test_bad_knowledge_is_refused_with_its_place(
    copy: Path, name: str, old: str, new: str, message: str
) -> None:
    _edit(copy, name, old, new)
    with pytest.raises(KnowledgeError) as info:
        kb = load_knowledge_from(copy)
        # a typo in a fact id must not pass silently either: the engine would never read it
        assert all(f.fact != "history.worse_sittin" for f in kb.findings)
    assert message in str(info.value)


def test_a_consensus_value_needs_a_reason(copy: Path) -> None:
    _edit(
        copy,
        "findings.yaml",
        'source: consensus\n        reason: "typical of a herniated disc rather than stenosis"',
        "source: consensus",
    )
    with pytest.raises(KnowledgeError, match="needs a reason"):
        load_knowledge_from(copy)


def test_a_rule_that_raises_the_level_without_its_own_words_is_refused(copy: Path) -> None:
    _edit(copy, "advice.yaml", "when: {rule: [uncontrolled_pain]}", "when: {rule: [any_weakness]}")
    with pytest.raises(
        KnowledgeError, match=r"red_flags\.rules\.uncontrolled_pain: a rule that raises the level"
    ):
        load_knowledge_from(copy)
