"""POST /api/v1/assess: a case, or {"text": ...}, in; an assessment out (the contract of PRODUCT.md)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from nerveroot.api.jsonbody import SafeJsonRoute
from nerveroot.api.openapi import responses
from nerveroot.errors import BadInput, CaseError, Problem
from nerveroot.safe_json import loads_case
from nerveroot.service import assess_payload

router = APIRouter(tags=["assess"], route_class=SafeJsonRoute)

_EXAMPLES: dict[str, Any] = {
    "case": {
        "summary": "a structured case",
        "value": {
            "age": 38,
            "pain": {"left": ["low_back", "buttock", "posterior_thigh", "lateral_calf", "dorsum_foot"]},
            "numbness": {"left": ["dorsum_foot", "great_toe"]},
            "weakness": {"left": {"great_toe_extension": 4}},
        },
    },
    "text": {"summary": "free text", "value": {"text": "Shooting pain down my left leg into the big toe."}},
}
_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": 'a case (docs/case-format.md), or {"text": "..."} read by the free-text reader',
        "content": {"application/json": {"schema": {"type": "object"}, "examples": _EXAMPLES}},
    }
}


@router.post(
    "/assess",
    openapi_extra=_BODY,
    responses={200: {"description": "the assessment"}, **responses(422)},
)
async def create_assessment(request: Request) -> Response:
    """Assess one case: triage first, then pattern, root, cause, reasons and advice."""
    # The body is decoded here, once, by the case module's own reader (which also refuses a finding given
    # twice with different values), rather than by FastAPI and then again by the case model.
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput("the body is not UTF-8", [Problem("body", "expected JSON text in UTF-8")]) from None
    try:
        payload = loads_case(text, where="the request body")
    except CaseError as exc:  # say "body" for the place, as every other API error does
        problems = [_in_body(p) for p in exc.problems]
        raise CaseError(exc.message, problems) from None
    if not isinstance(payload, dict):
        raise BadInput(
            "the body must be a JSON object",
            [
                Problem(
                    "body", 'expected a case such as {"age": 47} or {"text": "..."}', type(payload).__name__
                )
            ],
        )
    # The engine is pure and takes well under a millisecond, so it runs on the event loop: the thread
    # pool would cost more than the work. Free text goes to the pool: the reader is heavier.
    if "text" in payload:
        assessment = await run_in_threadpool(assess_payload, payload)
    else:
        assessment = assess_payload(payload)
    return Response(assessment.model_dump_json(), media_type="application/json")


def _in_body(problem: Problem) -> Problem:
    if problem.path.startswith("line "):
        return Problem("body", f"is not valid JSON: {problem.message} at {problem.path}")
    return problem if problem.path else Problem("body", problem.message, problem.value)
