from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from nerveroot.store import Slot, Store
from store.databases import open_test_slots

CASE = {
    "age": 38,
    "pain": {"left": ["low_back", "buttock", "posterior_thigh", "lateral_calf", "dorsum_foot"]},
    "numbness": {"left": ["dorsum_foot", "great_toe"]},
    "weakness": {"left": {"great_toe_extension": 4}},
    "tests": {"left": {"straight_leg_raise": "positive"}},
}
PERSON = {"name": "Alice Example", "email": "alice@example.org", "phone": "+44 20 7946 0958", "consent": True}


def _paths(response: Any) -> list[str]:
    return [p["path"] for p in response.json()["problems"]]


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_assess_returns_the_contract(client: TestClient) -> None:
    response = client.post("/api/v1/assess", json=CASE)
    assert response.status_code == 200
    body = response.json()
    assert body["pattern"]["label"] == "radicular"
    assert body["roots"][0]["root"] == "L5" and body["roots"][0]["side"] == "left"
    assert body["triage"]["level"] in {"prompt", "urgent"}


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/v1/assess",
        "/api/v1/slots",
        "/api/v1/bookings",
        "/api/v1/bookings/{reference}",
        "/healthz",
    } <= set(paths)
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text  # works with no internet
    for asset in ("/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css"):
        assert asset in docs.text
        assert client.get(asset).status_code == 200


def test_free_slots_listed_in_one_offset_utc(client: TestClient, store: Store) -> None:
    ids = open_test_slots(store, count=3)
    body = client.get("/api/v1/slots").json()
    assert [s["id"] for s in body] == ids
    assert all(s["start"].endswith(("Z", "+00:00")) and s["end"].endswith(("Z", "+00:00")) for s in body)
    assert client.get("/api/v1/slots", params={"from": "2020-01-01", "to": "2020-01-02"}).json() == []


def test_book_then_cancel_frees_the_slot(client: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=2)[0]
    made = client.post("/api/v1/bookings", json={"slot_id": slot_id, **PERSON, "case": CASE})
    assert made.status_code == 201, made.text
    booking = made.json()
    assert booking["slot"]["id"] == slot_id
    assert booking["triage_level"] in {"prompt", "urgent"}  # assessed on the server
    assert slot_id not in [s["id"] for s in client.get("/api/v1/slots").json()]
    again = client.post("/api/v1/bookings", json={"slot_id": slot_id, **PERSON})
    assert again.status_code == 409 and _paths(again) == ["slot_id"]

    reference = booking["reference"]
    assert (
        client.delete(f"/api/v1/bookings/{reference}", headers={"X-Cancel-Token": "wrong"}).status_code == 404
    )
    assert client.delete("/api/v1/bookings/NR-2222-2222", headers={"X-Cancel-Token": "x"}).status_code == 404
    gone = client.delete(f"/api/v1/bookings/{reference}", headers={"X-Cancel-Token": booking["cancel_token"]})
    assert gone.status_code == 204
    assert slot_id in [s["id"] for s in client.get("/api/v1/slots").json()]
    rebooked = client.post("/api/v1/bookings", json={"slot_id": slot_id, **PERSON})
    assert rebooked.status_code == 201
    token = rebooked.json()["cancel_token"]
    by_query = client.delete(f"/api/v1/bookings/{rebooked.json()['reference']}", params={"token": token})
    assert by_query.status_code == 204


def test_the_assessment_is_kept_with_the_booking(client: TestClient, store: Store) -> None:
    from sqlalchemy import select

    from nerveroot.store import Booking

    slot_id = open_test_slots(store, count=1)[0]
    client.post("/api/v1/bookings", json={"slot_id": slot_id, **PERSON, "case": CASE})
    with store.write() as session:
        booking = session.scalars(select(Booking)).one()
        assert booking.case_json == CASE
        assert booking.assessment_json is not None
        assert booking.assessment_json["roots"][0]["root"] == "L5"
        assert session.get_one(Slot, slot_id).status == "booked"


def _booking(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"slot_id": 1, **PERSON}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


