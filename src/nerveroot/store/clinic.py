"""The clinic's tables: staff accounts and their sessions, episodes (a person's record), the assessments,
examinations and outcome scores within an episode, private links for the person, the audit log and the
mail outbox.

Like the booking tables, relationships are lazy="raise" (none are declared here: queries join what they
need), times are timezone-aware UTC, and nothing here commits. The audit log is append-only: the
migration adds triggers that refuse UPDATE and DELETE on it, and it holds no health data, so erasing an
episode leaves it whole (episode_id is a plain number, not a foreign key).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nerveroot.store.models import Base

ROLES = ("clinician", "admin")
TRIAGE_ORDER = ("emergency", "urgent", "prompt", "routine", "self_care")


class User(Base):
    """A member of staff who signs in: role clinician or admin (an admin may also do what a clinician does)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)  # lower-cased
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    totp_secret: Mapped[str | None] = mapped_column(String(64), nullable=True)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime]
    disabled_at: Mapped[datetime | None] = mapped_column(nullable=True)

    __table_args__ = (CheckConstraint("role IN ('clinician', 'admin')", name="ck_users_role"),)


class UserSession(Base):
    """A signed-in browser or API client: only the SHA-256 of its token is kept; revoked or idle, it is dead."""

    __tablename__ = "user_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]  # the absolute limit, whatever the activity
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)


class Episode(Base):
    """A person's record in the clinic: who, how to reach them, where it came from, and its state."""

    __tablename__ = "episodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"), unique=True, nullable=True)
    source: Mapped[str] = mapped_column(String(16))  # booking or desk
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open or finished
    triage_level: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    urgency_rank: Mapped[int] = mapped_column(Integer, default=len(TRIAGE_ORDER))
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(index=True)
    seen_at: Mapped[datetime | None] = mapped_column(nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)

    __table_args__ = (
        CheckConstraint("source IN ('booking', 'desk')", name="ck_episodes_source"),
        CheckConstraint("status IN ('open', 'finished')", name="ck_episodes_status"),
    )


class EpisodeAssessment(Base):
    """One assessment of the episode's case: at intake, after an examination, or at a follow-up."""

    __tablename__ = "episode_assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episodes.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # intake, examination, follow_up
    case_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    assessment_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    triage_level: Mapped[str] = mapped_column(String(16))
    # for an examination: what was examined beyond the case format (SLR angles), and who examined
    exam_json: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime]


class Outcome(Base):
    """Outcome scores at one time: leg and back pain (NPRS 0-10) and the Oswestry Disability Index."""

    __tablename__ = "outcomes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episodes.id", ondelete="CASCADE"), index=True)
    taken_at: Mapped[datetime]
    leg_pain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    back_pain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    odi_answers: Mapped[list[int | None]] = mapped_column(JSON)  # ten sections, None where unanswered
    odi_percent: Mapped[float | None] = mapped_column(Float, nullable=True)
    entered_by: Mapped[str] = mapped_column(String(16))  # person or clinician
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    __table_args__ = (
        CheckConstraint("leg_pain IS NULL OR (leg_pain BETWEEN 0 AND 10)", name="ck_outcomes_leg"),
        CheckConstraint("back_pain IS NULL OR (back_pain BETWEEN 0 AND 10)", name="ck_outcomes_back"),
    )


class PrivateLink(Base):
    """A person's private link to their own episode: the SHA-256 of its token, an expiry, revocable."""

    __tablename__ = "private_links"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episodes.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)


class AuditEntry(Base):
    """Who viewed or changed what, when. Append-only; never any health data in `what`."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(16))  # clinician, admin, person, system
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor_name: Mapped[str] = mapped_column(String(320), default="")
    action: Mapped[str] = mapped_column(String(32))
    episode_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    what: Mapped[str] = mapped_column(String(300), default="")


class OutboxMessage(Base):
    """An email waiting to be sent by the worker (never sent within the request that queued it)."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    booking_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    episode_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime]
    not_before: Mapped[datetime]
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    dropped_at: Mapped[datetime | None] = mapped_column(nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(300), nullable=True)

    __table_args__ = (Index("ix_outbox_pending", "sent_at", "dropped_at", "not_before"),)
