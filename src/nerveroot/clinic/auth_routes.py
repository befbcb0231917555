"""Signing in and out: the sign-in page and `POST /api/v1/clinic/sessions` for API clients.

Sign-in attempts are counted per client address with the `limits` library (settings.rate_limit_sign_in),
and per account (settings.lockout_after wrong passwords lock it for lockout_minutes). One message for every
refusal, so the form never tells whether an account exists.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from pydantic import BaseModel, ConfigDict, Field

from nerveroot.api.jsonbody import SafeJsonRoute
from nerveroot.api.ratelimit import TooManyRequests, client_of
from nerveroot.clinic import audit
from nerveroot.clinic.accounts import SignInRefused, Staff, verify_sign_in
from nerveroot.clinic.api import documented
from nerveroot.clinic.permissions import CurrentClinician, actor, session_token
from nerveroot.clinic.sessions import COOKIE, end_session, start_session
from nerveroot.clinic.web import CsrfDep, FormExpired, now, page, posted, text
from nerveroot.errors import Problem
from nerveroot.settings import Settings
from nerveroot.store import Store

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1/clinic", tags=["clinic"], route_class=SafeJsonRoute)


@dataclass
class SignInLimit:
    limiter: MovingWindowRateLimiter
    items: list[RateLimitItem]

    @classmethod
    def of(cls, settings: Settings) -> SignInLimit | None:
        if not settings.rate_limits or not settings.rate_limit_sign_in.strip():
            return None
        storage = storage_from_string(settings.rate_limit_storage)
        return cls(MovingWindowRateLimiter(storage), parse_many(settings.rate_limit_sign_in))

    def hit(self, client: str) -> None:
        for item in self.items:
            if not self.limiter.hit(item, "sign_in", client):
                reset = self.limiter.get_window_stats(item, "sign_in", client).reset_time
                wait = max(1, math.ceil(reset - time.time()))
                raise TooManyRequests(
                    "too many sign-in attempts; please wait and try again",
                    [Problem("", f"at most {item} from one address; try again in {wait} s", None)],
                    retry_after=wait,
                )


def _sign_in(request: Request, email: str, password: str, code: str) -> str:
    """Check the details and open a session; its token. SignInRefused or TooManyRequests otherwise."""
    limit: SignInLimit | None = request.app.state.clinic_sign_in_limit
    if limit is not None:
        limit.hit(client_of(request))
    settings: Settings = request.app.state.settings
    store: Store = request.app.state.store
    at = now()
    # the failed attempt is counted (and the account locked) even though the sign-in is refused
    failure: SignInRefused | None = None
    with store.write() as session:
        try:
            staff = verify_sign_in(
                session, email=email, password=password, code=code, now=at,
                lockout_after=settings.lockout_after, lockout_minutes=settings.lockout_minutes,
            )  # fmt: skip
        except SignInRefused as exc:
            failure = exc
        else:
            token = start_session(session, user_id=staff.id, now=at, hours=settings.session_hours)
            audit.record(session, actor=actor(staff), action="sign_in", now=at)
    if failure is not None:
        raise failure
    return token


def _safe_next(target: str) -> str:
    return target if target.startswith("/clinic") and "//" not in target and "\\" not in target else "/clinic"


@pages.get("/clinic/sign-in", response_class=HTMLResponse)
def sign_in_form(request: Request, csrf: CsrfDep, next: str = "/clinic") -> HTMLResponse:
    """The sign-in form."""
    context = {"next": _safe_next(next), "email": "", "error": None, "message": None}
    return page(request, csrf, "clinic/sign_in.html", context)


@pages.post("/clinic/sign-in", response_class=HTMLResponse, response_model=None)
async def sign_in(request: Request, csrf: CsrfDep) -> Response:
    """Check the details; on success a session cookie and the page asked for."""
    context = {"next": "/clinic", "email": "", "message": None}
    try:
        form = await posted(request, csrf)
    except FormExpired:
        context["error"] = "The form had expired. Please sign in again."
        return page(request, csrf, "clinic/sign_in.html", context, status=403)
    email, target = text(form, "email", 320), _safe_next(text(form, "next", 300))
    context.update(email=email, next=target)
    try:
        token = await run_in_threadpool(
            _sign_in, request, email, text(form, "password", 1000), text(form, "code", 12)
        )
    except SignInRefused:
        context["error"] = (
            "The email, password or code is not right, or the account is locked or disabled. After "
            f"{request.app.state.settings.lockout_after} wrong tries an account is locked for a while."
        )
        return page(request, csrf, "clinic/sign_in.html", context, status=401)
    response = RedirectResponse(target, status_code=303)
    _set_cookie(response, token, request.app.state.settings)
    return response


def _set_cookie(response: Response, token: str, settings: Settings) -> None:
    response.set_cookie(
        COOKIE, token, httponly=True, samesite="lax", secure=settings.cookies_secure, path="/",
        max_age=settings.session_hours * 3600,
    )  # fmt: skip


def _end(request: Request, token: str | None, staff: Staff | None) -> None:
    store: Store = request.app.state.store
    if token:
        with store.write() as session:
            end_session(session, token=token, now=now())
            if staff is not None:
                audit.record(session, actor=actor(staff), action="sign_out", now=now())


@pages.post("/clinic/sign-out", response_model=None)
async def sign_out(request: Request, csrf: CsrfDep) -> Response:
    """End this session (the cookie is useless from now on, even if kept)."""
    await posted(request, csrf)
    await run_in_threadpool(_end, request, request.cookies.get(COOKIE), None)
    response = RedirectResponse("/clinic/sign-in", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


class SessionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320)
    password: str = Field(max_length=1000)
    code: str = Field(default="", max_length=12, description="the TOTP code, if the account has one")


class SessionPublic(BaseModel):
    token: str = Field(description="send as 'Authorization: Bearer <token>'")
    idle_minutes: int
    hours: int


@api.post("/sessions", response_model=SessionPublic, status_code=201, responses=documented(422, 429))
def create_session(request: Request, body: SessionCreate) -> SessionPublic:
    """Sign in for the API: a session token (refused: 401 with one message for every reason)."""
    token = _sign_in(request, body.email, body.password, body.code)
    settings: Settings = request.app.state.settings
    return SessionPublic(
        token=token, idle_minutes=settings.session_idle_minutes, hours=settings.session_hours
    )


@api.delete("/sessions/current", status_code=204, response_model=None, responses=documented(422))
def delete_session(request: Request, staff: CurrentClinician) -> Response:
    """Sign out: the token stops working at once."""
    _end(request, session_token(request), staff)
    return Response(status_code=204)
