"""Shared by the clinic's page routes: render a page with the staff member and a fresh CSRF token, read a
posted form after checking its token, and run blocking work off the event loop.

CSRF is fastapi-csrf-protect's signed double-submit cookie, configured once for the booking pages
(web/booking.py configure_csrf); every clinic form carries `csrf_token`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi_csrf_protect import CsrfProtect
from fastapi_csrf_protect.exceptions import CsrfProtectError
from starlette.datastructures import FormData

from nerveroot.clinic.accounts import Staff
from nerveroot.errors import BadInput, Problem
from nerveroot.web.views import render

CsrfDep = Annotated[CsrfProtect, Depends()]
PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


class FormExpired(BadInput):
    """The form's CSRF token is missing, forged or expired: nothing was saved."""

    http_status = 403


def now() -> datetime:
    return datetime.now(UTC)


def page(
    request: Request,
    csrf: CsrfProtect,
    name: str,
    context: dict[str, Any],
    *,
    staff: Staff | None = None,
    status: int = 200,
) -> HTMLResponse:
    token, signed = csrf.generate_csrf_tokens()
    full = {"staff": staff, "csrf_token": token, "footer_notice": True, **context}
    response = render(request, name, full, status, PRIVATE)
    csrf.set_csrf_cookie(signed, response)
    return response


async def posted(request: Request, csrf: CsrfProtect) -> FormData:
    """The form, if its CSRF token is the one this browser was given; FormExpired otherwise."""
    form = await request.form()
    try:
        await csrf.validate_csrf(request)
    except CsrfProtectError:
        raise FormExpired(
            "this form has expired or did not come from this site; nothing was saved",
            [Problem("csrf_token", "reload the page and send the form again")],
        ) from None
    return form


def text(form: FormData, name: str, limit: int = 2000) -> str:
    value = form.get(name)
    return value[:limit] if isinstance(value, str) else ""


def lists(form: FormData) -> dict[str, list[str]]:
    """Every field with all the values sent for it (a field given twice shows as two values)."""
    return {k: [v for v in form.getlist(k) if isinstance(v, str)] for k in form}
