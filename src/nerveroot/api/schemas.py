"""Shapes the API returns (XPublic) beside the request shapes in booking_flow."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from nerveroot.store.models import Slot


class SlotPublic(BaseModel):
    """A slot; times are in UTC (one offset for every slot, across a change of summer time)."""

    id: int
    start: datetime
    end: datetime

    @classmethod
    def of(cls, slot: Slot, tz: ZoneInfo | None = None) -> SlotPublic:
        return cls(id=slot.id, start=slot.start.astimezone(UTC), end=slot.end.astimezone(UTC))


class BookingLinks(BaseModel):
    cancel: str
    confirmation: str
    calendar: str


class BookingPublic(BaseModel):
    reference: str
    cancel_token: str | None = Field(
        description="shown once; null only when a retried request cannot show it again"
    )
    slot: SlotPublic
    triage_level: str | None
    links: BookingLinks | None


class Health(BaseModel):
    status: str
    version: str
