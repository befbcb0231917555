"""`nerveroot report CASE.json -o out.pdf [--for person|clinician]`: the result as a PDF report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

err = Console(stderr=True)


def report(
    case_file: Annotated[str, typer.Argument(help="A case as JSON (docs/case-format.md); '-' reads stdin.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the PDF.")],
    audience: Annotated[
        str,
        typer.Option(
            "--for",
            help="person (the result, map, advice, warning signs) or clinician (plus "
            "findings, reasons with sources and codes).",
        ),
    ] = "person",
) -> None:
    """Write the assessment of a case as a PDF report, rendered from the result page's own template."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_report)(case_file, output, audience)


def _report(case_file: str, output: Path, audience: str) -> None:
    from nerveroot.case import case_json, loads_case_json
    from nerveroot.cli import _read_input
    from nerveroot.errors import BadInput, Problem
    from nerveroot.export.cli import case_of_payload
    from nerveroot.export.report import AUDIENCES, render_pdf

    if audience not in AUDIENCES:
        raise BadInput("unknown report", [Problem("--for", "expected person or clinician", audience)])
    payload = loads_case_json(_read_input(case_file, "case file"), where=case_file)
    if not isinstance(payload, dict):
        raise BadInput(
            "a case must be a JSON object", [Problem(case_file, 'expected an object like {"age": 47}')]
        )
    case = case_json(case_of_payload(payload))
    pdf = render_pdf(case, "clinician" if audience == "clinician" else "person")
    try:
        output.write_bytes(pdf)
    except OSError as exc:
        raise BadInput(
            "cannot write the report", [Problem("-o", exc.strerror or str(exc), str(output))]
        ) from None
    err.print(f"wrote {output} ({len(pdf) // 1024} KiB, for the {audience})")


def register(app: typer.Typer) -> None:
    app.command(name="report")(report)
