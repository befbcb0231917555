"""Server-side sessions for staff: a random token in an HttpOnly cookie (or an Authorization header for the
API), only its SHA-256 in the database. A session ends when revoked (sign-out, account disabled), after
`session_idle_minutes` without a request, or `session_hours` after sign-in, whichever comes first.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from nerveroot.clinic.accounts import Staff
from nerveroot.store.clinic import User, UserSession

COOKIE = "nerveroot_clinic"
TOUCH_EVERY = timedelta(seconds=60)  # last_seen is written at most once a minute per session


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(session: Session, *, user_id: int, now: datetime, hours: int) -> str:
    token = secrets.token_urlsafe(32)
    session.add(
        UserSession(
            token_hash=token_hash(token),
            user_id=user_id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    session.flush()
    return token


def staff_of(session: Session, *, token: str, now: datetime, idle_minutes: int) -> Staff | None:
    """The staff member holding this live session, or None (unknown, revoked, idle, expired, disabled)."""
    if not 20 <= len(token) <= 100:
        return None
    row = session.execute(
        select(UserSession, User)
        .join(User, User.id == UserSession.user_id)
        .where(UserSession.token_hash == token_hash(token))
    ).first()
    if row is None:
        return None
    live, user = row
    idle = live.last_seen_at + timedelta(minutes=idle_minutes)
    if live.revoked_at is not None or user.disabled_at is not None or now >= idle or now >= live.expires_at:
        return None
    if now - live.last_seen_at >= TOUCH_EVERY:
        live.last_seen_at = now
        session.flush()
    return Staff(user.id, user.email, user.name, user.role)


def end_session(session: Session, *, token: str, now: datetime) -> None:
    session.execute(
        update(UserSession)
        .where(UserSession.token_hash == token_hash(token), UserSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def revoke_all(session: Session, *, user_id: int, now: datetime) -> None:
    session.execute(
        update(UserSession)
        .where(UserSession.user_id == user_id, UserSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
