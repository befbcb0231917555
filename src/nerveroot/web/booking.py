"""Booking pages: choose a free slot, give contact details, get a reference, a cancel link and a calendar file.

The result page's Book button POSTs the case to /book/start, which keeps it server-side for a short while
(web/journey.py) and redirects to /book/new/<id>: no answer is ever in a URL. The booking form carries the
case in its POST body; once booked, the result stays reachable (and printable) from the confirmation.

The forms are protected against cross-site request forgery by fastapi-csrf-protect (a signed
double-submit cookie), applied to these routes only. Pages that carry the cancel token in their address
send no Referer and are not cached.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi_csrf_protect import CsrfProtect
from fastapi_csrf_protect.exceptions import CsrfProtectError
from icalendar import Calendar, Event
from pydantic import ValidationError
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException

from nerveroot.api.booking_flow import BookingCreate, check_idempotency_key, place_booking
from nerveroot.api.deps import NowDep, SettingsDep, UowDep
from nerveroot.api.errors import http_error
from nerveroot.api.ratelimit import limit
from nerveroot.errors import BadInput, Conflict, NerverootError, NotFound
from nerveroot.service import assess_payload
from nerveroot.settings import Settings
from nerveroot.store.bookings import cancel_booking, find_booking
from nerveroot.store.db import UnitOfWork
from nerveroot.store.models import Booking, Slot
from nerveroot.store.slots import free_slots
from nerveroot.web import journey
from nerveroot.web.threaded import form_in_thread
from nerveroot.web.views import render, result_context, templates

router = APIRouter(tags=["booking pages"], include_in_schema=False)
CsrfDep = Annotated[CsrfProtect, Depends()]
PRIVATE = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
FIELDS = ("slot_id", "name", "email", "phone", "consent")
URGENT_LEVELS = ("emergency", "urgent")


def configure_csrf(settings: Settings) -> None:
    """Give fastapi-csrf-protect its settings (it keeps them on the class, once per process)."""
    config = [
        ("secret_key", settings.signing_key()),
        ("token_location", "body"),
        ("token_key", "csrf_token"),
        ("cookie_key", "nerveroot_csrf"),
        ("cookie_samesite", "strict"),
        ("cookie_secure", settings.cookies_secure),
        ("max_age", 4 * 3600),
    ]
    CsrfProtect.load_config(lambda: config)


@dataclass(frozen=True)
class Day:
    day: date
    slots: list[Slot]


def _days(slots: list[Slot], settings: Settings) -> list[Day]:
    by_day: dict[date, list[Slot]] = {}
    for slot in slots:
        by_day.setdefault(slot.start.astimezone(settings.tz).date(), []).append(slot)
    return [Day(day, day_slots) for day, day_slots in by_day.items()]


def _window(settings: Settings, now: datetime) -> tuple[datetime, datetime]:
    today = now.astimezone(settings.tz).date()
    last = today + timedelta(days=settings.booking_days + 1)
    return now, datetime.combine(last, time(0), tzinfo=settings.tz)


def _free_slots(uow: UnitOfWork, start: datetime, end: datetime) -> list[Slot]:
    with uow.read() as session:
        return free_slots(session, start=start, end=end)


def _case_and_triage(case_text: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None, str | None]:
    """The case carried from the result page, its assessment's triage, or a note why it was dropped."""
    if not case_text.strip():
        return None, None, None
    try:
        case = json.loads(case_text)
        if not isinstance(case, dict):
            raise ValueError("not an object")
        triage = assess_payload(case).triage.model_dump()
    except (ValueError, RecursionError, NerverootError):
        return None, None, "Your answers could not be read, so the booking will be made without them."
    return case, triage, None


