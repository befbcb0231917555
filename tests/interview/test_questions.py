"""The questionnaire is data: it loads, every question fills a real case field, and bad data is refused."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from nerveroot.engine.interview import NOT_SURE, apply_answer, load_questions_from, questions
from nerveroot.errors import KnowledgeError

FOLDER = Path(str(resources.files("nerveroot") / "knowledge"))
ALL = questions()


def test_every_question_ends_with_not_sure_and_ids_are_unique() -> None:
    ids = [q.id for q in ALL]
    assert len(ids) == len(set(ids))
    assert all(q.options[-1].value == NOT_SURE for q in ALL)


@pytest.mark.parametrize("q", [q for q in ALL if q.kind in ("yes_no", "choice", "grade")], ids=lambda q: q.id)
def test_every_option_is_accepted_and_fills_the_case_path(q) -> None:  # type: ignore[no-untyped-def]
    """Each option writes its own value at the question's path; "not sure" writes nothing at all."""
    for option in q.options:
        case, asked = apply_answer({}, q.id, option.value)
        assert asked[0] == q.id
        if "," in q.answers:  # a screen: "no" answers each question it covers, "yes" opens them
            continue
        if option.value == NOT_SURE:
            assert case == {}
            continue
        node = case
        for key in q.answers.split("."):
            node = node[key]
        expected = (
            {"yes": True, "no": False}.get(option.value, option.value) if q.kind == "yes_no" else option.value
        )
        assert node == expected and type(node) is type(expected), (q.id, option.value, node)


def test_the_home_self_tests_have_instructions_and_a_safety_note() -> None:
    home = {
        "heel_walk",
        "toe_walk",
        "single_leg_heel_raise",
        "great_toe_extension",
        "single_leg_sit_to_stand",
    }
    found = [q for q in ALL if q.id.split(".")[0] in home]
    assert len(found) == 2 * len(home)  # one per leg
    assert all(q.instructions and q.safety for q in found)
    assert all(q.id.endswith((".left", ".right")) and q.id.split(".")[1] in q.text for q in found)


def test_the_look_alike_questions_of_issue_6_are_there() -> None:
    texts = {q.id: q.text for q in ALL}
    assert "inwards" in texts["foot_inversion.left"]
    assert "stand still" in texts["relieved_by_standing_still"]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(FOLDER, target)
    return target


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / "questions.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unknown_key_is_refused_with_its_name(copy: Path) -> None:
    _edit(copy, "  - id: age\n", "  - id: age\n    colour: red\n")
    with pytest.raises(KnowledgeError) as caught:
        load_questions_from(copy)
    assert any("colour" in p.path for p in caught.value.problems)


def test_a_path_that_is_not_a_case_field_is_refused(copy: Path) -> None:
    _edit(copy, "answers: history.smoker", "answers: history.smokes")
    with pytest.raises(KnowledgeError) as caught:
        load_questions_from(copy)
    assert any(p.value == "history.smokes" for p in caught.value.problems)


def test_a_screen_covering_an_unknown_question_is_refused(copy: Path) -> None:
    _edit(copy, "covers: [saddle_numbness,", "covers: [saddle_numbnes,")
    with pytest.raises(KnowledgeError) as caught:
        load_questions_from(copy)
    assert any(p.value == "saddle_numbnes" for p in caught.value.problems)


def test_a_number_question_needs_probe_values(copy: Path) -> None:
    _edit(copy, "    probe: [30, 50, 75]\n", "")
    with pytest.raises(KnowledgeError, match="not valid"):
        load_questions_from(copy)
