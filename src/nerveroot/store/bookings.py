"""Bookings: claim a slot, attach the case and its assessment, cancel with the token.

The slot is claimed by one conditional UPDATE (open -> booked) as the first statement of the
transaction, so of many simultaneous requests exactly one changes the row; the partial unique index on
active bookings per slot backs this up inside the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nerveroot.errors import BadInput, Conflict, NerverootError, NotFound, Problem
from nerveroot.store.models import Booking, Slot
from nerveroot.store.tokens import (
    hash_token,
    new_cancel_token,
    new_reference,
    normalise_reference,
    token_matches,
)

REFERENCE_ATTEMPTS = 3


class WrongToken(NerverootError):
    """The cancel token does not belong to this booking."""

    exit_code = 6
    http_status = 403


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str


@dataclass(frozen=True)
class NewBooking:
    """A booking just made, with the one copy of its cancel token that will ever exist in clear."""

    booking: Booking
    cancel_token: str


def create_booking(
    session: Session,
    *,
    slot_id: int,
    contact: Contact,
    now: datetime,
    case: dict[str, Any] | None = None,
    assessment: dict[str, Any] | None = None,
    triage_level: str | None = None,
) -> NewBooking:
    """Book `slot_id` for `contact` (consent already given); Conflict if taken, BadInput if unknown or past."""
    for _ in range(REFERENCE_ATTEMPTS):
        token = new_cancel_token()
        claimed = session.execute(
            update(Slot)
            .where(Slot.id == slot_id, Slot.status == "open", Slot.start > now)
            .values(status="booked")
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            session.rollback()
            raise _why_not_free(session, slot_id=slot_id, now=now)
        booking = Booking(
            reference=new_reference(),
            cancel_token_hash=hash_token(token),
            slot_id=slot_id,
            name=contact.name,
            email=contact.email,
            phone=contact.phone,
            consent=True,
            consent_at=now,
            case_json=case,
            assessment_json=assessment,
            triage_level=triage_level,
            created_at=now,
        )
        session.add(booking)
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            if _active_booking_exists(session, slot_id=slot_id):
                raise _taken(slot_id) from None
            continue  # the rare reference collision: try again with a new one
        return NewBooking(booking=booking, cancel_token=token)
    raise RuntimeError("could not find a free booking reference")  # pragma: no cover


def find_booking(session: Session, *, reference: str, token: str) -> Booking:
    """The booking with this reference, if `token` is its cancel token (NotFound / WrongToken otherwise)."""
    booking = session.scalar(select(Booking).where(Booking.reference == normalise_reference(reference)))
    if booking is None:
        raise NotFound("no such booking", [Problem("reference", "no booking has this reference", reference)])
    if not token_matches(token, booking.cancel_token_hash):
        raise WrongToken(
            "the cancel token does not match this booking",
            [Problem("token", "use the link or token given when the booking was made", None)],
        )
    return booking


def cancel_booking(session: Session, *, reference: str, token: str, now: datetime) -> Booking:
    """Cancel and free the slot; cancelling twice is harmless (the slot is not freed a second time)."""
    booking = find_booking(session, reference=reference, token=token)
    if booking.cancelled_at is None:
        booking.cancelled_at = now
        session.execute(
            update(Slot).where(Slot.id == booking.slot_id, Slot.status == "booked").values(status="open")
        )
        session.commit()
    return booking


def active_bookings(session: Session, *, slot_ids: list[int]) -> dict[int, Booking]:
    """The booking holding each of these slots (slots nobody holds are left out)."""
    query = select(Booking).where(Booking.slot_id.in_(slot_ids), Booking.cancelled_at.is_(None))
    return {b.slot_id: b for b in session.scalars(query)}


def _taken(slot_id: int) -> Conflict:
    return Conflict(
        "the slot is already booked",
        [Problem("slot_id", "someone has just booked this time; choose another slot", slot_id)],
    )


def _active_booking_exists(session: Session, *, slot_id: int) -> bool:
    query = select(Booking.id).where(Booking.slot_id == slot_id, Booking.cancelled_at.is_(None))
    return session.scalar(query) is not None


def _why_not_free(session: Session, *, slot_id: int, now: datetime) -> NerverootError:
    slot = session.get(Slot, slot_id)
    start, status = (None, None) if slot is None else (slot.start, slot.status)
    session.rollback()
    if start is None:
        return BadInput(
            "unknown slot", [Problem("slot_id", "no slot has this id; see GET /api/v1/slots", slot_id)]
        )
    if start <= now:
        return BadInput("the slot has passed", [Problem("slot_id", "this time has already started", slot_id)])
    if status == "closed":
        return Conflict("the slot is closed", [Problem("slot_id", "the clinic closed this time", slot_id)])
    return _taken(slot_id)
