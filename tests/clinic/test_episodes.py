"""Episodes: a booking becomes one; one started at the desk (a case, or a note read and corrected); the
worklist's order, filters, unseen markers and flags; the episode view with its history."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from clinic.conftest import L5_CASE, api_token, desk_episode, make_staff, post_form, sign_in
from nerveroot.store import Store
from store.databases import open_test_slots

EMERGENCY_CASE: dict[str, Any] = {**L5_CASE, "history": {**L5_CASE["history"], "saddle_numbness": True,
                                                         "urinary_retention": True, "bladder_dysfunction": True}}  # fmt: skip
SELF_CARE_CASE: dict[str, Any] = {"age": 30, "duration_weeks": 1, "pain": {"left": ["low_back"]},
                                  "history": {"saddle_numbness": False, "bladder_dysfunction": False}}  # fmt: skip


def _book(client: TestClient, slot_id: int, case: dict[str, Any], n: int) -> dict[str, Any]:
    answer = client.post("/api/v1/bookings", json={"slot_id": slot_id, "name": f"Booked Person {n}",
                         "email": f"p{n}@example.org", "phone": "+44 20 7946 0000", "consent": True, "case": case})  # fmt: skip
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr data-episode="(\d+)">', html)


def test_a_booking_becomes_an_episode_and_the_worklist_puts_the_most_urgent_first(
    app_client: TestClient, store: Store
) -> None:
    make_staff(store, "cleo@clinic.example")
    slots = open_test_slots(store, count=3)
    token = api_token(app_client, "cleo@clinic.example")
    desk_first = desk_episode(app_client, token, SELF_CARE_CASE, name="Desk Person")
    _book(app_client, slots[0], L5_CASE, 1)
    _book(app_client, slots[1], EMERGENCY_CASE, 2)
    sign_in(app_client, "cleo@clinic.example")
    page = app_client.get("/clinic", headers={"accept": "text/html"})
    assert page.status_code == 200
    names = re.findall(r'<a href="/clinic/episodes/\d+">([^<]+)</a>', page.text)
    assert names == ["Booked Person 2", "Booked Person 1", "Desk Person"]  # emergency, prompt, self-care
    assert page.text.count('class="unseen"') == 3
    booked_only = app_client.get("/clinic?booked=yes", headers={"accept": "text/html"}).text
    assert str(desk_first) not in _rows(booked_only) and len(_rows(booked_only)) == 2
    emergency_only = app_client.get("/clinic?level=emergency", headers={"accept": "text/html"}).text
    assert re.findall(r'<a href="/clinic/episodes/\d+">([^<]+)</a>', emergency_only) == ["Booked Person 2"]
    listed = app_client.get("/api/v1/clinic/worklist", headers={"authorization": f"Bearer {token}"}).json()
    episode = next(e for e in listed if e["name"] == "Booked Person 1")
    view = app_client.get(f"/clinic/episodes/{episode['id']}", headers={"accept": "text/html"})
    assert view.status_code == 200
    assert (
        "Booking" in view.text and "bodymap-svg" in view.text and "Reasons, with their sources" in view.text
    )
    assert 'class="unseen"' not in "".join(
        line
        for line in app_client.get("/clinic", headers={"accept": "text/html"}).text.splitlines()
        if f"/clinic/episodes/{episode['id']}" in line
    )


def test_a_note_is_read_shown_corrected_then_saved(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    sign_in(app_client, "cleo@clinic.example")
    note = (
        "45 year old woman. Pain down the back of the left leg to the heel for 3 weeks. No saddle numbness."
    )
    read = post_form(app_client, "/clinic/episodes/new", {"name": "Noted Person", "note": note, "go": "read"})
    assert read.status_code == 200 and "What was read" in read.text
    case_text = re.search(r'<textarea id="case" name="case"[^>]*>([^<]*)</textarea>', read.text)
    assert case_text and "heel" in case_text.group(1)
    import html
    import json

    case = json.loads(html.unescape(case_text.group(1)))
    case["age"] = 46  # the clinician corrects what was read
    saved = post_form(app_client, "/clinic/episodes/new", {"name": "Noted Person", "case": json.dumps(case), "go": "save"},
                      token_from="/clinic/episodes/new")  # fmt: skip
    assert saved.status_code == 303
    view = app_client.get(saved.headers["location"], headers={"accept": "text/html"})
    assert "Noted Person" in view.text and "46" in view.text


def test_a_bad_case_at_the_desk_saves_nothing(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    sign_in(app_client, "cleo@clinic.example")
    bad = post_form(app_client, "/clinic/episodes/new", {"name": "X", "case": '{"age": 400}', "go": "save"})
    assert bad.status_code == 422 and "age" in bad.text
    assert "<tr data-episode" not in app_client.get("/clinic", headers={"accept": "text/html"}).text


def test_the_date_filter_counts_days_in_the_clinics_time_zone(app_client: TestClient, store: Store) -> None:
    from datetime import timedelta

    from nerveroot.clinic.web import now
    from nerveroot.settings import Settings

    make_staff(store, "cleo@clinic.example")
    desk_episode(app_client, api_token(app_client, "cleo@clinic.example"))
    sign_in(app_client, "cleo@clinic.example")
    today = now().astimezone(Settings().tz).date()
    for since, until, rows in (
        (today, today, 1),
        (today + timedelta(days=1), None, 0),
        (None, today - timedelta(days=1), 0),
    ):
        query = "&".join(f"{k}={v.isoformat()}" for k, v in (("since", since), ("until", until)) if v)
        assert len(_rows(app_client.get(f"/clinic?{query}", headers={"accept": "text/html"}).text)) == rows, (
            query
        )
