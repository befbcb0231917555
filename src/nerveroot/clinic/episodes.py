"""Episodes: a person's record in the clinic, made from a booking (its case and the assessment) or started
at the desk, with the history of every assessment of it.

Store functions run inside a unit of work and never commit. Assessments are kept as the engine gave them
(JSON); what the pages show of an older one is read from that JSON defensively, since the assessment
grows new fields over time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nerveroot.case import case_json, parse_case
from nerveroot.clinic import audit
from nerveroot.clinic.audit import Actor
from nerveroot.engine import assess
from nerveroot.errors import NotFound, Problem
from nerveroot.store.clinic import TRIAGE_ORDER, Episode, EpisodeAssessment, Outcome
from nerveroot.store.models import Booking


@dataclass(frozen=True)
class Assessed:
    case: dict[str, Any]
    assessment: dict[str, Any]
    level: str


def assess_case(case: Mapping[str, Any]) -> Assessed:
    """Validate and assess a case (CaseError names each problem); the case as compact JSON, the result."""
    parsed = parse_case(case)
    result = assess(parsed)
    return Assessed(case_json(parsed), result.model_dump(mode="json"), result.triage.level)


def rank(level: str | None) -> int:
    return TRIAGE_ORDER.index(level) if level in TRIAGE_ORDER else len(TRIAGE_ORDER)


def not_found(episode_id: int) -> NotFound:
    return NotFound(
        "no such episode",
        [Problem("episode", "no episode has this number, or it is not yours to see (it may have been erased)", episode_id)],
    )  # fmt: skip


def get_episode(session: Session, episode_id: int) -> Episode:
    episode = session.get(Episode, episode_id) if 0 < episode_id < 2**31 else None
    if episode is None:
        raise not_found(episode_id)
    return episode


def create_episode(
    session: Session,
    *,
    source: str,
    name: str,
    email: str,
    phone: str,
    assessed: Assessed | None,
    now: datetime,
    actor: Actor,
    booking_id: int | None = None,
) -> Episode:
    episode = Episode(
        booking_id=booking_id, source=source, name=name, email=email, phone=phone, status="open",
        triage_level=assessed.level if assessed else None, urgency_rank=rank(assessed.level if assessed else None),
        flags=[], created_at=now,
    )  # fmt: skip
    session.add(episode)
    session.flush()
    if assessed is not None:
        add_assessment(
            session, episode=episode, kind="intake", assessed=assessed, now=now, user_id=actor.user_id
        )
    audit.record(
        session, actor=actor, action="create", now=now, episode_id=episode.id, what=f"episode ({source})"
    )
    return episode


def episode_from_booking(
    session: Session, *, booking: Booking, now: datetime, assessment: dict[str, Any] | None = None
) -> Episode:
    """The booking's episode (made once): its contact details, and its case with the server's assessment
    (made before the booking's transaction opened) as the intake."""
    existing = session.scalar(select(Episode).where(Episode.booking_id == booking.id))
    if existing is not None:
        return existing
    assessed = None
    if booking.case_json and assessment is not None:
        assessed = Assessed(booking.case_json, assessment, assessment["triage"]["level"])
    elif booking.case_json:
        assessed = assess_case(booking.case_json)
    return create_episode(
        session, source="booking", name=booking.name, email=booking.email, phone=booking.phone,
        assessed=assessed, now=now, actor=audit.SYSTEM, booking_id=booking.id,
    )  # fmt: skip


def add_assessment(
    session: Session,
    *,
    episode: Episode,
    kind: str,
    assessed: Assessed,
    now: datetime,
    user_id: int | None,
    exam: dict[str, Any] | None = None,
) -> EpisodeAssessment:
    row = EpisodeAssessment(
        episode_id=episode.id, kind=kind, case_json=assessed.case, assessment_json=assessed.assessment,
        triage_level=assessed.level, exam_json=exam, user_id=user_id, created_at=now,
    )  # fmt: skip
    session.add(row)
    episode.triage_level = assessed.level
    episode.urgency_rank = rank(assessed.level)
    session.flush()
    return row


def history(session: Session, episode_id: int) -> list[EpisodeAssessment]:
    query = (
        select(EpisodeAssessment)
        .where(EpisodeAssessment.episode_id == episode_id)
        .order_by(EpisodeAssessment.created_at, EpisodeAssessment.id)
    )
    return list(session.scalars(query))


@dataclass(frozen=True)
class Filters:
    level: str = ""
    since: date | None = None
    until: date | None = None
    booked: str = ""  # "", "yes", "no"
    flagged: bool = False
    finished: bool = False
    tz: tzinfo = UTC  # the clinic's time zone: a date is a day there


def worklist(session: Session, *, filters: Filters) -> list[Episode]:
    """Episodes most urgent first (emergency ... self-care, then not assessed), then oldest first."""
    query = select(Episode).order_by(Episode.urgency_rank, Episode.created_at, Episode.id)
    query = query.where(Episode.status == ("finished" if filters.finished else "open"))
    if filters.level in TRIAGE_ORDER:
        query = query.where(Episode.triage_level == filters.level)
    if filters.since is not None:
        query = query.where(Episode.created_at >= datetime.combine(filters.since, time(0), tzinfo=filters.tz))
    if filters.until is not None:
        query = query.where(
            Episode.created_at
            < datetime.combine(filters.until + timedelta(days=1), time(0), tzinfo=filters.tz)
        )
    if filters.booked == "yes":
        query = query.where(Episode.booking_id.is_not(None))
    elif filters.booked == "no":
        query = query.where(Episode.booking_id.is_(None))
    rows = list(session.scalars(query.limit(1000)))
    return [e for e in rows if e.flags] if filters.flagged else rows


# ------------------------------------------------------------------------------------ what changed
@dataclass(frozen=True)
class Change:
    """What moved between two assessments of one episode."""

    level_before: str
    level_after: str
    roots: list[tuple[str, float | None, float | None]]  # (root and side, before, after)
    findings: list[tuple[str, Any, Any]]  # (case path, before, after)
    moved_by: list[str] = field(default_factory=list)  # reasons that are new or weigh differently

    @property
    def triage_changed(self) -> bool:
        return self.level_before != self.level_after


def _roots(a: Mapping[str, Any]) -> dict[str, float]:
    return {f"{r.get('root')} {r.get('side')}": float(r.get("probability", 0)) for r in a.get("roots", [])}


def _reasons(a: Mapping[str, Any]) -> dict[tuple[str, str, str], Mapping[str, Any]]:
    return {(str(e.get("finding")), str(e.get("conclusion")), str(e.get("supports"))): e for e in a.get("explanation", [])}  # fmt: skip


def change(before: EpisodeAssessment, after: EpisodeAssessment) -> Change:
    from nerveroot.web.carry import flatten

    b, a = before.assessment_json, after.assessment_json
    rb, ra = _roots(b), _roots(a)
    roots = [(k, rb.get(k), ra.get(k)) for k in dict.fromkeys([*ra, *rb]) if rb.get(k) != ra.get(k)]
    fb, fa = flatten(before.case_json), flatten(after.case_json)
    findings = [(p, fb.get(p), fa.get(p)) for p in dict.fromkeys([*fb, *fa]) if fb.get(p) != fa.get(p)]
    eb, ea = _reasons(b), _reasons(a)
    moved = [
        e
        for k, e in ea.items()
        if k not in eb or abs(float(eb[k].get("weight", 0)) - float(e.get("weight", 0))) > 1e-6
    ]
    moved.sort(key=lambda e: -abs(float(e.get("weight", 0))))
    words = [f"{e.get('reason', e.get('finding'))} → {e.get('conclusion')}: {e.get('supports')} ({'for' if float(e.get('weight', 0)) > 0 else 'against'})" for e in moved[:12]]  # fmt: skip
    return Change(
        b.get("triage", {}).get("level", "?"), a.get("triage", {}).get("level", "?"), roots, findings, words
    )


def reviews_due(session: Session, rows: list[Episode], *, now: datetime, weeks: float) -> set[int]:
    """Open episodes past the review week with no score taken since then.

    The "not improving" flag can only compare scores that exist: an episode whose follow-up never came
    would otherwise stay unflagged however long it waits. One query for the whole worklist."""
    open_ids = [e.id for e in rows if e.status == "open" and now - e.created_at >= timedelta(weeks=weeks)]
    if not open_ids:
        return set()
    latest = dict(
        session.execute(
            select(Outcome.episode_id, func.max(Outcome.taken_at))
            .where(Outcome.episode_id.in_(open_ids))
            .group_by(Outcome.episode_id)
        ).all()
    )
    due = set()
    for e in rows:
        if e.id not in open_ids:
            continue
        scored = latest.get(e.id)
        if scored is None or scored < e.created_at + timedelta(weeks=weeks):
            due.add(e.id)
    return due
