"""Placing a booking, shared by the JSON API and the booking form: validate, assess the case, store.

The case a person brings from the result page is assessed again here, on the server, so the clinic
sees an assessment the server made, not one a browser claims. The assessment is made before the write
transaction opens, and a cheap read turns away a taken slot before any write lock is asked for: the write
itself is one short transaction. A request with an idempotency key that has already booked gets that
booking back, so a retry after a lost answer never books twice or shows an error for a saved booking.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, field_validator

from nerveroot.errors import BadInput, Problem
from nerveroot.service import assess_payload
from nerveroot.settings import Settings
from nerveroot.store.bookings import (
    Confirmation,
    Contact,
    Idempotency,
    ReferenceTaken,
    create_booking,
    is_free,
    replay,
)
from nerveroot.store.db import UnitOfWork

MAX_ID = 2**31 - 1  # PostgreSQL's INTEGER; larger ids cannot exist
REFERENCE_ATTEMPTS = 3
IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_.:-]{8,128}$")
PHONE_CHARS = re.compile(r"^\+?[0-9 ()./-]+$")
PHONE_DIGITS = (7, 15)  # ITU-T E.164: at most 15 digits; 7 covers the shortest local numbers

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class BookingCreate(BaseModel):
    """A request to book one free slot; `case` is the person's case JSON (docs/case-format.md), optional."""

    model_config = ConfigDict(extra="forbid")

    slot_id: int = Field(ge=1, le=MAX_ID, description="id of a free slot from GET /api/v1/slots")
    name: Name
    email: EmailStr
    phone: str = Field(description="a phone number, digits with optional +, spaces, dashes, brackets")
    consent: bool = Field(description="must be true: consent to store these details and the assessment")
    case: dict[str, Any] | None = None

    @field_validator("name")
    @classmethod
    def _printable(cls, value: str) -> str:
        if not value.isprintable():
            raise ValueError("must not contain control characters such as new lines")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        value = value.strip()
        digits = sum(c.isdigit() for c in value)
        low, high = PHONE_DIGITS
        if not PHONE_CHARS.match(value) or not low <= digits <= high:
            raise ValueError(f"expected a phone number of {low} to {high} digits, such as +44 20 7946 0958")
        return value

    @field_validator("consent")
    @classmethod
    def _consent_given(cls, value: bool) -> bool:
        if not value:
            raise ValueError("consent to store your details is needed to book (set it to true)")
        return value


def assess_case(case: dict[str, Any]) -> dict[str, Any]:
    """The assessment of an attached case as JSON; problems are named under `case.`."""
    try:
        return assess_payload(case).model_dump(mode="json")
    except BadInput as exc:
        problems = [Problem(f"case.{p.path}" if p.path else "case", p.message, p.value) for p in exc.problems]
        raise type(exc)(f"the attached case: {exc.message}", problems) from None


def check_idempotency_key(key: str | None, where: str = "Idempotency-Key") -> str | None:
    """None, or a key of 8 to 128 letters, digits and _ . : - (a UUID fits)."""
    if key is None or key == "":
        return None
    if not IDEMPOTENCY_KEY.match(key):
        raise BadInput(
            "the idempotency key is not valid",
            [
                Problem(
                    where, "expected 8 to 128 letters, digits, '_', '.', ':' or '-', such as a UUID", key[:40]
                )
            ],
        )
    return key


def place_booking(
    uow: UnitOfWork,
    request: BookingCreate,
    *,
    now: datetime,
    key: str | None = None,
    secret: str = "",
    max_per_contact: int | None = None,
    settings: Settings | None = None,
) -> Confirmation:
    """Book, or return the booking an earlier request with the same key made. With `settings`, the booking
    also opens the clinic's episode and queues its notifications, in the same transaction (clinic/hooks.py)."""
    idempotency = Idempotency.of(key, request.model_dump(mode="json"), secret) if key else None
    with uow.read() as session:  # no write lock: a retry, or a taken slot, is answered from a read
        reason = is_free(session, slot_id=request.slot_id, now=now)
        # Looked for after the slot, so a twin request that commits in between is found, not refused.
        earlier = replay(session, idempotency) if idempotency is not None else None
        if earlier is not None:
            return earlier
        if reason is not None:
            raise reason
    assessment = assess_case(request.case) if request.case is not None else None
    contact = Contact(name=request.name, email=str(request.email), phone=request.phone)
    for _ in range(REFERENCE_ATTEMPTS):
        try:
            with uow.write() as session:
                made = create_booking(
                    session,
                    slot_id=request.slot_id,
                    contact=contact,
                    now=now,
                    case=request.case,
                    assessment=assessment,
                    triage_level=assessment["triage"]["level"] if assessment else None,
                    idempotency=idempotency,
                    max_per_contact=max_per_contact or None,
                )
                if settings is not None and not made.replayed:
                    from nerveroot.clinic.hooks import on_booking

                    on_booking(session, settings=settings, made=made, assessment=assessment, now=now)
                return made
        except ReferenceTaken:
            continue
    raise RuntimeError("could not find a free booking reference")  # pragma: no cover
