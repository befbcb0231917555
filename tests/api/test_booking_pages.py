from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlalchemy import select

from nerveroot.store import Booking, Slot, Store
from store.databases import open_test_slots

CASE = {"age": 52, "pain": {"left": ["buttock", "posterior_thigh", "posterior_calf", "heel"]}}
EMERGENCY = {
    "age": 45,
    "pain": {"left": ["low_back", "posterior_thigh"]},
    "history": {"saddle_numbness": True},
}
NOTICE = "supports a clinician's judgement"


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the form carries a CSRF token"
    return found.group(1)


def _form(client: TestClient, case: dict[str, object] | str | None = None) -> str:
    """The booking form: plain, or reached from a result page's Book button (a POST; no answer in a URL)."""
    if case is None:
        response = client.get("/book")
    else:
        text = case if isinstance(case, str) else json.dumps(case)
        response = client.post("/book/start", data={"case": text, "result_page": "r" * 32})
        assert response.url.path.startswith("/book/new/") and not response.url.query
    assert response.status_code == 200
    assert NOTICE in response.text
    return response.text


def test_the_form_lists_free_slots_by_day(client: TestClient, store: Store) -> None:
    ids = open_test_slots(store, count=3)
    html = _form(client)
    for slot_id in ids:
        assert f'name="slot_id" value="{slot_id}"' in html
    assert html.count('class="day"') == 1


def test_errors_are_shown_beside_each_field_and_entries_are_kept(client: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=2)[1]
    html = _form(client, CASE)
    entries = {"name": "Ada Lovelace", "email": "ada@", "phone": "+44 20 7946 0958", "slot_id": str(slot_id)}
    response = client.post("/book", data={**entries, "case": json.dumps(CASE), "csrf_token": _csrf(html)})
    assert response.status_code == 422
    page = response.text
    assert 'id="email-error"' in page and 'id="consent-error"' in page
    assert 'id="name-error"' not in page and 'id="phone-error"' not in page
    assert 'value="Ada Lovelace"' in page and 'value="ada@"' in page and 'value="+44 20 7946 0958"' in page
    assert re.search(rf'value="{slot_id}"\s+checked', page)
    assert quote("posterior_calf") in page or "posterior_calf" in page  # the case rides along
    with store.write() as session:
        assert session.scalars(select(Booking)).all() == []


def test_a_post_without_the_csrf_token_is_refused(client: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=1)[0]
    _form(client)
    data = {
        "name": "A",
        "email": "a@example.org",
        "phone": "0123456789",
        "consent": "yes",
        "slot_id": str(slot_id),
    }
    assert client.post("/book", data=data).status_code == 403
    forged = client.post("/book", data={**data, "csrf_token": "forged"})
    assert forged.status_code == 403
    with store.write() as session:
        assert session.get_one(Slot, slot_id).status == "open"
    # The refused form comes back with the entries kept and a fresh token that works.
    assert "nothing was booked" in forged.text and 'value="a@example.org"' in forged.text
    again = client.post("/book", data={**data, "csrf_token": _csrf(forged.text)}, follow_redirects=False)
    assert again.status_code == 303


