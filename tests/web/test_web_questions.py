"""The interview pages: one question at a time, why we ask, progress, an exact way back, errors in place."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from pageforms import hidden, hidden_case

from nerveroot.service import assess_payload

MARKS = ["pain.left.buttock", "pain.left.lateral_calf", "numbness.left.dorsum_foot"]


def _first_question(client: TestClient, to_body_map: Callable[..., str], **flags: str) -> str:
    page = to_body_map(**flags)
    r = client.post(
        "/check/body-map", data={"case": json.dumps(hidden_case(page)), "mark": MARKS, "go": "continue"}
    )
    assert r.status_code == 200
    assert 'name="question_id"' in r.text
    return r.text


def _state(page: str) -> dict[str, str]:
    return {k: hidden(page, k) for k in ("case", "asked", "trail", "question_id", "progress")}


def _some_answer(page: str) -> dict[str, str]:
    """The first offered option, or "not sure" for number and body-map questions."""
    radios = re.findall(r'<input type="radio" name="answer" id="a-\d+" value="([^"]*)"', page)
    if radios:
        return {"answer": html.unescape(radios[0]), "go": "answer"}
    return {"go": "not_sure"}


def test_a_question_shows_why_we_ask_progress_and_a_way_back(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    page = _first_question(client, to_body_map)
    assert "Why we ask" in page
    assert 'role="progressbar"' in page
    assert re.search(r'<button type="submit" name="go" value="back" class="button">Back</button>', page)


def test_back_restores_exactly_what_was_shown_before(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    pages = [_first_question(client, to_body_map)]
    for _ in range(4):
        r = client.post("/check/questions", data={**_state(pages[-1]), **_some_answer(pages[-1])})
        assert r.status_code == 200
        if 'name="question_id"' not in r.text:
            break
        pages.append(r.text)
    assert len(pages) >= 3
    current = pages[-1]
    for earlier in reversed(pages[:-1]):
        r = client.post("/check/questions", data={**_state(current), "go": "back"})
        assert r.status_code == 200
        assert hidden(r.text, "question_id") == hidden(earlier, "question_id")
        assert hidden_case(r.text) == hidden_case(earlier)
        assert json.loads(hidden(r.text, "asked")) == json.loads(hidden(earlier, "asked"))
        current = r.text
    r = client.post("/check/questions", data={**_state(current), "go": "back"})
    assert "Where do you feel it?" in r.text
    assert "m-numbness-left-dorsum_foot" in re.findall(r'id="([^"]+)"[^>]*\bchecked\b', r.text)


def test_an_answer_that_does_not_fit_is_shown_beside_the_question(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    page = _first_question(client, to_body_map)
    bad = {"answer": '"bogus"', "region": "elbow", "region-left": "elbow", "go": "answer"}
    r = client.post("/check/questions", data={**_state(page), **bad})
    assert r.status_code == 422
    assert 'id="err-answer"' in r.text
    assert hidden(r.text, "question_id") == hidden(page, "question_id")
    assert hidden_case(r.text) == hidden_case(page)


def _interview_from_scratch() -> dict[str, str]:
    """The interview's state with nothing screened yet: it begins with its own warning-sign screens."""
    return {"case": json.dumps({"pain": {"left": ["lateral_calf"]}}), "asked": "[]", "trail": "[]"}


def _ask(client: TestClient, data: dict[str, str]) -> str:
    r = client.post("/check/questions", data=data)
    assert r.status_code == 200, r.text[-400:]
    return r.text


def test_a_warning_sign_given_during_the_questions_leads_to_the_emergency_page(client: TestClient) -> None:
    page = _ask(client, {**_interview_from_scratch(), "question_id": "ces_screen", "answer": '"yes"'})
    assert hidden(page, "question_id") == "saddle_numbness"
    r = client.post("/check/questions", data={**_state(page), "answer": '"yes"', "go": "answer"})
    assert "Get emergency care now" in r.text
    assert 'action="/book' not in r.text


def test_not_sure_to_a_screen_opens_its_questions_and_not_sure_there_is_recorded(client: TestClient) -> None:
    """The interview's own "not sure" is never "no": a screen opens, each sign it covers is asked."""
    page = _ask(client, {**_interview_from_scratch(), "question_id": "ces_screen", "go": "not_sure"})
    assert hidden(page, "question_id") == "saddle_numbness"
    page = _ask(client, {**_state(page), "answer": '"not_sure"', "go": "answer"})
    case = hidden_case(page)
    assert case["unsure"] == [{"finding": "history.saddle_numbness"}]
    assert "saddle_numbness" not in case.get("history", {})
    assert assess_payload(case).triage.level == "urgent"


def test_back_shows_the_earlier_answer_chosen_and_progress_never_goes_backwards(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    pages = [_first_question(client, to_body_map)]
    shown = [float(hidden(pages[0], "progress"))]
    for _ in range(6):
        answer = _some_answer(pages[-1])
        r = client.post("/check/questions", data={**_state(pages[-1]), **answer})
        if 'name="question_id"' not in r.text:
            break
        pages.append(r.text)
        shown.append(float(hidden(r.text, "progress")))
    assert shown == sorted(shown), shown
    # the first question asks the age: answer it, go on, come back: the age given is still in the field
    assert hidden(pages[0], "question_id") == "age"
    second = client.post("/check/questions", data={**_state(pages[0]), "answer": "44", "go": "answer"}).text
    assert hidden(second, "question_id") != "age"
    back = client.post("/check/questions", data={**_state(second), "go": "back"}).text
    assert hidden(back, "question_id") == "age"
    assert re.search(r'name="answer" id="a-1"[^>]* value="44"', back)
    assert float(hidden(back, "progress")) == shown[0]


def test_the_result_after_the_questions_offers_back_to_the_last_question(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    page = _first_question(client, to_body_map)
    for _ in range(80):
        r = client.post("/check/questions", data={**_state(page), "go": "not_sure"})
        if 'name="question_id"' not in r.text:
            break
        page = r.text
    assert "Your result" in r.text
    back = re.search(r'<form method="post" action="/check/questions">(.*?)</form>', r.text, re.S)
    assert back
    fields = {k: hidden(back.group(1), k) for k in ("case", "asked", "trail")}
    again = client.post("/check/questions", data={**fields, "go": "back"})
    assert hidden(again.text, "question_id") == hidden(page, "question_id")


def test_the_red_flag_pages_no_answers_are_not_asked_again_nor_extended(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    """The interview's screens count our "no" answers; nothing the person was not asked is recorded."""
    body_map = to_body_map()
    page = _first_question(client, to_body_map)
    assert hidden_case(page)["history"] == hidden_case(body_map)["history"]
    assert "exam" not in hidden_case(page)
    asked = json.loads(hidden(page, "asked"))
    assert "ces_screen" in asked
    assert "serious_screen" in asked
    assert hidden(page, "question_id") not in ("ces_screen", "serious_screen")
