"""Security headers, caching and cookies (issue 10): no framing, no sniffing, no referrer, a strict CSP
without inline script, nothing cached that holds answers or bookings, HSTS and Secure cookies over HTTPS
(and HTTPS believed only from a configured proxy)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from nerveroot.settings import Settings
from nerveroot.web.app import create_app

PAGES = [
    "/",
    "/check/red-flags",
    "/book",
    "/learn",
    "/emergency",
    "/api/v1/slots",
    "/healthz",
    "/no-such-page",
]
SECRET = "h" * 40


def _csp(response: object) -> dict[str, str]:
    header: str = response.headers["content-security-policy"]  # type: ignore[attr-defined]
    return {d.split()[0]: d for d in (part.strip() for part in header.split(";")) if d}


@pytest.mark.parametrize("path", PAGES)
def test_every_answer_carries_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"accept": "text/html"})
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    csp = _csp(response)
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert csp["script-src"] == "script-src 'self'"  # no inline script, no eval, nothing from elsewhere
    assert csp["object-src"] == "object-src 'none'" and csp["base-uri"] == "base-uri 'none'"
    assert "strict-transport-security" not in response.headers  # plain HTTP here


def test_the_pages_have_no_inline_script_for_the_policy_to_break(client: TestClient) -> None:
    for path in ("/", "/check/red-flags", "/book", "/learn", "/emergency"):
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"\son[a-z]+\s*=", html), path  # no onclick= and the like


def test_static_files_may_be_cached(client: TestClient) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200 and response.headers.get("cache-control") != "no-store"


def test_the_api_docs_name_their_inline_script_by_hash(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    script_src = _csp(response)["script-src"]
    assert "'sha256-" in script_src and "'unsafe-inline'" not in script_src
    assert _csp(response)["frame-ancestors"] == "frame-ancestors 'none'"


def test_https_from_a_trusted_proxy_gets_hsts_and_secure_cookies(database_url: str) -> None:
    settings = Settings(database_url=database_url, secret_key=SECRET, trusted_proxies="testclient",
                        public_url="https://clinic.example.org")  # fmt: skip
    with TestClient(create_app(settings)) as client:
        over_https = client.get(
            "/book", headers={"x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9"}
        )
        assert over_https.headers["strict-transport-security"].startswith("max-age=")
        cookie = over_https.headers["set-cookie"]
        assert "nerveroot_csrf=" in cookie and "Secure" in cookie and "SameSite=strict" in cookie
        plain = client.get("/book")
        assert "strict-transport-security" not in plain.headers


def test_forwarded_headers_from_anyone_else_are_ignored(database_url: str) -> None:
    settings = Settings(database_url=database_url, secret_key=SECRET)
    with TestClient(create_app(settings)) as client:
        spoofed = client.get(
            "/healthz", headers={"x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9"}
        )
    assert "strict-transport-security" not in spoofed.headers


def test_pages_answer_errors_as_pages_and_programs_as_json(client: TestClient) -> None:
    missing = client.get("/no-such-page", headers={"accept": "text/html"})
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    big = client.post("/book", content=b"a=" + b"x" * 70_000,
                      headers={"accept": "text/html", "content-type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert big.status_code == 413 and big.headers["content-type"].startswith("text/html")
    api = client.post(
        "/api/v1/bookings",
        content=b"{" * 10,
        headers={"accept": "text/html", "content-type": "application/json"},
    )
    assert api.status_code == 422 and api.json()["problems"]