def test_booking_confirmation_calendar_and_cancel(client: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=1)[0]
    html = _form(client, CASE)
    data = {
        "name": "Ada Lovelace", "email": "ada@example.org", "phone": "020 7946 0958", "consent": "yes",
        "slot_id": str(slot_id), "case": json.dumps(CASE), "csrf_token": _csrf(html),
    }  # fmt: skip
    response = client.post("/book", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    confirmation = client.get(response.headers["location"])
    assert confirmation.status_code == 200
    assert confirmation.headers["referrer-policy"] == "no-referrer"
    with store.write() as session:
        booking = session.scalars(select(Booking)).one()
        assert booking.case_json == CASE and booking.assessment_json is not None
    assert booking.reference in confirmation.text and NOTICE in confirmation.text

    ics_link = re.search(r'href="(/book/[^"]+/calendar\.ics\?token=[^"]+)"', confirmation.text)
    assert ics_link
    ics = client.get(ics_link.group(1).replace("&amp;", "&"))
    assert ics.headers["content-type"].startswith("text/calendar")
    event = Calendar.from_ical(ics.content).walk("VEVENT")[0]
    with store.write() as session:
        slot = session.get_one(Slot, slot_id)
        assert event.decoded("dtstart") == slot.start and event.decoded("dtend") == slot.end
    assert booking.reference in str(event.get("description"))

    cancel_link = re.search(r'href="(/book/[^"]+/cancel\?token=[^"]+)"', confirmation.text)
    assert cancel_link
    ask = client.get(cancel_link.group(1))
    assert ask.status_code == 200 and "Yes, cancel it" in ask.text
    with store.write() as session:
        assert session.get_one(Slot, slot_id).status == "booked"  # opening the link alone cancels nothing
    token = re.search(r'name="token" value="([^"]+)"', ask.text)
    assert token
    done = client.post(
        f"/book/{booking.reference}/cancel", data={"token": token.group(1), "csrf_token": _csrf(ask.text)}
    )
    assert done.status_code == 200 and "cancelled" in done.text
    with store.write() as session:
        assert session.get_one(Slot, slot_id).status == "open"


def test_a_taken_slot_re_renders_with_a_message(client: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=2)[0]
    data = {
        "name": "A B",
        "email": "a@example.org",
        "phone": "0123456789",
        "consent": "yes",
        "slot_id": str(slot_id),
    }
    first = client.post("/book", data={**data, "csrf_token": _csrf(_form(client))}, follow_redirects=False)
    assert first.status_code == 303
    second = client.post("/book", data={**data, "csrf_token": _csrf(_form(client))})
    assert second.status_code == 409
    assert 'id="slot_id-error"' in second.text and 'value="A B"' in second.text


def test_wrong_links_show_a_page_not_a_booking(client: TestClient) -> None:
    assert client.get("/book/NR-2222-2222?token=x").status_code == 404
    assert client.get("/book/NR-2222-2222/calendar.ics?token=x").status_code == 404


def test_an_emergency_case_is_told_not_to_wait(client: TestClient, store: Store) -> None:
    open_test_slots(store, count=1)
    html = _form(client, EMERGENCY)
    assert 'role="alert"' in html and "do not wait" in html


def test_an_unknown_page_is_a_page_for_people_and_json_for_programs(client: TestClient) -> None:
    page = client.get("/no-such-page", headers={"accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Page not found" in page.text and NOTICE in page.text
    api = client.get("/api/v1/no-such-thing", headers={"accept": "text/html"})
    assert api.status_code == 404 and api.json()["error"]


@pytest.mark.parametrize("case", ["not json", "[1, 2]", '{"age": "old"}', "[" * 5000 + "]" * 5000])
def test_a_case_that_cannot_be_read_is_dropped_with_a_note(
    client: TestClient, store: Store, case: str
) -> None:
    open_test_slots(store, count=1)
    page = _form(client, case)
    assert "could not be read" in page
    assert 'name="case" value=""' in page


def test_a_case_in_the_address_is_ignored(client: TestClient, store: Store) -> None:
    """Answers never travel in a URL: /book?case=... attaches nothing."""
    open_test_slots(store, count=1)
    page = client.get("/book", params={"case": json.dumps(CASE)}).text
    assert 'name="case" value=""' in page


def test_the_result_stays_reachable_and_printable_after_booking(client: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=1)[0]
    form = _form(client, CASE)
    assert 'href="/check/page/' in form  # a way back to the result
    data = {"name": "A B", "email": "a@example.org", "phone": "0123456789", "consent": "yes",
            "slot_id": str(slot_id), "case": json.dumps(CASE), "csrf_token": _csrf(form)}  # fmt: skip
    made = client.post("/book", data=data)
    assert made.status_code == 200
    link = re.search(r'href="(/book/[^"]+/result\?token=[^"]+)"', made.text)
    assert link, "the confirmation links to the result"
    result = client.get(link.group(1).replace("&amp;", "&"))
    assert result.status_code == 200
    assert "Your result" in result.text and "What you told us" in result.text
    assert 'id="book-button"' not in result.text
    assert client.get(link.group(1).split("?")[0] + "?token=wrong").status_code == 404  # as if unknown


def test_cancelling_with_a_wrong_token_changes_nothing(client: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=1)[0]
    data = {
        "name": "A B",
        "email": "a@example.org",
        "phone": "0123456789",
        "consent": "yes",
        "slot_id": str(slot_id),
    }
    made = client.post("/book", data={**data, "csrf_token": _csrf(_form(client))}, follow_redirects=False)
    cancel_page = client.get(
        made.headers["location"].replace("/book/", "/book/", 1).replace("?", "/cancel?", 1)
    )
    assert cancel_page.status_code == 200
    reference = made.headers["location"].split("/")[2].split("?")[0]
    refused = client.post(
        f"/book/{reference}/cancel", data={"token": "guess", "csrf_token": _csrf(cancel_page.text)}
    )
    assert refused.status_code == 404  # the same answer as an unknown reference
    with store.write() as session:
        assert session.get_one(Slot, slot_id).status == "booked"
