"""Error answers for people, and the last line of defence against an unexpected exception.

A browser asking for a page gets a page it can read (never raw JSON); programs and /api/ keep JSON. An
unexpected exception is answered with 500 here, without closing the connection, and logged as its type,
the route and the lines of code it passed through: never its message, the body or the query string,
which can carry names, emails and answers.
"""

from __future__ import annotations

import logging
import secrets
import traceback
from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("nerveroot.errors")

PAGES: dict[int, tuple[str, str]] = {
    400: ("This page could not be used", "What was sent could not be read. Please go back and try again."),
    403: ("This form has expired", "Please go back, reload the page and try again."),
    404: ("Page not found", "Check the address, or start again from the home page."),
    405: ("This page cannot be used that way", "Please start again from the home page."),
    409: ("This could not be done", "Something changed meanwhile. Please go back and try again."),
    413: ("Too much was sent", "What was sent is larger than this site accepts. Please shorten it."),
    422: ("This page could not be used", "Some of what was sent could not be read. Please start again."),
    429: ("Too many attempts", "Please wait a minute and try again, or telephone the clinic."),
    500: ("Something went wrong", "Our mistake, and it has been logged. Please try again in a moment."),
    503: (
        "The service is paused for a moment",
        "We cannot save or show bookings just now. Please try again in a few minutes, or telephone the "
        "clinic. If it is an emergency, call your local emergency number.",
    ),
}


def wants_html(scope: Scope) -> bool:
    """A browser on a page (not an API call, not a program): it sent Accept: text/html."""
    path: str = scope.get("path", "")
    if path.startswith(("/api/", "/healthz", "/openapi.json")):
        return False
    for name, value in scope.get("headers", []):
        if name == b"accept":
            return b"text/html" in value
    return False


def problem_page(request: Request, status: int, headers: Mapping[str, str] | None = None) -> Response:
    from nerveroot.web.views import templates  # the pages' own environment (its globals, static_url)

    title, message = PAGES.get(status, PAGES[500] if status >= 500 else PAGES[400])
    return templates.TemplateResponse(
        request,
        "booking/problem.html",
        {"title": title, "message": message},
        status_code=status,
        headers=dict(headers or {}),
    )


def log_unexpected(scope: Scope, exc: BaseException) -> str:
    """Log an unexpected exception without anything a person sent; return the incident id to quote."""
    incident = secrets.token_hex(4)
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error(
        "unexpected %s on %s %s (incident %s); the message is not logged as it may hold personal data\n%s",
        type(exc).__name__, scope.get("method", "?"), _route(scope), incident, frames,
    )  # fmt: skip
    return incident


def _route(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else str(scope.get("path", "?"))[:100]


class CatchAll:
    """Answer an unexpected exception with 500 and keep serving the connection (no re-raise)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            incident = log_unexpected(scope, exc)
            if started:
                raise RuntimeError("the response had begun when an error occurred") from None
            if wants_html(scope):
                response = problem_page(Request(scope), 500)
            else:
                from nerveroot.api.errors import json_problem

                response = json_problem(f"internal error (incident {incident}); it has been logged", [], 500)
            await response(scope, receive, send)
