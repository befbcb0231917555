"""Build the FastAPI application: pages, booking, API and static files on one app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException

from nerveroot import __version__
from nerveroot.api import api_router, health_router
from nerveroot.api.errors import install_error_handlers
from nerveroot.api.limits import BodyLimit
from nerveroot.settings import Settings
from nerveroot.store import Store
from nerveroot.web import booking, pages, report_pdf


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    store = Store(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.dispose()

    # /docs and /redoc load Swagger UI and ReDoc from the app itself (fastapi-offline ships them), never a CDN
    app = FastAPIOffline(
        static_url="/docs-assets",
        title="nerveroot",
        version=__version__,
        description="Clinical decision support for lumbosacral radiculopathy. It supports a clinician's "
        "judgement and never makes a diagnosis.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    install_error_handlers(app)
    app.add_exception_handler(HTTPException, booking.html_or_json_error)
    app.mount(
        "/static", StaticFiles(directory=str(resources.files("nerveroot") / "web" / "static")), name="static"
    )
    static = resources.files("nerveroot") / "web" / "static"

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(str(static / "favicon.ico"), media_type="image/x-icon")

    app.include_router(pages.router)
    app.include_router(report_pdf.router)
    app.include_router(booking.router)
    app.include_router(api_router)
    app.include_router(health_router)
    booking.configure_csrf(settings)
    booking.redact_tokens_in_access_log()
    return app
