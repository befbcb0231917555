"""The red-flag screen: asked first, decided by the real engine, bad input re-rendered beside the field."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from pageforms import all_flags, checked_ids, hidden_case

from nerveroot.service import assess_payload
from nerveroot.web.screening import QUESTIONS, answers_to_history


def test_the_screen_asks_every_question_with_three_labelled_answers(client: TestClient) -> None:
    page = client.get("/check/red-flags").text
    for q in QUESTIONS:
        for value in ("yes", "no", "unsure"):
            assert f'<label for="flag-{q.id}-{value}"><input type="radio" id="flag-{q.id}-{value}"' in page


@pytest.mark.parametrize("question", ["saddle_numbness", "bladder", "bowel", "sexual", "both_legs", "aorta"])
def test_an_emergency_sign_leads_at_once_to_the_emergency_page(client: TestClient, question: str) -> None:
    r = client.post("/check/red-flags", data=all_flags(**{question: "yes"}))
    assert r.status_code == 200
    assert "Get emergency care now" in r.text
    assert "Call your local emergency number" in r.text
    assert "/book" not in r.text  # booking is not offered on the emergency page
    assert "Where do you feel it?" not in r.text


@pytest.mark.parametrize("question", ["weakness_worse", "fever", "cancer", "trauma", "night_pain"])
def test_a_sign_that_is_not_an_emergency_goes_on_to_the_body_map(client: TestClient, question: str) -> None:
    form = all_flags(**{question: "yes"})
    history, _ = answers_to_history(form)
    assert assess_payload({"history": history}).triage.level != "emergency"
    r = client.post("/check/red-flags", data=form)
    assert "Where do you feel it?" in r.text
    assert hidden_case(r.text)["history"] == history


def test_not_sure_leaves_the_field_unknown_rather_than_no(client: TestClient) -> None:
    r = client.post("/check/red-flags", data=all_flags(fever="unsure"))
    history = hidden_case(r.text)["history"]
    assert "fever" not in history
    assert history["saddle_numbness"] is False


def test_an_unanswered_question_is_shown_beside_it_and_other_answers_are_kept(client: TestClient) -> None:
    form = all_flags()
    del form["flag-bowel"]
    form["flag-fever"] = "yes"
    r = client.post("/check/red-flags", data=form)
    assert r.status_code == 422
    assert 'id="err-bowel"' in r.text
    assert "Choose yes, no or not sure for this question." in r.text
    checked = checked_ids(r.text)
    assert "flag-fever-yes" in checked
    assert "flag-saddle_numbness-no" in checked
    assert not any(c.startswith("flag-bowel-") for c in checked)


def test_an_answer_that_is_not_offered_is_named_in_the_error(client: TestClient) -> None:
    r = client.post("/check/red-flags", data=all_flags(cancer="maybe"))
    assert r.status_code == 422
    assert "&#39;maybe&#39; is not an answer here" in r.text


def test_going_back_from_the_body_map_shows_the_answers_again(client: TestClient) -> None:
    first = client.post("/check/red-flags", data=all_flags(fever="unsure", cancer="yes")).text
    r = client.post("/check/body-map", data={"case": json.dumps(hidden_case(first)), "go": "back"})
    checked = checked_ids(r.text)
    assert {"flag-fever-unsure", "flag-cancer-yes", "flag-bladder-no"} <= checked
