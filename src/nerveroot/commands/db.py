"""`nerveroot db upgrade`: create or migrate the database named by NERVEROOT_DATABASE_URL."""

from __future__ import annotations

import typer
from rich.console import Console

db = typer.Typer(help="The database: migrations.", no_args_is_help=True)


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
        Console(stderr=True).print(f"[bold red]error:[/] cannot reach the database {shown}: {exc.orig}")
        raise typer.Exit(2) from None
    Console(stderr=True).print(f"database {shown} is at revision {revision}")


def register(app: typer.Typer) -> None:
    app.add_typer(db, name="db")
