"""Render each step of the check from its kept state (web/journey.py): what ``/check/page/<id>`` shows.

The state is plain JSON (the case, the answers, the interview's trail); anything derived, such as the
assessment, is worked out again here, so a kept page can never show a conclusion its case does not give.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from nerveroot.engine.knowledge import load_knowledge
from nerveroot.errors import NerverootError
from nerveroot.service import assess_payload
from nerveroot.store.journeys import SavedPage
from nerveroot.web import bodymap, interview_flow, result_view, screening, words
from nerveroot.web.body_form import ABOUT_FIELDS
from nerveroot.web.carry import dump_case
from nerveroot.web.journey import NO_STORE

templates = Jinja2Templates(directory=str(resources.files("nerveroot") / "web" / "templates"))
templates.env.globals.update(dump_case=dump_case, words=words, level_words=words.LEVEL_WORDS)


def static_url(request: Request, path: str) -> str:
    """A static file's address relative to the site's root: behind a TLS proxy it stays https."""
    return f"{request.scope.get('root_path', '')}/static/{path}"


templates.env.globals["static_url"] = static_url


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    context.setdefault("notice", load_knowledge().advice.notice)
    return templates.TemplateResponse(request, name, context, status_code=status, headers=headers)


def bad(request: Request, exc: NerverootError) -> HTMLResponse:
    """A page that cannot go on (a hidden field was edited): say what was wrong and how to start again."""
    return render(request, "problem.html", {"error": exc}, status=exc.http_status, headers=NO_STORE)


def _marks(case: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    return {kind: dict(case.get(kind, {})) for kind in bodymap.KINDS}


def _red_flags(request: Request, state: dict[str, Any], status: int, page_id: str) -> HTMLResponse:
    given = state.get("given", {}).get("answers")
    context = {
        "case": state.get("case", {}),
        "answers": given if given is not None else state.get("answers", {}),
        "errors": state.get("errors", {}),
        "questions": screening.QUESTIONS,
        "groups": screening.GROUPS,
        "titles": screening.GROUP_TITLES,
        "labels": screening.LABELS,
        "page_id": page_id,
    }
    return render(request, "check/red_flags.html", context, status, NO_STORE)


def _body_map(request: Request, state: dict[str, Any], status: int, page_id: str) -> HTMLResponse:
    case: dict[str, Any] = state.get("case", {})
    marks = _marks(case)
    selected = {
        f"{k}.{s}.{r}" for k, by_side in marks.items() for s, regions in by_side.items() for r in regions
    }
    entries = state.get("entries")
    if entries is None:
        entries = {f: _entry(f, case.get(f)) for f in ABOUT_FIELDS}
    try:
        unresolved = assess_payload(case).unresolved
    except NerverootError:
        unresolved = []
    context = {
        "case": case,
        "errors": state.get("errors", {}),
        "drawings": bodymap.draw(marks),
        "regions": bodymap.region_labels(),
        "kinds": bodymap.KINDS,
        "selected": selected,
        "entries": entries,
        "story": state.get("story", ""),
        "read_story": state.get("read_story", ""),
        "reading": state.get("reading"),
        "unresolved": unresolved,
        "unknown_side": [
            words.describe(f"{k}.unknown.{r}", True)
            for k in bodymap.KINDS
            for r in marks[k].get("unknown", [])
        ],
        "page_id": page_id,
    }
    return render(request, "check/body_map.html", context, status, NO_STORE)


def _entry(field: str, value: Any) -> str:
    if value is None:
        return ""
    if field == "duration_weeks" and isinstance(value, int | float):
        return words.weeks_number(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _question(request: Request, state: dict[str, Any], status: int, page_id: str) -> HTMLResponse:
    step = interview_flow.resume(state["case"], list(state["asked"]), list(state["trail"]), state["progress"])
    given = state.get("given", {})
    step.previous = given["answer"] if "answer" in given else state.get("previous")
    question = step.question
    drawings = bodymap.draw() if question is not None and question.kind == "regions" else None
    context = {
        "state": step,
        "error": state.get("error"),
        "drawings": drawings,
        "previous": step.previous,
        "previous_json": _as_json(step.previous),
        "page_id": page_id,
    }
    return render(request, "check/question.html", context, status, NO_STORE)


def _as_json(value: Any) -> str | None:
    import json

    return None if value is None else json.dumps(value)


def result_context(case: dict[str, Any]) -> dict[str, Any]:
    """What the result page shows for a case (also after booking, from the booking's own copy)."""
    assessment = assess_payload(case)
    kb = load_knowledge()
    highlight: dict[str, dict[str, float]] = {}
    top = assessment.roots[:1]
    for root in top:
        for side in ("left", "right") if root.side == "unknown" else (root.side,):
            highlight.setdefault(side, {}).update(kb.roots[root.root].dermatome)
    own_map = bodymap.draw(_marks(case))
    root_map = bodymap.draw({}, highlight) if top else None
    marks = _marks(case)
    return {
        "case": case,
        "a": assessment,
        "own_map": own_map,
        "own_legend": result_view.legend(own_map),
        "root_map": root_map,
        "root_legend": result_view.legend(root_map or [], root=True),
        "top_root": top[0] if top else None,
        "root_text": kb.advice.roots,
        "cause_text": kb.advice.causes,
        "reason_groups": result_view.reason_groups(assessment),
        "told_us": result_view.told_us(case),
        "unknown_side": [
            words.describe(f"{k}.unknown.{r}", True)
            for k in bodymap.KINDS
            for r in marks[k].get("unknown", [])
        ],
        "unsure_elsewhere": result_view.unsure_outside_topics(case, assessment),
        "footer_notice": False,
    }


def _result(request: Request, state: dict[str, Any], status: int, page_id: str) -> HTMLResponse:
    context = {**result_context(state["case"]), "interview": state.get("interview"), "page_id": page_id}
    return render(request, "check/result.html", context, status, NO_STORE)


def _emergency(request: Request, state: dict[str, Any], status: int, page_id: str) -> HTMLResponse:
    context = {
        "assessment": assess_payload(state["case"]),
        "case": state["case"],
        "back": state.get("back"),
        "body_map": state.get("body_map"),
        "page_id": page_id,
    }
    return render(request, "emergency.html", context, status, NO_STORE)


RENDERERS: dict[str, Callable[[Request, dict[str, Any], int, str], HTMLResponse]] = {
    "red_flags": _red_flags,
    "body_map": _body_map,
    "question": _question,
    "result": _result,
    "emergency": _emergency,
}


def render_saved(request: Request, saved: SavedPage | None, page_id: str) -> HTMLResponse:
    """A kept step of the check; one that expired (or belongs to another browser) says so and starts over."""
    if saved is None or saved.page not in RENDERERS:
        minutes = request.app.state.settings.journey_minutes
        return render(request, "check/expired.html", {"minutes": minutes}, 404, NO_STORE)
    return RENDERERS[saved.page](request, saved.state, saved.status, page_id)
