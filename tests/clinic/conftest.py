"""The clinic workspace on a real, migrated database, with staff accounts and helpers to sign in and post
forms with their CSRF token (as a browser would)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from nerveroot.clinic.accounts import add_user, disable_user
from nerveroot.clinic.web import now
from nerveroot.settings import Settings
from nerveroot.store import Store
from nerveroot.store.migrate import upgrade
from nerveroot.web.app import create_app
from store.databases import BACKENDS, fresh_database

SECRET = "clinic-test-secret-" + "x" * 40
PASSWORD = "correct horse battery staple"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
L5_CASE: dict[str, Any] = {
    "age": 45, "sex": "female", "duration_weeks": 3,
    "pain": {"left": ["low_back", "buttock", "posterior_thigh", "lateral_calf", "dorsum_foot"]},
    "numbness": {"left": ["dorsum_foot", "great_toe"]},
    "history": {"worse_cough_sneeze": True, "saddle_numbness": False, "bladder_dysfunction": False,
                "bowel_incontinence": False},
}  # fmt: skip


@pytest.fixture(params=["sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        upgrade(url)
        yield url


@pytest.fixture(params=BACKENDS)
def any_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        upgrade(url)
        yield url


def settings_for(url: str, **extra: Any) -> Settings:
    return Settings(database_url=url, secret_key=SECRET, **extra)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    db = Store(database_url)
    yield db
    db.dispose()


def make_staff(store: Store, email: str, role: str = "clinician", name: str = "") -> None:
    with store.write() as session:
        add_user(
            session,
            email=email,
            password=PASSWORD,
            role=role,
            name=name or email.split("@", maxsplit=1)[0].title(),
            now=now(),
        )


def disable(store: Store, email: str) -> None:
    with store.write() as session:
        disable_user(session, email=email, now=now())


@pytest.fixture
def app_client(database_url: str) -> Iterator[TestClient]:
    app = create_app(settings_for(database_url))
    with TestClient(app) as client:
        yield client


def client_for(url: str, **extra: Any) -> TestClient:
    return TestClient(create_app(settings_for(url, **extra)))


def csrf_of(client: TestClient, path: str) -> str:
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 200, (path, page.status_code, page.text[:300])
    found = CSRF.search(page.text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def post_form(client: TestClient, path: str, data: dict[str, Any], *, token_from: str | None = None,
              follow: bool = False) -> Any:  # fmt: skip
    token = csrf_of(client, token_from or path)
    return client.post(path, data={**data, "csrf_token": token}, headers={"accept": "text/html"},
                       follow_redirects=follow)  # fmt: skip


def sign_in(client: TestClient, email: str, password: str = PASSWORD, code: str = "") -> Any:
    return post_form(client, "/clinic/sign-in", {"email": email, "password": password, "code": code,
                                                 "next": "/clinic"})  # fmt: skip


def api_token(client: TestClient, email: str, password: str = PASSWORD) -> str:
    answer = client.post("/api/v1/clinic/sessions", json={"email": email, "password": password})
    assert answer.status_code == 201, answer.text
    token: str = answer.json()["token"]
    return token


def desk_episode(
    client: TestClient, token: str, case: dict[str, Any] | None = None, name: str = "Ada Lovelace"
) -> int:
    answer = client.post("/api/v1/clinic/episodes", json={"name": name, "email": "ada@example.org", "case": case or L5_CASE},
                         headers={"authorization": f"Bearer {token}"})  # fmt: skip
    assert answer.status_code == 201, answer.text
    episode_id: int = answer.json()["id"]
    return episode_id
