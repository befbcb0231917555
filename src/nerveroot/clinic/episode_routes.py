"""The episode view and what hangs off it: the outcome scores entered by the clinician, the person's
private link, the referral letter, the clinician's PDF, finishing the episode."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nerveroot.api.deps import SettingsDep, UowDep
from nerveroot.clinic import audit, episodes, flags, outcomes, record
from nerveroot.clinic.accounts import Staff
from nerveroot.clinic.chart import chart, measures, milestone_legend
from nerveroot.clinic.flags import referral_letter
from nerveroot.clinic.permissions import CurrentClinician, actor
from nerveroot.clinic.web import CsrfDep, lists, now, page, posted
from nerveroot.errors import NotFound, Problem
from nerveroot.settings import Settings
from nerveroot.store.db import UnitOfWork

router = APIRouter(include_in_schema=False)


def charts(rec: record.Record) -> list[Any]:
    out = []
    for m in measures():
        points = [(o.taken_at, score) for o in rec.outcomes if (score := flags.score(o, m.key)) is not None]
        out.append((m, chart(m, points), points))
    return out


def view_context(rec: record.Record, settings: Settings) -> dict[str, Any]:
    from nerveroot.export.report import clinician_context
    from nerveroot.web.views import result_context

    latest = rec.latest
    result = result_context(latest.case_json) if latest else None
    changes = [episodes.change(a, b) for a, b in zip(rec.history, rec.history[1:], strict=False)]
    return {
        "rec": rec,
        "e": rec.episode,
        "result": result,
        "clinical": clinician_context(latest.case_json, result["a"]) if latest and result else None,
        "changes": list(zip(rec.history[1:], changes, strict=True)),
        "charts": charts(rec),
        "milestones": milestone_legend(),
        "sections": outcomes.odi_sections(),
        "exam_rows": rec.exam_rows(),
        "tz": settings.tz,
    }


def _load(uow: UnitOfWork, episode_id: int, staff: Staff, what: str = "episode") -> record.Record:
    with uow.write() as session:
        return record.load(session, episode_id, actor=actor(staff), now=now(), what=what)


@router.get("/clinic/episodes/{episode_id}", response_class=HTMLResponse)
def read_episode(*, request: Request, episode_id: int, staff: CurrentClinician, uow: UowDep, csrf: CsrfDep,
                 settings: SettingsDep) -> HTMLResponse:  # fmt: skip
    """The person's record: answers and body map, the result with reasons and sources, the booking, every
    assessment with what changed, the scores with their charts, and the flags."""
    rec = _load(uow, episode_id, staff)
    context = {**view_context(rec, settings), "errors": {}, "link": None}
    return page(request, csrf, "clinic/episode.html", context, staff=staff)


def _add_scores(uow: UnitOfWork, episode_id: int, staff: Staff, scores: outcomes.Scores) -> None:
    with uow.write() as session:
        record.add_clinician_scores(
            session, episode_id, scores, by=actor(staff), now=now(), what="outcome scores"
        )


@router.post("/clinic/episodes/{episode_id}/outcomes", response_class=HTMLResponse, response_model=None)
async def add_outcome(*, request: Request, episode_id: int, staff: CurrentClinician, uow: UowDep, csrf: CsrfDep,
                      settings: SettingsDep) -> Response:  # fmt: skip
    """Scores entered by the clinician (NPRS leg and back, ODI): all saved, or none with the reasons."""
    form = await posted(request, csrf)
    scores, errors = outcomes.read_scores(lists(form))
    if not errors:
        await run_in_threadpool(_add_scores, uow, episode_id, staff, scores)
        return RedirectResponse(f"/clinic/episodes/{episode_id}#scores", status_code=303)
    rec = await run_in_threadpool(_load, uow, episode_id, staff)
    context = {**view_context(rec, settings), "errors": errors, "link": None,
               "given": lists(form)}  # fmt: skip
    return page(request, csrf, "clinic/episode.html", context, staff=staff, status=422)


def _new_link(uow: UnitOfWork, episode_id: int, staff: Staff, days: int) -> str:
    with uow.write() as session:
        episode = episodes.get_episode(session, episode_id)
        token = outcomes.new_link(session, episode_id=episode.id, now=now(), days=days)
        audit.record(
            session,
            actor=actor(staff),
            action="link",
            now=now(),
            episode_id=episode.id,
            what="private link made",
        )
    return token


@router.post("/clinic/episodes/{episode_id}/link", response_class=HTMLResponse)
async def make_link(*, request: Request, episode_id: int, staff: CurrentClinician, uow: UowDep, csrf: CsrfDep,
                    settings: SettingsDep) -> HTMLResponse:  # fmt: skip
    """A new private link for the person (shown once: give it to them)."""
    await posted(request, csrf)
    token = await run_in_threadpool(_new_link, uow, episode_id, staff, settings.private_link_days)
    rec = await run_in_threadpool(_load, uow, episode_id, staff)
    base = settings.public_url or str(request.base_url).rstrip("/")
    context = {**view_context(rec, settings), "errors": {}, "link": f"{base}/follow-up/{token}"}
    return page(request, csrf, "clinic/episode.html", context, staff=staff)


def _finish(uow: UnitOfWork, episode_id: int, staff: Staff, reopen: bool) -> None:
    with uow.write() as session:
        episode = episodes.get_episode(session, episode_id)
        episode.status = "open" if reopen else "finished"
        episode.finished_at = None if reopen else now()
        audit.record(session, actor=actor(staff), action="change", now=now(), episode_id=episode.id,
                     what="episode reopened" if reopen else "episode finished")  # fmt: skip


@router.post("/clinic/episodes/{episode_id}/finish", response_model=None)
async def finish_episode(
    *, request: Request, episode_id: int, staff: CurrentClinician, uow: UowDep, csrf: CsrfDep
) -> Response:
    """Finish the episode (or reopen it with reopen=yes); finished episodes leave the worklist."""
    form = await posted(request, csrf)
    await run_in_threadpool(_finish, uow, episode_id, staff, form.get("reopen") == "yes")
    return RedirectResponse(f"/clinic/episodes/{episode_id}", status_code=303)


def letter_of(rec: record.Record, settings: Settings) -> str:
    return referral_letter(
        clinic=settings.clinic_name, name=rec.episode.name, flags=rec.flags, latest=rec.latest,
        exam_rows=rec.exam_rows(), outcomes=rec.outcomes, started=rec.episode.created_at, today=now(),
    )  # fmt: skip


@router.get("/clinic/episodes/{episode_id}/referral", response_class=HTMLResponse)
def read_referral(*, request: Request, episode_id: int, staff: CurrentClinician, uow: UowDep, csrf: CsrfDep,
                  settings: SettingsDep) -> HTMLResponse:  # fmt: skip
    """The drafted referral letter, to check, print and sign."""
    rec = _load(uow, episode_id, staff, what="referral letter")
    context = {"e": rec.episode, "letter": letter_of(rec, settings), "flags": rec.flags}
    return page(request, csrf, "clinic/referral.html", context, staff=staff)


@router.get("/clinic/episodes/{episode_id}/report.pdf", response_model=None)
def read_report(
    *, request: Request, episode_id: int, staff: CurrentClinician, uow: UowDep, settings: SettingsDep
) -> Response:
    """The clinician's PDF: the result, findings and reasons with sources, the examination, the scores with
    their charts, and the referral letter."""
    from nerveroot.export.report import ClinicianExtras, Score, render_pdf

    rec = _load(uow, episode_id, staff, what="clinician report (PDF)")
    if rec.latest is None:
        raise NotFound(
            "nothing to report", [Problem("episode", "this episode has no assessment yet", episode_id)]
        )
    scores = [Score(name, value, o.taken_at.astimezone(settings.tz).strftime("%d %b %Y"))
              for o in rec.outcomes
              for name, value in (("Leg pain (NPRS)", f"{o.leg_pain} of 10" if o.leg_pain is not None else None),
                                  ("Back pain (NPRS)", f"{o.back_pain} of 10" if o.back_pain is not None else None),
                                  ("ODI", f"{o.odi_percent:.0f}%" if o.odi_percent is not None else None))
              if value is not None]  # fmt: skip
    from markupsafe import Markup

    svg = Markup("".join(str(svg) for m, svg, points in charts(rec) if points))
    extras = ClinicianExtras(examination=rec.exam_rows(), scores=scores, chart_svg=svg or None,
                             referral=letter_of(rec, settings) if rec.flags else None)  # fmt: skip
    pdf = render_pdf(rec.latest.case_json, "clinician", extras=extras, base_url=str(request.base_url))
    headers = {
        "Cache-Control": "no-store",
        "Content-Disposition": f'inline; filename="episode-{episode_id}.pdf"',
    }
    return Response(pdf, media_type="application/pdf", headers=headers)
