from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from nerveroot.errors import BadInput, Conflict, NotFound
from nerveroot.store import Slot, Store
from nerveroot.store.slots import all_slots, close_slot, free_slots, open_demo_slots, open_slots
from store.databases import TZ, open_test_slots

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday
TOMORROW = date(2026, 11, 26)


def test_open_slots_cuts_the_span_into_slots_in_clinic_time(store: Store) -> None:
    with store.write() as session:
        opened = open_slots(
            session, day=TOMORROW, start=time(9), end=time(10, 45), minutes=30, tz=TZ, now=NOW
        )
        slots = all_slots(session)
    assert (opened.created, opened.skipped) == (3, 0)  # 09:00, 09:30, 10:00; the 15-minute tail is dropped
    assert [s.start.astimezone(TZ).time() for s in slots] == [time(9), time(9, 30), time(10)]
    assert all(s.end - s.start == timedelta(minutes=30) and s.status == "open" for s in slots)


def test_summer_time_is_respected() -> None:
    from nerveroot.store.slots import slot_times

    ((start, _),) = slot_times(day=date(2027, 7, 1), start=time(9), end=time(9, 30), minutes=30, tz=TZ)
    assert start == datetime(2027, 7, 1, 8, 0, tzinfo=UTC)  # 09:00 BST is 08:00 UTC


def test_overlapping_slots_are_skipped_and_counted(store: Store) -> None:
    with store.write() as session:
        open_slots(session, day=TOMORROW, start=time(9), end=time(10), minutes=30, tz=TZ, now=NOW)
        again = open_slots(
            session, day=TOMORROW, start=time(9, 15), end=time(11, 15), minutes=60, tz=TZ, now=NOW
        )
        assert (again.created, again.skipped) == (1, 1)  # 09:15-10:15 overlaps; 10:15-11:15 is new
        assert len(all_slots(session)) == 3


@pytest.mark.parametrize(
    ("day", "start", "end", "minutes", "field"),
    [
        (date(2026, 11, 24), time(9), time(10), 30, "date"),
        (TOMORROW, time(10), time(9), 30, "to"),
        (TOMORROW, time(9), time(10), 0, "minutes"),
        (TOMORROW, time(9), time(9, 20), 30, "minutes"),
    ],
    ids=["past-date", "end-before-start", "zero-minutes", "slot-does-not-fit"],
)
def test_bad_requests_name_the_field(
    store: Store, day: date, start: time, end: time, minutes: int, field: str
) -> None:
    with store.write() as session, pytest.raises(BadInput) as caught:
        open_slots(session, day=day, start=start, end=end, minutes=minutes, tz=TZ, now=NOW)
    assert field in [p.path for p in caught.value.problems]


def test_demo_slots_fill_weekdays_only_and_only_once(store: Store) -> None:
    with store.write() as session:
        first = open_demo_slots(session, days=14, tz=TZ, now=NOW)
        second = open_demo_slots(session, days=14, tz=TZ, now=NOW)
        slots = all_slots(session)
    assert first is not None and first.created == len(slots) > 0
    assert second is None
    days = {s.start.astimezone(TZ).date() for s in slots}
    assert all(d.weekday() < 5 for d in days)
    assert len(days) == 10  # 26 Nov to 9 Dec 2026 holds ten weekdays
    assert min(days) > NOW.date() and max(days) <= NOW.date() + timedelta(days=14)


def test_free_slots_leave_out_booked_and_past_ones(store: Store) -> None:
    ids = open_test_slots(store, count=3)
    with store.write() as session:
        slot = session.get_one(Slot, ids[0])
        slot.status = "booked"
        session.commit()
        now = datetime.now(UTC)
        free = free_slots(session, start=now, end=now + timedelta(days=14))
        assert [s.id for s in free] == ids[1:]
        assert free_slots(session, start=now + timedelta(days=10), end=now + timedelta(days=14)) == []


def test_closing_takes_an_open_slot_out_of_booking(store: Store) -> None:
    ids = open_test_slots(store, count=3)
    with store.write() as session:
        assert close_slot(session, slot_id=ids[0]).status == "closed"
        assert close_slot(session, slot_id=ids[0]).status == "closed"  # twice is harmless
        now = datetime.now(UTC)
        assert [s.id for s in free_slots(session, start=now, end=now + timedelta(days=14))] == ids[1:]


def test_a_booked_or_unknown_slot_cannot_be_closed(store: Store) -> None:
    from nerveroot.store.bookings import Contact, create_booking

    slot_id = open_test_slots(store, count=1)[0]
    with store.write() as session:
        create_booking(
            session,
            slot_id=slot_id,
            contact=Contact("A", "a@example.org", "0123456789"),
            now=datetime.now(UTC),
        )
    with store.write() as session:
        with pytest.raises(Conflict):
            close_slot(session, slot_id=slot_id)
        with pytest.raises(NotFound):
            close_slot(session, slot_id=987_654)
        assert session.get_one(Slot, slot_id).status == "booked"
