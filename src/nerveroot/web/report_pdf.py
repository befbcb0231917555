"""The person's result as a PDF (export/report.py), linked from the result page and from the booked result.

Each PDF is made from the same kept state as the page it comes from: the check's kept result page (only for
the browser that holds it), or the booking's own copy (only with the booking's token). Nothing is cached.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from nerveroot.api.deps import UowDep
from nerveroot.errors import NotFound
from nerveroot.store.bookings import find_booking
from nerveroot.web import journey
from nerveroot.web.views import render, templates

router = APIRouter(include_in_schema=False)
_HEADERS = {**journey.NO_STORE, "X-Content-Type-Options": "nosniff"}


def _pdf(request: Request, case: dict[str, Any]) -> Response:
    from nerveroot.export.report import render_pdf

    pdf = render_pdf(case, "person", base_url=str(request.base_url))
    disposition = {"Content-Disposition": 'inline; filename="nerveroot-result.pdf"'}
    return Response(pdf, media_type="application/pdf", headers={**_HEADERS, **disposition})


@router.get("/check/page/{page_id}/result.pdf", response_model=None)
def result_pdf(request: Request, page_id: str) -> Response:
    """The result page of the check as a PDF: the same page, laid out for paper."""
    saved = journey.load(request, page_id)
    if saved is None or saved.page != "result":
        minutes = request.app.state.settings.journey_minutes
        return render(request, "check/expired.html", {"minutes": minutes}, 404, journey.NO_STORE)
    return _pdf(request, saved.state["case"])


@router.get("/book/{reference}/result.pdf", response_model=None)
def booked_result_pdf(*, request: Request, reference: str, uow: UowDep, token: str = "") -> Response:
    """The result a person booked with, as a PDF (the booking's token is needed, as for the page)."""
    try:
        with uow.read() as session:
            booking = find_booking(session, reference=reference, token=token)
    except NotFound:  # a wrong token gets the same answer: it never tells whether a reference exists
        context = {
            "title": "Booking not found",
            "message": "Please use the full link from your confirmation.",
        }
        return templates.TemplateResponse(request, "booking/problem.html", context, 404, headers=_HEADERS)
    if not booking.case_json:
        context = {
            "title": "No answers with this booking",
            "message": "It was booked without the online check.",
        }
        return templates.TemplateResponse(request, "booking/problem.html", context, 404, headers=_HEADERS)
    return _pdf(request, booking.case_json)
