"""Post, then redirect, then get: each step of the check is kept server-side for a short while.

A form of the check is sent by POST (never an answer in a URL). The server works out the next page, keeps
its state in the database under a random id for `journey_minutes`, and redirects to ``/check/page/<id>``;
that page is shown only to the browser holding the journey cookie it was saved for. So a refresh or the
browser's Back asks for a page again instead of re-sending a form, and no answer reaches a URL, a browser's
history or a server's access log.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse

from nerveroot.settings import Settings
from nerveroot.store import Store
from nerveroot.store.journeys import SavedPage, load_page, note_answer, save_page

COOKIE = "nerveroot_journey"
NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def _now() -> datetime:
    return datetime.now(UTC)


def cookie_of(request: Request) -> str | None:
    value = request.cookies.get(COOKIE)
    return value if value and 20 <= len(value) <= 100 else None


def go_to(
    request: Request, page: str, state: dict[str, Any], status: int = 200, *, prefix: str = "/check/page/"
) -> RedirectResponse:
    """Keep the next page's state and redirect the browser to it (303: the browser then GETs it)."""
    settings: Settings = request.app.state.settings
    store: Store = request.app.state.store
    cookie = cookie_of(request) or secrets.token_urlsafe(32)
    with store.write() as session:
        page_id = save_page(
            session,
            cookie=cookie,
            page=page,
            state=state,
            status=status,
            now=_now(),
            keep=timedelta(minutes=settings.journey_minutes),
        )
    response = RedirectResponse(f"{prefix}{page_id}", status_code=303, headers=NO_STORE)
    if cookie_of(request) != cookie:
        response.set_cookie(
            COOKIE, cookie, httponly=True, samesite="lax", secure=settings.cookies_secure, path="/"
        )
    return response


def load(request: Request, page_id: str) -> SavedPage | None:
    cookie = cookie_of(request)
    if cookie is None or len(page_id) > 64:
        return None
    store: Store = request.app.state.store
    with store.read() as session:
        return load_page(session, page_id=page_id, cookie=cookie, now=_now())


def remember_answer(request: Request, page_id: str, given: dict[str, Any]) -> None:
    """Note on the page being left what was answered there, so the browser's Back shows it checked."""
    cookie = cookie_of(request)
    if cookie is None or not page_id or len(page_id) > 64:
        return
    store: Store = request.app.state.store
    with store.write() as session:
        note_answer(session, page_id=page_id, cookie=cookie, given=given)
