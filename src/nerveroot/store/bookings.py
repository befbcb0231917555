"""Bookings: claim a slot, attach the case and its assessment, cancel with the token (or by the clinic).

These functions run inside a unit of work's transaction (nerveroot.store.db) and never commit or roll
back themselves. The slot is claimed by one conditional UPDATE (open -> booked), so of many simultaneous
requests exactly one changes the row; the partial unique index on active bookings per slot backs this up
inside the database. A request that carries an idempotency key finds the booking it already made.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, joinedload

from nerveroot.errors import BadInput, Conflict, NerverootError, NotFound, Problem
from nerveroot.store.models import Booking, Slot
from nerveroot.store.tokens import (
    hash_token,
    new_cancel_token,
    new_reference,
    normalise_reference,
    token_matches,
)


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str

    @property
    def email_key(self) -> str:
        return self.email.strip().lower()

    @property
    def phone_key(self) -> str:
        return "".join(c for c in self.phone if c.isdigit())


@dataclass(frozen=True)
class Confirmation:
    """A booking as its maker sees it, read inside the transaction: nothing here touches the database."""

    reference: str
    cancel_token: str | None  # None only when a replay cannot show it again (the secret changed)
    slot_id: int
    start: datetime
    end: datetime
    triage_level: str | None
    replayed: bool = False


@dataclass(frozen=True)
class Idempotency:
    """The hashed Idempotency-Key of a request and the hash of what it asked for."""

    key_hash: str
    request_hash: str
    secret: str  # derives the cancel token from the key, so that a retry can be shown it again

    @classmethod
    def of(cls, key: str, request: dict[str, Any], secret: str) -> Idempotency:
        canonical = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        return cls(
            key_hash=hashlib.sha256(key.encode()).hexdigest(),
            request_hash=hashlib.sha256(canonical.encode()).hexdigest(),
            secret=secret,
        )

    def cancel_token(self, reference: str) -> str:
        digest = hmac.new(self.secret.encode(), f"cancel|{reference}|{self.key_hash}".encode(), "sha256")
        return digest.hexdigest()[:40]


class ReferenceTaken(Exception):
    """The rare collision of a new reference with an old one: the caller retries in a new transaction."""


def create_booking(
    session: Session,
    *,
    slot_id: int,
    contact: Contact,
    now: datetime,
    case: dict[str, Any] | None = None,
    assessment: dict[str, Any] | None = None,
    triage_level: str | None = None,
    idempotency: Idempotency | None = None,
    max_per_contact: int | None = None,
) -> Confirmation:
    """Book `slot_id` for `contact` (consent already given).

    Conflict if the slot is taken or closed, or the contact already holds `max_per_contact` future
    bookings; BadInput if the slot is unknown or past. Run it in a write transaction.
    """
    if idempotency is not None:
        earlier = replay(session, idempotency)
        if earlier is not None:
            return earlier
    try:
        if max_per_contact is not None:
            _check_contact_cap(session, contact, now=now, cap=max_per_contact)
        claimed = session.execute(
            update(Slot)
            .where(Slot.id == slot_id, Slot.status == "open", Slot.start > now)
            .values(status="booked")
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise why_not_free(session, slot_id=slot_id, now=now)
    except NerverootError:
        # On PostgreSQL a twin request with the same key may have committed since the first look (each
        # statement sees what is committed): its booking is this request's answer, not the refusal.
        earlier = replay(session, idempotency) if idempotency is not None else None
        if earlier is not None:
            return earlier
        raise
    reference = new_reference()
    if session.scalar(select(Booking.id).where(Booking.reference == reference)) is not None:
        raise ReferenceTaken(reference)
    token = idempotency.cancel_token(reference) if idempotency else new_cancel_token()
    booking = Booking(
        reference=reference,
        cancel_token_hash=hash_token(token),
        slot_id=slot_id,
        name=contact.name,
        email=contact.email,
        phone=contact.phone,
        email_key=contact.email_key,
        phone_key=contact.phone_key,
        consent=True,
        consent_at=now,
        case_json=case,
        assessment_json=assessment,
        triage_level=triage_level,
        created_at=now,
        idempotency_hash=idempotency.key_hash if idempotency else None,
        request_hash=idempotency.request_hash if idempotency else None,
    )
    session.add(booking)
    session.flush()
    slot = session.get_one(Slot, slot_id)
    return Confirmation(reference, token, slot_id, slot.start, slot.end, triage_level)


def replay(session: Session, idempotency: Idempotency) -> Confirmation | None:
    """The booking an earlier request with this key made, or None; the key with other details: Conflict."""
    booking = session.scalar(
        select(Booking)
        .options(joinedload(Booking.slot))
        .where(Booking.idempotency_hash == idempotency.key_hash)
    )
    if booking is None:
        return None
    if booking.request_hash != idempotency.request_hash:
        raise Conflict(
            "this Idempotency-Key was used for a different booking",
            [Problem("Idempotency-Key", "use a new key for each new booking", None)],
        )
    token: str | None = idempotency.cancel_token(booking.reference)
    if not token_matches(token or "", booking.cancel_token_hash):
        token = None
    return Confirmation(
        booking.reference,
        token,
        booking.slot_id,
        booking.slot.start,
        booking.slot.end,
        booking.triage_level,
        replayed=True,
    )


# the first key of PostgreSQL's two-key advisory locks: this project's locks on a contact, apart from any other's
_CONTACT_LOCKS = 7301


def _check_contact_cap(session: Session, contact: Contact, *, now: datetime, cap: int) -> None:
    """On PostgreSQL the count runs under a transaction lock on each contact key (taken in order, so two
    requests never wait on each other crosswise): a racing booking by the same person commits first, and its
    row is counted. SQLite already lets one writer in at a time."""
    if session.get_bind().dialect.name == "postgresql":
        for key in sorted(k for k in (contact.email_key, contact.phone_key) if k):
            session.execute(select(func.pg_advisory_xact_lock(_CONTACT_LOCKS, func.hashtext(key))))
    held = session.scalar(
        select(func.count())
        .select_from(Booking)
        .join(Slot, Slot.id == Booking.slot_id)
        .where(
            Booking.cancelled_at.is_(None),
            Slot.start > now,
            or_(Booking.email_key == contact.email_key, Booking.phone_key == contact.phone_key),
        )
    )
    if held is not None and held >= cap:
        raise Conflict(
            "too many upcoming bookings for these details",
            [
                Problem(
                    "email",
                    f"this email address or phone number already holds {held} upcoming booking(s), the most "
                    "allowed; cancel one first, or call the clinic",
                    None,
                )
            ],
        )


def find_booking(session: Session, *, reference: str, token: str) -> Booking:
    """The booking with this reference, with its slot, if `token` is its cancel token; NotFound otherwise.

    A wrong token gets the same answer as a reference that does not exist, so the answer never tells
    whether a reference is in use.
    """
    booking = booking_by_reference(session, reference)
    if booking is None or not token_matches(token, booking.cancel_token_hash):
        raise _not_found(reference)
    return booking


def booking_by_reference(session: Session, reference: str) -> Booking | None:
    return session.scalar(
        select(Booking)
        .options(joinedload(Booking.slot))
        .where(Booking.reference == normalise_reference(reference))
    )


def cancel_booking(session: Session, *, reference: str, token: str, now: datetime) -> Booking:
    """Cancel and free the slot; cancelling twice is harmless (the slot is not freed a second time)."""
    return _cancel(session, find_booking(session, reference=reference, token=token), now, by="person")


def cancel_by_clinic(session: Session, *, reference: str, now: datetime) -> Booking:
    """The clinic cancels a booking (no token needed: it runs on the clinic's side, not on the web)."""
    booking = booking_by_reference(session, reference)
    if booking is None:
        raise _not_found(reference)
    return _cancel(session, booking, now, by="clinic")


def _cancel(session: Session, booking: Booking, now: datetime, *, by: str) -> Booking:
    if booking.cancelled_at is None:
        booking.cancelled_at = now
        booking.cancelled_by = by
        session.execute(
            update(Slot).where(Slot.id == booking.slot_id, Slot.status == "booked").values(status="open")
        )
        session.flush()
    return booking


def active_bookings(session: Session, *, slot_ids: list[int]) -> dict[int, Booking]:
    """The booking holding each of these slots (slots nobody holds are left out)."""
    query = select(Booking).where(Booking.slot_id.in_(slot_ids), Booking.cancelled_at.is_(None))
    return {b.slot_id: b for b in session.scalars(query)}


def _not_found(reference: str) -> NotFound:
    return NotFound(
        "no such booking",
        [Problem("reference", "no booking has this reference and cancel token", reference[:40])],
    )


def _taken(slot_id: int) -> Conflict:
    return Conflict(
        "the slot is already booked",
        [Problem("slot_id", "someone has just booked this time; choose another slot", slot_id)],
    )


def why_not_free(session: Session, *, slot_id: int, now: datetime) -> NerverootError:
    """Why `slot_id` cannot be booked now (read without changing anything)."""
    slot = session.get(Slot, slot_id)
    if slot is None:
        return BadInput(
            "unknown slot", [Problem("slot_id", "no slot has this id; see GET /api/v1/slots", slot_id)]
        )
    if slot.start <= now:
        return BadInput("the slot has passed", [Problem("slot_id", "this time has already started", slot_id)])
    if slot.status == "closed":
        return Conflict("the slot is closed", [Problem("slot_id", "the clinic closed this time", slot_id)])
    return _taken(slot_id)


def is_free(session: Session, *, slot_id: int, now: datetime) -> NerverootError | None:
    """None if the slot looks free (a cheap read before the write), else the reason it is not."""
    slot = session.get(Slot, slot_id)
    if slot is not None and slot.status == "open" and slot.start > now:
        return None
    return why_not_free(session, slot_id=slot_id, now=now)
