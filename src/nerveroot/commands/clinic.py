"""`nerveroot users add|list|disable|totp`: the clinic's staff accounts, from the server's shell."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from nerveroot.store import Store

users = typer.Typer(help="Staff accounts of the clinic workspace: add, list, disable, second factor.",
                    no_args_is_help=True)  # fmt: skip
err = Console(stderr=True)


def _store() -> Store:
    from nerveroot.settings import Settings
    from nerveroot.store import Store

    return Store(Settings().database_url)


@users.command("add")
def add_command(
    email: Annotated[str, typer.Argument(help="The person's email; their sign-in name.")],
    role: Annotated[str, typer.Option("--role", help="clinician or admin.")] = "clinician",
    name: Annotated[
        str, typer.Option("--name", help="The name shown in the audit log and to patients.")
    ] = "",
) -> None:
    """Add an account; the password is asked twice and never echoed (or read from NERVEROOT_NEW_PASSWORD)."""
    import os

    from nerveroot.cli import fail_on_errors

    password = os.environ.get("NERVEROOT_NEW_PASSWORD") or typer.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    fail_on_errors(_add)(email, role, name, password)


def _add(email: str, role: str, name: str, password: str) -> None:
    from nerveroot.clinic.accounts import add_user
    from nerveroot.clinic.web import now

    store = _store()
    try:
        with store.write() as session:
            staff = add_user(session, email=email, password=password, role=role, name=name, now=now())
    finally:
        store.dispose()
    err.print(f"account {staff.email} ({staff.role}) added")


@users.command("list")
def list_command() -> None:
    """Every account: email, role, name, and whether it is disabled, locked or uses a second factor."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_list)()


def _list() -> None:
    from rich.table import Table

    from nerveroot.clinic.accounts import list_users
    from nerveroot.clinic.web import now

    store = _store()
    try:
        with store.read() as session:
            rows = list_users(session)
    finally:
        store.dispose()
    table = Table(title="Accounts")
    for col in ("email", "role", "name", "state", "second factor"):
        table.add_column(col)
    for u in rows:
        state = (
            "disabled"
            if u.disabled_at
            else ("locked" if u.locked_until and u.locked_until > now() else "active")
        )
        table.add_row(u.email, u.role, u.name, state, "TOTP" if u.totp_secret else "-")
    Console().print(table)


@users.command("disable")
def disable_command(email: Annotated[str, typer.Argument(help="The account's email.")]) -> None:
    """Disable an account and end its sessions at once (its records and audit entries stay)."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_disable)(email)


def _disable(email: str) -> None:
    from nerveroot.clinic.accounts import disable_user
    from nerveroot.clinic.web import now

    store = _store()
    try:
        with store.write() as session:
            user = disable_user(session, email=email, now=now())
    finally:
        store.dispose()
    err.print(f"account {user.email} is disabled; its sessions are ended")


@users.command("totp")
def totp_command(email: Annotated[str, typer.Argument(help="The account's email.")]) -> None:
    """Turn on the second factor: prints an otpauth:// address to add to an authenticator app."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_totp)(email)


def _totp(email: str) -> None:
    from nerveroot.clinic.accounts import enable_totp

    store = _store()
    try:
        with store.write() as session:
            uri = enable_totp(session, email=email)
    finally:
        store.dispose()
    typer.echo(uri)


outbox = typer.Typer(help="The mail outbox: send what is due over SMTP.", no_args_is_help=True)


@outbox.command("run")
def outbox_run(
    loop: Annotated[
        bool, typer.Option("--loop", help="Keep running, every NERVEROOT_OUTBOX_POLL_SECONDS.")
    ] = False,
) -> None:
    """Send the messages that are due (after their grace period); drop those of a cancelled booking."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_outbox)(loop)


def _outbox(loop: bool) -> None:
    import time

    from nerveroot.clinic.notify import run_once
    from nerveroot.clinic.web import now
    from nerveroot.settings import Settings

    settings = Settings()
    store = _store()
    try:
        while True:
            run = run_once(store, settings, now=now())
            if run.sent or run.dropped or run.failed or not loop:
                err.print(
                    f"outbox: {run.sent} sent, {run.dropped} dropped (booking cancelled), {run.failed} failed"
                )
            if not loop:
                return
            time.sleep(settings.outbox_poll_seconds)
    finally:
        store.dispose()


episodes = typer.Typer(
    help="Episodes: erase one, or erase those past the retention period.", no_args_is_help=True
)


@episodes.command("purge")
def purge_command() -> None:
    """Erase finished episodes older than NERVEROOT_RETENTION_DAYS (0: keep them; nothing is erased)."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_purge)()


def _purge() -> None:
    from nerveroot.clinic.privacy import purge_finished
    from nerveroot.clinic.web import now
    from nerveroot.settings import Settings

    settings = Settings()
    if settings.retention_days <= 0:
        err.print("NERVEROOT_RETENTION_DAYS is 0 (keep): nothing erased")
        return
    store = _store()
    try:
        with store.write() as session:
            erased = purge_finished(session, days=settings.retention_days, now=now())
    finally:
        store.dispose()
    err.print(f"{len(erased)} finished episode(s) older than {settings.retention_days} days erased")


@episodes.command("erase")
def erase_command(episode_id: Annotated[int, typer.Argument(help="The episode's number.")]) -> None:
    """Erase one person's record now (the audit log keeps that it was done, without health data)."""
    from nerveroot.cli import fail_on_errors

    fail_on_errors(_erase)(episode_id)


def _erase(episode_id: int) -> None:
    from nerveroot.clinic.audit import SYSTEM
    from nerveroot.clinic.privacy import erase_episode
    from nerveroot.clinic.web import now

    store = _store()
    try:
        with store.write() as session:
            erase_episode(session, episode_id, actor=SYSTEM, now=now())
    finally:
        store.dispose()
    err.print(f"episode {episode_id} erased")


def register(app: typer.Typer) -> None:
    app.add_typer(episodes, name="episodes")
    app.add_typer(users, name="users")
    app.add_typer(outbox, name="outbox")
