"""Run the Alembic migrations from the installed package (no alembic.ini in the working folder needed)."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config

from nerveroot.store.db import make_engine, sqlite_path


def alembic_config(url: str) -> Config:
    here = resources.files("nerveroot") / "store"
    config = Config(str(here / "alembic.ini"))
    config.set_main_option("script_location", str(here / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at `url` up to `revision` (creating a SQLite file and its folder if needed)."""
    engine = make_engine(url, create=True)
    try:
        with engine.begin() as connection:
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def current(url: str) -> str | None:
    """The revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    path = sqlite_path(url)
    if path is not None and not path.exists():
        return None
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
