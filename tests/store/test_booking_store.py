from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from nerveroot.errors import BadInput, Conflict, NotFound
from nerveroot.store import Booking, Slot, Store
from nerveroot.store.bookings import Contact, cancel_booking, create_booking, find_booking
from store.databases import open_test_slots

ALICE = Contact(name="Alice Example", email="alice@example.org", phone="+44 20 7946 0958")
BOB = Contact(name="Bob Example", email="bob@example.org", phone="020 7946 0959")


def _now() -> datetime:
    return datetime.now(UTC)


def test_a_booking_claims_the_slot_and_keeps_the_case(store: Store) -> None:
    slot_id = open_test_slots(store)[0]
    with store.write() as session:
        made = create_booking(
            session, slot_id=slot_id, contact=ALICE, now=_now(),
            case={"age": 40}, assessment={"triage": {"level": "routine"}}, triage_level="routine",
        )  # fmt: skip
    with store.read() as session:
        booking = session.scalars(select(Booking)).one()
        slot = session.get_one(Slot, slot_id)
        assert (booking.reference, booking.case_json, booking.triage_level) == (
            made.reference, {"age": 40}, "routine"
        )  # fmt: skip
        assert booking.consent and booking.consent_at is not None and booking.consent_at.tzinfo is not None
        assert slot.status == "booked"


def test_the_cancel_token_is_stored_only_as_a_hash(store: Store) -> None:
    slot_id = open_test_slots(store)[0]
    with store.write() as session:
        made = create_booking(session, slot_id=slot_id, contact=ALICE, now=_now())
    with store.engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM bookings")).all()
    assert made.cancel_token not in repr(rows)
    assert len(made.cancel_token) >= 32


def test_a_second_booking_of_the_same_slot_is_a_conflict(store: Store) -> None:
    slot_id = open_test_slots(store)[0]
    with store.write() as session:
        create_booking(session, slot_id=slot_id, contact=ALICE, now=_now())
    with store.write() as session, pytest.raises(Conflict) as caught:
        create_booking(session, slot_id=slot_id, contact=BOB, now=_now())
    assert caught.value.problems[0].path == "slot_id"


def test_the_database_itself_refuses_two_active_bookings_for_one_slot(store: Store) -> None:
    """Bypass the Python code: the partial unique index must still refuse the second row."""
    slot_id = open_test_slots(store)[0]
    now = _now()
    row = {
        "slot_id": slot_id, "name": "x", "email": "x@example.org", "phone": "0123456789",
        "email_key": "x@example.org", "phone_key": "0123456789",
        "consent": True, "consent_at": now, "created_at": now, "cancel_token_hash": "0" * 64,
    }  # fmt: skip
    with store.write() as session:
        session.add(Booking(reference="NR-AAAA-AAAA", **row))
        session.commit()
        session.add(Booking(reference="NR-BBBB-BBBB", **row))
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
        cancelled = session.scalars(select(Booking)).one()
        cancelled.cancelled_at = now
        session.commit()
        session.add(Booking(reference="NR-CCCC-CCCC", **row))
        session.commit()  # a cancelled booking no longer holds the slot


@pytest.mark.parametrize("when", ["unknown", "past"])
def test_unknown_or_past_slots_are_bad_input_naming_slot_id(store: Store, when: str) -> None:
    slot_id = open_test_slots(store)[0]
    now = _now() + timedelta(days=30) if when == "past" else _now()
    with store.write() as session, pytest.raises(BadInput) as caught:
        create_booking(session, slot_id=slot_id if when == "past" else 999_999, contact=ALICE, now=now)
    assert caught.value.problems[0].path == "slot_id"


def test_cancelling_frees_the_slot_for_someone_else(store: Store) -> None:
    slot_id = open_test_slots(store)[0]
    with store.write() as session:
        made = create_booking(session, slot_id=slot_id, contact=ALICE, now=_now())
    with store.write() as session:
        cancel_booking(session, reference=made.reference.lower(), token=made.cancel_token, now=_now())
        assert session.get_one(Slot, slot_id).status == "open"
    with store.write() as session:
        again = create_booking(session, slot_id=slot_id, contact=BOB, now=_now())
    with store.write() as session:
        cancel_booking(session, reference=made.reference, token=made.cancel_token, now=_now())
        assert session.get_one(Slot, slot_id).status == "booked"  # a second cancel does not free Bob's slot
        assert find_booking(session, reference=again.reference, token=again.cancel_token).cancelled_at is None


def test_a_wrong_token_is_answered_like_an_unknown_reference(store: Store) -> None:
    slot_id = open_test_slots(store)[0]
    with store.write() as session:
        made = create_booking(session, slot_id=slot_id, contact=ALICE, now=_now())
    assert made.cancel_token is not None
    with store.write() as session:
        with pytest.raises(NotFound) as wrong_token:
            cancel_booking(session, reference=made.reference, token="guess", now=_now())
        with pytest.raises(NotFound) as unknown:
            cancel_booking(session, reference="NR-2222-2222", token=made.cancel_token, now=_now())
        assert session.get_one(Slot, slot_id).status == "booked"
    assert wrong_token.value.message == unknown.value.message
    assert [p.message for p in wrong_token.value.problems] == [p.message for p in unknown.value.problems]


def test_references_are_readable_and_distinct() -> None:
    from nerveroot.store.tokens import REFERENCE_ALPHABET, new_reference, normalise_reference

    refs = {new_reference() for _ in range(2000)}
    assert len(refs) == 2000
    for ref in refs:
        prefix, a, b = ref.split("-")
        assert prefix == "NR" and len(a + b) == 8 and set(a + b) <= set(REFERENCE_ALPHABET)
        assert normalise_reference(" " + (a + b).lower()) == ref