def _render_form(
    request: Request,
    *,
    csrf: CsrfProtect,
    settings: Settings,
    slots: list[Slot],
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    case, triage, case_note = _case_and_triage(values.get("case", ""))
    token, signed = csrf.generate_csrf_tokens()
    response = templates.TemplateResponse(
        request,
        "booking/book.html",
        {
            "days": _days(slots, settings),
            "tz": settings.tz,
            "values": values,
            "errors": errors,
            "case_json": json.dumps(case) if case is not None else "",
            "result_page": values.get("result_page", "") if case is not None else "",
            "triage": triage if triage and triage["level"] in URGENT_LEVELS else None,
            "case_note": case_note,
            "csrf_token": token,
            "idempotency_key": values.get("idempotency_key") or secrets.token_urlsafe(18),
            "clinic_name": settings.clinic_name,
            "labels": FIELD_LABELS,
        },
        status_code=status_code,
    )
    csrf.set_csrf_cookie(signed, response)
    return response


@router.get("/book", response_class=HTMLResponse, dependencies=[Depends(limit("slots"))])
def read_booking_form(
    *, request: Request, uow: UowDep, settings: SettingsDep, now: NowDep, csrf: CsrfDep
) -> HTMLResponse:
    """Free slots for the booking window, grouped by day, and the contact form (without answers attached)."""
    start, end = _window(settings, now)
    slots = _free_slots(uow, start, end)
    return _render_form(request, csrf=csrf, settings=settings, slots=slots, values={}, errors={})


@router.post("/book/start", response_model=None)
@form_in_thread
def start_booking(request: Request, form: FormData) -> Response:
    """The result page's Book button: keep the case for the booking form, server-side, and go there."""
    raw = form.get("case")
    result_page = form.get("result_page")
    state = {
        "case": raw[:60_000] if isinstance(raw, str) else "",  # read (or dropped with a note) by the form
        "result_page": result_page[:64] if isinstance(result_page, str) else "",
    }
    return journey.go_to(request, "booking", state, prefix="/book/new/")


@router.get("/book/new/{page_id}", response_class=HTMLResponse)
def read_booking_form_for_result(
    *,
    request: Request,
    page_id: str,
    uow: UowDep,
    settings: SettingsDep,
    now: NowDep,
    csrf: CsrfDep,
) -> HTMLResponse:
    """The booking form with the person's answers attached (kept server-side; none in this address)."""
    saved = journey.load(request, page_id)
    values: dict[str, str] = {}
    if saved is not None and saved.page == "booking":
        values = {"case": str(saved.state["case"]), "result_page": str(saved.state.get("result_page", ""))}
    start, end = _window(settings, now)
    slots = _free_slots(uow, start, end)
    response = _render_form(request, csrf=csrf, settings=settings, slots=slots, values=values, errors={})
    response.headers.update(journey.NO_STORE)
    return response


FORM_MESSAGES = {
    "slot_id": "Choose a time for your consultation.",
    "phone": "Please give a phone number we can call: 7 to 15 digits, such as 020 7946 0958.",
    "consent": "We can only book if you agree that we store these details.",
}
FIELD_LABELS = {
    "slot_id": "Time",
    "name": "Name",
    "email": "Email address",
    "phone": "Phone number",
    "consent": "Consent",
}


def _form_errors(exc: ValidationError) -> dict[str, str]:
    """Plain words beside each field, one message per field."""
    errors: dict[str, str] = {}
    for err in exc.errors():
        field = str(err["loc"][0]) if err["loc"] else "form"
        message = str(err["msg"]).removeprefix("Value error, ")
        if field == "name":
            message = "Please give your name." if err["type"] in ("string_too_short", "missing") else message
        elif field == "email":
            reason = message.split("email address: ", 1)[-1] if "email address: " in message else ""
            message = f"Please check your email address. {reason}".strip()
        message = FORM_MESSAGES.get(field, message)
        errors.setdefault(field if field in FIELDS else "form", message)
    return errors


@router.post(
    "/book", response_class=HTMLResponse, response_model=None, dependencies=[Depends(limit("booking"))]
)
async def create_booking_from_form(
    *, request: Request, uow: UowDep, settings: SettingsDep, now: NowDep, csrf: CsrfDep
) -> Response:
    """Book, or show the form again with each problem beside its field and the entries kept."""
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    start, end = _window(settings, now)
    try:
        await csrf.validate_csrf(request)
    except CsrfProtectError:  # nothing is booked; the form comes back, entries kept, with a fresh token
        expired = {
            "form": "This form had expired, so nothing was booked yet. Please check and send it again."
        }
        slots = await run_in_threadpool(_free_slots, uow, start, end)
        return _render_form(
            request, csrf=csrf, settings=settings, slots=slots, values=values, errors=expired, status_code=403
        )
    case, _, case_note = _case_and_triage(values.get("case", ""))
    raw = {
        "slot_id": values.get("slot_id") or None,
        "name": values.get("name", ""),
        "email": values.get("email", ""),
        "phone": values.get("phone", ""),
        "consent": values.get("consent") == "yes",
        "case": case,
    }
    errors: dict[str, str] = {}
    status_code = 422
    try:
        key = check_idempotency_key(values.get("idempotency_key"), "idempotency_key")
        made = await run_in_threadpool(
            place_booking,
            uow,
            BookingCreate.model_validate(raw),
            now=now,
            key=key,
            secret=settings.signing_key(),
            max_per_contact=settings.max_future_bookings,
            settings=settings,
        )
    except ValidationError as exc:
        errors = _form_errors(exc)
    except Conflict as exc:
        errors = _conflict_errors(exc)
        status_code = 409
    except BadInput as exc:
        if any(p.path == "idempotency_key" for p in exc.problems):  # an edited hidden field
            return _problem(request, 422, "This page could not be used", "Please reload the booking page.")
        errors = {"slot_id": "This time is no longer available. Please choose another."}
        if any(p.path.startswith("case") for p in exc.problems):
            errors = {"form": case_note or "Your answers could not be attached; please start again."}
    else:
        target = f"/book/{quote(made.reference)}?token={quote(made.cancel_token or '')}"
        return RedirectResponse(target, status_code=303, headers=PRIVATE)
    slots = await run_in_threadpool(_free_slots, uow, start, end)
    return _render_form(
        request,
        csrf=csrf,
        settings=settings,
        slots=slots,
        values=values,
        errors=errors,
        status_code=status_code,
    )


def _conflict_errors(exc: Conflict) -> dict[str, str]:
    """A taken slot, too many bookings for these details, or this form already used for another booking."""
    paths = {p.path for p in exc.problems}
    if "email" in paths:
        return {"email": "These details already hold the most upcoming bookings allowed. Please cancel one "
                "first, or telephone the clinic."}  # fmt: skip
    if "Idempotency-Key" in paths:
        return {"form": "This form was already used for a booking. Please reload the page to book again."}
    return {"slot_id": "Someone has just booked this time. Please choose another."}


HTML_TITLES = {404: "Page not found", 405: "This page cannot be used that way"}


async def html_or_json_error(request: Request, exc: Exception) -> Response:
    """A person's browser gets a page it can read; API callers and other clients keep the JSON error."""
    assert isinstance(exc, HTTPException)
    wants_html = "text/html" in request.headers.get("accept", "")
    if not wants_html or request.url.path.startswith("/api/"):
        return await http_error(request, exc)
    title = HTML_TITLES.get(exc.status_code, "Something went wrong")
    return _problem(request, exc.status_code, title, "Check the address, or start again from the home page.")


def _problem(request: Request, status_code: int, title: str, message: str) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "booking/problem.html",
        {"title": title, "message": message},
        status_code=status_code,
        headers=PRIVATE,
    )


