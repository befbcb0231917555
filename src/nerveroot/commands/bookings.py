"""`nerveroot bookings list|cancel`: the clinic's side of bookings (no cancel token needed here)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

bookings = typer.Typer(help="Bookings: list them, cancel one for the clinic.", no_args_is_help=True)
err = Console(stderr=True)


@bookings.command("cancel")
def cancel_command(
    reference: Annotated[str, typer.Argument(help="The booking reference, such as NR-7KQ4-M2XD.")],
) -> None:
    """Cancel a booking on the clinic's side and free its slot (cancelling twice is harmless)."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_cancel)(reference)


def _cancel(reference: str) -> None:
    from nerveroot.settings import Settings
    from nerveroot.store import Store
    from nerveroot.store.bookings import cancel_by_clinic
    from nerveroot.store.slots import utcnow

    settings = Settings()
    store = Store(settings.database_url)
    try:
        with store.write() as session:
            booking = cancel_by_clinic(session, reference=reference, now=utcnow())
            start = booking.slot.start.astimezone(settings.tz)
            by = booking.cancelled_by
    finally:
        store.dispose()
    who = "by the clinic" if by == "clinic" else "earlier by the person"
    err.print(f"booking {booking.reference} ({start:%a %Y-%m-%d %H:%M}) is cancelled {who}; the slot is free")


@bookings.command("list")
def list_command(
    every: Annotated[bool, typer.Option("--all", help="Include past and cancelled bookings.")] = False,
) -> None:
    """Upcoming bookings, earliest first, with the triage level of the attached assessment."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_list)(every)


def _list(every: bool) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm import joinedload

    from nerveroot.settings import Settings
    from nerveroot.store import Booking, Slot, Store
    from nerveroot.store.slots import utcnow

    settings = Settings()
    store = Store(settings.database_url)
    query = select(Booking).options(joinedload(Booking.slot)).join(Slot).order_by(Slot.start, Booking.id)
    if not every:
        query = query.where(Slot.start >= utcnow(), Booking.cancelled_at.is_(None))
    try:
        with store.read() as session:
            rows = list(session.scalars(query))
    finally:
        store.dispose()
    table = Table(title=f"Bookings ({settings.clinic_timezone})")
    for column in ("reference", "when", "triage", "name", "phone", "status"):
        table.add_column(column)
    for b in rows:
        start = b.slot.start.astimezone(settings.tz)
        status = f"cancelled by {b.cancelled_by or 'the person'}" if b.cancelled_at else "booked"
        table.add_row(
            b.reference, f"{start:%a %Y-%m-%d %H:%M}", b.triage_level or "-", b.name, b.phone, status
        )
    Console().print(table)
    err.print(f"{len(rows)} booking(s)")


def register(app: typer.Typer) -> None:
    app.add_typer(bookings, name="bookings")
