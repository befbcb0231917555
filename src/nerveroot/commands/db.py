"""`nerveroot db upgrade|backup|restore`: migrate, and back up or restore a SQLite database while serving.

Backups use SQLite's online backup API, so a copy is consistent even while the server writes. A restore
writes the backup into the database through SQLite as well (the server's connections see the restored
data at their next transaction); if the file was deleted, it is recreated from the backup and the server
resumes by itself. PostgreSQL is backed up with its own tools (pg_dump, pg_restore): see docs/deploy.md.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

db = typer.Typer(help="The database: migrations, backup and restore.", no_args_is_help=True)
err = Console(stderr=True)


@db.command()
def upgrade() -> None:
    """Apply every migration (creates the SQLite file and its folder on first run)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    from nerveroot.settings import Settings
    from nerveroot.store.migrate import current
    from nerveroot.store.migrate import upgrade as run_upgrade

    url = Settings().database_url
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        run_upgrade(url)
        revision = current(url)
    except OperationalError as exc:
        err.print(f"[bold red]error:[/] cannot reach the database {shown}: {exc.orig}")
        raise typer.Exit(2) from None
    err.print(f"database {shown} is at revision {revision}")


def _sqlite_file() -> Path:
    from nerveroot.errors import BadInput, Problem
    from nerveroot.settings import Settings
    from nerveroot.store.db import sqlite_path

    path = sqlite_path(Settings().database_url)
    if path is None:
        raise BadInput(
            "backup and restore here are for SQLite",
            [Problem("NERVEROOT_DATABASE_URL", "for PostgreSQL use pg_dump and pg_restore (docs/deploy.md)")],
        )
    return path


def _copy(source: Path, target: Path) -> int:
    """Copy one SQLite database into another with the online backup API; return the page count."""
    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30) as src,
        sqlite3.connect(target, timeout=30) as dst,
    ):
        src.backup(dst)
        pages: int = dst.execute("PRAGMA page_count").fetchone()[0]
        check = dst.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        from nerveroot.errors import BadInput, Problem

        raise BadInput("the copy failed its integrity check", [Problem(str(target), check)])
    return pages


@db.command()
def backup(target: Annotated[Path, typer.Argument(help="Where to write the backup (a new file).")]) -> None:
    """Back up the SQLite database to TARGET while the server keeps running."""
    from nerveroot.cli import fail_on_errors
    from nerveroot.errors import BadInput, Problem

    def run() -> None:
        source = _sqlite_file()
        if not source.exists():
            raise BadInput(
                "there is no database to back up",
                [Problem("NERVEROOT_DATABASE_URL", "no such file", str(source))],
            )
        if target.exists():
            raise BadInput(
                "the backup file exists already", [Problem("TARGET", "give a new file name", str(target))]
            )
        pages = _copy(source, target)
        err.print(f"backed up {source} to {target} ({pages} pages)")

    fail_on_errors(run)()


@db.command()
def restore(source: Annotated[Path, typer.Argument(help="A backup made by nerveroot db backup.")]) -> None:
    """Replace the SQLite database's contents with a backup (the server may keep running)."""
    from nerveroot.cli import fail_on_errors
    from nerveroot.errors import BadInput, Problem

    def run() -> None:
        target = _sqlite_file()
        if not source.is_file():
            raise BadInput("the backup file is not there", [Problem("SOURCE", "no such file", str(source))])
        if (
            not target.exists()
        ):  # the file was lost: no journal of the lost file may be replayed over the backup
            for suffix in ("-wal", "-shm"):
                target.with_name(target.name + suffix).unlink(missing_ok=True)
            target.parent.mkdir(parents=True, exist_ok=True)
        pages = _copy(source, target)
        err.print(f"restored {target} from {source} ({pages} pages)")

    fail_on_errors(run)()


def register(app: typer.Typer) -> None:
    app.add_typer(db, name="db")
