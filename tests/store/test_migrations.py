from __future__ import annotations

import pytest
from sqlalchemy import inspect

from nerveroot.store.db import make_engine, normalise_url
from nerveroot.store.migrate import alembic_config, current, upgrade


def _head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def test_upgrade_from_empty_creates_the_tables(database_url: str) -> None:
    assert current(database_url) is None
    upgrade(database_url)
    assert current(database_url) == _head()
    engine = make_engine(database_url)
    try:
        tables = set(inspect(engine).get_table_names())
        indexes = {ix["name"]: ix for ix in inspect(engine).get_indexes("bookings")}
    finally:
        engine.dispose()
    assert {"slots", "bookings", "alembic_version"} <= tables
    assert indexes["uq_bookings_active_slot"]["unique"]


def test_upgrade_twice_is_harmless(database_url: str) -> None:
    upgrade(database_url)
    upgrade(database_url)
    assert current(database_url) == _head()


def test_downgrade_to_empty_and_up_again(database_url: str) -> None:
    from alembic import command

    upgrade(database_url)
    command.downgrade(alembic_config(database_url), "base")
    assert current(database_url) is None
    upgrade(database_url)
    assert current(database_url) == _head()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db:5432/clinic", "postgresql+psycopg://u:p@db:5432/clinic"),
        ("postgresql://u@db/clinic", "postgresql+psycopg://u@db/clinic"),
        ("postgresql+psycopg://u@db/clinic", "postgresql+psycopg://u@db/clinic"),
        ("sqlite:///var/x.db", "sqlite:///var/x.db"),
    ],
)
def test_database_urls_mean_psycopg_3_for_postgresql(given: str, expected: str) -> None:
    assert normalise_url(given) == expected


def test_the_models_and_the_migrations_agree(database_url: str) -> None:
    """Alembic's own comparison (what autogenerate would write) finds nothing to change after upgrade."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from nerveroot.store.models import Base

    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_upgrading_old_bookings_fills_their_contact_keys(database_url: str) -> None:
    from sqlalchemy import text

    upgrade(database_url, "0001")
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    'INSERT INTO slots (id, start, "end", status) VALUES '
                    "(1, '2030-01-01 09:00:00+00:00', '2030-01-01 09:30:00+00:00', 'booked')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO bookings (reference, cancel_token_hash, slot_id, name, email, phone, consent,"
                    " consent_at, created_at) VALUES ('NR-2222-3333', 'h', 1, 'A', ' Ada@Example.ORG ',"
                    " '+44 (20) 7946-0958', true, '2029-12-01 09:00:00+00:00', '2029-12-01 09:00:00+00:00')"
                )
            )
        upgrade(database_url)
        with engine.connect() as connection:
            keys = connection.execute(text("SELECT email_key, phone_key FROM bookings")).one()
    finally:
        engine.dispose()
    assert tuple(keys) == ("ada@example.org", "442079460958")
