"""The site around the pages: a favicon, a stylesheet that stays on the page's own scheme, no answer kept
longer than it says, and an expired page that says so."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from pageforms import all_flags


def test_the_favicon_is_served(client: TestClient) -> None:
    r = client.get("/favicon.ico")
    assert r.status_code == 200
    assert r.headers["content-type"] == "image/x-icon"
    assert r.content[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_the_stylesheet_and_scripts_are_addressed_relative_to_the_site(client: TestClient) -> None:
    """Behind a TLS proxy an absolute http:// address would be blocked as mixed content."""
    page = client.get("/").text
    assert '<link rel="stylesheet" href="/static/style.css">' in page
    assert "http://" not in page
    body_map = client.post("/check/red-flags", data=all_flags()).text
    assert 'src="/static/bodymap.js"' in body_map


def test_each_step_is_a_page_of_its_own_kept_for_this_browser_only(client: TestClient) -> None:
    r = client.post("/check/red-flags", data=all_flags(), follow_redirects=False)
    assert r.status_code == 303
    location = r.headers["location"]
    assert re.fullmatch(r"/check/page/[\w-]{20,64}", location)
    assert r.headers["cache-control"] == "no-store"
    assert client.get(location).status_code == 200
    from fastapi.testclient import TestClient as Fresh

    stranger = Fresh(client.app)  # another browser: no journey cookie
    page = stranger.get(location)
    assert page.status_code == 404 and "no longer kept" in page.text
    assert "Where do you feel it?" not in page.text


def test_an_emergency_result_shows_no_self_care_advice(client: TestClient) -> None:
    case = {"pain": {"left": ["buttock"]}, "history": {"saddle_numbness": True}}
    page = client.post("/check/result", data={"case": json.dumps(case)}).text
    assert "Emergency" in page
    assert "What helps now" not in page and "How long recovery usually takes" not in page
