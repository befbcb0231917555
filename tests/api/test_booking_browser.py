"""The booking pages in Debian's Chromium: by mouse and by keyboard alone, with axe-core in the page.

The real server (`nerveroot serve`) on a migrated SQLite file with demo slots; screenshots go to
test-artifacts/. Never a downloaded browser: Playwright launches /usr/bin/chromium.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CASE = {"age": 47, "pain": {"right": ["buttock", "posterior_thigh", "posterior_calf", "heel"]}}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("booking-browser")
    env = {
        **os.environ,
        "NERVEROOT_DATABASE_URL": f"sqlite:///{folder / 'b.db'}",
        "NERVEROOT_SECRET_KEY": "b" * 40,
    }
    nerveroot = [sys.executable, "-m", "nerveroot"]
    for command in (["db", "upgrade"], ["slots", "demo", "--days", "14"]):
        subprocess.run([*nerveroot, *command], env=env, cwd=folder, check=True, capture_output=True)
    port = _free_port()
    with (folder / "server.log").open("w") as log:
        server = subprocess.Popen(
            [*nerveroot, "serve", "--port", str(port), "--log-level", "warning"],
            env=env, cwd=folder, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError((folder / "server.log").read_text()) from None
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=15)


@pytest.fixture
def page() -> Iterator[Page]:
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield browser.new_page()
        finally:
            browser.close()


def _axe(page: Page, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"booking-{name}.png"), full_page=True)
    (ARTIFACTS / f"booking-{name}-axe.json").write_text(json.dumps(results.response["violations"], indent=1))
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], f"{name}: {serious}"


def _tab_to(page: Page, selector: str, limit: int = 200) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_book_and_cancel_by_mouse(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/book?case={quote(json.dumps(CASE))}")
    _axe(page, "form")
    page.fill("#name", "Grace Hopper")
    page.fill("#email", "grace@")
    page.click("button[type=submit]")
    assert page.locator("#email-error").is_visible() and page.locator("#consent-error").is_visible()
    assert page.input_value("#name") == "Grace Hopper"
    _axe(page, "form-errors")

    page.locator("input[name=slot_id]").first.check()
    page.fill("#email", "grace@example.org")
    page.fill("#phone", "+44 20 7946 0958")
    page.check("#consent")
    page.click("button[type=submit]")
    reference = page.locator(".reference").inner_text()
    assert reference.startswith("NR-")
    _axe(page, "confirmed")
    with page.expect_download() as download:
        page.click("text=Add it to your calendar")
    assert download.value.suggested_filename == f"{reference}.ics"

    page.click("text=Cancel this booking")
    _axe(page, "cancel")
    page.click("text=Yes, cancel it")
    assert "is cancelled" in page.content()
    _axe(page, "cancelled")


def test_book_by_keyboard_alone(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/book")
    _tab_to(page, "input[name=slot_id]")
    page.keyboard.press("Space")  # the first free time
    for field, text in (
        ("#name", "Alan Turing"),
        ("#email", "alan@example.org"),
        ("#phone", "020 7946 0959"),
    ):
        _tab_to(page, field)
        page.keyboard.type(text)
    _tab_to(page, "#consent")
    page.keyboard.press("Space")
    _tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/book/NR-*")
    assert page.locator(".reference").inner_text().startswith("NR-")
    _axe(page, "confirmed-keyboard")
