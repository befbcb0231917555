"""What the command line's export options do (kept here so that cli.py only registers them)."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from rich.console import Console

from nerveroot.assessment import Assessment
from nerveroot.case import Case, parse_case


def case_of_payload(payload: Mapping[str, Any]) -> Case:
    """The case behind a payload: the case itself, or the case the reader makes of ``{"text": ...}``."""
    if "text" in payload:
        from nerveroot.text import read_text

        return read_text(str(payload["text"])).case
    return parse_case(payload)


def print_bundle(payload: Mapping[str, Any], assessment: Assessment) -> None:
    """``nerveroot assess CASE --format fhir``: the assessment as a FHIR Bundle on stdout."""
    from nerveroot.export.fhir import assessment_bundle

    bundle = assessment_bundle(case_of_payload(payload), assessment, at=datetime.now(UTC))
    sys.stdout.write(json.dumps(bundle, ensure_ascii=False, indent=2) + "\n")


def csv_batch(text: str, source: str, err: Console) -> None:
    """``nerveroot batch cases.csv``: one output row per case, error rows naming line and column."""
    from nerveroot.export.csvio import assess_rows, write_rows

    done, errors = write_rows(assess_rows(text, source), sys.stdout)
    err.print(f"{done} assessed, {errors} error row(s)")
