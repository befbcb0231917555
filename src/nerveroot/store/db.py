"""One engine per database, and units of work that keep transactions short and failures readable.

SQLite: WAL journal (readers never block the writer, nor it them), a busy timeout, foreign keys on. A read
begins a plain deferred transaction and takes no write lock; a write begins IMMEDIATE so two writers never
both hold a read snapshot and then race to upgrade it (answered with "database is locked" at once,
whatever the timeout). Writers of one process queue on a lock first, so they wait their turn instead of
polling SQLite's busy handler. The file is opened with mode=rw, never created by serving: a deleted file
is noticed before each unit of work (and after each commit) and answered with 503, and the connections to
the deleted file are closed so nothing more is written into it.

PostgreSQL: psycopg 3 with a bounded pool sized to the thread pool, a connect timeout, a statement
timeout and a ping on checkout, so a restarted server is reconnected to without a restart of ours.

Every database failure (unreachable, read-only, gone, locked too long) becomes StoreUnavailable: HTTP
503 with Retry-After, exit code 7 on the command line.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from nerveroot.errors import NerverootError

SQLITE_BUSY_MS = 10_000
DEFAULT_POOL = 16
POOL_TIMEOUT_S = 10
PG_CONNECT_TIMEOUT_S = 5
PG_STATEMENT_TIMEOUT_MS = 15_000
RETRY_AFTER_S = 5
BEGIN_OPTION = "nerveroot_begin"

log = logging.getLogger("nerveroot.store")


class StoreUnavailable(NerverootError):
    """The database cannot be used just now (unreachable, read-only, missing, busy): try again shortly."""

    exit_code = 7
    http_status = 503
    retry_after = RETRY_AFTER_S


def normalise_url(url: str) -> str:
    """`postgres://` and `postgresql://` (as hosting platforms write them) mean psycopg 3 here."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL and for an in-memory database)."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(url: str, *, create: bool = False, pool_size: int = DEFAULT_POOL) -> Engine:
    """An engine for `url`. SQLite files are opened only if they exist, unless `create` (migrations)."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(
            url,
            pool_size=pool_size,
            max_overflow=0,
            pool_timeout=POOL_TIMEOUT_S,
            pool_pre_ping=True,
            hide_parameters=True,  # an error message never carries a name, an email or a case
            connect_args={
                "connect_timeout": PG_CONNECT_TIMEOUT_S,
                "options": f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS}",
            },
        )
    path = sqlite_path(url)
    if path is None:
        engine = create_engine(url, hide_parameters=True, connect_args={"check_same_thread": False})
    else:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        target = f"file:{quote(str(path.resolve()))}?mode={'rwc' if create else 'rw'}"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(target, uri=True, timeout=SQLITE_BUSY_MS / 1000, check_same_thread=False)

        engine = create_engine(
            "sqlite://",
            creator=connect,
            poolclass=QueuePool,
            pool_size=pool_size,
            max_overflow=0,
            pool_timeout=POOL_TIMEOUT_S,
            hide_parameters=True,
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's "begin" event emit BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across a process crash
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextmanager
def _translated(store: Store) -> Iterator[None]:
    """Database failures become StoreUnavailable; a read-only or vanished SQLite file drops the pool."""
    try:
        yield
    except (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.DatabaseError) as exc:
        if isinstance(exc, sa_exc.IntegrityError | sa_exc.DataError | sa_exc.ProgrammingError):
            raise
        reason = _reason(exc)
        log.warning("database unavailable: %s (%s)", reason, type(exc.orig).__name__)
        if store.path is not None and "locked" not in reason:
            store.engine.dispose()  # a connection opened read-only stays read-only: open afresh
        raise StoreUnavailable(f"the database is unavailable ({reason}); please try again shortly") from None
    except sa_exc.TimeoutError:
        log.warning("database unavailable: every connection is busy")
        raise StoreUnavailable("the server is busy; please try again shortly") from None


def _reason(exc: sa_exc.DBAPIError) -> str:
    """A short reason from the driver's message, without parameters (hide_parameters keeps those out)."""
    text = str(exc.orig).lower()
    for words, reason in (
        ("readonly", "it is read-only"),
        ("read-only", "it is read-only"),
        ("locked", "it is busy"),
        ("unable to open", "the database file is missing"),
        ("disk i/o", "a disk error"),
        ("no such table", "it is not set up: run nerveroot db upgrade"),
    ):
        if words in text:
            return reason
    return "it cannot be reached"