BIG = "x" * (64 * 1024 + 1)

BAD_INPUT = [
    ("post", "/api/v1/assess", {"age": "forty"}, 422, "age"),
    ("post", "/api/v1/assess", {"pain": {"left": ["knee"]}}, 422, "pain.left.0"),
    ("post", "/api/v1/assess", {"agee": 40}, 422, "agee"),
    ("post", "/api/v1/assess", [1, 2], 422, "body"),
    ("post", "/api/v1/assess", {"text": 5}, 422, "text"),
    ("post", "/api/v1/assess", {"text": "left leg pain", "age": 4}, 422, "age"),
    ("post", "/api/v1/assess", {"text": BIG}, 413, "body"),
    ("post", "/api/v1/bookings", _booking(slot_id="first"), 422, "slot_id"),
    ("post", "/api/v1/bookings", _booking(slot_id=424242), 422, "slot_id"),
    ("post", "/api/v1/bookings", _booking(email="alice.example.org"), 422, "email"),
    ("post", "/api/v1/bookings", _booking(phone="call me"), 422, "phone"),
    ("post", "/api/v1/bookings", _booking(consent=False), 422, "consent"),
    ("post", "/api/v1/bookings", _booking(consent=...), 422, "consent"),
    ("post", "/api/v1/bookings", _booking(name=...), 422, "name"),
    ("post", "/api/v1/bookings", _booking(name=["a"]), 422, "name"),
    ("post", "/api/v1/bookings", _booking(case={"age": "old"}), 422, "case.age"),
    ("post", "/api/v1/bookings", _booking(case="my leg"), 422, "case"),
    ("post", "/api/v1/bookings", _booking(colour="blue"), 422, "colour"),
    ("post", "/api/v1/bookings", _booking(name=BIG), 413, "body"),
    ("get", "/api/v1/slots?from=yesterday", None, 422, "query.from"),
    ("get", "/api/v1/slots?from=2026-12-10&to=2026-12-01", None, 422, "query.to"),
    ("delete", "/api/v1/bookings/NR-2222-2222", None, 422, "token"),
]


@pytest.mark.parametrize(
    ("method", "url", "body", "status", "field"),
    BAD_INPUT,
    ids=[f"{m}-{u.rsplit('/', 1)[-1]}-{f}-{s}" for m, u, _, s, f in BAD_INPUT],
)
def test_bad_input_gives_4xx_naming_the_field(
    client: TestClient, store: Store, method: str, url: str, body: Any, status: int, field: str
) -> None:
    open_test_slots(store, count=1)
    response = client.request(method, url, json=body) if body is not None else client.request(method, url)
    assert response.status_code == status, response.text
    assert field in _paths(response), response.text
    assert response.json()["error"]


def test_malformed_json_names_the_body(client: TestClient) -> None:
    response = client.post(
        "/api/v1/assess", content=b'{"age": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert _paths(response) == ["body"] and "JSON" in response.json()["problems"][0]["message"]


def test_empty_or_contradictory_json_names_the_place(client: TestClient) -> None:
    empty = client.post("/api/v1/assess", content=b"", headers={"content-type": "application/json"})
    assert empty.status_code == 422 and _paths(empty) == ["body"]
    twice = b'{"age": 40, "age": 41}'
    conflict = client.post("/api/v1/assess", content=twice, headers={"content-type": "application/json"})
    assert conflict.status_code == 422 and _paths(conflict) == ["age"]


def test_a_large_body_without_a_length_is_refused_too(client: TestClient) -> None:
    def chunks() -> Any:
        for _ in range(70):
            yield b" " * 1024

    response = client.post("/api/v1/assess", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "65536" in response.json()["error"]


def test_a_body_just_under_the_limit_is_read(client: TestClient) -> None:
    body = json.dumps(CASE).encode()
    padded = body[:-1] + b" " * (64 * 1024 - len(body)) + b"}"
    assert len(padded) == 64 * 1024
    response = client.post("/api/v1/assess", content=padded, headers={"content-type": "application/json"})
    assert response.status_code == 200
