"""The bookings the store holds, each with its case and assessment, as FHIR resources (for NDJSON export).

The assessment is the one the person saw when booking (kept with the booking); a booking kept before the
assessment's shape changed, or without one, is assessed again from its case. A booking without a case
still exports its Patient and Appointment.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from nerveroot.assessment import Assessment
from nerveroot.errors import BadInput, NerverootError, Problem
from nerveroot.export.fhir import Person, Visit, appointment_alone, assessment_resources, validated
from nerveroot.export.ids import Ids
from nerveroot.store.bookings import booking_by_reference
from nerveroot.store.models import Booking


def _assessment(booking: Booking) -> Assessment | None:
    from nerveroot.service import assess_payload

    if booking.assessment_json:
        try:
            return Assessment.model_validate(booking.assessment_json)
        except ValidationError:
            pass
    if booking.case_json:
        try:
            return assess_payload(booking.case_json)
        except NerverootError:
            return None
    return None


def booking_resources(booking: Booking) -> list[dict[str, Any]]:
    """Every resource of one booking, with ``Type/id`` references (ids stable per booking reference)."""
    person = Person(name=booking.name or None, email=booking.email or None, phone=booking.phone or None)
    visit = Visit(
        reference=booking.reference,
        start=booking.slot.start,
        end=booking.slot.end,
        created=booking.created_at,
        cancelled=booking.cancelled_at is not None,
    )
    seed = f"booking/{booking.reference}"
    assessment = _assessment(booking)
    if assessment is None or not booking.case_json:
        return appointment_alone(Ids(seed, "relative"), person, visit)
    return assessment_resources(
        booking.case_json, assessment, at=booking.created_at, seed=seed, person=person, visit=visit,
        links="relative",
    )  # fmt: skip


def bookings_since(session: Session, since: datetime) -> Iterator[Booking]:
    """Bookings made at or after ``since``, oldest first (cancelled ones too: their Appointment says so)."""
    query = (
        select(Booking)
        .options(joinedload(Booking.slot))
        .where(Booking.created_at >= since)
        .order_by(Booking.created_at, Booking.id)
    )
    yield from session.scalars(query)


def one_booking(session: Session, reference: str) -> Booking:
    booking = booking_by_reference(session, reference)
    if booking is None:
        raise BadInput("no such booking", [Problem("--booking", "no booking has this reference", reference)])
    return booking


__all__ = ["booking_resources", "bookings_since", "one_booking", "validated"]
