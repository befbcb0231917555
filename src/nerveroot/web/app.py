"""Build the FastAPI application: pages, API and static files on one app."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from nerveroot import __version__
from nerveroot.settings import Settings
from nerveroot.web import pages


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="nerveroot",
        version=__version__,
        description="Clinical decision support for lumbosacral radiculopathy. It supports a clinician's "
        "judgement and never makes a diagnosis.",
    )
    app.state.settings = settings
    app.mount(
        "/static", StaticFiles(directory=str(resources.files("nerveroot") / "web" / "static")), name="static"
    )
    app.include_router(pages.router)
    return app
