"""The four ways the patient pages once failed a person with cauda equina symptoms (issue 9), in Chromium.

1. an emergency answer reaches the emergency page whatever else is blank;
2. "not sure" about a warning sign is never taken as "no": the result is at least what PRODUCT.md says, and
   it lists the uncertain answers with how to check them;
3. words that contradict the warning-sign screen reach advice (here: the emergency page), not an error;
4. no answer appears in any request URL or access-log line, through a whole journey and a booking.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from journey import answer_questions_by_mouse, answer_red_flags_by_mouse, book_by_mouse, shot
from playwright.sync_api import Page, Request, expect

pytestmark = pytest.mark.browser

EMERGENCY = "Get emergency care now"
LEVELS = ["self_care", "routine", "prompt", "urgent", "emergency"]


def _level(page: Page) -> str:
    """The triage level the result page shows, from the class of its triage box."""
    classes = page.locator("section.triage").get_attribute("class") or ""
    found = re.search(r"triage-(\w+)", classes)
    assert found, classes
    return found.group(1)


def test_an_emergency_answer_with_everything_else_blank_reaches_the_emergency_page(page: Page) -> None:
    page.goto("/check/red-flags")
    page.click("label[for='flag-saddle_numbness-yes']")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EMERGENCY)
    expect(page.get_by_text("Choose yes, no or not sure")).to_have_count(0)
    shot(page, "safe-emergency-blank")


def test_not_sure_about_cauda_equina_signs_is_urgent_and_listed_with_how_to_check(page: Page) -> None:
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page, {"saddle_numbness": "unsure", "bladder_dysfunction": "unsure"})
    page.check("#m-pain-left-lateral_calf")
    page.get_by_role("button", name="Continue", exact=True).click()
    answer_questions_by_mouse(page)  # "not sure" at every follow-up too
    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    shot(page, "safe-not-sure-result")
    assert LEVELS.index(_level(page)) >= LEVELS.index("urgent")
    unsure = page.locator("#unsure")
    expect(unsure).to_contain_text("saddle")
    expect(unsure).to_contain_text("urine")
    expect(unsure).to_contain_text("go to an emergency department")  # the `check` text says what to do
    told = page.locator(".told-us").inner_text()
    assert "Not sure" in told
    assert "Look after it yourself" not in page.content()


def test_words_that_contradict_the_screen_reach_the_emergency_page_not_an_error(page: Page) -> None:
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page)  # "no" to every warning sign
    page.fill("#story", "since yesterday new numbness between my legs and I can't pass urine")
    page.get_by_role("button", name="Read my description").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EMERGENCY)
    assert "contradict" not in page.content()
    shot(page, "safe-words-contradict")
    # misread? the way back leads to the description, with the words kept
    page.get_by_role("button", name="go back and change your description").click()
    expect(page.locator("#story")).to_have_value(re.compile("pass urine"))


def test_words_with_a_red_flag_reach_the_emergency_page_even_unread(page: Page) -> None:
    """Continue without pressing "Read my description": the words are still read before going on."""
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page)
    page.check("#m-pain-right-posterior_calf")
    page.fill("#story", "since yesterday new numbness between my legs and I can't pass urine")
    page.get_by_role("button", name="Continue", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EMERGENCY)


# words a person gives in the journey below; none may show in a URL or a log line
# long enough that a random page token (32 URL-safe characters) cannot hold one by chance: "Ada" could
SECRET_WORDS = ("lateral_calf", "great_toe", "dorsum_foot", "numbness", "history", "case=", "Quenby",
                "example.org")  # fmt: skip


def _leaks(line: str) -> list[str]:
    return [w for w in SECRET_WORDS if w.lower() in line.lower()]


def test_no_answer_appears_in_any_url_or_access_log_line(page: Page, access_log: Path) -> None:
    urls: list[str] = []

    def seen(request: Request) -> None:
        urls.append(request.url)

    page.on("request", seen)
    start = access_log.stat().st_size
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page, {"history_of_cancer": "yes", "fever": "unsure"})
    page.fill("#age", "61")
    page.check("#m-pain-left-lateral_calf")
    page.check("#m-numbness-left-great_toe")
    page.check("#m-numbness-left-dorsum_foot")
    page.get_by_role("button", name="Continue", exact=True).click()
    answer_questions_by_mouse(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    page.get_by_role("button", name="Book a new-patient consultation").click()
    reference = book_by_mouse(page, name="Ada Quenby", email="ada.quenby@example.org", phone="020 7946 0000")
    assert reference.startswith("NR-")
    page.reload()  # the confirmation again, and a refresh on the way
    assert len(urls) > 10
    for url in urls:
        parsed = urlparse(url)
        assert _leaks(parsed.path + "?" + parsed.query) == [], url
        assert parsed.query in ("",) or parsed.query.startswith("token="), url
    with access_log.open() as log:
        log.seek(start)
        lines = [line for line in log if '"GET ' in line or '"POST ' in line]
    assert any("/book/NR-" in line for line in lines), "the access log was not written"
    assert [line for line in lines if _leaks(line)] == []
