"""Consultation slots: open them, list them, find the free ones.

Slots are opened in the clinic's local time (a clinic thinks "Monday 09:00 to 12:00") and stored in UTC.
A new slot that overlaps an existing one is skipped, not an error, so re-running a command is harmless.
These functions run inside a unit of work's transaction (nerveroot.store.db); they never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from nerveroot.errors import BadInput, Conflict, NotFound, Problem
from nerveroot.store.models import Slot

DEMO_DAY = (time(9, 0), time(12, 0), time(13, 30), time(17, 0))


@dataclass(frozen=True)
class Opened:
    """What `open_slots` did: how many slots it created and how many it skipped as overlapping."""

    created: int
    skipped: int


def slot_times(
    *, day: date, start: time, end: time, minutes: int, tz: ZoneInfo
) -> list[tuple[datetime, datetime]]:
    """The consecutive slots of `minutes` from `start` to `end` on `day`, in UTC; a shorter tail is dropped."""
    problems = []
    if minutes < 5 or minutes > 480:
        problems.append(Problem("minutes", "expected a length between 5 and 480 minutes", minutes))
    if end <= start:
        problems.append(Problem("to", f"must be later than --from {start:%H:%M}", f"{end:%H:%M}"))
    if problems:
        raise BadInput("the slots cannot be opened", problems)
    first = datetime.combine(day, start, tzinfo=tz)
    last = datetime.combine(day, end, tzinfo=tz)
    step = timedelta(minutes=minutes)
    out = []
    while first + step <= last:
        out.append((first.astimezone(UTC), (first + step).astimezone(UTC)))
        first += step
    if not out:
        raise BadInput(
            "no slot fits",
            [Problem("minutes", f"a {minutes}-minute slot does not fit between the times", minutes)],
        )
    return out


def open_slots(
    session: Session, *, day: date, start: time, end: time, minutes: int, tz: ZoneInfo, now: datetime
) -> Opened:
    """Open slots on `day`; refuses a day in the past, skips (and counts) any that overlap an existing slot."""
    today = now.astimezone(tz).date()
    if day < today:
        raise BadInput(
            "the date is in the past",
            [Problem("date", f"expected today ({today.isoformat()}) or later", day.isoformat())],
        )
    created = skipped = 0
    for slot_start, slot_end in slot_times(day=day, start=start, end=end, minutes=minutes, tz=tz):
        overlap = session.scalar(
            select(func.count())
            .select_from(Slot)
            .where(Slot.start < slot_end, Slot.end > slot_start, Slot.status != "closed")
        )
        if overlap or slot_start <= now:
            skipped += 1
            continue
        session.add(Slot(start=slot_start, end=slot_end, status="open"))
        session.flush()
        created += 1
    return Opened(created=created, skipped=skipped)


def open_demo_slots(session: Session, *, days: int, tz: ZoneInfo, now: datetime) -> Opened | None:
    """Weekday slots (09:00-12:00, 13:30-17:00, 30 minutes) for the next `days` days, only if none exist."""
    if session.scalar(select(func.count()).select_from(Slot)):
        return None
    created = skipped = 0
    morning_from, morning_to, afternoon_from, afternoon_to = DEMO_DAY
    today = now.astimezone(tz).date()
    for offset in range(1, days + 1):
        day = today + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        for start, end in ((morning_from, morning_to), (afternoon_from, afternoon_to)):
            opened = open_slots(session, day=day, start=start, end=end, minutes=30, tz=tz, now=now)
            created += opened.created
            skipped += opened.skipped
    return Opened(created=created, skipped=skipped)


def close_slot(session: Session, *, slot_id: int) -> Slot:
    """Take an open slot out of booking (a clinician is away); a booked slot must be cancelled first."""
    closed = session.execute(
        update(Slot).where(Slot.id == slot_id, Slot.status == "open").values(status="closed")
    )
    if closed.rowcount != 1:  # type: ignore[attr-defined]
        slot = session.get(Slot, slot_id)
        if slot is None:
            raise NotFound(
                "no such slot", [Problem("slot_id", "no slot has this id; see nerveroot slots list", slot_id)]
            )
        if slot.status == "booked":
            raise Conflict(
                "the slot is booked",
                [
                    Problem(
                        "slot_id",
                        "someone has booked it; cancel that booking first (nerveroot bookings cancel REFERENCE)",
                        slot_id,
                    )
                ],
            )
    return session.get_one(Slot, slot_id, populate_existing=True)


def free_slots(session: Session, *, start: datetime, end: datetime) -> list[Slot]:
    """Open slots starting after `start` and before `end`, earliest first."""
    query = (
        select(Slot)
        .where(Slot.status == "open", Slot.start > start, Slot.start < end)
        .order_by(Slot.start, Slot.id)
    )
    return list(session.scalars(query))


def all_slots(session: Session, *, start: datetime | None = None) -> list[Slot]:
    """Every slot (optionally from `start` on), earliest first, whatever its status."""
    query = select(Slot).order_by(Slot.start, Slot.id)
    if start is not None:
        query = query.where(Slot.start >= start)
    return list(session.scalars(query))


def utcnow() -> datetime:
    return datetime.now(UTC)
