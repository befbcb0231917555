"""`nerveroot slots open|demo|list`: the clinic's consultation times."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.table import Table

from nerveroot.errors import BadInput, Problem

if TYPE_CHECKING:  # the store is loaded by the commands that use it, not by every start of the CLI
    from sqlalchemy.orm import Session

slots = typer.Typer(help="Consultation slots: open, list, demo.", no_args_is_help=True)
err = Console(stderr=True)
OPTIONS = {"date": "--date", "from": "--from", "to": "--to", "minutes": "--minutes"}


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(
            "bad date", [Problem("--date", "expected YYYY-MM-DD, such as 2026-12-01", value)]
        ) from None


def _time(value: str, option: str) -> time:
    try:
        parsed = datetime.strptime(value, "%H:%M").time()
    except ValueError:
        raise BadInput(
            "bad time", [Problem(option, "expected HH:MM on a 24-hour clock, such as 09:00", value)]
        ) from None
    return parsed


@slots.command("open")
def open_command(
    day: Annotated[str, typer.Option("--date", help="The day, YYYY-MM-DD (clinic time).")],
    start: Annotated[str, typer.Option("--from", help="First slot starts, HH:MM.")],
    end: Annotated[str, typer.Option("--to", help="Last slot ends by, HH:MM.")],
    minutes: Annotated[int, typer.Option("--minutes", help="Length of each slot.")] = 30,
) -> None:
    """Open consecutive slots on one day; slots that overlap existing ones are skipped and counted."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_open)(day, start, end, minutes)


def _open(day: str, start: str, end: str, minutes: int) -> None:
    from nerveroot.settings import Settings
    from nerveroot.store import Store
    from nerveroot.store.slots import open_slots, utcnow

    parsed = (_date(day), _time(start, "--from"), _time(end, "--to"))
    settings = Settings()
    store = Store(settings.database_url)
    try:
        with store.write() as session:
            opened = open_slots(
                session,
                day=parsed[0],
                start=parsed[1],
                end=parsed[2],
                minutes=minutes,
                tz=settings.tz,
                now=utcnow(),
            )
    except BadInput as exc:  # name the command's options, not the store's arguments
        problems = [Problem(OPTIONS.get(p.path, p.path), p.message, p.value) for p in exc.problems]
        raise BadInput(exc.message, problems) from None
    finally:
        store.dispose()
    err.print(
        f"opened {opened.created} slot(s) on {parsed[0]}; skipped {opened.skipped} (overlapping or past)"
    )


@slots.command("demo")
def demo_command(
    days: Annotated[int, typer.Option("--days", min=1, max=60, help="How many days ahead.")] = 14,
) -> None:
    """Top up weekday demo slots (09:00-12:00, 13:30-17:00) to DAYS days ahead: each weekday that has no
    slot yet gets them, so a demo restarted weeks later still has free times. Days with slots are left as
    they are (closed slots stay closed)."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_demo)(days)


def _demo(days: int) -> None:
    from nerveroot.settings import Settings
    from nerveroot.store import Store

    settings = Settings()
    store = Store(settings.database_url)
    try:
        with store.write() as session:
            created, topped = top_up_demo_slots(session, days=days, tz=settings.tz)
    finally:
        store.dispose()
    if created:
        err.print(f"opened {created} demo slot(s) on {topped} day(s), up to {days} days ahead")
    else:
        err.print(f"every weekday of the next {days} days has slots; none opened")


def top_up_demo_slots(
    session: Session, *, days: int, tz: ZoneInfo, now: datetime | None = None
) -> tuple[int, int]:
    """(slots opened, days topped up): the demo day's slots on every weekday ahead that has none."""
    from nerveroot.store.slots import DEMO_DAY, all_slots, open_slots, utcnow

    now = now or utcnow()
    today = now.astimezone(tz).date()
    have = {slot.start.astimezone(tz).date() for slot in all_slots(session, start=now)}
    created = topped = 0
    morning_from, morning_to, afternoon_from, afternoon_to = DEMO_DAY
    for offset in range(1, days + 1):
        day = today + timedelta(days=offset)
        if day.weekday() >= 5 or day in have:
            continue
        for start, end in ((morning_from, morning_to), (afternoon_from, afternoon_to)):
            created += open_slots(session, day=day, start=start, end=end, minutes=30, tz=tz, now=now).created
        topped += 1
    return created, topped


@slots.command("close")
def close_command(
    ids: Annotated[list[int], typer.Argument(help="Ids of open slots to close (see nerveroot slots list).")],
) -> None:
    """Close open slots so nobody can book them; a booked slot must have its booking cancelled first."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_close)(ids)


def _close(ids: list[int]) -> None:
    from nerveroot.settings import Settings
    from nerveroot.store import Store
    from nerveroot.store.slots import close_slot

    store = Store(Settings().database_url)
    try:
        for slot_id in ids:
            with store.write() as session:
                close_slot(session, slot_id=slot_id)
            err.print(f"slot {slot_id} closed")
    finally:
        store.dispose()


@slots.command("list")
def list_command(
    every: Annotated[bool, typer.Option("--all", help="Include past slots.")] = False,
) -> None:
    """List slots with their status, earliest first (future ones only unless --all).

    A booked slot shows its booking reference and the triage level of the attached assessment, so the
    clinic sees at a glance who should be called first.
    """
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_list)(every)


def _list(every: bool) -> None:
    from nerveroot.settings import Settings
    from nerveroot.store import Store
    from nerveroot.store.bookings import active_bookings
    from nerveroot.store.slots import all_slots, utcnow

    settings = Settings()
    store = Store(settings.database_url)
    try:
        with store.read() as session:
            rows = all_slots(session, start=None if every else utcnow())
            held = active_bookings(session, slot_ids=[s.id for s in rows])
    finally:
        store.dispose()
    table = Table(title=f"Slots ({settings.clinic_timezone})")
    for column in ("id", "day", "from", "to", "status", "booking", "triage"):
        table.add_column(column)
    for slot in rows:
        start, end = slot.start.astimezone(settings.tz), slot.end.astimezone(settings.tz)
        booking = held.get(slot.id)
        table.add_row(
            str(slot.id), f"{start:%a %Y-%m-%d}", f"{start:%H:%M}", f"{end:%H:%M}", slot.status,
            booking.reference if booking else "", (booking.triage_level or "-") if booking else "",
        )  # fmt: skip
    Console().print(table)
    err.print(f"{len(rows)} slot(s), {sum(s.status == 'open' for s in rows)} open")


def register(app: typer.Typer) -> None:
    app.add_typer(slots, name="slots")
