"""`nerveroot export fhir`: the stored bookings, each with its case and assessment, as NDJSON (one resource a
line) whose every line parses with fhir.resources and whose references resolve within the export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fhir.resources.R4B import get_fhir_model_class

from export.references import references as fhir_references
from nerveroot.service import assess_payload
from nerveroot.store import Store
from nerveroot.store.bookings import Contact, cancel_booking, create_booking
from nerveroot.store.migrate import upgrade
from nerveroot.store.models import Booking
from nerveroot.store.slots import all_slots, open_slots
from store.databases import BACKENDS, fresh_database

CASE = {
    "age": 52,
    "pain": {"right": ["buttock", "posterior_thigh", "posterior_calf", "heel"]},
    "reflexes": {"right": {"achilles": "absent"}},
    "history": {"saddle_numbness": False},
}
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """A database with three bookings: with a case, cancelled, and one booked without the online check
    (on SQLite, and on PostgreSQL when the test cluster runs)."""
    with fresh_database(request.param, tmp_path) as url:
        yield url, _fill(url)


def _fill(url: str) -> list[str]:
    upgrade(url)
    store = Store(url)
    references = []
    with store.write() as session:
        open_slots(session, day=date(2026, 11, 30), start=time(9), end=time(11), minutes=30,
                   tz=ZoneInfo("Europe/London"), now=NOW)  # fmt: skip
        slots = all_slots(session)
        people = [Contact("Ann Example", "ann@example.org", "0100"), Contact("Bo Example", "bo@example.org", "0200"),
                  Contact("Cy Example", "cy@example.org", "0300")]  # fmt: skip
        for i, (slot, person) in enumerate(zip(slots, people, strict=False)):
            with_case = i < 2
            made = create_booking(
                session, slot_id=slot.id, contact=person, now=NOW + timedelta(days=i),
                case=CASE if with_case else None,
                assessment=assess_payload(CASE).model_dump(mode="json") if with_case else None,
                triage_level=assess_payload(CASE).triage.level if with_case else None,
            )  # fmt: skip
            references.append(made.reference)
            if i == 1:
                assert made.cancel_token is not None
                cancel_booking(session, reference=made.reference, token=made.cancel_token, now=NOW)
    store.dispose()
    return references


def _export(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NERVEROOT_DATABASE_URL": url}
    return subprocess.run([sys.executable, "-m", "nerveroot", "export", "fhir", *args], capture_output=True,
                          text=True, timeout=180, check=False, env=env)  # fmt: skip


def _lines(stdout: str) -> list[dict[str, Any]]:
    out = []
    for line in stdout.splitlines():
        resource = json.loads(line)
        get_fhir_model_class(resource["resourceType"]).model_validate_json(line)
        out.append(resource)
    return out


def test_every_booking_since_a_date_exports_as_valid_ndjson(database: tuple[str, list[str]]) -> None:
    url, references = database
    r = _export(url, "--since", "2026-11-01")
    assert r.returncode == 0, r.stderr
    resources = _lines(r.stdout)
    appointments = [x for x in resources if x["resourceType"] == "Appointment"]
    assert [a["identifier"][0]["value"] for a in appointments] == references
    assert [a["status"] for a in appointments] == ["booked", "cancelled", "booked"]
    kinds = {x["resourceType"] for x in resources}
    assert kinds == {
        "Patient",
        "QuestionnaireResponse",
        "Observation",
        "Condition",
        "RiskAssessment",
        "Appointment",
    }
    ids = {f"{x['resourceType']}/{x['id']}" for x in resources}
    assert len(ids) == len(resources), "an id is used twice"
    refs = set(fhir_references(resources))
    assert refs and refs <= ids, refs - ids
    patients = [x for x in resources if x["resourceType"] == "Patient"]
    assert [p["name"][0]["text"] for p in patients] == ["Ann Example", "Bo Example", "Cy Example"]
    assert "3 booking(s)" in r.stderr


def test_since_leaves_out_older_bookings_and_one_booking_can_be_exported(
    database: tuple[str, list[str]], tmp_path: Path
) -> None:
    url, references = database
    later = _lines(_export(url, "--since", "2026-11-21T12:00:00+00:00").stdout)
    assert [x["identifier"][0]["value"] for x in later if x["resourceType"] == "Appointment"] == [
        references[2]
    ]
    out = tmp_path / "one.ndjson"
    r = _export(url, "--booking", references[0].lower(), "-o", str(out))
    assert r.returncode == 0, r.stderr
    one = _lines(out.read_text(encoding="utf-8"))
    assert sum(x["resourceType"] == "Appointment" for x in one) == 1
    again = _lines(_export(url, "--booking", references[0]).stdout)
    assert again == one, "the same booking exports with the same ids"


def test_a_stored_assessment_of_an_older_shape_is_assessed_again(database: tuple[str, list[str]]) -> None:
    url, references = database
    store = Store(url)
    with store.write() as session:
        booking = session.query(Booking).filter_by(reference=references[0]).one()
        booking.assessment_json = {"shape": "from an older nerveroot"}
    store.dispose()
    resources = _lines(_export(url, "--booking", references[0]).stdout)
    (risk,) = [x for x in resources if x["resourceType"] == "RiskAssessment"]
    assert risk["prediction"][0]["outcome"]["coding"][0]["code"] == assess_payload(CASE).triage.level


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--booking", "NR-ZZZZ-9999"], "no such booking"),
        (["--since", "last week"], "--since"),
        ([], "give exactly one"),
        (["--since", "2026-11-01", "--booking", "NR-ZZZZ-9999"], "give exactly one"),
    ],
)
def test_bad_requests_exit_2_with_a_message(
    database: tuple[str, list[str]], args: list[str], words: str
) -> None:
    r = _export(database[0], *args)
    assert r.returncode == 2, r.stderr
    assert words in r.stderr and "Traceback" not in r.stderr


def test_export_questionnaire_prints_a_valid_questionnaire() -> None:
    r = subprocess.run([sys.executable, "-m", "nerveroot", "export", "questionnaire"], capture_output=True,
                       text=True, timeout=180, check=False)  # fmt: skip
    assert r.returncode == 0, r.stderr
    q = json.loads(r.stdout)
    get_fhir_model_class("Questionnaire").model_validate(q)
    assert q["url"].endswith("/Questionnaire/nerveroot-interview")


def test_a_database_that_is_not_there_is_a_message(tmp_path: Path) -> None:
    r = _export(f"sqlite:///{tmp_path / 'empty.db'}", "--since", "2026-01-01")
    assert r.returncode == 2 and "db upgrade" in r.stderr
