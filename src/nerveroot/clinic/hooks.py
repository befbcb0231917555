"""What a new booking sets off in the clinic, inside the booking's own transaction: its episode (the case
assessed again as the intake) and the notifications in the outbox. Either all of it is saved, or none."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from nerveroot.clinic import episodes, notify
from nerveroot.settings import Settings
from nerveroot.store.bookings import Confirmation, booking_by_reference


def on_booking(session: Session, *, settings: Settings, made: Confirmation, assessment: dict[str, Any] | None,
               now: datetime) -> None:  # fmt: skip
    booking = booking_by_reference(session, made.reference)
    if booking is None:  # pragma: no cover - it was written in this transaction
        return
    episode = episodes.episode_from_booking(session, booking=booking, now=now, assessment=assessment)
    level = assessment["triage"]["level"] if assessment else None
    notify.on_booking(session, settings=settings, booking=booking, start=made.start, episode_id=episode.id,
                      level=level, cancel_token=made.cancel_token, now=now)  # fmt: skip
