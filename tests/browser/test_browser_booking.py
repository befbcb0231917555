"""The booking pages in Debian's Chromium: by mouse and by keyboard alone, with axe-core in the page.

The real app on a migrated SQLite file with demo slots (tests/browser/conftest.py); screenshots and axe
reports go to test-artifacts/.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from journey import axe_problems, shot, tab_to
from playwright.sync_api import Page

CASE = {"age": 47, "pain": {"right": ["buttock", "posterior_thigh", "posterior_calf", "heel"]}}

pytestmark = pytest.mark.browser


def _axe(page: Page, name: str) -> None:
    shot(page, f"booking-{name}")
    assert axe_problems(page, f"booking-{name}") == [], name


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
    tab_to(page, "input[name=slot_id]")
    page.keyboard.press("Space")  # the first free time
    for field, text in (
        ("#name", "Alan Turing"),
        ("#email", "alan@example.org"),
        ("#phone", "020 7946 0959"),
    ):
        tab_to(page, field)
        page.keyboard.type(text)
    tab_to(page, "#consent")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/book/NR-*")
    assert page.locator(".reference").inner_text().startswith("NR-")
    _axe(page, "confirmed-keyboard")
