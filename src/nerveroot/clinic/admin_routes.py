"""The admin pages: open and close slots (one day, or the same hours every week), see and cancel bookings,
export them as CSV, read the audit log, and a person's record exported (JSON) or erased."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, time, timedelta

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from nerveroot.api.deps import SettingsDep, UowDep
from nerveroot.clinic import audit, privacy
from nerveroot.clinic.accounts import Staff, list_users
from nerveroot.clinic.permissions import CurrentAdmin, actor
from nerveroot.clinic.web import CsrfDep, now, page, posted, text
from nerveroot.errors import BadInput, Problem
from nerveroot.settings import Settings
from nerveroot.store.bookings import cancel_by_clinic
from nerveroot.store.db import UnitOfWork
from nerveroot.store.models import Booking, Slot
from nerveroot.store.slots import all_slots, close_slot, open_slots

router = APIRouter(include_in_schema=False)
MAX_WEEKS = 26


def _overview(uow: UnitOfWork, staff: Staff) -> dict[str, object]:
    with uow.write() as session:
        slots = all_slots(session, start=now() - timedelta(days=1))[:400]
        bookings = list(session.execute(
            select(Booking, Slot).join(Slot, Slot.id == Booking.slot_id).where(Slot.start >= now() - timedelta(days=30))
            .order_by(Slot.start)
        ).all())  # fmt: skip
        users = list_users(session)
        audit.record(
            session, actor=actor(staff), action="admin", now=now(), what="admin overview (bookings list)"
        )
    return {"slots": slots, "bookings": bookings, "users": users}


@router.get("/clinic/admin", response_class=HTMLResponse)
def read_admin(
    *, request: Request, staff: CurrentAdmin, uow: UowDep, csrf: CsrfDep, settings: SettingsDep
) -> HTMLResponse:
    """Slots, bookings, accounts; links to the CSV export and the audit log."""
    context = {**_overview(uow, staff), "tz": settings.tz, "message": request.query_params.get("done", "")}
    return page(request, csrf, "clinic/admin.html", context, staff=staff)


def _open(uow: UnitOfWork, staff: Staff, *, settings: Settings, day: date, start: time, end: time, minutes: int,
          weeks: int) -> int:  # fmt: skip
    created = 0
    with uow.write() as session:
        for week in range(weeks):
            opened = open_slots(session, day=day + timedelta(weeks=week), start=start, end=end, minutes=minutes,
                                tz=settings.tz, now=now())  # fmt: skip
            created += opened.created
        audit.record(session, actor=actor(staff), action="admin", now=now(), what=f"opened {created} slot(s)")
    return created


@router.post("/clinic/admin/slots", response_model=None)
async def open_slots_form(*, request: Request, staff: CurrentAdmin, uow: UowDep, csrf: CsrfDep,
                          settings: SettingsDep) -> Response:  # fmt: skip
    """Open slots on a day (or on the same weekday for several weeks)."""
    form = await posted(request, csrf)
    try:
        day = date.fromisoformat(text(form, "date", 20))
        start, end = time.fromisoformat(text(form, "from", 10)), time.fromisoformat(text(form, "to", 10))
        minutes, weeks = int(text(form, "minutes", 5) or "30"), int(text(form, "weeks", 5) or "1")
    except ValueError:
        raise BadInput("the slots cannot be opened", [Problem("date", "give a date (YYYY-MM-DD), times (HH:MM) and whole minutes")]) from None  # fmt: skip
    if not 1 <= weeks <= MAX_WEEKS:
        raise BadInput("too many weeks", [Problem("weeks", f"expected 1 to {MAX_WEEKS}", weeks)])
    created = await run_in_threadpool(
        lambda: _open(
            uow, staff, settings=settings, day=day, start=start, end=end, minutes=minutes, weeks=weeks
        )
    )
    return RedirectResponse(f"/clinic/admin?done=opened+{created}+slots", status_code=303)


def _close(uow: UnitOfWork, staff: Staff, slot_id: int) -> None:
    with uow.write() as session:
        close_slot(session, slot_id=slot_id)
        audit.record(session, actor=actor(staff), action="admin", now=now(), what=f"closed slot {slot_id}")


@router.post("/clinic/admin/slots/{slot_id}/close", response_model=None)
async def close_slot_form(
    *, request: Request, slot_id: int, staff: CurrentAdmin, uow: UowDep, csrf: CsrfDep
) -> Response:
    """Close an open slot (a booked one needs its booking cancelled first)."""
    await posted(request, csrf)
    await run_in_threadpool(_close, uow, staff, slot_id)
    return RedirectResponse("/clinic/admin?done=slot+closed", status_code=303)


def _cancel(uow: UnitOfWork, staff: Staff, reference: str) -> None:
    with uow.write() as session:
        booking = cancel_by_clinic(session, reference=reference, now=now())
        audit.record(
            session,
            actor=actor(staff),
            action="admin",
            now=now(),
            what=f"cancelled booking {booking.reference}",
        )


@router.post("/clinic/admin/bookings/{reference}/cancel", response_model=None)
async def cancel_booking_form(
    *, request: Request, reference: str, staff: CurrentAdmin, uow: UowDep, csrf: CsrfDep
) -> Response:
    """Cancel a booking for the clinic and free its slot."""
    await posted(request, csrf)
    await run_in_threadpool(_cancel, uow, staff, reference)
    return RedirectResponse("/clinic/admin?done=booking+cancelled", status_code=303)


@router.get("/clinic/admin/bookings.csv", response_model=None)
def export_bookings(*, staff: CurrentAdmin, uow: UowDep, settings: SettingsDep) -> Response:
    """Every booking as CSV: reference, time, status, urgency, name, email, phone (no answers)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["reference", "start", "status", "triage_level", "name", "email", "phone", "booked_at"])
    with uow.write() as session:
        rows = session.execute(
            select(Booking, Slot).join(Slot, Slot.id == Booking.slot_id).order_by(Slot.start)
        ).all()
        for b, s in rows:
            status = "cancelled" if b.cancelled_at else "booked"
            writer.writerow([b.reference, s.start.astimezone(settings.tz).isoformat(), status, b.triage_level or "",
                             _cell(b.name), _cell(b.email), _cell(b.phone), b.created_at.isoformat()])  # fmt: skip
        audit.record(
            session, actor=actor(staff), action="export", now=now(), what=f"bookings CSV ({len(rows)} rows)"
        )
    headers = {"Content-Disposition": 'attachment; filename="bookings.csv"', "Cache-Control": "no-store"}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def _cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@router.get("/clinic/admin/audit", response_class=HTMLResponse)
