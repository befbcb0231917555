"""Build the FastAPI application: pages, booking, API and static files on one app.

Around the routes, from the outside in: the trusted proxy's headers (only from settings.trusted_proxies),
security headers, the catch-all for unexpected errors (500 without dropping the connection or logging
what was sent), the body limit (413). The thread pool that runs blocking handlers is sized to the
database pool (settings.threads), so a thread never waits for a connection.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from importlib import resources

import anyio.to_thread
from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from nerveroot import __version__
from nerveroot.api import api_router, health_router
from nerveroot.api.errors import install_error_handlers
from nerveroot.api.limits import BodyLimit
from nerveroot.api.ratelimit import RateLimits
from nerveroot.clinic import wiring as clinic_wiring
from nerveroot.settings import Settings
from nerveroot.store import Store
from nerveroot.web import booking, pages, report_pdf
from nerveroot.web.errors import CatchAll
from nerveroot.web.security import SecurityHeaders, quiet_access_log

log = logging.getLogger("nerveroot")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    store = Store(settings.database_url, pool_size=settings.threads + 2)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        if settings.public_url is None:
            log.warning("NERVEROOT_PUBLIC_URL is unset: calendar files carry no cancel link")
        sender = None
        if settings.smtp_host and settings.outbox_in_server:
            from nerveroot.clinic.notify import send_while_serving

            sender = asyncio.create_task(send_while_serving(store, settings))
        yield
        if sender is not None:
            sender.cancel()
            with suppress(asyncio.CancelledError):
                await sender
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
    app.state.rate_limits = RateLimits.of(settings)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(CatchAll)
    app.add_middleware(SecurityHeaders)
    if settings.proxies:
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.proxies)
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
    clinic_wiring.install(app, settings)
    booking.configure_csrf(settings)
    quiet_access_log()
    return app
