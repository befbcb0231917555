"""The patient journey in Chromium: by mouse, by keyboard alone, without JavaScript, and the emergency path."""

from __future__ import annotations

import json
import re

import pytest
from journey import (
    answer_questions_by_keyboard,
    answer_questions_by_mouse,
    answer_red_flags_by_keyboard,
    answer_red_flags_by_mouse,
    book_by_keyboard,
    book_by_mouse,
    continue_to_booking,
    mark_on_map,
    shot,
    submit_by_key,
    tab_to,
    tick_by_keyboard,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_journey_by_mouse_from_home_to_the_booking_confirmation(page: Page) -> None:
    page.goto("/")
    shot(page, "mouse-01-home")
    page.get_by_role("link", name="Start the check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("First, some warning signs")
    answer_red_flags_by_mouse(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Where do you feel it?")
    page.fill("#age", "44")
    mark_on_map(page, "pain", "back", "left", "buttock")
    mark_on_map(page, "pain", "front", "left", "lateral_calf")
    mark_on_map(page, "numbness", "front", "left", "dorsum_foot")
    mark_on_map(page, "numbness", "front", "left", "great_toe")
    expect(page.locator("svg[data-view='front'] [data-region='great_toe'][data-side='left']")).to_have_class(
        "region has-numbness"
    )
    shot(page, "mouse-02-body-map")
    page.get_by_role("button", name="Continue", exact=True).click()
    expect(page.get_by_text("Why we ask")).to_be_visible()
    shot(page, "mouse-03-question")
    answered = answer_questions_by_mouse(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    shot(page, "mouse-04-result")
    expect(page.locator(".triage")).to_be_visible()
    expect(page.get_by_text("nerve root, left side").first).to_be_visible()
    assert page.locator("svg [data-side='left'].derm-strong").count() > 0
    assert answered >= 1
    case = continue_to_booking(page)
    shot(page, "mouse-05-book")
    assert "great_toe" in case["numbness"]["left"]
    assert case["age"] == 44
    reference = book_by_mouse(page, name="Ada Lovelace", email="ada@example.org", phone="020 7946 0000")
    shot(page, "mouse-06-confirmation")
    assert reference.startswith("NR-")
    expect(page.get_by_role("link", name=re.compile("calendar", re.I))).to_be_visible()


def test_journey_by_keyboard_alone(page: Page) -> None:
    page.goto("/")
    tab_to(page, "a[href='/check/red-flags'].button")
    submit_by_key(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("First, some warning signs")
    answer_red_flags_by_keyboard(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Where do you feel it?")
    tab_to(page, "#age")
    page.keyboard.type("38")
    for box in (
        "m-pain-right-posterior_thigh",
        "m-pain-right-posterior_calf",
        "m-numbness-right-sole",
        "m-numbness-right-lateral_foot",
    ):
        tick_by_keyboard(page, box)
    shot(page, "keyboard-01-body-map")
    tab_to(page, "button.button-primary[value=continue]")
    submit_by_key(page)
    answer_questions_by_keyboard(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    shot(page, "keyboard-02-result")
    tab_to(page, "#book-button")
    submit_by_key(page)
    assert "/book/new/" in page.url and "?" not in page.url
    reference = book_by_keyboard(page, name="Alan Turing", email="alan@example.org", phone="020 7946 0959")
    shot(page, "keyboard-03-confirmation")
    assert reference.startswith("NR-")


def test_emergency_answer_goes_straight_to_what_to_do_now(page: Page) -> None:
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page, {"saddle_numbness": "yes", "bladder": "yes"})
    expect(page.get_by_role("heading", level=1)).to_have_text("Get emergency care now")
    expect(page.get_by_role("alert")).to_contain_text("Call your local emergency number")
    expect(page.get_by_role("button", name="Book a new-patient consultation")).to_have_count(0)
    expect(page.locator("a[href^='/book']")).to_have_count(0)
    shot(page, "emergency")


def test_a_missing_answer_is_shown_beside_the_question_and_the_rest_is_kept(page: Page) -> None:
    page.goto("/check/red-flags")
    page.click("label[for='flag-fever-yes']")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#err-saddle_numbness")).to_be_visible()
    expect(page.locator("#flag-fever-yes")).to_be_checked()
    shot(page, "red-flags-error")


def test_the_journey_works_without_javascript(nojs_page: Page) -> None:
    page = nojs_page
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page)
    expect(page.locator("#mark-kind")).to_be_hidden()
    page.check("#m-pain-left-anterior_thigh")
    page.check("#m-numbness-left-medial_shin")
    page.get_by_role("button", name="Continue", exact=True).click()
    answer_questions_by_mouse(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    expect(page.locator("#print-button")).to_be_hidden()


def test_back_from_the_body_map_keeps_the_answers(page: Page) -> None:
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page, {"history_of_cancer": "unsure"})
    page.check("#m-tingling-right-heel")
    page.get_by_role("button", name="Back").click()
    expect(page.locator("#flag-history_of_cancer-unsure")).to_be_checked()
    expect(page.locator("#flag-fever-no")).to_be_checked()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#m-tingling-right-heel")).to_be_checked()


def test_the_result_prints_without_navigation(page: Page) -> None:
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page)
    page.check("#m-pain-left-lateral_calf")
    page.get_by_role("button", name="Continue", exact=True).click()
    answer_questions_by_mouse(page)
    page.emulate_media(media="print")
    expect(page.locator("header nav")).to_be_hidden()
    expect(page.locator(".triage")).to_be_visible()
    expect(page.locator("#book-button")).to_be_hidden()
    page.pdf(path=str(__import__("journey").ARTIFACTS / "result-print.pdf"))


def test_back_through_the_questions_shows_each_earlier_question(page: Page) -> None:
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page)
    page.check("#m-pain-right-posterior_thigh")
    page.get_by_role("button", name="Continue", exact=True).click()
    assert page.locator("input[name=question_id]").count() == 1
    headings = [page.get_by_role("heading", level=1).inner_text()]
    for _ in range(2):
        answer_questions_by_mouse(page, limit=1)
        headings.append(page.get_by_role("heading", level=1).inner_text())
    for earlier in reversed(headings[:-1]):
        page.get_by_role("button", name="Back").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(earlier)
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Where do you feel it?")
    expect(page.locator("#m-pain-right-posterior_thigh")).to_be_checked()


def test_own_words_are_read_onto_the_map_and_what_is_unticked_is_dropped(page: Page) -> None:
    """The real reader: places in the words are ticked on the drawing and in its table, the rest listed."""
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page)
    page.fill("#story", "Shooting pain down the back of my left leg to the heel, and a numb little toe.")
    page.get_by_role("button", name="Read my description").click()
    expect(page.locator("#reading")).to_be_visible()
    shot(page, "body-map-reading")
    expect(page.locator("#story")).to_have_value(re.compile("numb little toe"))
    expect(page.locator("#reading")).not_to_contain_text("could not read")
    expect(page.locator("#m-pain-left-heel")).to_be_checked()
    expect(page.locator("#m-numbness-left-little_toe")).to_be_checked()
    expect(page.locator("svg[data-view='back'] [data-region='heel'][data-side='left']")).to_have_class(
        re.compile("has-pain")
    )
    page.uncheck("#m-pain-left-heel")
    page.get_by_role("button", name="Continue", exact=True).click()
    expect(page.get_by_text("Why we ask")).to_be_visible()
    case = json.loads(page.locator("input[name=case]").first.get_attribute("value") or "{}")
    assert "heel" not in case.get("pain", {}).get("left", [])
    assert "little_toe" in case["numbness"]["left"]


def test_a_body_map_question_can_be_answered_on_the_drawing(page: Page) -> None:
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page)
    # only words, no place marked: the interview then asks where it is, on a drawing
    page.fill("#story", "It is worse when I sit and when I cough.")
    page.get_by_role("button", name="Read my description").click()
    expect(page.locator("input[name=keep]").first).to_be_checked()
    page.get_by_role("button", name="Continue", exact=True).click()
    for _ in range(60):
        if page.locator("svg.interactive").count() or not page.locator("input[name=question_id]").count():
            break
        answer_questions_by_mouse(page, limit=1)
    assert page.locator("svg.interactive").count(), "no body-map question was asked"
    shape = page.locator("svg.interactive [data-region='dorsum_foot'][data-side='left']").first
    pattern = page.locator("[data-pattern]").get_attribute("data-pattern") or ""
    box = "#" + pattern.replace("{side}", "left").replace("{region}", "dorsum_foot")
    only = page.locator("[data-pattern]").get_attribute("data-side-only")
    if only and only != "left":
        shape = page.locator(f"svg.interactive [data-region='dorsum_foot'][data-side='{only}']").first
        box = "#" + pattern.replace("{region}", "dorsum_foot")
    shape.click()
    expect(page.locator(box)).to_be_checked()
    expect(shape).to_have_class(re.compile("has-mark"))
    shot(page, "question-body-map")


def test_refresh_and_the_browsers_back_ask_for_a_page_again_and_never_resend_a_form(page: Page) -> None:
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page, {"fever": "unsure"})
    expect(page.get_by_role("heading", level=1)).to_have_text("Where do you feel it?")
    page.check("#m-pain-left-lateral_calf")
    page.get_by_role("button", name="Continue", exact=True).click()
    expect(page.get_by_text("Why we ask")).to_be_visible()
    question = page.get_by_role("heading", level=1).inner_text()
    sent = len(posts)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(question)
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Where do you feel it?")
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("First, some warning signs")
    expect(page.locator("#flag-fever-unsure")).to_be_checked()  # the answers given there are shown again
    expect(page.locator("#flag-saddle_numbness-no")).to_be_checked()
    page.go_forward()
    expect(page.get_by_role("heading", level=1)).to_have_text("Where do you feel it?")
    assert len(posts) == sent, posts[sent:]  # none of this sent a form again
