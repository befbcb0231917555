"""Steps of the patient journey in the browser, by mouse or by keyboard, shared by the browser tests.

The journey stops at the result page's Book button; :func:`continue_to_booking` is where the booking
tests (the store branch) pick it up.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from nerveroot.web.screening import QUESTIONS

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
BLOCKING = ("serious", "critical")
_axe = Axe()


def shot(page: Page, name: str) -> None:
    """Keep a full-page screenshot as a CI artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_problems(page: Page, name: str) -> list[str]:
    """Run axe-core in the page; return the serious or critical violations (the full report is kept)."""
    results = _axe.run(page)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(results.response["violations"], indent=1))
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in BLOCKING
    ]


def tab_to(page: Page, selector: str, *, limit: int = 400, shift: bool = False) -> None:
    """Press Tab (only the keyboard) until the element matching `selector` has focus."""
    key = "Shift+Tab" if shift else "Tab"
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{selector} was not reached with {limit} presses of {key}")


def submit_by_key(page: Page, key: str = "Enter") -> None:
    """Press a key that submits a form, and wait for the next page to arrive."""
    with page.expect_navigation():
        page.keyboard.press(key)


# ------------------------------------------------------------------------------------ by mouse
def answer_red_flags_by_mouse(page: Page, answers: dict[str, str] | None = None) -> None:
    """Click an answer for every red-flag question ("no" unless given) and continue."""
    for q in QUESTIONS:
        value = (answers or {}).get(q.id, "no")
        page.click(f"label[for='flag-{q.id}-{value}']")
    page.get_by_role("button", name="Continue").click()


def mark_on_map(page: Page, kind: str, view: str, side: str, region: str) -> None:
    """Choose the kind of symptom, then click the region on the drawing."""
    page.click(f"label[for='kind-{kind}']")
    page.locator(f"svg[data-view='{view}'] [data-region='{region}'][data-side='{side}']").click()
    expect(page.locator(f"#m-{kind}-{side}-{region}")).to_be_checked()


def answer_questions_by_mouse(page: Page, limit: int = 80) -> int:
    """Answer each interview question "Not sure" (the last option, or the button) until the result shows.

    "Not sure" keeps the result tied to the marks on the body map, so the journey's end is predictable.
    """
    answered = 0
    while page.locator("input[name=question_id]").count() and answered < limit:
        options = page.locator("input[name=answer][type=radio]")
        if options.count():
            page.click(f"label[for='{options.last.get_attribute('id')}']")
            page.get_by_role("button", name="Next").click()
        else:
            page.get_by_role("button", name="Not sure").click()
        page.wait_for_load_state()
        answered += 1
    return answered


# --------------------------------------------------------------------------------- by keyboard
def answer_red_flags_by_keyboard(page: Page) -> None:
    """Tab into each question's radio group and choose "No" with the arrow key; Enter to continue."""
    for q in QUESTIONS:
        tab_to(page, f"#flag-{q.id}-yes")
        page.keyboard.press("ArrowRight")
        expect(page.locator(f"#flag-{q.id}-no")).to_be_checked()
    tab_to(page, "button.button-primary")
    submit_by_key(page)


def tick_by_keyboard(page: Page, box_id: str) -> None:
    tab_to(page, f"#{box_id}")
    page.keyboard.press("Space")
    expect(page.locator(f"#{box_id}")).to_be_checked()


def answer_questions_by_keyboard(page: Page, limit: int = 80) -> int:
    """The same with the keyboard: Tab into the options, Up arrow wraps to the last ("Not sure"), Enter."""
    answered = 0
    while page.locator("input[name=question_id]").count() and answered < limit:
        radios = page.locator("input[name=answer][type=radio]")
        if radios.count():
            tab_to(page, f"#{radios.first.get_attribute('id')}")
            page.keyboard.press("ArrowUp")
            expect(radios.last).to_be_checked()
            tab_to(page, "button.button-primary")
        else:
            tab_to(page, "button[value=not_sure]")
        submit_by_key(page)
        answered += 1
    return answered


# ------------------------------------------------------------------------------------ booking
def continue_to_booking(page: Page) -> dict[str, Any]:
    """From the result page, press "Book a new-patient consultation"; return the case the booking form holds.

    The button POSTs; the form is at /book/new/<id>, an address that holds no answer.
    :func:`book_by_mouse` and :func:`book_by_keyboard` then finish the journey at the confirmation.
    """
    with page.expect_navigation(url=re.compile(r"/book/new/")) as navigation:
        page.get_by_role("button", name="Book a new-patient consultation").click()
    response = navigation.value
    assert response is not None and response.status < 500, f"/book answered {response and response.status}"
    assert urlparse(page.url).query == ""
    case: dict[str, Any] = json.loads(page.locator("input[name=case]").get_attribute("value") or "{}")
    return case


def book_by_mouse(page: Page, *, name: str, email: str, phone: str) -> str:
    """On /book: take the first free time, fill the form, consent, confirm; return the booking reference."""
    page.locator("input[name=slot_id]").first.check()
    page.fill("#name", name)
    page.fill("#email", email)
    page.fill("#phone", phone)
    page.check("#consent")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/book/NR-"))
    return page.locator(".reference").inner_text()


def book_by_keyboard(page: Page, *, name: str, email: str, phone: str) -> str:
    """The same booking with the keyboard alone: Tab to each control, Space to choose, Enter to send."""
    tab_to(page, "input[name=slot_id]")
    page.keyboard.press("Space")
    for field, text in (("#name", name), ("#email", email), ("#phone", phone)):
        tab_to(page, field)
        page.keyboard.type(text)
    tab_to(page, "#consent")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/book/NR-"))
    return page.locator(".reference").inner_text()
