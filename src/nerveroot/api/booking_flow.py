"""Placing a booking, shared by the JSON API and the booking form: validate, assess the case, store.

The case a person brings from the result page is assessed again here, on the server, so the clinic
sees an assessment the server made, not one a browser claims.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, field_validator
from sqlalchemy.orm import Session

from nerveroot.errors import BadInput, Problem
from nerveroot.service import assess_payload
from nerveroot.store.bookings import Contact, NewBooking, create_booking

PHONE_CHARS = re.compile(r"^\+?[0-9 ()./-]+$")
PHONE_DIGITS = (7, 15)  # ITU-T E.164: at most 15 digits; 7 covers the shortest local numbers

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class BookingCreate(BaseModel):
    """A request to book one free slot; `case` is the person's case JSON (docs/case-format.md), optional."""

    model_config = ConfigDict(extra="forbid")

    slot_id: int = Field(description="id of a free slot from GET /api/v1/slots")
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


def place_booking(session: Session, request: BookingCreate, *, now: datetime) -> NewBooking:
    assessment = assess_case(request.case) if request.case is not None else None
    return create_booking(
        session,
        slot_id=request.slot_id,
        contact=Contact(name=request.name, email=str(request.email), phone=request.phone),
        now=now,
        case=request.case,
        assessment=assessment,
        triage_level=assessment["triage"]["level"] if assessment else None,
    )
