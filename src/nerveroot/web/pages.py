"""Server-rendered pages for the person with symptoms: home, red flags, body map, questions, result.

Handlers parse the form, call the service, and render. The case travels in a hidden field (carry.py),
so nothing is stored on the server until the person books. Every page works without JavaScript.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from nerveroot.assessment import Assessment
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.errors import BadInput, NerverootError
from nerveroot.service import assess_payload
from nerveroot.web import (
    body_form,
    bodymap,
    carry,
    education,
    interview_flow,
    result_view,
    screening,
    words,
)
from nerveroot.web.body_form import ABOUT_FIELDS, form_str
from nerveroot.web.carry import dump_case, read_case

router = APIRouter()
templates = Jinja2Templates(directory=str(resources.files("nerveroot") / "web" / "templates"))
templates.env.globals.update(dump_case=dump_case, words=words, level_words=words.LEVEL_WORDS)


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    context.setdefault("notice", load_knowledge().advice.notice)
    return templates.TemplateResponse(request, name, context, status_code=status)


def _bad(request: Request, exc: NerverootError) -> HTMLResponse:
    """A page that cannot go on (a hidden field was edited): say what was wrong and how to start again."""
    return _render(request, "problem.html", {"error": exc}, status=exc.http_status)


# ------------------------------------------------------------------------------------------ home
@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """What nerveroot is and is not, what to do in an emergency, and where to start."""
    return _render(request, "home.html", {})


@router.get("/emergency", response_class=HTMLResponse)
def emergency(request: Request) -> HTMLResponse:
    """What to do now when a warning sign is present."""
    return _render(request, "emergency.html", {"assessment": None})


# ------------------------------------------------------------------------------------ red flags
def _red_flags_page(
    request: Request,
    case: dict[str, Any],
    answers: dict[str, str],
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    context = {
        "case": case,
        "answers": answers,
        "errors": errors or {},
        "questions": screening.QUESTIONS,
        "groups": screening.GROUPS,
    }
    return _render(request, "check/red_flags.html", context, status)


@router.get("/check", response_class=HTMLResponse)
@router.get("/check/red-flags", response_class=HTMLResponse)
def red_flags_form(request: Request) -> HTMLResponse:
    """Step 1: the warning signs, asked before anything else."""
    return _red_flags_page(request, {}, {})


@router.post("/check/red-flags", response_class=HTMLResponse)
async def red_flags_submit(request: Request) -> HTMLResponse:
    """Record the answers; an emergency goes straight to what to do now, anything else to the body map."""
    form = await request.form()
    try:
        case = read_case(form_str(form, "case"))
    except BadInput as exc:
        return _bad(request, exc)
    answers = {q.id: form_str(form, f"flag-{q.id}") for q in screening.QUESTIONS}
    history, errors = screening.answers_to_history({f"flag-{k}": v for k, v in answers.items()})
    if errors:
        return _red_flags_page(request, case, answers, errors, status=422)
    kept = {k: v for k, v in case.get("history", {}).items() if k not in screening.field_names()}
    case = {**case, "history": {**kept, **history}}
    if not case["history"]:
        del case["history"]
    assessment = assess_payload(case)
    if assessment.triage.level == "emergency":
        return _render(request, "emergency.html", {"assessment": assessment, "case": case})
    return _body_map_page(request, case, {})


# ------------------------------------------------------------------------------------- body map
def _marks(case: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    return {kind: dict(case.get(kind, {})) for kind in bodymap.KINDS}


def _body_map_page(
    request: Request,
    case: dict[str, Any],
    errors: dict[str, str],
    *,
    entries: dict[str, str] | None = None,
    story: str = "",
    reading: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    marks = _marks(case)
    selected = {
        f"{k}.{s}.{r}" for k, by_side in marks.items() for s, regions in by_side.items() for r in regions
    }
    shown = entries if entries is not None else {f: str(case.get(f, "")) for f in ABOUT_FIELDS}
    if shown.get("age", "").endswith(".0"):
        shown["age"] = shown["age"][:-2]
    context = {
        "case": case,
        "errors": errors,
        "drawings": bodymap.draw(marks),
        "regions": bodymap.region_labels(),
        "kinds": bodymap.KINDS,
        "selected": selected,
        "entries": shown,
        "story": story,
        "reading": reading,
    }
    return _render(request, "check/body_map.html", context, status)


@router.get("/check/body-map")
@router.get("/check/questions")
@router.get("/check/result")
def later_step_get() -> RedirectResponse:
    """The later steps carry the answers in a form; opened directly (a bookmark, a reload) they start over."""
    return RedirectResponse("/check/red-flags", status_code=303)


@router.post("/check/body-map", response_class=HTMLResponse)
async def body_map_submit(request: Request) -> Response:
    """Step 2: where it hurts. `go` is read (the free text), back, edit (show again) or continue."""
    form = await request.form()
    try:
        case = read_case(form_str(form, "case"))
    except BadInput as exc:
        return _bad(request, exc)
    go = form_str(form, "go")
    if go == "edit":
        return _body_map_page(request, case, {})
    new, errors = body_form.read_body_map(form, case)
    entries = {f: form_str(form, f) for f in ABOUT_FIELDS}
    story = form_str(form, "story")
    if go == "back":
        return _red_flags_page(
            request,
            new if not errors else case,
            screening.history_to_answers(case.get("history", {}), screened=True),
        )
    try:
        leaves = carry.read_json_list(form_str(form, "reading"), "reading")
    except BadInput as exc:
        return _bad(request, exc)
    if go == "read":
        reading = (
            body_form.read_words(story)
            if story.strip()
            else {"error": "Write a few words first.", "findings": []}
        )
        return _body_map_page(request, new, errors, entries=entries, story=story, reading=reading)
    kept = {str(k) for k in form.getlist("keep")}
    chosen = {
        leaf[0]: leaf[1] for leaf in leaves if isinstance(leaf, list) and len(leaf) == 2 and leaf[0] in kept
    }
    merged = carry.merge(new, chosen)
    if not any(merged.get(k) for k in bodymap.KINDS) and not chosen and "marks" not in errors:
        errors["marks"] = "Mark at least one place where you feel pain, numbness or tingling."
    if not errors:
        try:
            merged = read_case(dump_case(merged))
        except BadInput as exc:
            errors["marks"] = "; ".join(str(p) for p in exc.problems) or exc.message
    if errors:
        return _body_map_page(request, new, errors, entries=entries, story=story, status=422)
    assessment = assess_payload(merged)
    if assessment.triage.level == "emergency":  # the words or the map can reveal a warning sign too
        return _render(request, "emergency.html", {"assessment": assessment, "case": merged})
    return _question_page(request, interview_flow.start(merged))


# ------------------------------------------------------------------------------------ questions
def _question_page(request: Request, state: interview_flow.State, error: str | None = None) -> HTMLResponse:
    if state.done:
        return _result_page(request, state.case, interview=state)
    drawings = bodymap.draw() if state.question is not None and state.question.kind == "regions" else None
    context = {"state": state, "error": error, "drawings": drawings}
    return _render(request, "check/question.html", context, status=422 if error else 200)


_ANSWER_HINTS = {
    "number": "Enter a number, such as 3, or press “Not sure”.",
    "regions": "Tick the places that apply, or press “Not sure”.",
}


@router.post("/check/questions", response_class=HTMLResponse)
async def question_submit(request: Request) -> HTMLResponse:
    """Step 3: one question at a time. `go` is answer, not_sure or back; the trail makes back exact."""
    form = await request.form()
    try:
        state = interview_flow.from_form(form)
    except BadInput as exc:
        return _bad(request, exc)
    go = form_str(form, "go") or "answer"
    if go == "back":
        previous = interview_flow.back(state)
        if previous is None:
            return _body_map_page(request, state.case, {})
        return _question_page(request, previous)
    try:
        after = interview_flow.answer(state, form, go)
    except BadInput as exc:
        kind = getattr(state.question, "kind", "")
        hint = _ANSWER_HINTS.get(kind, "Choose one of the answers.")
        given = next((p.value for p in exc.problems if p.value not in (None, "")), None)
        shown = f"That answer does not fit this question (you gave {given!r}). {hint}" if given else hint
        return _question_page(request, state, error=shown)
    if after.assessment is not None and after.assessment.triage.level == "emergency":
        return _render(request, "emergency.html", {"assessment": after.assessment, "case": after.case})
    return _question_page(request, after)


# --------------------------------------------------------------------------------------- result
def _result_page(
    request: Request, case: dict[str, Any], interview: interview_flow.State | None = None
) -> HTMLResponse:
    """The result; after the interview, ``interview`` carries what "Back to the questions" needs."""
    assessment: Assessment = assess_payload(case)
    kb = load_knowledge()
    highlight: dict[str, dict[str, float]] = {}
    top = assessment.roots[:1]
    for root in top:
        highlight.setdefault(root.side, {}).update(kb.roots[root.root].dermatome)
    context = {
        "case": case,
        "a": assessment,
        "own_map": bodymap.draw(_marks(case)),
        "root_map": bodymap.draw({}, highlight) if top else None,
        "top_root": top[0] if top else None,
        "root_text": kb.advice.roots,
        "cause_text": kb.advice.causes,
        "reason_groups": result_view.reason_groups(assessment),
        "interview": interview if interview is not None and interview.trail else None,
        "told_us": result_view.told_us(case),
    }
    return _render(request, "check/result.html", context)


@router.post("/check/result", response_class=HTMLResponse)
async def result_submit(request: Request) -> HTMLResponse:
    """The assessment for the case in the form: triage first, then what it means and what helps."""
    form = await request.form()
    try:
        case = read_case(form_str(form, "case"))
    except BadInput as exc:
        return _bad(request, exc)
    return _result_page(request, case)


# ------------------------------------------------------------------------------------ education
@router.get("/learn", response_class=HTMLResponse)
def learn_index(request: Request) -> HTMLResponse:
    """The education pages, in our own words."""
    return _render(request, "learn/index.html", {"topics": education.TOPICS})


@router.get("/learn/{slug}", response_class=HTMLResponse)
def learn_topic(request: Request, slug: str) -> HTMLResponse:
    """One education page."""
    topic = education.TOPICS.get(slug)
    if topic is None:
        return _render(request, "not_found.html", {"what": f"the page '{slug}'"}, status=404)
    kb = load_knowledge()
    context = {"topic": topic, "topics": education.TOPICS, "kb": kb, "advice": kb.advice}
    return _render(request, f"learn/{slug}.html", context)
