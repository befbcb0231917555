"""`nerveroot serve`: the web app and API under uvicorn, one or several worker processes.

Several workers suit PostgreSQL; on SQLite they work too (WAL, busy timeout) but writes queue on one
file. Proxy headers are read only from settings.trusted_proxies (the app applies them), never from
whoever connects, so uvicorn's own proxy handling is off.
"""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes (PostgreSQL: 2-4 per core).")
    ] = 1,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the web pages and the JSON API (OpenAPI at /docs)."""
    import uvicorn
    from pydantic import ValidationError

    from nerveroot.settings import Settings

    try:
        settings = Settings()  # refuse bad settings here, once, with a message, before any worker starts
    except ValidationError as exc:
        for error in exc.errors():
            field = "NERVEROOT_" + "_".join(str(p) for p in error["loc"]).upper()
            typer.echo(f"error: {field}: {error['msg'].removeprefix('Value error, ')}", err=True)
        raise typer.Exit(2) from None
    if workers > 1 and settings.rate_limit_storage.startswith("memory://") and settings.rate_limits:
        typer.echo(
            f"note: rate limits are counted per worker ({workers} workers); set "
            "NERVEROOT_RATE_LIMIT_STORAGE=redis://... to share them",
            err=True,
        )
    uvicorn.run(
        "nerveroot.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        proxy_headers=False,
        server_header=False,
        timeout_keep_alive=15,
        timeout_graceful_shutdown=20,
    )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
