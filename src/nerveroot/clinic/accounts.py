"""Staff accounts: create, list, disable; check a password (Argon2id via argon2-cffi), lock an account
after repeated wrong passwords, and an optional second factor (TOTP via pyotp).

These functions run inside a unit of work's transaction and never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from nerveroot.errors import BadInput, Conflict, NotFound, Problem
from nerveroot.store.clinic import ROLES, User

MIN_PASSWORD = 12
_hasher = PasswordHasher()
# a hash to verify against when the account does not exist, so both answers take as long
_DUMMY = _hasher.hash("not a real password, only for timing")


@dataclass(frozen=True)
class Staff:
    """A member of staff as the rest of the app sees them (read inside the transaction)."""

    id: int
    email: str
    name: str
    role: str

    @property
    def label(self) -> str:
        return self.name or self.email


class SignInRefused(BadInput):
    """Wrong email, password or code, a disabled or locked account: one message for all (no account probing)."""

    http_status = 401


def normalise_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise BadInput("not an email address", [Problem("email", str(exc), email[:80])]) from None


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise BadInput(
            "the password is too short",
            [Problem("password", f"use at least {MIN_PASSWORD} characters (a passphrase is easiest)")],
        )


def add_user(session: Session, *, email: str, password: str, role: str, name: str, now: datetime) -> Staff:
    if role not in ROLES:
        raise BadInput("unknown role", [Problem("role", f"expected one of {', '.join(ROLES)}", role)])
    check_password_strength(password)
    email = normalise_email(email)
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict("the account exists", [Problem("email", "an account with this email exists", email)])
    user = User(
        email=email,
        name=name.strip()[:200],
        role=role,
        password_hash=_hasher.hash(password),
        failed_sign_ins=0,
        created_at=now,
    )
    session.add(user)
    session.flush()
    return Staff(user.id, user.email, user.name, user.role)


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.email)))


def user_by_email(session: Session, email: str) -> User:
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise NotFound("no such account", [Problem("email", "no account has this email", email[:80])])
    return user


def disable_user(session: Session, *, email: str, now: datetime) -> User:
    """Disable the account and end every session it holds (the old session cookie stops working at once)."""
    from nerveroot.clinic.sessions import revoke_all

    user = user_by_email(session, email)
    if user.disabled_at is None:
        user.disabled_at = now
    revoke_all(session, user_id=user.id, now=now)
    session.flush()
    return user


def enable_totp(session: Session, *, email: str) -> str:
    """Give the account a new TOTP secret; returns the provisioning URI for an authenticator app."""
    user = user_by_email(session, email)
    user.totp_secret = pyotp.random_base32()
    session.flush()
    return pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email, issuer_name="nerveroot")


def verify_sign_in(
    session: Session,
    *,
    email: str,
    password: str,
    code: str,
    now: datetime,
    lockout_after: int,
    lockout_minutes: int,
) -> Staff:
    """The account, if the password (and the TOTP code, when the account has one) is right and the account
    is neither disabled nor locked. Each failure counts; `lockout_after` of them lock it for a while."""
    refused = SignInRefused(
        "sign-in refused",
        [
            Problem(
                "password", "the email, password or code is not right, or the account is locked or disabled"
            )
        ],
    )
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        _verify(_DUMMY, password)
        raise refused
    if user.locked_until is not None and user.locked_until > now:
        _verify(_DUMMY, password)
        raise refused
    ok = _verify(user.password_hash, password)
    if ok and user.totp_secret:
        ok = pyotp.TOTP(user.totp_secret).verify(code.strip(), valid_window=1)
    if not ok or user.disabled_at is not None:
        if not ok:
            user.failed_sign_ins += 1
            if user.failed_sign_ins >= lockout_after:
                user.locked_until = now + timedelta(minutes=lockout_minutes)
                user.failed_sign_ins = 0
        session.flush()
        raise refused
    user.failed_sign_ins = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    session.flush()
    return Staff(user.id, user.email, user.name, user.role)


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False
