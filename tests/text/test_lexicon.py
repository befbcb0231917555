"""The lexicon is data: every path it sets is a case path, every region and movement has words."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nerveroot.case import MOVEMENTS, REGIONS, parse_case
from nerveroot.errors import KnowledgeError, TextError
from nerveroot.text import read_text
from nerveroot.text.lexicon import build, load_lexicon
from nerveroot.text.scan import prefixes, word_starts

EVIDENCE_ONLY = {"weakness", "pain", "numbness", "tingling", "sensation"}
FILL = {"{side}": "left", "{muscle}": "great_toe_extension", "{reflex}": "achilles",
        "{last_region_movement}": "ankle_dorsiflexion"}  # fmt: skip
SAMPLE = {"$grade": 4, "$level": "absent", "$sign": "positive", "$ml": 300.0, "$count": 5, "$age": 50,
          "$sex": "female", "$duration": 2.0, "$trunk": "T10"}  # fmt: skip


def _nest(path: str, value: Any) -> dict[str, Any]:
    for key, word in FILL.items():
        path = path.replace(key, word)
    parts = path.split(".")
    if parts[0] in ("pain", "numbness", "tingling"):
        return {parts[0]: {parts[1]: [parts[2]]}}
    out: dict[str, Any] = {parts[-1]: SAMPLE.get(value, value) if isinstance(value, str) else value}
    for part in reversed(parts[:-1]):
        out = {part: out}
    return out


def _all_sets() -> list[tuple[int, str, Any]]:
    lexicon = load_lexicon()
    rows = []
    for name in ("findings", "demographics"):
        seen = set()
        for entry, _ in lexicon.sections[name].rows:
            if entry.index in seen:
                continue
            seen.add(entry.index)
            for sets in (entry.sets, entry.negated or {}):
                rows.extend((entry.index, p, v) for p, v in sets.items() if p not in EVIDENCE_ONLY)
    return rows


@pytest.mark.parametrize(("index", "path", "value"), _all_sets(), ids=str)
def test_every_path_the_lexicon_sets_is_a_valid_case_path(index: int, path: str, value: Any) -> None:
    parse_case(_nest(path, value))


def test_every_region_has_words() -> None:
    named = {r for entry, _ in load_lexicon().sections["regions"].rows for r in entry.regions}
    assert named == {*REGIONS, "saddle", "thoracic"}  # places that are not leg regions (lexicon body_areas)


def test_every_movement_has_a_muscle_name() -> None:
    assert {value for value, _ in load_lexicon().lookups["muscle"]} == set(MOVEMENTS)


def test_every_pattern_is_indexed_by_its_first_letters() -> None:
    for section in load_lexicon().sections.values():
        for _, pattern in section.rows:
            assert prefixes(pattern) is not None, f"{section.name}: {pattern[:60]} can start with anything"


def test_every_pattern_compiles_alone_and_with_the_rows_it_is_tried_with() -> None:
    """Patterns are compiled on first use (a cold start compiles only what a text needs), so a pattern that
    only fails when compiled (a look-behind of varying width) must fail here, not in a person's reading."""
    lexicon = load_lexicon()
    for section in lexicon.sections.values():
        for i in range(len(section.rows)):
            section._regex(i)
    scanner = lexicon.scanner
    for per_section in scanner.index.values():
        for k, rows in per_section:
            scanner._filter(k, rows)


