"""Server-rendered pages for the person with symptoms: home, warning signs, body map, questions, result.

Every form is sent by POST; its handler parses it, calls the service and keeps the next page's state for a
short while (web/journey.py), then redirects to ``/check/page/<id>``, which views.py renders. So no answer
reaches a URL, and a refresh or the browser's Back never re-sends a form. The case also travels in a hidden
field (carry.py) and is validated again on every step. Every page works without JavaScript.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from nerveroot.engine.knowledge import load_knowledge
from nerveroot.errors import BadInput
from nerveroot.service import assess_payload
from nerveroot.store.journeys import SavedPage
from nerveroot.warning_signs import apply_screen, screen_answers
from nerveroot.web import body_form, bodymap, carry, education, interview_flow, journey, screening
from nerveroot.web.body_form import ABOUT_FIELDS, form_str
from nerveroot.web.carry import dump_case, read_case
from nerveroot.web.threaded import form_in_thread
from nerveroot.web.views import bad, render, render_saved

router = APIRouter(include_in_schema=False)  # pages, not API: the OpenAPI schema is the JSON API


def _page_id(form: Any) -> str:
    return form_str(form, "page_id")


# ------------------------------------------------------------------------------------------ home
@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """What nerveroot is and is not, what to do in an emergency, and where to start."""
    return render(request, "home.html", {})


@router.get("/emergency", response_class=HTMLResponse)
def emergency(request: Request) -> HTMLResponse:
    """What to do now when a warning sign is present."""
    return render(request, "emergency.html", {"assessment": None})


@router.get("/check/page/{page_id}", response_class=HTMLResponse)
def read_check_page(request: Request, page_id: str) -> HTMLResponse:
    """One step of the check, as it was when the person reached it (refresh and Back land here)."""
    return render_saved(request, journey.load(request, page_id), page_id)


# ------------------------------------------------------------------------------------ red flags
@router.get("/check", response_class=HTMLResponse)
@router.get("/check/red-flags", response_class=HTMLResponse)
def red_flags_form(request: Request) -> HTMLResponse:
    """Step 1: the warning signs, asked before anything else."""
    return render_saved(request, SavedPage("red_flags", {"case": {}, "answers": {}}, 200), "")


@router.post("/check/red-flags", response_class=HTMLResponse)
@form_in_thread
def red_flags_submit(request: Request, form: FormData) -> Response:
    """Record the answers: an emergency goes straight to what to do now, whatever is blank; otherwise every
    question needs an answer, then the body map."""
    try:
        case = read_case(form_str(form, "case"))
    except BadInput as exc:
        return bad(request, exc)
    answers, invalid = screening.read_answers({k: v for k, v in form.items() if isinstance(v, str)})
    journey.remember_answer(request, _page_id(form), {"answers": answers})
    case = apply_screen(case, answers)
    if assess_payload(case).triage.level == "emergency":
        return journey.go_to(request, "emergency", {"case": case, "back": "red_flags"})
    errors = {**screening.blank_errors(answers), **invalid}
    if errors:
        return journey.go_to(request, "red_flags", {"case": case, "answers": answers, "errors": errors}, 422)
    return journey.go_to(request, "body_map", {"case": case})


# ------------------------------------------------------------------------------------- body map
@router.get("/check/body-map")
@router.get("/check/questions")
@router.get("/check/result")
def later_step_get() -> RedirectResponse:
    """The later steps are reached by a form; opened directly (a bookmark) they start over."""
    return RedirectResponse("/check/red-flags", status_code=303)


def _emergency_from_words(
    request: Request, case: dict[str, Any], before: dict[str, Any], story: str
) -> Response:
    back = {"case": before, "story": story}
    return journey.go_to(request, "emergency", {"case": case, "back": "body_map", "body_map": back})


@router.post("/check/body-map", response_class=HTMLResponse)
@form_in_thread
def body_map_submit(request: Request, form: FormData) -> Response:
    """Step 2: where it hurts. `go` is read (the words), back, edit (show again) or continue.

    Words are always read before going on, even without "Read my description": a warning sign in them
    reaches the emergency page; otherwise the person sees what was read before continuing."""
    try:
        case = read_case(form_str(form, "case"))
        leaves = carry.read_json_list(form_str(form, "reading"), "reading")
    except BadInput as exc:
        return bad(request, exc)
    go = form_str(form, "go")
    story = form_str(form, "story")
    if go == "edit":
        return journey.go_to(request, "body_map", {"case": case, "story": story})
    new, errors = body_form.read_body_map(form, case)
    entries = {f: form_str(form, f) for f in ABOUT_FIELDS}
    if go == "back":
        back = new if not errors else case
        return journey.go_to(request, "red_flags", {"case": back, "answers": screen_answers(back)})
    unread = bool(story.strip()) and story.strip() != form_str(form, "read_story").strip()
    if go == "read" or unread:
        if not story.strip():
            reading: dict[str, Any] = {"error": "Write a few words first", "findings": []}
            state = {"case": new, "errors": errors, "entries": entries, "story": story, "reading": reading}
            return journey.go_to(request, "body_map", state)
        reading = body_form.read_words(story)
        placed, entries, reading = body_form.apply_reading(new, entries, reading)
        everything = body_form.merge_words(placed, {f["path"]: f["value"] for f in reading["findings"]})
        if _is_emergency(everything):
            return _emergency_from_words(request, everything, new, story)
        state = {"case": placed, "errors": errors, "entries": entries, "story": story, "reading": reading}
        return journey.go_to(request, "body_map", {**state, "read_story": story})
    kept = {str(k) for k in form.getlist("keep")}
    chosen = {
        leaf[0]: leaf[1]
        for leaf in leaves
        if isinstance(leaf, list) and len(leaf) == 2 and isinstance(leaf[0], str) and leaf[0] in kept
    }
    merged = body_form.merge_words(new, chosen)
    if not any(merged.get(k) for k in bodymap.KINDS) and not chosen and "marks" not in errors:
        errors["marks"] = "Mark at least one place where you feel pain, numbness or tingling."
    if not errors:
        try:
            merged = read_case(dump_case(merged))
        except BadInput as exc:
            errors["marks"] = "; ".join(str(p) for p in exc.problems) or exc.message
    if errors:
        state = {"case": new, "errors": errors, "entries": entries, "story": story}
        return journey.go_to(request, "body_map", state, 422)
    if _is_emergency(merged):  # the words or the map can reveal a warning sign too
        return _emergency_from_words(request, merged, new, story)
    return _question_or_result(request, interview_flow.start(merged))


def _is_emergency(case: dict[str, Any]) -> bool:
    try:
        return assess_payload(case).triage.level == "emergency"
    except BadInput:
        return False


# ------------------------------------------------------------------------------------ questions
def _question_or_result(request: Request, state: interview_flow.State, error: str | None = None) -> Response:
    if state.done:
        interview = {"case": state.case, "asked": state.asked, "trail": state.trail} if state.trail else None
        return journey.go_to(request, "result", {"case": state.case, "interview": interview})
    saved = {
        "case": state.case,
        "asked": state.asked,
        "trail": state.trail,
        "progress": state.progress,
        "previous": state.previous,
        "error": error,
    }
    return journey.go_to(request, "question", saved, 422 if error else 200)


_ANSWER_HINTS = {
    "number": "Enter a number, such as 3, or press “Not sure”.",
    "regions": "Tick the places that apply, or press “Not sure”.",
}


@router.post("/check/questions", response_class=HTMLResponse)
@form_in_thread
def question_submit(request: Request, form: FormData) -> Response:
    """Step 3: one question at a time. `go` is answer, not_sure or back; the trail makes back exact."""
    try:
        state = interview_flow.from_form(form)
    except BadInput as exc:
        return bad(request, exc)
    go = form_str(form, "go") or "answer"
    if go == "back":
        previous = interview_flow.back(state)
        if previous is None:
            return journey.go_to(request, "body_map", {"case": state.case})
        return _question_or_result(request, previous)
    try:
        after = interview_flow.answer(state, form, go)
    except BadInput as exc:
        kind = getattr(state.question, "kind", "")
        hint = _ANSWER_HINTS.get(kind, "Choose one of the answers.")
        given = next((p.value for p in exc.problems if p.value not in (None, "")), None)
        shown = f"That answer does not fit this question (you gave {given!r}). {hint}" if given else hint
        return _question_or_result(request, state, error=shown)
    if after.trail:
        journey.remember_answer(request, _page_id(form), {"answer": after.trail[-1].get("answer")})
    if after.assessment is not None and after.assessment.triage.level == "emergency":
        return journey.go_to(request, "emergency", {"case": after.case, "back": "questions"})
    return _question_or_result(request, after)


# --------------------------------------------------------------------------------------- result
@router.post("/check/result", response_class=HTMLResponse)
@form_in_thread
def result_submit(request: Request, form: FormData) -> Response:
    """The assessment for the case in the form: triage first, then what it means and what helps."""
    try:
        case = read_case(form_str(form, "case"))
    except BadInput as exc:
        return bad(request, exc)
    return journey.go_to(request, "result", {"case": case, "interview": None})


# ------------------------------------------------------------------------------------ education
@router.get("/learn", response_class=HTMLResponse)
def learn_index(request: Request) -> HTMLResponse:
    """The education pages, in our own words."""
    return render(request, "learn/index.html", {"topics": education.TOPICS})


@router.get("/learn/{slug}", response_class=HTMLResponse)
def learn_topic(request: Request, slug: str) -> HTMLResponse:
    """One education page."""
    topic = education.TOPICS.get(slug)
    if topic is None:
        return render(request, "not_found.html", {"what": f"the page '{slug}'"}, status=404)
    kb = load_knowledge()
    context = {"topic": topic, "topics": education.TOPICS, "kb": kb, "advice": kb.advice}
    return render(request, f"learn/{slug}.html", context)
