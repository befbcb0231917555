"""`nerveroot export fhir|questionnaire`: the bookings as FHIR NDJSON, the interview as a Questionnaire."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

export = typer.Typer(help="Exports: FHIR R4 NDJSON of the bookings, the interview as a Questionnaire.",
                     no_args_is_help=True)  # fmt: skip
err = Console(stderr=True)


def _since(value: str) -> datetime:
    from nerveroot.errors import BadInput, Problem

    try:
        parsed = (
            datetime.fromisoformat(value)
            if "T" in value
            else datetime.combine(date.fromisoformat(value), datetime.min.time())
        )
    except ValueError:
        raise BadInput(
            "bad date", [Problem("--since", "expected YYYY-MM-DD or an ISO date and time", value)]
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@export.command("fhir")
def fhir_command(
    since: Annotated[
        str | None, typer.Option("--since", help="Bookings made on or after this date (YYYY-MM-DD, UTC).")
    ] = None,
    booking: Annotated[
        str | None, typer.Option("--booking", help="Only the booking with this reference.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """The bookings as FHIR R4 NDJSON (one resource a line): Patient, QuestionnaireResponse, Observations,
    Conditions, RiskAssessment and Appointment of each, references as Type/id."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_fhir)(since, booking, output)


def _fhir(since: str | None, reference: str | None, output: Path | None) -> None:
    from sqlalchemy.exc import OperationalError

    from nerveroot.errors import BadInput, Problem
    from nerveroot.export.bookings import booking_resources, bookings_since, one_booking
    from nerveroot.export.fhir import ndjson
    from nerveroot.settings import Settings
    from nerveroot.store import Store
    from nerveroot.store.db import StoreUnavailable

    if (since is None) == (reference is None):
        raise BadInput(
            "say which bookings", [Problem("--since/--booking", "give exactly one, e.g. --since 2026-11-01")]
        )
    store = Store(Settings().database_url)
    bookings = resources = 0
    try:
        with store.read() as session:
            chosen = (
                [one_booking(session, reference)]
                if reference
                else bookings_since(session, _since(since or ""))
            )
            out = output.open("w", encoding="utf-8") if output else sys.stdout
            try:
                for b in chosen:
                    bookings += 1
                    for line in ndjson(booking_resources(b)):
                        out.write(line + "\n")
                        resources += 1
            finally:
                if output:
                    out.close()
    except (OperationalError, StoreUnavailable) as exc:
        cause = exc.orig if isinstance(exc, OperationalError) else exc
        raise BadInput(
            "cannot read the database",
            [Problem("NERVEROOT_DATABASE_URL", f"{cause}; run 'nerveroot db upgrade' first")],
        ) from None
    except OSError as exc:
        raise BadInput(
            "cannot write the export", [Problem("-o", exc.strerror or str(exc), str(output))]
        ) from None
    finally:
        store.dispose()
    err.print(f"{resources} resources from {bookings} booking(s)")


@export.command("questionnaire")
def questionnaire_command() -> None:
    """The interview as a FHIR R4 Questionnaire (its linkIds are the case paths of every response)."""
    from nerveroot.export.fhir import validated
    from nerveroot.export.questionnaire import questionnaire

    sys.stdout.write(json.dumps(validated(questionnaire()), ensure_ascii=False, indent=2) + "\n")


def register(app: typer.Typer) -> None:
    app.add_typer(export, name="export")