@pytest.mark.parametrize(
    "text",
    [
        "No numbness between the legs, BP   134/82, can\nnot lift the foot; unable\tto walk",
        "KNEE gives way, \u212aNEE, ſciatica and İ Σ, L5/S1 disc\u00a0prolapse, 4/5 EHL on the left",
        "wetting myself without me noticing. and an inability to stand on tiptoe",
    ],
)
def test_the_scan_finds_what_trying_every_candidate_row_finds(text: str) -> None:
    """The finer index and the joined expressions only save work: at each word start each section gives the
    first of its candidate rows that matches, as trying them one by one does."""
    scanner = load_lexicon().scanner
    starts = word_starts(text)
    found = scanner.scan(text, starts)
    for k, section in enumerate(scanner.sections):
        expected = []
        end = 0
        for pos in starts:
            key = text[pos : pos + 3].lower()[:3]
            while key not in section.index:
                key = key[:-1]
            if pos < end:
                continue
            for i in section.index[key]:
                m = section._regex(i).match(text, pos)
                if m is not None:
                    expected.append((id(section.rows[i][0]), m.span()))
                    end = m.end()
                    break
        assert [(id(e), (start, end)) for e, start, end, _, _ in found[k]] == expected, section.name
        assert all(words == text[start:end] for _, start, end, words, _ in found[k]), section.name


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400))
def test_any_text_is_read_or_refused_with_a_text_error(text: str) -> None:
    try:
        reading = read_text(text)
    except TextError as exc:
        assert exc.problems[0].path == "text"
        return
    for span in reading.evidence:
        assert text[span.start : span.end] == span.text


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["No", "not", "left", "right", "L", "R", "pain", "numb", "tingling", "calf", "foot", "big toe",
             "EHL", "4/5", "AJ", "absent", "SLR", "+ve", "bladder", "can't", "lift", "it", ",", ".", "both",
             "legs", "if", "mother", "cancer", "denies", "on that side", "52M", "for 3 weeks"]
        ),
        min_size=1, max_size=40,
    )
)  # fmt: skip
def test_clinical_word_salad_always_gives_a_valid_case(words: list[str]) -> None:
    reading = read_text(" ".join(words))
    parse_case(reading.case.model_dump(mode="json", exclude_none=True))


# ---------------------------------------------------------------- the lexicon's data is checked on load
def _data() -> dict[str, Any]:
    import copy
    from importlib import resources

    import yaml

    text = resources.files("nerveroot.text").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return copy.deepcopy(yaml.safe_load(text))


def _refused(data: dict[str, Any]) -> KnowledgeError:
    with pytest.raises(KnowledgeError) as caught:
        build(data)
    return caught.value


def test_the_bundled_lexicon_is_valid() -> None:
    build(_data())


def test_a_misspelt_key_is_refused_not_ignored() -> None:
    data = _data()
    data["findings"][0]["patern"] = ["x"]
    err = _refused(data)
    assert any("patern" in p.path for p in err.problems)


def test_an_unknown_top_level_section_is_refused() -> None:
    data = _data()
    data["symtoms"] = []
    assert any(p.path == "symtoms" for p in _refused(data).problems)


def test_a_value_the_case_refuses_is_named_with_the_allowed_values() -> None:
    data = _data()
    data["findings"].append({"set": {"exam.anal_tone": "slack"}, "patterns": ["slack\\s+tone"]})
    err = _refused(data)
    assert "exam.anal_tone" in err.message
    assert any("normal" in p.message and "reduced" in p.message for p in err.problems)


def test_a_path_that_is_not_a_case_path_is_refused() -> None:
    data = _data()
    data["findings"].append({"set": {"history.saddle_numbnes": True}, "patterns": ["x"]})
    assert "history.saddle_numbnes" in _refused(data).message


def test_an_unknown_region_movement_or_topic_is_refused() -> None:
    data = _data()
    data["regions"]["calf_muscle"] = ["calfy"]
    assert _refused(data).problems
    data = _data()
    data["topics"]["words"]["gout"] = ["gout"]
    assert any(p.path == "topics.gout" for p in _refused(data).problems)


def test_a_pattern_that_is_not_a_regular_expression_is_refused() -> None:
    data = _data()
    data["findings"][0]["patterns"].append("(unclosed")
    assert "not valid" in _refused(data).message


