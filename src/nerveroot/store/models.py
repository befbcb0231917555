"""The tables: consultation slots and the bookings made on them.

Relationships are lazy="raise": whatever a response needs is loaded inside its transaction, so nothing
touches the database after the commit (a load there once turned a saved booking into an error).

Times are stored in UTC and come back timezone-aware on every database, so comparisons never mix naive
and aware datetimes. No double booking is enforced by the database itself: a partial unique index allows
one active (not cancelled) booking per slot.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import JSON, Boolean, CheckConstraint, DateTime, ForeignKey, Index, Integer, String, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

SlotStatus = Literal["open", "booked", "closed"]


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite keeps no offset of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: give a timezone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: dict[Any, Any] = {datetime: UTCDateTime}  # noqa: RUF012


class Slot(Base):
    """A time a clinician is free for a new-patient consultation; `status` is open, booked or closed."""

    __tablename__ = "slots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[datetime] = mapped_column(index=True)
    end: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="open", server_default="open")

    bookings: Mapped[list[Booking]] = relationship(back_populates="slot", lazy="raise")

    __table_args__ = (
        CheckConstraint("status IN ('open', 'booked', 'closed')", name="ck_slots_status"),
        CheckConstraint('"end" > start', name="ck_slots_end_after_start"),
    )


class Booking(Base):
    """A person's booking of one slot, with the case and assessment they brought from the result page."""

    __tablename__ = "bookings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    cancel_token_hash: Mapped[str] = mapped_column(String(64))
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id"))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    phone: Mapped[str] = mapped_column(String(40))
    consent: Mapped[bool] = mapped_column(Boolean)
    consent_at: Mapped[datetime]
    case_json: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    assessment_json: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    triage_level: Mapped[str | None] = mapped_column(String(16), nullable=True)
    created_at: Mapped[datetime]
    cancelled_at: Mapped[datetime | None] = mapped_column(nullable=True)
    cancelled_by: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # The same person, however they typed it: lower-cased email, the digits of the phone number.
    email_key: Mapped[str] = mapped_column(String(320), index=True)
    phone_key: Mapped[str] = mapped_column(String(40), index=True)
    # SHA-256 of the client's Idempotency-Key and of the request it came with: a retry finds its booking.
    idempotency_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    request_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)

    # Never loaded behind the caller's back: a query that needs the slot says so (joinedload).
    slot: Mapped[Slot] = relationship(back_populates="bookings", lazy="raise")

    __table_args__ = (
        CheckConstraint("consent", name="ck_bookings_consent_given"),
        Index(
            "uq_bookings_active_slot",
            "slot_id",
            unique=True,
            sqlite_where=text("cancelled_at IS NULL"),
            postgresql_where=text("cancelled_at IS NULL"),
        ),
    )


class JourneyPage(Base):
    """One page of a person's check (warning signs, body map, a question, the result), kept for a short
    while so that a refresh or the browser's Back shows it again without re-sending a form, and without any
    answer in a URL. Only the browser holding the cookie whose hash is `owner` can see it; it expires."""

    __tablename__ = "journey_pages"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner: Mapped[str] = mapped_column(String(64))
    page: Mapped[str] = mapped_column(String(32))
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[int] = mapped_column(Integer, default=200)
    expires_at: Mapped[datetime] = mapped_column(index=True)
