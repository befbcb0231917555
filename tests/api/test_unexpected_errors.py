"""An unexpected exception: 500 with an incident id (a page for a browser), the log names the type and
the route but never the message, which may hold what a person typed (issue 10)."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from nerveroot.settings import Settings
from nerveroot.web.app import create_app


def test_an_unexpected_error_is_a_500_without_the_message_in_the_log(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(Settings(database_url=database_url, secret_key="u" * 40))

    @app.get("/api/v1/boom")
    def boom(who: str) -> None:
        raise ValueError(who)  # what a person typed, in the exception's message

    @app.get("/boom-page")
    def boom_page(who: str) -> None:
        raise ValueError(who)

    with TestClient(app, raise_server_exceptions=False) as client, caplog.at_level(logging.ERROR):
        who = {"who": "Ada Lovelace ada@example.org"}
        api = client.get("/api/v1/boom", params=who)
        page = client.get("/boom-page", params=who, headers={"accept": "text/html"})
        after = client.get("/healthz")
    assert api.status_code == 500 and "incident" in api.json()["error"]
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "Something went wrong" in page.text and "Ada" not in page.text
    assert page.headers["x-frame-options"] == "DENY"  # the error page has the headers too
    assert after.status_code == 200
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "unexpected ValueError on GET /api/v1/boom" in logged
    assert "Ada" not in logged and "example.org" not in logged
