"""The worklist (/clinic) and starting an episode at the desk (a case typed, or a note read by the reader
and shown, correctable, before it is saved)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nerveroot.api.deps import SettingsDep, UowDep
from nerveroot.clinic import audit, episodes
from nerveroot.clinic.knowledge import clinic_knowledge
from nerveroot.clinic.permissions import CurrentClinician, actor
from nerveroot.clinic.web import CsrfDep, now, page, posted, text
from nerveroot.errors import BadInput
from nerveroot.store.clinic import TRIAGE_ORDER
from nerveroot.store.db import UnitOfWork

router = APIRouter(include_in_schema=False)


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/clinic", response_class=HTMLResponse)
def read_worklist(
    *, request: Request, staff: CurrentClinician, uow: UowDep, csrf: CsrfDep, settings: SettingsDep,
    level: str = "", since: str = "", until: str = "", booked: str = "", flagged: str = "", finished: str = "",
) -> HTMLResponse:  # fmt: skip
    """Episodes, most urgent first, then oldest; filters by urgency, date, booked or not, flagged."""
    filters = episodes.Filters(
        level=level if level in TRIAGE_ORDER else "", since=_date(since), until=_date(until),
        booked=booked if booked in ("yes", "no") else "", flagged=flagged == "yes", finished=finished == "yes", tz=settings.tz,
    )  # fmt: skip
    review_weeks = clinic_knowledge().referral.not_improving_weeks.value
    with uow.write() as session:
        rows = episodes.worklist(session, filters=filters)
        due = episodes.reviews_due(session, rows, now=now(), weeks=review_weeks)
        audit.record(session, actor=actor(staff), action="view", now=now(), what="worklist")
    context = {
        "rows": rows,
        "due": due,
        "review_weeks": review_weeks,
        "filters": filters,
        "levels": TRIAGE_ORDER,
        "raw": {"since": since, "until": until},
    }
    return page(request, csrf, "clinic/worklist.html", context, staff=staff)


@router.get("/clinic/episodes/new", response_class=HTMLResponse)
def new_episode_form(*, request: Request, staff: CurrentClinician, csrf: CsrfDep) -> HTMLResponse:
    """Start an episode at the desk: contact details and a case (typed as JSON, or a note to read)."""
    return page(
        request, csrf, "clinic/new_episode.html", {"values": {}, "errors": {}, "reading": None}, staff=staff
    )


def _read_note(note: str) -> dict[str, Any]:
    from nerveroot.case import case_json
    from nerveroot.text import read_text

    reading = read_text(note)
    return {
        "case": case_json(reading.case),
        "evidence": [(e.text, e.finding, e.value) for e in reading.evidence],
    }


def _save(uow: UnitOfWork, staff: Any, values: dict[str, str]) -> int:
    from nerveroot.safe_json import loads_case

    assessed = episodes.assess_case(loads_case(values.get("case", "") or "{}", where="case"))
    with uow.write() as session:
        episode = episodes.create_episode(
            session, source="desk", name=values["name"], email=values.get("email", ""),
            phone=values.get("phone", ""), assessed=assessed, now=now(), actor=actor(staff),
        )  # fmt: skip
        return episode.id


@router.post("/clinic/episodes/new", response_class=HTMLResponse, response_model=None)
async def create_episode_from_form(
    *, request: Request, staff: CurrentClinician, uow: UowDep, csrf: CsrfDep
) -> Response:
    """`go=read` reads the note and shows what was read (the case, editable); `go=save` saves the episode."""
    form = await posted(request, csrf)
    values = {k: text(form, k, 60_000) for k in ("name", "email", "phone", "case", "note", "go")}
    errors: dict[str, str] = {}
    reading = None
    if not values["name"].strip():
        errors["name"] = "Give the person's name."
    if values["go"] == "read":
        errors.pop("name", None)
        try:
            reading = await run_in_threadpool(_read_note, values["note"])
            values["case"] = json.dumps(reading["case"], indent=1)
        except BadInput as exc:
            errors["note"] = (
                f"The note could not be read: {exc.message} ({'; '.join(str(p) for p in exc.problems)})"
            )
    elif not errors:
        try:
            episode_id = await run_in_threadpool(_save, uow, staff, values)
        except BadInput as exc:
            errors["case"] = f"The case cannot be used: {exc.message}. " + "; ".join(
                str(p) for p in exc.problems[:8]
            )
        else:
            return RedirectResponse(f"/clinic/episodes/{episode_id}", status_code=303)
    status = 422 if errors else 200
    return page(request, csrf, "clinic/new_episode.html", {"values": values, "errors": errors, "reading": reading},
                staff=staff, status=status)  # fmt: skip