def _lookup(uow: UnitOfWork, reference: str, token: str, request: Request) -> Booking | HTMLResponse:
    try:
        with uow.read() as session:
            return find_booking(session, reference=reference, token=token)
    except NotFound:  # a wrong token gets the same answer: it never tells whether a reference exists
        return _problem(
            request,
            404,
            "Booking not found",
            "Check the reference and use the full link from your confirmation.",
        )


def _booking_context(booking: Booking, token: str, settings: Settings) -> dict[str, Any]:
    ref, tok = quote(booking.reference), quote(token)
    return {
        "url": f"/book/{ref}?token={tok}",
        "booking": booking,
        "start": booking.slot.start.astimezone(settings.tz),
        "end": booking.slot.end.astimezone(settings.tz),
        "token": token,
        "cancel_url": f"/book/{ref}/cancel?token={tok}",
        "calendar_url": f"/book/{ref}/calendar.ics?token={tok}",
        "result_url": f"/book/{ref}/result?token={tok}",
        "clinic_name": settings.clinic_name,
    }


@router.get("/book/{reference}", response_class=HTMLResponse)
def read_confirmation(
    *, request: Request, reference: str, uow: UowDep, settings: SettingsDep, token: str = ""
) -> HTMLResponse:
    """The confirmation: reference, time, cancel link and calendar file."""
    booking = _lookup(uow, reference, token, request)
    if isinstance(booking, HTMLResponse):
        return booking
    context = _booking_context(booking, token, settings)
    page = "booking/cancelled.html" if booking.cancelled_at else "booking/confirmed.html"
    return templates.TemplateResponse(request, page, context, headers=PRIVATE)


