"""Alembic environment: use the connection handed over by nerveroot.store.migrate, or open one."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from nerveroot.store.db import make_engine
from nerveroot.store.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "", create=True)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
