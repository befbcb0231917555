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
