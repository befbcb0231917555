"""The person's side, through their private link (/follow-up/<token>): fill in the scores (and answer the
warning-sign questions again), see their chart, and see who opened their record and when.

The link opens one episode only, expires, and is not a staff session: it reaches none of /clinic or
/api/v1/clinic. Its token never reaches the access log (wiring.py) and the pages send no Referer.
A warning sign answered yes is assessed at once: an emergency tells the person what to do now.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nerveroot.api.deps import UowDep
from nerveroot.clinic import audit, episodes, notify, outcomes, record
from nerveroot.clinic.episode_routes import charts
from nerveroot.clinic.web import CsrfDep, lists, now, page, posted
from nerveroot.settings import Settings
from nerveroot.store.db import UnitOfWork
from nerveroot.warning_signs import apply_screen
from nerveroot.web import screening

router = APIRouter(include_in_schema=False)
SHOWN_ACTIONS = {"view": "opened", "change": "changed", "create": "created", "export": "exported", "link": "made a link to",
                 "erase": "erased"}  # fmt: skip


def _context(
    uow: UnitOfWork, token: str, action: str = "view", what: str = "your follow-up page"
) -> dict[str, Any]:
    with uow.write() as session:
        episode_id = outcomes.episode_of_link(session, token=token, now=now())
        rec = record.load(session, episode_id, actor=audit.PERSON, now=now(), what=what, action=action)
        log = audit.entries(session, episode_id=episode_id, limit=200)
    seen = [(x.at, x.actor_name if x.actor in ("clinician", "admin") else ("you" if x.actor == "person" else "the system"),
             x.actor, SHOWN_ACTIONS.get(x.action, x.action), x.what) for x in log if x.action in SHOWN_ACTIONS]  # fmt: skip
    return {"rec": rec, "token": token, "charts": charts(rec), "seen": seen, "sections": outcomes.odi_sections(),
            "questions": screening.QUESTIONS, "labels": screening.LABELS}  # fmt: skip


@router.get("/follow-up/{token}", response_class=HTMLResponse)
def read_follow_up(request: Request, token: str, uow: UowDep, csrf: CsrfDep) -> HTMLResponse:
    """The person's own page: their scores form, their chart, and who has opened their record."""
    context = {**_context(uow, token), "errors": {}, "given": {}, "done": None}
    return page(request, csrf, "clinic/follow_up.html", context)


def _save(
    uow: UnitOfWork, token: str, scores: outcomes.Scores, answers: dict[str, str], settings: Settings
) -> str:
    """Save the scores (and a follow-up assessment if a warning-sign question was answered); its level."""
    with uow.read() as session:
        episode_id = outcomes.episode_of_link(session, token=token, now=now())
        history = episodes.history(session, episode_id)
    assessed = None
    if answers:
        base = history[-1].case_json if history else {}
        assessed = episodes.assess_case(apply_screen(base, answers))
    with uow.write() as session:
        episode = episodes.get_episode(session, outcomes.episode_of_link(session, token=token, now=now()))
        if not scores.empty:
            outcomes.add_outcome(
                session, episode_id=episode.id, scores=scores, now=now(), entered_by="person", user_id=None
            )
        if assessed is not None:
            episodes.add_assessment(
                session, episode=episode, kind="follow_up", assessed=assessed, now=now(), user_id=None
            )
            notify.on_assessment(
                session, settings=settings, episode_id=episode.id, level=assessed.level, now=now()
            )
        record.refresh_flags(session, episode)
        audit.record(
            session,
            actor=audit.PERSON,
            action="change",
            now=now(),
            episode_id=episode.id,
            what="follow-up scores",
        )
    return assessed.level if assessed else ""


@router.post("/follow-up/{token}", response_class=HTMLResponse, response_model=None)
async def send_follow_up(request: Request, token: str, uow: UowDep, csrf: CsrfDep) -> Response:
    """Save the person's scores; every value is checked first, and nothing is saved if one cannot be used."""
    form = await posted(request, csrf)
    given = lists(form)
    scores, errors = outcomes.read_scores(given)
    answers, invalid = screening.read_answers({k: v for k, v in form.items() if isinstance(v, str)})
    errors.update(invalid)
    if answers and errors.get("leg_pain") == outcomes.NOTHING_GIVEN:  # warning signs alone are enough
        del errors["leg_pain"]
    if not errors:
        level = await run_in_threadpool(_save, uow, token, scores, answers, request.app.state.settings)
        if level == "emergency":
            return RedirectResponse("/emergency", status_code=303)
        return RedirectResponse(f"/follow-up/{token}?sent=1", status_code=303)
    context = {
        **await run_in_threadpool(_context, uow, token),
        "errors": errors,
        "given": given,
        "done": None,
    }
    return page(request, csrf, "clinic/follow_up.html", context, status=422)
