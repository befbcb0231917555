"""The audit log: every view and change of a person's record, by whom and when; append-only.

`what` names the kind of thing seen or changed ("episode", "examination", "outcome scores"), never a
finding, a score or a name, so the log keeps no health data and survives an erasure whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nerveroot.store.clinic import AuditEntry

ACTIONS = ("view", "create", "change", "export", "erase", "sign_in", "sign_out", "link", "admin")


@dataclass(frozen=True)
class Actor:
    kind: str  # clinician, admin, person, system
    user_id: int | None = None
    name: str = ""


SYSTEM = Actor("system", None, "nerveroot")
PERSON = Actor("person", None, "you, through your private link")


def record(session: Session, *, actor: Actor, action: str, now: datetime, episode_id: int | None = None,
           what: str = "") -> None:  # fmt: skip
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    session.add(
        AuditEntry(
            at=now,
            actor=actor.kind,
            user_id=actor.user_id,
            actor_name=actor.name[:320],
            action=action,
            episode_id=episode_id,
            what=what[:300],
        )
    )


def entries(
    session: Session, *, episode_id: int | None = None, limit: int = 500, before_id: int | None = None
) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if episode_id is not None:
        query = query.where(AuditEntry.episode_id == episode_id)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return list(session.scalars(query))
