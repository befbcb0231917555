"""Browser tests: the real app served by uvicorn in a subprocess, driven by Debian's Chromium.

Never a downloaded browser: Playwright launches /usr/bin/chromium. The app gets its own SQLite file, so it
starts whether or not the booking store is merged. Screenshots and axe reports go to test-artifacts/.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]

if not Path(
    CHROMIUM
).exists():  # pragma: no cover - the CI image installs it (scripts/install-system-deps.sh)
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _prepare_database(env: dict[str, str]) -> None:
    """Migrate the database and open demo slots, as `make run` does, so the journey can end in a booking."""
    for command in (["db", "upgrade"], ["slots", "demo", "--days", "14"]):
        subprocess.run(
            [sys.executable, "-m", "nerveroot", *command], env=env, cwd=REPO, check=True, capture_output=True
        )


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Start the app with uvicorn on a free port, its access log on; stop it after the session."""
    port = _free_port()
    db = tmp_path_factory.mktemp("browser-db") / "nerveroot.db"
    # the signing key comes from the environment, so nothing is written into the checkout (var/secret_key)
    env = {
        **os.environ,
        "NERVEROOT_DATABASE_URL": f"sqlite:///{db}",
        "NERVEROOT_SECRET_KEY": secrets.token_urlsafe(48),
    }
    _prepare_database(env)
    log_path = tmp_path_factory.mktemp("browser-log") / "uvicorn.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "nerveroot.web.app:create_app",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "info", "--access-log"],
        env=env, cwd=tmp_path_factory.mktemp("browser-cwd"), stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip

    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the app did not start; see {log.name}") from None
                time.sleep(0.2)
        yield url, log_path
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def base_url(server: tuple[str, Path]) -> str:
    return server[0]


@pytest.fixture(scope="session")
def access_log(server: tuple[str, Path]) -> Path:
    """The server's log file: uvicorn's access log, one line per request."""
    return server[1]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def nojs_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page with JavaScript switched off: every step must still work."""
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
