"""`nerveroot db upgrade` and `nerveroot slots ...` as a clinic administrator runs them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from nerveroot.cli import app
from nerveroot.store import Store
from nerveroot.store.bookings import Contact, create_booking
from nerveroot.store.migrate import current
from nerveroot.store.slots import all_slots

runner = CliRunner()


@pytest.fixture
def env_url(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("NERVEROOT_DATABASE_URL", database_url)
    return database_url


def _next_weekday() -> str:
    day = datetime.now(UTC).date() + timedelta(days=3)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day.isoformat()


def test_db_upgrade_then_open_list_and_demo(env_url: str) -> None:
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert current(env_url) is not None

    day = _next_weekday()
    opened = runner.invoke(
        app, ["slots", "open", "--date", day, "--from", "09:00", "--to", "10:30", "--minutes", "30"]
    )
    assert opened.exit_code == 0, opened.output
    assert "opened 3 slot(s)" in opened.output
    again = runner.invoke(app, ["slots", "open", "--date", day, "--from", "09:00", "--to", "11:00"])
    assert "opened 1 slot(s)" in again.output and "skipped 3" in again.output

    listed = runner.invoke(app, ["slots", "list"])
    assert listed.exit_code == 0 and "4 slot(s), 4 open" in listed.output

    store = Store(env_url)
    try:
        with store.write() as session:
            first = all_slots(session)[0].id
            made = create_booking(
                session, slot_id=first, contact=Contact("A", "a@example.org", "0123456789"),
                now=datetime.now(UTC), triage_level="urgent",
            )  # fmt: skip
    finally:
        store.dispose()
    booked = runner.invoke(app, ["slots", "list"], terminal_width=200)
    assert made.reference in booked.output and "urgent" in booked.output
    assert "4 slot(s), 3 open" in booked.output

    refused = runner.invoke(app, ["slots", "close", str(first)])
    assert refused.exit_code == 5 and "cancel that booking first" in refused.output
    closed = runner.invoke(app, ["slots", "close", str(first + 1)])
    assert closed.exit_code == 0, closed.output
    assert "4 slot(s), 2 open" in runner.invoke(app, ["slots", "list"]).output

    listed = runner.invoke(app, ["bookings", "list"], terminal_width=200)
    assert listed.exit_code == 0 and made.reference in listed.output and "1 booking(s)" in listed.output
    cancelled = runner.invoke(app, ["bookings", "cancel", made.reference.lower()])
    assert cancelled.exit_code == 0 and "cancelled by the clinic" in cancelled.output, cancelled.output
    assert "4 slot(s), 3 open" in runner.invoke(app, ["slots", "list"]).output  # the clinic freed it
    assert runner.invoke(app, ["bookings", "cancel", made.reference]).exit_code == 0  # twice is harmless
    unknown = runner.invoke(app, ["bookings", "cancel", "NR-2222-2222"])
    assert unknown.exit_code == 4 and "no such booking" in unknown.output
    everything = runner.invoke(app, ["bookings", "list", "--all"], terminal_width=200).output
    assert "cancelled" in everything and "clinic" in everything

    demo = runner.invoke(app, ["slots", "demo", "--days", "14"])
    assert demo.exit_code == 0 and "on 9 day(s)" in demo.output
    store = Store(env_url)
    try:
        with store.read() as session:  # the day with slots is left as it is (its closed slot stays closed)
            assert len(all_slots(session)) == 4 + 9 * 13
            assert sum(s.status == "closed" for s in all_slots(session)) == 1
    finally:
        store.dispose()


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--date", "2026-02-30", "--from", "09:00", "--to", "10:00"], "--date"),
        (["--date", "tomorrow", "--from", "09:00", "--to", "10:00"], "--date"),
        (["--date", "2020-01-06", "--from", "09:00", "--to", "10:00"], "--date"),
        (["--date", "2099-01-05", "--from", "9am", "--to", "10:00"], "--from"),
        (["--date", "2099-01-05", "--from", "09:00", "--to", "25:00"], "--to"),
        (["--date", "2099-01-05", "--from", "11:00", "--to", "10:00"], "--to"),
    ],
    ids=["no-such-day", "not-a-date", "past", "bad-from", "bad-to", "to-before-from"],
)
def test_bad_slot_requests_exit_2_naming_the_option(env_url: str, args: list[str], named: str) -> None:
    runner.invoke(app, ["db", "upgrade"])
    result = runner.invoke(app, ["slots", "open", *args])
    assert result.exit_code == 2, result.output
    assert f"{named}:" in result.output
    assert "Traceback" not in result.output


def test_demo_opens_slots_on_an_empty_database(env_url: str) -> None:
    runner.invoke(app, ["db", "upgrade"])
    result = runner.invoke(app, ["slots", "demo", "--days", "14"])
    assert result.exit_code == 0
    store = Store(env_url)
    try:
        with store.write() as session:
            slots = all_slots(session)
    finally:
        store.dispose()
    assert len(slots) == 10 * 13  # any 14 days hold ten weekdays; 6 morning and 7 afternoon slots each


def test_demo_tops_up_to_two_weeks_ahead_each_time_it_runs(env_url: str) -> None:
    """`make run` runs `slots demo` every time: a demo restarted weeks later still has free times."""
    from nerveroot.commands.slots import top_up_demo_slots

    runner.invoke(app, ["db", "upgrade"])
    assert "opened 130 demo slot(s)" in runner.invoke(app, ["slots", "demo", "--days", "14"]).output
    assert "none opened" in runner.invoke(app, ["slots", "demo", "--days", "14"]).output
    store = Store(env_url)
    try:
        with store.write() as session:
            later = datetime.now(UTC) + timedelta(days=21)
            created, days = top_up_demo_slots(session, days=14, tz=ZoneInfo("Europe/London"), now=later)
            assert created == days * 13 and days >= 9
            free_later = [s for s in all_slots(session, start=later) if s.status == "open"]
            assert len({s.start.date() for s in free_later}) >= 9
    finally:
        store.dispose()


def test_an_unreachable_database_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NERVEROOT_DATABASE_URL", "postgresql+psycopg://nobody:secret@127.0.0.1:9/none")
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 2
    assert "cannot reach the database" in result.output and "secret" not in result.output
    assert "Traceback" not in result.output
