"""POST /api/v1/interview, stateless: the caller carries the case and the asked ids between steps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from nerveroot.settings import Settings
from nerveroot.web.app import create_app

MAX_STEPS = 80


@pytest.fixture
def api(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'i.db'}", secret_key="k" * 40))
    with TestClient(app) as client:
        yield client


def _step(api: TestClient, body: dict[str, Any]) -> dict[str, Any]:
    response = api.post("/api/v1/interview", json=body)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def _calm(question: dict[str, Any]) -> Any:
    """A calm answer: "no", full strength, no regions, or "not sure" where the question offers it."""
    values = [o["value"] for o in question["options"]]
    if question["kind"] == "regions":
        return "not_sure"
    for calm in ("no", 5, "normal", "negative", "not_sure"):
        if calm in values:
            return calm
    return values[0] if values else "not_sure"


def test_the_first_question_is_a_red_flag(api: TestClient) -> None:
    step = _step(api, {"case": {}, "asked": [], "answer": None})
    assert step["done"] is False
    assert step["question"]["phase"] == "red_flags"
    assert 0 <= step["progress"] <= 1
    assert "triage" in step["assessment"]


def test_answering_until_done(api: TestClient) -> None:
    body: dict[str, Any] = {
        "case": {"pain": {"left": ["buttock", "posterior_thigh", "lateral_calf"]}},
        "asked": [],
    }
    step = _step(api, {**body, "answer": None})
    for _ in range(MAX_STEPS):
        if step["done"]:
            break
        question = step["question"]
        step = _step(
            api,
            {
                "case": step["case"],
                "asked": step["asked"],
                "answer": {"question": question["id"], "value": _calm(question)},
            },
        )
        assert question["id"] in step["asked"]
    assert step["done"] is True and step["question"] is None
    assert step["assessment"]["pattern"]["label"] in {"radicular", "non_radicular", "uncertain"}


def test_an_answer_that_does_not_fit_names_the_problem(api: TestClient) -> None:
    step = _step(api, {"case": {}, "asked": []})
    question = step["question"]
    response = api.post(
        "/api/v1/interview",
        json={
            "case": {},
            "asked": step["asked"],
            "answer": {"question": question["id"], "value": {"odd": True}},
        },
    )
    assert response.status_code == 422
    assert [p["path"] for p in response.json()["problems"]] == ["answer.value"]
    unknown = api.post("/api/v1/interview", json={"answer": {"question": "no_such_question", "value": "yes"}})
    assert unknown.status_code == 422
    assert [p["path"] for p in unknown.json()["problems"]] == ["answer.question"]


def test_an_emergency_answer_gives_an_emergency_assessment(api: TestClient) -> None:
    step = _step(api, {"case": {}, "asked": []})
    assert step["question"]["id"] == "ces_screen"
    step = _step(
        api, {"case": {}, "asked": step["asked"], "answer": {"question": "ces_screen", "value": "yes"}}
    )
    for _ in range(MAX_STEPS):
        if step["done"] or step["assessment"]["triage"]["level"] == "emergency":
            break
        question = step["question"]
        value = (
            "yes" if question["phase"] == "red_flags" and question["kind"] == "yes_no" else _calm(question)
        )
        step = _step(
            api,
            {
                "case": step["case"],
                "asked": step["asked"],
                "answer": {"question": question["id"], "value": value},
            },
        )
    assert step["assessment"]["triage"]["level"] == "emergency"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"case": {"age": "old"}}, "case.age"),
        ({"case": [], "asked": []}, "case"),
        ({"asked": "saddle"}, "asked"),
        ({"answer": {"question": 5}}, "answer.question"),
        ({"answer": {"value": "yes"}}, "answer.question"),
        ({"extra": 1}, "extra"),
    ],
    ids=[
        "bad-case-field",
        "case-not-object",
        "asked-not-list",
        "question-not-text",
        "question-missing",
        "unknown-field",
    ],
)
def test_bad_requests_name_the_field(api: TestClient, body: dict[str, Any], field: str) -> None:
    response = api.post("/api/v1/interview", json=body)
    assert response.status_code == 422
    assert field in [p["path"] for p in response.json()["problems"]]
