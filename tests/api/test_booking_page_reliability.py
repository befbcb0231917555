"""The booking pages under retries and abuse (issue 10): a form sent twice books once, a crafted key is
refused by name, a loop meets 429, a cancelled booking says so, the calendar's cancel link comes from the
configured public address and never from the Host header."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlalchemy import select

from nerveroot.settings import Settings
from nerveroot.store import Booking, Store
from nerveroot.web.app import create_app
from store.databases import open_test_slots

SECRET = "p" * 40
PUBLIC = "https://clinic.example.org"


def _field(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"the form carries {name}"
    return found.group(1)


def _app(database_url: str, **extra: object) -> TestClient:
    values: dict[str, object] = {
        "database_url": database_url,
        "secret_key": SECRET,
        "rate_limits": False,
        "public_url": PUBLIC,
        "secure_cookies": False,
    }  # fmt: skip (the test client speaks http)
    return TestClient(create_app(Settings(**{**values, **extra})))  # type: ignore[arg-type]


@pytest.fixture
def pages(database_url: str) -> Iterator[TestClient]:
    with _app(database_url) as client:
        yield client


def _form_data(client: TestClient, slot_id: int, n: int = 0) -> dict[str, str]:
    html = client.get("/book").text
    return {"name": f"Person {n}", "email": f"p{n}@example.org", "phone": f"020 7946 {n:04d}", "consent": "yes",
            "slot_id": str(slot_id), "csrf_token": _field(html, "csrf_token"),
            "idempotency_key": _field(html, "idempotency_key")}  # fmt: skip


def test_a_form_sent_twice_books_once_and_shows_the_same_booking(pages: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=2)[0]
    data = _form_data(pages, slot_id)
    first = pages.post("/book", data=data, follow_redirects=False)
    second = pages.post("/book", data=data, follow_redirects=False)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    with store.read() as session:
        assert len(session.scalars(select(Booking)).all()) == 1


def test_a_crafted_idempotency_field_is_refused_by_name(pages: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=1)[0]
    data = {**_form_data(pages, slot_id), "idempotency_key": "<script>" + "x" * 300}
    response = pages.post("/book", data=data)
    assert response.status_code == 422 and "could not be used" in response.text
    with store.read() as session:
        assert session.scalars(select(Booking)).all() == []


def test_a_loop_of_bookings_from_one_address_meets_a_page_with_429(database_url: str, store: Store) -> None:
    ids = open_test_slots(store, count=6)
    with _app(database_url, rate_limits=True, rate_limit_booking="2/minute", max_future_bookings=0) as client:
        statuses = []
        for n, slot_id in enumerate(ids[:4]):
            data = _form_data(client, slot_id, n)
            statuses.append(
                client.post("/book", data=data, follow_redirects=False, headers={"accept": "text/html"})
            )
    assert [r.status_code for r in statuses] == [303, 303, 429, 429]
    assert statuses[2].headers["content-type"].startswith("text/html") and statuses[2].headers["retry-after"]
    assert "Too many attempts" in statuses[2].text


def test_a_cancelled_booking_page_says_cancelled(pages: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=1)[0]
    location = pages.post("/book", data=_form_data(pages, slot_id), follow_redirects=False).headers[
        "location"
    ]
    assert "is booked" in pages.get(location).text
    ask = pages.get(location.replace("?", "/cancel?", 1))
    reference = location.split("/")[2].split("?")[0]
    done = pages.post(f"/book/{reference}/cancel",
                      data={"token": _field(ask.text, "token"), "csrf_token": _field(ask.text, "csrf_token")})  # fmt: skip
    assert done.status_code == 200
    page = pages.get(location)
    assert page.status_code == 200 and "cancelled" in page.text and "is booked" not in page.text


def test_the_calendar_cancel_link_comes_from_the_public_address(pages: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=1)[0]
    location = pages.post("/book", data=_form_data(pages, slot_id), follow_redirects=False).headers[
        "location"
    ]
    ics = pages.get(location.replace("?", "/calendar.ics?", 1), headers={"host": "attacker.example"})
    description = str(Calendar.from_ical(ics.content).walk("VEVENT")[0].get("description"))
    assert f"{PUBLIC}/book/" in description and "attacker.example" not in description


def test_without_a_public_address_the_calendar_carries_no_link(database_url: str, store: Store) -> None:
    slot_id = open_test_slots(store, count=1)[0]
    with _app(database_url, public_url=None) as client:
        location = client.post("/book", data=_form_data(client, slot_id), follow_redirects=False).headers[
            "location"
        ]
        ics = client.get(location.replace("?", "/calendar.ics?", 1), headers={"host": "attacker.example"})
    description = str(Calendar.from_ical(ics.content).walk("VEVENT")[0].get("description"))
    assert "http" not in description and "confirmation" in description


def test_a_wrong_link_and_an_unknown_reference_get_the_same_page(pages: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=1)[0]
    location = pages.post("/book", data=_form_data(pages, slot_id), follow_redirects=False).headers[
        "location"
    ]
    reference = location.split("/")[2].split("?")[0]
    wrong = pages.get(f"/book/{reference}?token=guess")
    unknown = pages.get("/book/NR-2222-2222?token=guess")
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.text.replace(reference, "") == unknown.text.replace("NR-2222-2222", "")