def read_audit(*, request: Request, staff: CurrentAdmin, uow: UowDep, csrf: CsrfDep, episode: int | None = None,
               before: int | None = None) -> HTMLResponse:  # fmt: skip
    """The audit log, newest first (500 a page), optionally for one episode."""
    with uow.write() as session:
        rows = audit.entries(session, episode_id=episode, before_id=before)
        audit.record(session, actor=actor(staff), action="admin", now=now(), what="audit log read")
    return page(request, csrf, "clinic/audit.html", {"rows": rows, "episode": episode}, staff=staff)


@router.get("/clinic/admin/episodes/{episode_id}/export.json", response_model=None)
def export_episode(*, episode_id: int, staff: CurrentAdmin, uow: UowDep) -> Response:
    """Everything held about the person of this episode (subject access), as JSON."""
    with uow.write() as session:
        data = privacy.export_record(session, episode_id, actor=actor(staff), now=now())
    headers = {
        "Content-Disposition": f'attachment; filename="episode-{episode_id}.json"',
        "Cache-Control": "no-store",
    }
    return Response(
        json.dumps(data, ensure_ascii=False, indent=1), media_type="application/json", headers=headers
    )


def _erase(uow: UnitOfWork, staff: Staff, episode_id: int) -> None:
    with uow.write() as session:
        privacy.erase_episode(session, episode_id, actor=actor(staff), now=now())


@router.post("/clinic/admin/episodes/{episode_id}/erase", response_model=None)
async def erase_episode(
    *, request: Request, episode_id: int, staff: CurrentAdmin, uow: UowDep, csrf: CsrfDep
) -> Response:
    """Erase the person's record (confirm=yes needed); the audit log keeps who did it, without health data."""
    form = await posted(request, csrf)
    if text(form, "confirm", 5) != "yes":
        raise BadInput("not confirmed", [Problem("confirm", "tick the box to confirm the erasure")])
    await run_in_threadpool(_erase, uow, staff, episode_id)
    return RedirectResponse("/clinic/admin?done=record+erased", status_code=303)
