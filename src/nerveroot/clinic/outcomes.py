"""Outcome scores: leg and back pain on the 0-10 numeric rating scale (NPRS) and the Oswestry Disability
Index (ODI), entered by the clinician or by the person through their private link; and the private links.

ODI: ten sections scored 0-5; the index is the sum of the answered sections divided by 5 x the number
answered, x 100 (each unanswered section takes 5 off the possible total: Fairbank and Pynsent 2000, the
rule in knowledge/clinic.yaml). A section answered twice is refused, never averaged or guessed.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from importlib import resources

from sqlalchemy import select
from sqlalchemy.orm import Session

from nerveroot.clinic.knowledge import clinic_knowledge
from nerveroot.clinic.sessions import token_hash
from nerveroot.errors import BadInput, Problem
from nerveroot.store.clinic import Outcome, PrivateLink
from nerveroot.yamlfile import load_yaml


@dataclass(frozen=True)
class OdiSection:
    title: str
    statements: tuple[str, ...]


@cache
def odi_sections() -> tuple[OdiSection, ...]:
    data = load_yaml((resources.files("nerveroot") / "knowledge" / "odi.yaml").read_text("utf-8"))
    sections = tuple(OdiSection(s["title"], tuple(s["statements"])) for s in data["sections"])
    odi = clinic_knowledge().outcomes.odi
    if len(sections) != odi.sections or any(len(s.statements) != odi.section_max + 1 for s in sections):
        raise ValueError("knowledge/odi.yaml: expected 10 sections of 6 statements")
    return sections


def odi_percent(answers: Sequence[int | None]) -> float | None:
    """The ODI in percent from the ten section scores (None = not answered); None if none was answered.

    >>> odi_percent([2, 1, 3, 2, 2, 1, 2, 0, 2, 1])  # 16 of 50
    32.0
    >>> round(odi_percent([2, 1, 3, 2, 2, 1, 2, None, 2, 1]), 1)  # 16 of 45: one section unanswered
    35.6
    """
    odi = clinic_knowledge().outcomes.odi
    if len(answers) != odi.sections:
        raise BadInput(
            "the ODI has ten sections", [Problem("odi", f"expected {odi.sections} answers", len(answers))]
        )
    given = [a for a in answers if a is not None]
    for i, a in enumerate(answers, start=1):
        if a is not None and not 0 <= a <= odi.section_max:
            raise BadInput("not an ODI answer", [Problem(f"odi.{i}", f"expected 0 to {odi.section_max}", a)])
    if not given:
        return None
    return sum(given) / (odi.section_max * len(given)) * 100


@dataclass(frozen=True)
class Scores:
    leg_pain: int | None
    back_pain: int | None
    odi: tuple[int | None, ...]

    @property
    def odi_percent(self) -> float | None:
        return odi_percent(self.odi)

    @property
    def empty(self) -> bool:
        return self.leg_pain is None and self.back_pain is None and all(a is None for a in self.odi)


NAMES = {"leg_pain": "Leg pain", "back_pain": "Back pain"}
NOTHING_GIVEN = "Give at least one score: leg pain, back pain or the ODI."


def _pain(raw: Sequence[str], field: str, errors: dict[str, str]) -> int | None:
    values = [v.strip() for v in raw if v.strip()]
    if not values:
        return None
    if len(set(values)) > 1:
        errors[field] = f"{NAMES[field]} was given twice ({', '.join(values)}): give one score from 0 to 10."
        return None
    try:
        number = int(values[0])
    except ValueError:
        errors[field] = (
            f"{NAMES[field]}: '{values[0][:20]}' is not a whole number; give a score from 0 to 10."
        )
        return None
    if not 0 <= number <= 10:
        errors[field] = (
            f"{NAMES[field]}: {number} is outside the scale; give a score from 0 (none) to 10 (worst)."
        )
        return None
    return number


def read_scores(form: Mapping[str, Sequence[str]]) -> tuple[Scores, dict[str, str]]:
    """Scores from form fields (each name with all the values sent): `leg_pain`, `back_pain`, `odi-1`..`odi-10`.

    Returns the scores and, by field, a message for each value that cannot be used (then nothing is saved).
    """
    errors: dict[str, str] = {}
    leg = _pain(form.get("leg_pain", ()), "leg_pain", errors)
    back = _pain(form.get("back_pain", ()), "back_pain", errors)
    odi: list[int | None] = []
    top = clinic_knowledge().outcomes.odi.section_max
    for i, section in enumerate(odi_sections(), start=1):
        values = [v for v in form.get(f"odi-{i}", ()) if v.strip()]
        field = f"odi-{i}"
        if len(values) > 1:
            errors[field] = (f"ODI section {i} ({section.title}) was answered {len(values)} times "
                             f"({', '.join(values)}): choose the one statement that fits best.")  # fmt: skip
            odi.append(None)
            continue
        if not values:
            odi.append(None)
            continue
        if not values[0].isdigit() or not 0 <= int(values[0]) <= top:
            errors[field] = (
                f"ODI section {i} ({section.title}): '{values[0][:20]}' is not one of its statements (0 to {top})."
            )
            odi.append(None)
            continue
        odi.append(int(values[0]))
    scores = Scores(leg, back, tuple(odi))
    if not errors and scores.empty:
        errors["leg_pain"] = NOTHING_GIVEN
    return scores, errors


def add_outcome(session: Session, *, episode_id: int, scores: Scores, now: datetime, entered_by: str,
                user_id: int | None) -> Outcome:  # fmt: skip
    outcome = Outcome(
        episode_id=episode_id,
        taken_at=now,
        leg_pain=scores.leg_pain,
        back_pain=scores.back_pain,
        odi_answers=list(scores.odi),
        odi_percent=scores.odi_percent,
        entered_by=entered_by,
        user_id=user_id,
    )
    session.add(outcome)
    session.flush()
    return outcome


def outcomes_of(session: Session, episode_id: int) -> list[Outcome]:
    query = select(Outcome).where(Outcome.episode_id == episode_id).order_by(Outcome.taken_at, Outcome.id)
    return list(session.scalars(query))


# ------------------------------------------------------------------------------------- private links
class LinkRefused(BadInput):
    http_status = 404


def new_link(session: Session, *, episode_id: int, now: datetime, days: int) -> str:
    """A new private link token for the person of this episode (shown once; only its hash is kept)."""
    token = secrets.token_urlsafe(24)
    session.add(PrivateLink(token_hash=token_hash(token), episode_id=episode_id, created_at=now,
                            expires_at=now + timedelta(days=days)))  # fmt: skip
    session.flush()
    return token


def episode_of_link(session: Session, *, token: str, now: datetime) -> int:
    """The one episode this link opens; LinkRefused (404) if it is unknown, revoked or expired."""
    link = session.get(PrivateLink, token_hash(token)) if 16 <= len(token) <= 100 else None
    if link is None or link.revoked_at is not None:
        raise LinkRefused("this link is not valid", [Problem("link", "check that the whole link was copied, or ask the clinic for a new one")])  # fmt: skip
    if link.expires_at <= now:
        raise LinkRefused("this link has expired", [Problem("link", f"it expired on {link.expires_at:%d %B %Y}; ask the clinic for a new one")])  # fmt: skip
    return link.episode_id