@router.get("/book/{reference}/result", response_class=HTMLResponse)
def read_booked_result(
    *, request: Request, reference: str, uow: UowDep, settings: SettingsDep, token: str = ""
) -> HTMLResponse:
    """The result the person booked with, from the booking's own copy: reachable and printable after booking."""
    booking = _lookup(uow, reference, token, request)
    if isinstance(booking, HTMLResponse):
        return booking
    if not booking.case_json:
        return _problem(
            request, 404, "No answers with this booking", "It was booked without the online check."
        )
    context = {
        **result_context(booking.case_json),
        "booked": _booking_context(booking, token, settings)["url"],
    }
    return render(request, "check/result.html", context, headers=PRIVATE)


@router.get("/book/{reference}/cancel", response_class=HTMLResponse)
def read_cancel_form(
    *,
    request: Request,
    reference: str,
    uow: UowDep,
    settings: SettingsDep,
    csrf: CsrfDep,
    token: str = "",
) -> HTMLResponse:
    """Ask before cancelling: a link alone (or a mail scanner following it) never cancels."""
    booking = _lookup(uow, reference, token, request)
    if isinstance(booking, HTMLResponse):
        return booking
    csrf_token, signed = csrf.generate_csrf_tokens()
    context = {**_booking_context(booking, token, settings), "csrf_token": csrf_token}
    response = templates.TemplateResponse(request, "booking/cancel.html", context, headers=PRIVATE)
    csrf.set_csrf_cookie(signed, response)
    return response


@router.post("/book/{reference}/cancel", response_class=HTMLResponse, dependencies=[Depends(limit("cancel"))])
async def cancel_from_form(
    *,
    request: Request,
    reference: str,
    uow: UowDep,
    settings: SettingsDep,
    now: NowDep,
    csrf: CsrfDep,
) -> HTMLResponse:
    """Cancel the booking and free its slot."""
    form = await request.form()
    try:
        await csrf.validate_csrf(request)
    except CsrfProtectError:
        return _problem(request, 403, "This form has expired", "Please open the cancel link again.")
    token = form.get("token")
    booking = await run_in_threadpool(
        _lookup, uow, reference, token if isinstance(token, str) else "", request
    )
    if isinstance(booking, HTMLResponse):
        return booking
    await run_in_threadpool(_cancel, uow, booking.reference, str(token), now)
    context = _booking_context(booking, str(token), settings)
    return templates.TemplateResponse(request, "booking/cancelled.html", context, headers=PRIVATE)


def _cancel(uow: UnitOfWork, reference: str, token: str, now: datetime) -> None:
    with uow.write() as session:
        cancel_booking(session, reference=reference, token=token, now=now)


@router.get("/book/{reference}/calendar.ics", response_model=None)
def read_calendar_file(
    *,
    request: Request,
    reference: str,
    uow: UowDep,
    settings: SettingsDep,
    now: NowDep,
    token: str = "",
) -> Response:
    """The appointment as an iCalendar file, for the person's own calendar."""
    booking = _lookup(uow, reference, token, request)
    if isinstance(booking, HTMLResponse):
        return booking
    # From the configured public address, never from the request's Host header (which anyone can set).
    path = _booking_context(booking, token, settings)["cancel_url"]
    cancel_url = f"{settings.public_url}{path}" if settings.public_url else None
    body = booking_calendar(
        booking, clinic_name=settings.clinic_name, cancel_url=cancel_url, now=now.astimezone(UTC)
    )
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={**PRIVATE, "Content-Disposition": f'attachment; filename="{booking.reference}.ics"'},
    )


def booking_calendar(booking: Booking, *, clinic_name: str, cancel_url: str | None, now: datetime) -> bytes:
    """One booking as an iCalendar (RFC 5545) event."""
    calendar = Calendar()
    calendar.add("prodid", "-//nerveroot//booking//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{booking.reference}@nerveroot")
    event.add("dtstamp", now)
    event.add("dtstart", booking.slot.start)
    event.add("dtend", booking.slot.end)
    event.add("summary", f"New-patient consultation, {clinic_name}")
    event.add(
        "description",
        f"Booking reference {booking.reference}. To cancel: "
        f"{cancel_url or 'use the cancel link on your confirmation page'}\n"
        "The online assessment supports the clinician's judgement; it is not a diagnosis.",
    )
    event.add("status", "CANCELLED" if booking.cancelled_at else "CONFIRMED")
    calendar.add_component(event)
    body: bytes = calendar.to_ical()
    return body