def test_an_unknown_context_category_is_refused_with_the_allowed_ones() -> None:
    data = _data()
    data["context"]["rules"].append({"literal": "perhaps", "category": "MAYBE", "direction": "FORWARD"})
    err = _refused(data)
    assert any("POSSIBLE_EXISTENCE" in p.message for p in err.problems)


def test_a_context_phrase_given_twice_is_refused() -> None:
    """Two rules on one phrase both match; medspaCy keeps one by rule order, so a new rule elsewhere could
    silently change the scope the phrase has."""
    data = _data()
    data["context"]["rules"].append(
        {"literal": "Look out for", "category": "HYPOTHETICAL", "direction": "FORWARD", "max_scope": 3}
    )
    err = _refused(data)
    assert any("Look out for" in p.message and "more than once" in p.message for p in err.problems)


def _strings(node: Any, where: str) -> list[tuple[str, str]]:
    if isinstance(node, str):
        return [(where, node)]
    if isinstance(node, dict):
        return [x for k, v in node.items() for x in _strings(v, f"{where}.{k}")]
    if isinstance(node, list):
        return [x for i, v in enumerate(node) for x in _strings(v, f"{where}[{i}]")]
    return []


def test_no_pattern_ends_in_a_space_it_can_never_be_followed_by() -> None:
    """Every pattern is matched on whole words, so one that must end in whitespace ("will\\s+", "I could\\s+")
    can never match: such a pattern was found dead in the lexicon and silently read nothing."""
    from importlib import resources

    from nerveroot.yamlfile import load_yaml

    data = load_yaml(resources.files("nerveroot.text").joinpath("lexicon.yaml").read_text(encoding="utf-8"))
    dead = []
    for where, pattern in _strings(
        {k: v for k, v in data.items() if k not in ("macros", "context")}, "lexicon"
    ):
        stem = pattern
        while (optional := re.search(r"\((?:\?:)?[^()]*\)\?$", stem)) is not None:
            stem = stem[: optional.start()]  # a trailing optional group may be absent
        if stem.endswith((r"\s+", r"\s")):
            dead.append(f"{where}: {pattern[-60:]}")
    assert dead == []


def test_a_context_token_that_yaml_reads_as_a_boolean_is_refused() -> None:
    """An unquoted `no` in a token list is YAML's false: spaCy refused it only when the first text was read."""
    data = _data()
    data["context"]["rules"].append(
        {
            "literal": "as if not (a likeness)",
            "category": "PSEUDO",
            "direction": "PSEUDO",
            "pattern": [{"LOWER": {"IN": ["as", "like"]}}, {"LOWER": {"IN": ["not", False]}}],
        }
    )
    err = _refused(data)
    assert any("quote" in p.message and "False" in p.message for p in err.problems), err.problems


def test_a_dialect_word_with_a_capturing_group_is_refused() -> None:
    data = _data()
    data["spelling"]["dialect"]["both"] = ["(baith)"]
    assert any("spelling.dialect.both" in p.path for p in _refused(data).problems)


def test_no_pattern_swallowed_its_neighbour_through_a_lost_quote() -> None:
    """A pattern list whose opening quote is lost still parses as YAML: the patterns run together into one
    expression that never matches ("5.3 cm aortic aneurysm" went unread that way while it was being edited)."""
    # (a quote on its own is a token a pattern matches, not a lost one)
    merged = [
        (where, p)
        for where, p in _strings(_data(), "lexicon")
        if ("', '" in p or p.endswith("'"))
        and not where.endswith(".literal")
        and p != "'"
    ]
    assert merged == []


def test_a_dialect_pattern_that_may_start_anywhere_is_refused() -> None:
    """The dialect table is tried only at words that start as one of its patterns can: a pattern that could start
    with any letter would make that filter say nothing."""
    data = _data()
    data["spelling"]["dialect"]["both"] = ["\\w*aith"]
    err = _refused(data)
    assert any(p.path == "spelling.dialect" for p in err.problems), err.problems
