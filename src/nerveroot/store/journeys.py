"""Journey pages: save one page of a person's check, read it back, forget it once it expires.

A page is found by a random id (which may travel in a URL: it says nothing about the person) and shown
only to the browser whose cookie hashes to its `owner`. Expired pages are deleted whenever a page is saved.
These run inside a unit of work's transaction (nerveroot.store.db); they never commit.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nerveroot.store.models import JourneyPage


@dataclass(frozen=True)
class SavedPage:
    page: str
    state: dict[str, Any]
    status: int


def owner_of(cookie: str) -> str:
    return hashlib.sha256(cookie.encode()).hexdigest()


def save_page(
    session: Session,
    *,
    cookie: str,
    page: str,
    state: dict[str, Any],
    status: int,
    now: datetime,
    keep: timedelta,
) -> str:
    """Keep a page for `keep`; returns its id. Pages past their time are deleted on the way."""
    session.execute(delete(JourneyPage).where(JourneyPage.expires_at < now))
    page_id = secrets.token_urlsafe(24)
    session.add(
        JourneyPage(
            id=page_id, owner=owner_of(cookie), page=page, state=state, status=status, expires_at=now + keep
        )
    )
    session.flush()
    return page_id


def load_page(session: Session, *, page_id: str, cookie: str, now: datetime) -> SavedPage | None:
    """The page, if it exists, has not expired and belongs to this cookie; None otherwise."""
    row = session.scalar(select(JourneyPage).where(JourneyPage.id == page_id))
    if row is None or row.expires_at <= now or not secrets.compare_digest(row.owner, owner_of(cookie)):
        return None
    return SavedPage(row.page, dict(row.state), row.status)


def note_answer(session: Session, *, page_id: str, cookie: str, given: dict[str, Any]) -> None:
    """Remember on a page what the person answered when they left it, so the browser's Back shows it."""
    row = session.scalar(select(JourneyPage).where(JourneyPage.id == page_id))
    if row is None or not secrets.compare_digest(row.owner, owner_of(cookie)):
        return
    row.state = {**row.state, "given": given}
