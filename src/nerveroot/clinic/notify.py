"""Notifications by email, through an outbox: a request only queues a message (in its own transaction), and
a worker (`nerveroot outbox run`) sends it over SMTP later, so a slow mail server never holds up a page.

Each message waits `outbox_grace_seconds` first; a message about a booking that was cancelled meanwhile is
dropped unsent, so a booking undone at once makes no noise. What is sent, deliberately little
(docs/security.md): the clinic is told a reference, a time and an urgency level, with a link that needs
sign-in; never a name, a symptom or an answer. The person gets the time, the reference and the cancel link.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from nerveroot.settings import Settings
from nerveroot.store import Store
from nerveroot.store.clinic import OutboxMessage
from nerveroot.store.models import Booking

log = logging.getLogger("nerveroot.outbox")
ALERT_LEVELS = ("emergency", "urgent")
LEASE = timedelta(minutes=5)  # a message being sent is hidden from other workers this long
MAX_ATTEMPTS = 8


def queue(session: Session, *, settings: Settings, kind: str, to: str, subject: str, body: str, now: datetime,
          booking_id: int | None = None, episode_id: int | None = None) -> None:  # fmt: skip
    session.add(OutboxMessage(
        kind=kind, to_address=to, subject=subject[:300], body=body, booking_id=booking_id, episode_id=episode_id,
        created_at=now, not_before=now + timedelta(seconds=settings.outbox_grace_seconds), attempts=0,
    ))  # fmt: skip


def _link(settings: Settings, path: str) -> str:
    return f"{settings.public_url}{path}" if settings.public_url else f"(open {path} on the clinic's site)"


def on_booking(session: Session, *, settings: Settings, booking: Booking, start: datetime, episode_id: int,
               level: str | None, cancel_token: str | None, now: datetime) -> None:  # fmt: skip
    """Tell the clinic of the new booking (and flag an urgent one); confirm to the person with the cancel link."""
    when = start.astimezone(settings.tz).strftime("%A %d %B %Y at %H:%M")
    words = {"emergency": "EMERGENCY", "urgent": "urgent"}.get(level or "", level or "not assessed")
    if settings.clinic_email:
        queue(session, settings=settings, kind="clinic_booking", to=settings.clinic_email, booking_id=booking.id,
              episode_id=episode_id, now=now,
              subject=f"New booking {booking.reference} ({words})",
              body=f"A new-patient consultation was booked for {when} (reference {booking.reference}).\n"
                   f"Urgency of the online assessment: {words}.\n"
                   f"Open the episode (sign-in needed): {_link(settings, f'/clinic/episodes/{episode_id}')}\n")  # fmt: skip
    if cancel_token:
        cancel = _link(settings, f"/book/{booking.reference}/cancel?token={cancel_token}")
        queue(session, settings=settings, kind="confirmation", to=booking.email, booking_id=booking.id, now=now,
              subject=f"Your consultation at {settings.clinic_name}: {when}",
              body=f"Your new-patient consultation at {settings.clinic_name} is booked for {when}.\n"
                   f"Your reference: {booking.reference}\n\n"
                   f"If you cannot come, please cancel so that someone else can have the time:\n{cancel}\n\n"
                   "If your symptoms get worse before then, or you cannot control your bladder or bowel, or feel "
                   "numb between your legs, call your local emergency number or go to an emergency department now.\n")  # fmt: skip


def on_assessment(
    session: Session, *, settings: Settings, episode_id: int, level: str, now: datetime
) -> None:
    """Tell the clinic of an emergency or urgent assessment of an episode."""
    if level in ALERT_LEVELS and settings.clinic_email:
        queue(session, settings=settings, kind="clinic_alert", to=settings.clinic_email, episode_id=episode_id, now=now,
              subject=f"{level.upper()}: an assessment needs attention (episode {episode_id})",
              body=f"An assessment of episode {episode_id} came out as {level}.\n"
                   f"Open it (sign-in needed): {_link(settings, f'/clinic/episodes/{episode_id}')}\n")  # fmt: skip


@dataclass(frozen=True)
class Run:
    sent: int
    dropped: int
    failed: int


def _send(settings: Settings, message: OutboxMessage) -> None:
    if not settings.smtp_host:
        raise RuntimeError("NERVEROOT_SMTP_HOST is not set")
    email = EmailMessage()
    email["From"] = settings.mail_from
    email["To"] = message.to_address
    email["Subject"] = message.subject
    email.set_content(message.body)
    timeout = settings.smtp_timeout_seconds
    context = ssl.create_default_context()
    smtp: smtplib.SMTP
    if settings.smtp_tls == "ssl":
        smtp = smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
    with smtp:
        if settings.smtp_tls == "starttls":
            smtp.starttls(context=context)
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password or "")
        smtp.send_message(email)


def run_once(store: Store, settings: Settings, *, now: datetime, limit: int = 100) -> Run:
    """Send what is due: each message is claimed (leased) first, so two workers never send it twice."""
    sent = dropped = failed = 0
    with store.read() as session:
        due = list(session.scalars(
            select(OutboxMessage).where(OutboxMessage.sent_at.is_(None), OutboxMessage.dropped_at.is_(None),
                                        OutboxMessage.not_before <= now).order_by(OutboxMessage.id).limit(limit)
        ))  # fmt: skip
    for message in due:
        with store.write() as session:
            claimed = session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == message.id, OutboxMessage.not_before == message.not_before,
                       OutboxMessage.sent_at.is_(None))
                .values(not_before=now + LEASE, attempts=OutboxMessage.attempts + 1)
            ).rowcount  # type: ignore[attr-defined]  # fmt: skip
            booking = session.get(Booking, message.booking_id) if message.booking_id else None
            if claimed and booking is not None and booking.cancelled_at is not None:
                session.execute(
                    update(OutboxMessage).where(OutboxMessage.id == message.id).values(dropped_at=now)
                )
                dropped += 1
                continue
        if not claimed:
            continue
        try:
            _send(settings, message)
        except (OSError, smtplib.SMTPException, RuntimeError) as exc:
            failed += 1
            log.warning("outbox: message %s not sent (%s)", message.id, type(exc).__name__)
            with store.write() as session:
                row = session.get_one(OutboxMessage, message.id)
                row.last_error = f"{type(exc).__name__}: {str(exc)[:200]}"
                if row.attempts >= MAX_ATTEMPTS:
                    row.dropped_at = now
            continue
        with store.write() as session:
            session.execute(update(OutboxMessage).where(OutboxMessage.id == message.id).values(sent_at=now))
        sent += 1
    return Run(sent, dropped, failed)


async def send_while_serving(store: Store, settings: Settings) -> None:
    """The outbox sender inside `serve`: a round every `outbox_poll_seconds`, off the event loop.

    A database or mail outage must not take the server down: a failed round is logged (by type only) and
    the next one tries again; a message that failed stays queued with its error."""
    while True:
        try:
            await asyncio.to_thread(run_once, store, settings, now=datetime.now(UTC))
        except Exception as exc:
            log.warning("outbox: a sending round failed (%s); trying again later", type(exc).__name__)
        await asyncio.sleep(settings.outbox_poll_seconds)
