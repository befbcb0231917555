"""Notifications sent from the outbox to a real SMTP server (aiosmtpd, started here), with a grace period
that keeps a booking undone at once silent; the episode's FHIR bundle and the clinician's PDF; the
person's record exported and erased."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import select

from clinic.conftest import (
    L5_CASE,
    api_token,
    client_for,
    desk_episode,
    make_staff,
    post_form,
    settings_for,
    sign_in,
)
from nerveroot.clinic.notify import run_once
from nerveroot.clinic.web import now
from nerveroot.store import Store
from nerveroot.store.clinic import AuditEntry, Episode, OutboxMessage
from nerveroot.store.models import Booking
from serving import free_port
from store.databases import open_test_slots

URGENT_CASE: dict[str, Any] = {**L5_CASE, "weakness": {"left": {"ankle_dorsiflexion": 2}}}


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


def _book(client: TestClient, slot: int, case: dict[str, Any], email: str) -> dict[str, Any]:
    answer = client.post("/api/v1/bookings", json={"slot_id": slot, "name": "Mail Person", "email": email,
                         "phone": "+44 20 7946 0002", "consent": True, "case": case})  # fmt: skip
    assert answer.status_code == 201, answer.text
    out: dict[str, Any] = answer.json()
    return out


def test_booking_mail_goes_out_after_the_grace_period_and_a_booking_undone_makes_no_noise(
    database_url: str, store: Store, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    mail = {"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_tls": "none", "clinic_email": "desk@clinic.example",
            "mail_from": "nerveroot@clinic.example", "public_url": "https://clinic.example", "outbox_grace_seconds": 60}  # fmt: skip
    settings = settings_for(database_url, **mail)
    slots = open_test_slots(store, count=2)
    with client_for(database_url, **mail) as client:
        kept = _book(client, slots[0], URGENT_CASE, "kept@example.org")
        undone = _book(client, slots[1], L5_CASE, "undone@example.org")
        cancel = client.delete(
            f"/api/v1/bookings/{undone['reference']}", headers={"x-cancel-token": undone["cancel_token"]}
        )
        assert cancel.status_code == 204, cancel.text
    early = run_once(store, settings, now=now())
    assert (early.sent, len(inbox.messages)) == (0, 0)  # within the grace period nothing is sent
    later = run_once(store, settings, now=now() + timedelta(seconds=61))
    assert (later.sent, later.dropped, later.failed) == (2, 2, 0)
    by_to = {m["To"]: m for m in inbox.messages}
    assert set(by_to) == {"desk@clinic.example", "kept@example.org"}
    clinic = by_to["desk@clinic.example"].get_payload()
    assert "urgent" in by_to["desk@clinic.example"]["Subject"] and "Mail Person" not in clinic
    assert "ankle" not in clinic.lower() and "https://clinic.example/clinic/episodes/" in clinic
    person = by_to["kept@example.org"].get_payload()
    assert f"https://clinic.example/book/{kept['reference']}/cancel?token=" in person
    assert "dorsiflexion" not in person and "urgent" not in person.lower()
    assert run_once(store, settings, now=now() + timedelta(seconds=120)).sent == 0  # never twice


def test_a_mail_server_that_is_down_leaves_the_message_queued(database_url: str, store: Store) -> None:
    settings = settings_for(database_url, smtp_host="127.0.0.1", smtp_port=free_port(), smtp_tls="none",
                            clinic_email="desk@clinic.example", outbox_grace_seconds=0)  # fmt: skip
    slots = open_test_slots(store, count=1)
    with client_for(database_url, clinic_email="desk@clinic.example", outbox_grace_seconds=0) as client:
        _book(client, slots[0], L5_CASE, "p@example.org")
    run = run_once(store, settings, now=now())
    assert run.failed == 2 and run.sent == 0
    with store.read() as session:
        rows = list(session.scalars(select(OutboxMessage)))
    assert all(r.sent_at is None and r.dropped_at is None and r.last_error for r in rows)


def test_episode_fhir_bundle_validates_and_carries_the_scores(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    token = api_token(app_client, "cleo@clinic.example")
    headers = {"authorization": f"Bearer {token}"}
    episode = desk_episode(app_client, token)
    app_client.post(f"/api/v1/clinic/episodes/{episode}/outcomes", headers=headers,
                    json={"leg_pain": 6, "back_pain": 3, "odi": [{"section": 1, "score": 2}]})  # fmt: skip
    answer = app_client.get(f"/api/v1/clinic/episodes/{episode}/fhir", headers=headers)
    assert answer.status_code == 200
    bundle = Bundle.model_validate_json(answer.text)
    text = answer.text
    assert "72514-3" in text and "97909-6" in text and bundle.entry
    kinds = {e.resource.get_resource_type() for e in bundle.entry}  # type: ignore[union-attr]
    assert {"Patient", "QuestionnaireResponse", "Observation", "RiskAssessment"} <= kinds
    missing = app_client.get("/api/v1/clinic/episodes/999/fhir", headers=headers)
    assert missing.status_code == 404 and "not yours" in missing.json()["problems"][0]["message"]
    assert app_client.get(f"/api/v1/clinic/episodes/{episode}/fhir").status_code == 401


def test_clinician_pdf_has_examination_scores_chart_and_referral(
    app_client: TestClient, store: Store, tmp_path: Path
) -> None:
    make_staff(store, "cleo@clinic.example")
    token = api_token(app_client, "cleo@clinic.example")
    headers = {"authorization": f"Bearer {token}"}
    episode = desk_episode(app_client, token)
    for grade in (4, 2):
        app_client.post(f"/api/v1/clinic/episodes/{episode}/examinations", headers=headers,
                        json={"weakness": {"left": {"ankle_dorsiflexion": grade}}})  # fmt: skip
    app_client.post(f"/api/v1/clinic/episodes/{episode}/outcomes", headers=headers, json={"leg_pain": 7})
    sign_in(app_client, "cleo@clinic.example")
    assert (
        'id="clinician-pdf"'
        in app_client.get(f"/clinic/episodes/{episode}", headers={"accept": "text/html"}).text
    )
    pdf = app_client.get(f"/clinic/episodes/{episode}/report.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf.content)
    words = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in ("Examination", "MRC, left ankle dorsiflexion", "Outcome scores", "Leg pain (NPRS)", "Referral letter",
                     "surgical opinion"):  # fmt: skip
        assert expected in words, expected
    assert words.lstrip().upper().startswith("URGENT")  # the urgency comes first


def test_record_export_and_erasure_keep_the_audit_without_health_data(
    app_client: TestClient, store: Store
) -> None:
    make_staff(store, "ada@clinic.example", role="admin")
    slots = open_test_slots(store, count=1)
    booked = _book(app_client, slots[0], L5_CASE, "erase@example.org")
    with store.read() as session:
        episode = session.scalar(select(Episode.id))
    sign_in(app_client, "ada@clinic.example")
    exported = app_client.get(f"/clinic/admin/episodes/{episode}/export.json")
    data = json.loads(exported.text)
    assert (
        data["email"] == "erase@example.org" and data["assessments"][0]["case"]["age"] == 45 and data["audit"]
    )
    refused = post_form(app_client, f"/clinic/admin/episodes/{episode}/erase", {}, token_from="/clinic/admin")
    assert refused.status_code == 422  # not confirmed: nothing erased
    erased = post_form(
        app_client, f"/clinic/admin/episodes/{episode}/erase", {"confirm": "yes"}, token_from="/clinic/admin"
    )
    assert erased.status_code == 303
    with store.read() as session:
        assert session.get(Episode, episode) is None
        booking = session.scalar(select(Booking).where(Booking.reference == booked["reference"]))
        assert (
            booking is not None and booking.email == "" and booking.case_json is None and booking.cancelled_at
        )
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.episode_id == episode)))
    assert {e.action for e in entries} >= {"create", "export", "erase"}
    assert not any(
        word in e.what for e in entries for word in ("erase@example.org", "lateral", "Mail Person")
    )
    with pytest.raises(Exception, match="append-only"), store.write() as session:
        session.execute(AuditEntry.__table__.delete())


def test_serve_sends_due_mail_itself_when_smtp_is_set(
    database_url: str, store: Store, smtp: tuple[Inbox, int]
) -> None:
    """A clinic that runs only `nerveroot serve` still gets its mail; with outbox_in_server off it waits."""
    import time

    inbox, port = smtp
    mail = {"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_tls": "none", "clinic_email": "desk@clinic.example",
            "outbox_grace_seconds": 0, "outbox_poll_seconds": 0.2}  # fmt: skip
    slots = open_test_slots(store, count=2)
    with client_for(database_url, **mail, outbox_in_server=False) as client:
        _book(client, slots[0], L5_CASE, "first@example.org")
        time.sleep(1.0)
        assert inbox.messages == []  # a separate `outbox run` service is expected to send
    with client_for(database_url, **mail) as client:
        _book(client, slots[1], L5_CASE, "second@example.org")
        deadline = time.monotonic() + 15
        while len(inbox.messages) < 4 and time.monotonic() < deadline:
            time.sleep(0.1)
    assert sorted(m["To"] for m in inbox.messages) == sorted(
        ["desk@clinic.example", "desk@clinic.example", "first@example.org", "second@example.org"]
    )
    assert run_once(store, settings_for(database_url, **mail), now=now() + timedelta(minutes=10)).sent == 0
