"""The warning-sign page: built from questions.yaml, decided by the real engine, "not sure" never "no"."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from pageforms import all_flags, checked_ids, hidden_case

from nerveroot.engine.interview import questions
from nerveroot.service import assess_payload
from nerveroot.warning_signs import apply_screen, screen_questions
from nerveroot.web.screening import QUESTIONS

ORDER = ["self_care", "routine", "prompt", "urgent", "emergency"]
BY_ID = {q.id: q for q in QUESTIONS}


def test_the_screen_is_the_questions_of_questions_yaml_word_for_word() -> None:
    """One source: every question the page asks is an interview question with the same words."""
    engine = {q.id: q for q in questions()}
    assert len(QUESTIONS) >= 20
    for q in QUESTIONS:
        assert engine[q.id].text == q.text
        assert engine[q.id].answers == q.path
        assert engine[q.id].instructions == q.hint


def test_the_screen_asks_every_question_with_three_labelled_answers(client: TestClient) -> None:
    page = client.get("/check/red-flags").text
    for q in QUESTIONS:
        for value in ("yes", "no", "unsure"):
            assert f'<label for="flag-{q.id}-{value}"><input type="radio" id="flag-{q.id}-{value}"' in page
        assert q.text.replace("'", "&#39;") in page


EMERGENCY_SIGNS = [
    "saddle_numbness",
    "bladder_dysfunction",
    "urinary_retention",
    "bowel_incontinence",
    "sexual_dysfunction",
    "bilateral_leg_symptoms_new",
]


@pytest.mark.parametrize("question", EMERGENCY_SIGNS)
def test_an_emergency_sign_leads_at_once_to_the_emergency_page(client: TestClient, question: str) -> None:
    r = client.post("/check/red-flags", data=all_flags(**{question: "yes"}))
    assert r.status_code == 200
    assert "Get emergency care now" in r.text
    assert "Call your local emergency number" in r.text
    assert "/book" not in r.text  # booking is not offered on the emergency page
    assert "Where do you feel it?" not in r.text


@pytest.mark.parametrize("question", [*EMERGENCY_SIGNS, "sudden_severe_pain+faintness_or_collapse"])
def test_an_emergency_sign_with_every_other_question_blank_goes_straight_to_the_emergency_page(
    client: TestClient, question: str
) -> None:
    form = {f"flag-{q}": "yes" for q in question.split("+")}
    r = client.post("/check/red-flags", data=form)
    assert r.status_code == 200
    assert "Get emergency care now" in r.text
    assert "Choose yes, no or not sure" not in r.text
    assert "with yes, no or not sure" not in r.text


@pytest.mark.parametrize(
    "question", ["progressive_weakness", "fever", "history_of_cancer", "significant_trauma"]
)
def test_a_sign_that_is_not_an_emergency_goes_on_to_the_body_map(client: TestClient, question: str) -> None:
    form = all_flags(**{question: "yes"})
    case = apply_screen({}, {k.removeprefix("flag-"): v for k, v in form.items()})
    assert assess_payload(case).triage.level != "emergency"
    r = client.post("/check/red-flags", data=form)
    assert "Where do you feel it?" in r.text
    assert hidden_case(r.text)["history"] == case["history"]


def test_not_sure_leaves_the_field_unknown_and_records_it_as_not_sure(client: TestClient) -> None:
    r = client.post("/check/red-flags", data=all_flags(fever="unsure"))
    case = hidden_case(r.text)
    assert "fever" not in case["history"]
    assert case["unsure"] == [{"finding": "history.fever"}]
    assert case["history"]["saddle_numbness"] is False


def test_every_question_of_the_screen_answers_a_warning_sign_topic() -> None:
    """Nothing is asked as a warning sign that the engine does not read as one: "previous spinal surgery" (at
    any time) was, although surgery years ago is no infection risk (issue 14's review); the screen now asks
    about surgery within 3 months."""
    assert [q.id for q in screen_questions() if q.topic is None] == []
    assert "previous_spinal_surgery" not in {q.id for q in screen_questions()}
    assert "spinal_surgery_within_3_months" in {q.id for q in screen_questions()}


@pytest.mark.parametrize("q", [pytest.param(q, id=q.id) for q in screen_questions()])
def test_not_sure_about_any_warning_sign_is_at_least_what_product_md_says(q) -> None:  # type: ignore[no-untyped-def]
    """PRODUCT.md capability 4: not sure about a cauda equina feature is urgent, about another warning sign
    at least prompt; the uncertain answer is listed with how to check it."""
    case = apply_screen({}, {**{o.id: "no" for o in QUESTIONS}, q.id: "unsure"})
    case["pain"] = {"left": ["lateral_calf"]}
    a = assess_payload(case)
    floor = "urgent" if q.cauda_equina else "prompt"
    assert ORDER.index(a.triage.level) >= ORDER.index(floor), a.triage
    assert [u.topic for u in a.unresolved] == [q.topic]
    assert a.unresolved[0].check


def test_blank_questions_are_named_beside_them_and_other_answers_are_kept(client: TestClient) -> None:
    form = all_flags()
    del form["flag-bowel_incontinence"]
    form["flag-fever"] = "yes"
    r = client.post("/check/red-flags", data=form)
    assert r.status_code == 422
    assert 'id="err-bowel_incontinence"' in r.text
    assert r.text.count('class="field-error"') == 1
    text = BY_ID["bowel_incontinence"].text.replace("'", "&#39;")
    assert f"Answer “{text}” with yes, no or not sure." in r.text
    checked = checked_ids(r.text)
    assert "flag-fever-yes" in checked
    assert "flag-saddle_numbness-no" in checked
    assert not any(c.startswith("flag-bowel_incontinence-") for c in checked)


def test_an_answer_that_is_not_offered_is_named_in_the_error(client: TestClient) -> None:
    r = client.post("/check/red-flags", data=all_flags(history_of_cancer="maybe"))
    assert r.status_code == 422
    assert "&#39;maybe&#39; is not an answer to" in r.text


def test_a_specific_bladder_problem_outweighs_no_change_in_passing_urine(client: TestClient) -> None:
    """The page asks both; answering them against each other is no error, and the yes is kept."""
    r = client.post("/check/red-flags", data=all_flags(urinary_retention="yes"))
    assert "Get emergency care now" in r.text
    assert "contradict" not in r.text


def test_going_back_from_the_body_map_shows_the_answers_again(client: TestClient) -> None:
    first = client.post("/check/red-flags", data=all_flags(fever="unsure", history_of_cancer="yes")).text
    r = client.post("/check/body-map", data={"case": json.dumps(hidden_case(first)), "go": "back"})
    checked = checked_ids(r.text)
    assert {"flag-fever-unsure", "flag-history_of_cancer-yes", "flag-bladder_dysfunction-no"} <= checked
