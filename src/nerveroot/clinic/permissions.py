"""Who may do what, decided in one place: the `Require` dependency.

Staff sign in (sessions.py); a page or API route names the roles it needs with `CurrentClinician` or
`CurrentAdmin` and gets the signed-in `Staff`. Anonymous or dead sessions: 401 on /api/v1/clinic/...,
a redirect to the sign-in page on /clinic/... pages, never data. The wrong role: 403.

The API takes the session token in `Authorization: Bearer ...` for every method; the session cookie only
for reading (GET), so a cross-site form can never change anything through it (the pages' forms carry a
CSRF token instead). An admin may also do what a clinician does. A person's private link is not a staff
session and opens only /follow-up/<token> (outcomes.py), never these routes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from nerveroot.clinic.accounts import Staff
from nerveroot.clinic.audit import Actor
from nerveroot.clinic.sessions import COOKIE, staff_of
from nerveroot.errors import NerverootError, Problem
from nerveroot.settings import Settings
from nerveroot.store import Store

SAFE = ("GET", "HEAD")


class SignInRequired(NerverootError):
    http_status = 401


class NotAllowed(NerverootError):
    http_status = 403


def session_token(request: Request) -> str | None:
    """The staff session token this request carries, where it may carry one."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    if request.url.path.startswith("/api/") and request.method not in SAFE:
        return None
    return request.cookies.get(COOKIE)


class Require:
    """The dependency: the signed-in staff member, if their role is one of `roles`."""

    def __init__(self, *roles: str) -> None:
        self.roles = roles

    def __call__(self, request: Request) -> Staff:
        store: Store = request.app.state.store
        settings: Settings = request.app.state.settings
        token = session_token(request)
        staff = None
        if token:
            with store.write() as session:  # a live session's last-seen time moves on (idle expiry)
                staff = staff_of(
                    session, token=token, now=datetime.now(UTC), idle_minutes=settings.session_idle_minutes
                )
        if staff is None:
            raise SignInRequired(
                "sign in first",
                [
                    Problem(
                        "session",
                        "no live session: sign in (POST /api/v1/clinic/sessions or /clinic/sign-in)",
                    )
                ],
            )
        if staff.role not in self.roles and not (staff.role == "admin" and "clinician" in self.roles):
            raise NotAllowed(
                "not allowed", [Problem("role", f"this needs the role {' or '.join(self.roles)}", staff.role)]
            )
        request.state.staff = staff
        return staff


CurrentClinician = Annotated[Staff, Depends(Require("clinician"))]
CurrentAdmin = Annotated[Staff, Depends(Require("admin"))]


def actor(staff: Staff) -> Actor:
    return Actor(staff.role, staff.id, staff.label)


async def sign_in_required(request: Request, exc: Exception) -> Response:
    """Pages go to the sign-in page (and back after); the API answers 401 with what to do."""
    assert isinstance(exc, SignInRequired)
    if request.url.path.startswith("/clinic") and not request.url.path.startswith("/clinic/sign-in"):
        target = quote(request.url.path, safe="/") if request.method == "GET" else "/clinic"
        return RedirectResponse(f"/clinic/sign-in?next={target}", status_code=303)
    from nerveroot.api.errors import problem_body

    return JSONResponse(
        problem_body(exc.message, exc.problems), status_code=401, headers={"WWW-Authenticate": "Bearer"}
    )
