"""The neurological examination: the form (pre-filled from the last examination) and its saving, which
re-runs the engine on the history plus the examination. Nothing is saved unless every field can be used
and the whole is a valid case: a grade of 6 comes back as a message beside the field, the form kept."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nerveroot.api.deps import UowDep
from nerveroot.clinic import audit, episodes, examination, notify, record
from nerveroot.clinic.accounts import Staff
from nerveroot.clinic.permissions import CurrentClinician, actor
from nerveroot.clinic.web import CsrfDep, lists, now, page, posted
from nerveroot.errors import BadInput
from nerveroot.settings import Settings
from nerveroot.store.db import UnitOfWork

router = APIRouter(include_in_schema=False)


def _form(*, request: Request, csrf: CsrfDep, staff: Staff, rec: record.Record, values: dict[str, str],
          errors: dict[str, str], status: int = 200) -> HTMLResponse:  # fmt: skip
    context = {"e": rec.episode, "values": values, "errors": errors, **examination.form_fields()}
    return page(request, csrf, "clinic/examination.html", context, staff=staff, status=status)


def _load(uow: UnitOfWork, episode_id: int, staff: Staff) -> record.Record:
    with uow.write() as session:
        return record.load(session, episode_id, actor=actor(staff), now=now(), what="examination form")


@router.get("/clinic/episodes/{episode_id}/examination", response_class=HTMLResponse)
def examination_form(
    *, request: Request, episode_id: int, staff: CurrentClinician, uow: UowDep, csrf: CsrfDep
) -> HTMLResponse:
    """The examination form, filled in with the last examination's findings (to change what changed)."""
    rec = _load(uow, episode_id, staff)
    last = rec.examinations[-1].exam_json if rec.examinations else None
    return _form(
        request=request,
        csrf=csrf,
        staff=staff,
        rec=rec,
        values=dict((last or {}).get("values", {})),
        errors={},
    )


def save_examination(
    uow: UnitOfWork, episode_id: int, staff: Staff, examined: examination.Examined, settings: Settings
) -> int:
    """Assess history + examination and store it (with the flags it raises); the new assessment's id.
    The case is checked before the write: a contradiction is a BadInput and nothing is written."""
    with uow.read() as session:
        history = episodes.history(session, episodes.get_episode(session, episode_id).id)
    base = history[-1].case_json if history else {}
    assessed = episodes.assess_case(examination.merge(base, examined.findings))
    exam = {"findings": examined.findings, "slr_angle": examined.slr_angle, "values": examined.values}
    with uow.write() as session:
        episode = episodes.get_episode(session, episode_id)
        row = episodes.add_assessment(session, episode=episode, kind="examination", assessed=assessed, now=now(),
                                      user_id=staff.id, exam=exam)  # fmt: skip
        record.refresh_flags(session, episode)
        notify.on_assessment(
            session, settings=settings, episode_id=episode.id, level=assessed.level, now=now()
        )
        audit.record(
            session, actor=actor(staff), action="change", now=now(), episode_id=episode.id, what="examination"
        )
        return row.id


@router.post("/clinic/episodes/{episode_id}/examination", response_class=HTMLResponse, response_model=None)
async def create_examination(
    *, request: Request, episode_id: int, staff: CurrentClinician, uow: UowDep, csrf: CsrfDep
) -> Response:
    """Save the examination and show what changed (root probabilities, urgency, the findings that moved them)."""
    form = await posted(request, csrf)
    examined, errors = examination.read_examination(lists(form))
    if not errors:
        try:
            row_id = await run_in_threadpool(
                save_examination, uow, episode_id, staff, examined, request.app.state.settings
            )
        except BadInput as exc:
            errors["form"] = "The findings contradict each other or the history: " + "; ".join(
                str(p) for p in exc.problems[:6]) if exc.problems else exc.message  # fmt: skip
        else:
            return RedirectResponse(f"/clinic/episodes/{episode_id}/changes/{row_id}", status_code=303)
    rec = await run_in_threadpool(_load, uow, episode_id, staff)
    return _form(
        request=request, csrf=csrf, staff=staff, rec=rec, values=examined.values, errors=errors, status=422
    )


@router.get("/clinic/episodes/{episode_id}/changes/{assessment_id}", response_class=HTMLResponse)
def read_change(*, request: Request, episode_id: int, assessment_id: int, staff: CurrentClinician, uow: UowDep,
                csrf: CsrfDep) -> HTMLResponse:  # fmt: skip
    """What one assessment changed against the one before it."""
    with uow.write() as session:
        rec = record.load(session, episode_id, actor=actor(staff), now=now(), what="assessment changes")
    index = next((i for i, h in enumerate(rec.history) if h.id == assessment_id), None)
    if index is None:
        raise episodes.not_found(episode_id)
    after = rec.history[index]
    change = episodes.change(rec.history[index - 1], after) if index > 0 else None
    context = {"e": rec.episode, "after": after, "c": change, "flags": rec.flags}
    return page(request, csrf, "clinic/changes.html", context, staff=staff)
