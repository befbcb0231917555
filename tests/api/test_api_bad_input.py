"""Bad input found by hand (issue 10) is a 4xx naming the problem, never a 500: lone surrogates, numbers
over 4,300 digits, ids beyond any table, dates near the end of the calendar, invalid UTF-8."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

JSON = {"content-type": "application/json"}
CONTACT = b'"name": "Ada", "email": "ada@example.org", "phone": "020 7946 0958", "consent": true'
HUGE = b"9" * 5000


def _bad(response: object) -> dict[str, object]:
    status = response.status_code  # type: ignore[attr-defined]
    assert 400 <= status < 500, response.text  # type: ignore[attr-defined]
    body: dict[str, object] = response.json()  # type: ignore[attr-defined]
    assert body["error"] and body["problems"], body
    return body


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("/api/v1/assess", b'{"age": 40, "pain": {"left\\ud800": ["heel"]}}'),
        ("/api/v1/assess", b'{"text": "pain down my leg \\udc00"}'),
        ("/api/v1/assess", b'{"age": ' + HUGE + b"}"),
        ("/api/v1/bookings", b'{"slot_id": 1, ' + CONTACT.replace(b"Ada", b"Ada\\ud800") + b"}"),
        ("/api/v1/bookings", b'{"slot_id": ' + HUGE + b", " + CONTACT + b"}"),
        ("/api/v1/interview", b'{"case": {"\\ud800": 1}}'),
        ("/api/v1/interview", b'{"case": {}, "answer": {"question": "age", "value": ' + HUGE + b"}}"),
        ("/api/v1/assess", b'{"age": 40, "sex": "\xff"}'),
        ("/api/v1/bookings", b'{"slot_id": 1, "name": "\xc3\x28"}'),
    ],
    ids=["assess-key-surrogate", "assess-text-surrogate", "assess-huge", "booking-surrogate", "booking-huge",
         "interview-surrogate", "interview-huge", "assess-invalid-utf8", "booking-invalid-utf8"],
)  # fmt: skip
def test_json_that_is_not_text_or_too_long_a_number_is_named(
    client: TestClient, path: str, raw: bytes
) -> None:
    body = _bad(client.post(path, content=raw, headers=JSON))
    assert [p["path"] for p in body["problems"]] == ["body"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("slot_id", [2**31, 2**63, 2**64 + 1, -(2**63) - 1, 0])
def test_slot_ids_beyond_any_table_are_refused_by_name(client: TestClient, slot_id: int) -> None:
    body = {"slot_id": slot_id, "name": "Ada", "email": "ada@example.org", "phone": "020 7946 0958",
            "consent": True}  # fmt: skip
    problems = _bad(client.post("/api/v1/bookings", json=body))["problems"]
    assert [p["path"] for p in problems] == ["slot_id"]  # type: ignore[index]


@pytest.mark.parametrize(
    "query",
    [{"from": "9999-12-30"}, {"from": "9999-12-29", "to": "9999-12-31"}, {"to": "9999-12-31"},
     {"from": "0001-01-01", "to": "0001-01-02"}, {"from": "2026-02-30"}],
)  # fmt: skip
def test_dates_at_the_ends_of_the_calendar_are_refused_or_empty(
    client: TestClient, query: dict[str, str]
) -> None:
    response = client.get("/api/v1/slots", params=query)
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        assert response.json() == []


@pytest.mark.parametrize(
    ("reference", "headers"),
    [("%ED%A0%80", {"X-Cancel-Token": "x"}), ("NR-" + "A" * 500, {"X-Cancel-Token": "x"}),
     ("NR-2222-2222", {"X-Cancel-Token": "t" * 5000})],
)  # fmt: skip
def test_odd_references_and_tokens_are_4xx(
    client: TestClient, reference: str, headers: dict[str, str]
) -> None:
    response = client.delete(f"/api/v1/bookings/{reference}", headers=headers)
    assert response.status_code in (404, 422), response.text


@pytest.mark.parametrize("key", [b"short", b"k" * 300, b"not a key!", "é".encode() * 10])
def test_a_malformed_idempotency_key_is_named(client: TestClient, key: bytes) -> None:
    body = {
        "slot_id": 1,
        "name": "Ada",
        "email": "ada@example.org",
        "phone": "020 7946 0958",
        "consent": True,
    }
    headers = {"Idempotency-Key": key}
    problems = _bad(client.post("/api/v1/bookings", json=body, headers=headers))["problems"]
    assert any("dempotency" in p["path"] for p in problems), problems  # type: ignore[index]
