"""Accounts, sessions, sign-in with CSRF, lockout, rate limit, second factor, disabled accounts."""

from __future__ import annotations

import subprocess
import sys

import pyotp
import pytest
from fastapi.testclient import TestClient

from clinic.conftest import (
    PASSWORD,
    client_for,
    csrf_of,
    disable,
    make_staff,
    post_form,
    settings_for,
    sign_in,
)
from nerveroot.clinic.accounts import enable_totp
from nerveroot.settings import Settings
from nerveroot.store import Store


def test_settings_refuse_the_default_secret_outside_development() -> None:
    with pytest.raises(ValueError, match="NERVEROOT_SECRET_KEY must be set outside development"):
        Settings(environment="production")
    assert Settings(environment="production", secret_key="k" * 40).environment == "production"


def test_sign_in_sets_a_server_side_session_cookie_and_sign_out_kills_it(
    app_client: TestClient, store: Store
) -> None:
    make_staff(store, "cleo@clinic.example")
    answer = sign_in(app_client, "cleo@clinic.example")
    assert answer.status_code == 303 and answer.headers["location"] == "/clinic"
    cookie = answer.headers["set-cookie"]
    assert "nerveroot_clinic=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    old = app_client.cookies.get("nerveroot_clinic")
    assert app_client.get("/clinic", headers={"accept": "text/html"}).status_code == 200
    post_form(app_client, "/clinic/sign-out", {}, token_from="/clinic")
    app_client.cookies.set("nerveroot_clinic", old)  # a kept copy of the cookie is useless after sign-out
    answer = app_client.get("/clinic", headers={"accept": "text/html"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/clinic/sign-in")


def test_cookie_is_secure_over_https(database_url: str, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    with client_for(database_url, public_url="https://clinic.example") as client:
        assert "Secure" in sign_in(client, "cleo@clinic.example").headers["set-cookie"]


def test_wrong_password_is_one_message_and_locks_after_repeats(database_url: str, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    with client_for(database_url, lockout_after=3, rate_limits=False) as client:
        for _ in range(3):
            answer = sign_in(client, "cleo@clinic.example", "wrong password here")
            assert answer.status_code == 401 and "not right, or the account is locked" in answer.text
        unknown = sign_in(client, "nobody@clinic.example", "wrong password here")
        assert unknown.status_code == 401 and "not right, or the account is locked" in unknown.text
        locked = sign_in(client, "cleo@clinic.example")  # the right password, but locked now
        assert locked.status_code == 401


def test_sign_in_is_rate_limited_per_address(database_url: str, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    with client_for(database_url, rate_limit_sign_in="3/minute", lockout_after=50) as client:
        codes = [client.post("/api/v1/clinic/sessions", json={"email": "cleo@clinic.example", "password": "x" * 12}).status_code
                 for _ in range(4)]  # fmt: skip
    assert codes == [401, 401, 401, 429]


def test_forged_csrf_token_is_refused_and_nothing_happens(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    csrf_of(app_client, "/clinic/sign-in")
    answer = app_client.post("/clinic/sign-in", data={"email": "cleo@clinic.example", "password": PASSWORD,
                             "csrf_token": "forged"}, headers={"accept": "text/html"}, follow_redirects=False)  # fmt: skip
    assert answer.status_code == 403 and "expired" in answer.text
    assert "nerveroot_clinic" not in answer.headers.get("set-cookie", "")


def test_totp_is_asked_when_the_account_has_it(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    with store.write() as session:
        uri = enable_totp(session, email="cleo@clinic.example")
    secret = pyotp.parse_uri(uri).secret
    assert sign_in(app_client, "cleo@clinic.example", code="000000").status_code == 401
    assert sign_in(app_client, "cleo@clinic.example", code=pyotp.TOTP(secret).now()).status_code == 303


def test_a_disabled_accounts_old_session_is_refused(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    assert sign_in(app_client, "cleo@clinic.example").status_code == 303
    token = app_client.post(
        "/api/v1/clinic/sessions", json={"email": "cleo@clinic.example", "password": PASSWORD}
    ).json()["token"]
    disable(store, "cleo@clinic.example")
    page = app_client.get("/clinic", headers={"accept": "text/html"}, follow_redirects=False)
    assert page.status_code == 303 and "/clinic/sign-in" in page.headers["location"]
    api = app_client.get("/api/v1/clinic/worklist", headers={"authorization": f"Bearer {token}"})
    assert api.status_code == 401 and "sign in" in api.json()["error"]
    assert sign_in(app_client, "cleo@clinic.example").status_code == 401


def test_idle_session_expires(database_url: str, store: Store) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from nerveroot.clinic.web import now
    from nerveroot.store.clinic import UserSession

    make_staff(store, "cleo@clinic.example")
    with client_for(database_url) as client:
        token = client.post(
            "/api/v1/clinic/sessions", json={"email": "cleo@clinic.example", "password": PASSWORD}
        ).json()["token"]
        headers = {"authorization": f"Bearer {token}"}
        assert client.get("/api/v1/clinic/worklist", headers=headers).status_code == 200
        with store.write() as session:
            session.execute(update(UserSession).values(last_seen_at=now() - timedelta(minutes=31)))
        assert client.get("/api/v1/clinic/worklist", headers=headers).status_code == 401


def test_users_command_asks_twice_lists_and_disables(database_url: str, tmp_path: object) -> None:
    env = {"NERVEROOT_DATABASE_URL": database_url, "NERVEROOT_SECRET_KEY": "s" * 40, "PATH": "/usr/bin:/bin"}
    add = subprocess.run(check=False, args=[sys.executable, "-m", "nerveroot", "users", "add", "Doc@Clinic.example", "--role", "clinician"],
                         input=f"{PASSWORD}\n{PASSWORD}\n", env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert add.returncode == 0, add.stderr
    assert PASSWORD not in add.stdout + add.stderr  # never echoed
    mismatch = subprocess.run(check=False, args=[sys.executable, "-m", "nerveroot", "users", "add", "x@clinic.example"],
                              input=f"{PASSWORD}\nsomething else entirely\n{PASSWORD}\n{PASSWORD}\n", env=env,
                              capture_output=True, text=True, timeout=60)  # fmt: skip
    assert mismatch.returncode == 0 and "do not match" in (mismatch.stdout + mismatch.stderr).lower()
    listed = subprocess.run(
        check=False,
        args=[sys.executable, "-m", "nerveroot", "users", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "doc@clinic.example" in listed.stdout and "active" in listed.stdout
    short = subprocess.run(check=False, args=[sys.executable, "-m", "nerveroot", "users", "add", "y@clinic.example"], input="short\nshort\n",
                           env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert short.returncode == 2 and "at least 12 characters" in short.stderr
    off = subprocess.run(check=False, args=[sys.executable, "-m", "nerveroot", "users", "disable", "doc@clinic.example"], env=env,
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert off.returncode == 0
    listed = subprocess.run(
        check=False,
        args=[sys.executable, "-m", "nerveroot", "users", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "disabled" in listed.stdout
    _ = settings_for
