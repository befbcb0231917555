"""POST /api/v1/assess: a case, or {"text": ...}, in; an assessment out (the contract of PRODUCT.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from nerveroot.service import assess_payload

router = APIRouter(tags=["assess"])

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


@router.post("/assess", responses={200: {"description": "the assessment"}})
async def create_assessment(
    payload: Annotated[dict[str, Any], Body(openapi_examples=_EXAMPLES)],
) -> Response:
    """Assess one case: triage first, then pattern, root, cause, reasons and advice."""
    # The engine is pure and takes about a millisecond, so it runs on the event loop: handing it to the
    # thread pool would cost more than the work. The model is serialised once, by pydantic-core.
    # Free text goes to the thread pool: the text reader is heavier and must not stall other requests.
    if "text" in payload:
        assessment = await run_in_threadpool(assess_payload, payload)
    else:
        assessment = assess_payload(payload)
    return Response(assessment.model_dump_json(), media_type="application/json")