class Store:
    """The database of one app or command: an engine, a session factory and the write gate."""

    def __init__(self, url: str, *, pool_size: int = DEFAULT_POOL) -> None:
        self.url = url
        self.path = sqlite_path(url)
        self.engine = make_engine(url, pool_size=pool_size)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self._gate = threading.Lock() if self.path is not None else None
        self._identity: tuple[int, int] | None = None
        self._identity_lock = threading.Lock()

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One short read transaction (no write lock), committed at the end so nothing expires."""
        with self.unit_of_work() as uow, uow.read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction, committed at the end; rolled back if the block raises."""
        with self.unit_of_work() as uow, uow.write() as session:
            yield session

    def check_file(self, *, write: bool) -> tuple[int, int] | None:
        """For SQLite: the file must still be the one we opened (and writable, to write); its identity."""
        if self.path is None:
            return None
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            self._forget()
            raise StoreUnavailable(
                "the database file is missing; restore it (docs/deploy.md) and the service resumes"
            ) from None
        identity = (stat.st_dev, stat.st_ino)
        with self._identity_lock:
            if self._identity is not None and identity != self._identity:
                log.warning("the database file was replaced; reconnecting to the new one")
                self.engine.dispose()
            self._identity = identity
        if write and not os.access(self.path, os.W_OK):
            raise StoreUnavailable("the database is read-only just now; bookings are paused, try again later")
        return identity

    def _forget(self) -> None:
        """The file is gone: close every connection to it, and remove its journal (-wal, -shm), which
        SQLite would otherwise replay into whatever file is put back at this path."""
        assert self.path is not None
        with self._identity_lock:
            if self._identity is not None:
                log.warning("the database file is missing; closing the connections to the deleted file")
                self.engine.dispose()
                self._identity = None
            for suffix in ("-wal", "-shm"):
                leftover = self.path.with_name(self.path.name + suffix)
                if leftover.exists() and not self.path.exists():
                    leftover.unlink(missing_ok=True)

    def dispose(self) -> None:
        self.engine.dispose()


class UnitOfWork:
    """The database work of one request or command: one session, short read and write transactions.

    Transactions begin and end only here; the store functions never commit or roll back. Whatever a
    response needs is loaded inside the transaction (relationships are lazy="raise").
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _open(self) -> Session:
        if self._session is None:
            self._session = self.store.sessions()
        return self._session

    @contextmanager
    def read(self) -> Iterator[Session]:
        self.store.check_file(write=False)
        session = self._open()
        with _translated(self.store):
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        store = self.store
        store.check_file(write=True)  # before queueing: a missing or read-only file is answered at once
        gate = store._gate
        if gate is not None and not gate.acquire(timeout=SQLITE_BUSY_MS / 1000):
            raise StoreUnavailable("the server is busy; please try again shortly")
        try:
            before = store.check_file(write=True)
            session = self._open()
            with _translated(store):
                try:
                    session.connection(execution_options={BEGIN_OPTION: "IMMEDIATE"})
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
            # A commit into a file deleted or replaced meanwhile is lost: never report it as saved.
            if store.check_file(write=False) != before:
                raise StoreUnavailable("the database file changed while saving; please try again")
        finally:
            if gate is not None:
                gate.release()

    def close(self) -> None:
        if self._session is not None:
            with _translated(self.store):
                self._session.close()
            self._session = None
