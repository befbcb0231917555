"""Page tests drive the real app in-process with FastAPI's TestClient: real engine, real templates."""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # starlette warns that its TestClient will move to httpx2; the client itself works as before
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from nerveroot.web.app import create_app
from nerveroot.web.screening import QUESTIONS


@pytest.fixture(scope="session")
def client() -> TestClient:
    return TestClient(create_app(), raise_server_exceptions=False)


def all_flags(answer: str = "no", **overrides: str) -> dict[str, str]:
    """A red-flag form with every question answered `answer`, except those named in overrides."""
    form = {f"flag-{q.id}": answer for q in QUESTIONS}
    form.update({f"flag-{k}": v for k, v in overrides.items()})
    return form


def hidden(page: str, name: str) -> str:
    """The value of the first hidden input called `name` in a page."""
    found = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="([^"]*)"', page)
    assert found, f"no hidden field {name!r}"
    return html.unescape(found.group(1))


def hidden_case(page: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(hidden(page, "case"))
    return value


def checked_ids(page: str) -> set[str]:
    return set(re.findall(r'id="([^"]+)"[^>]*\bchecked\b', page))


@pytest.fixture
def to_body_map(client: TestClient) -> Callable[..., str]:
    """Answer the red flags (all "no" unless overridden) and return the body-map page."""

    def go(**overrides: str) -> str:
        r = client.post("/check/red-flags", data=all_flags(**overrides))
        assert r.status_code == 200, r.text
        assert "Where do you feel it?" in r.text
        return r.text

    return go
