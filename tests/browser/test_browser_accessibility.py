"""axe-core, run inside each page, finds no serious or critical violation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from journey import answer_questions_by_mouse, answer_red_flags_by_mouse, axe_problems, shot
from playwright.sync_api import Page

from nerveroot.web.education import TOPICS

pytestmark = pytest.mark.browser


def _red_flags_error(page: Page) -> None:
    page.goto("/check/red-flags")
    page.get_by_role("button", name="Continue").click()


def _body_map(page: Page) -> None:
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page)


def _body_map_errors(page: Page) -> None:
    _body_map(page)
    page.fill("#age", "very old")
    page.get_by_role("button", name="Continue", exact=True).click()


def _body_map_reading(page: Page) -> None:
    _body_map(page)
    page.fill("#story", "Sharp pain down the back of my left leg")
    page.get_by_role("button", name="Read my description").click()


def _result(page: Page) -> None:
    _body_map(page)
    page.check("#m-pain-left-lateral_calf")
    page.check("#m-numbness-left-great_toe")
    page.get_by_role("button", name="Continue", exact=True).click()
    answer_questions_by_mouse(page)


def _question(page: Page) -> None:
    _body_map(page)
    page.check("#m-pain-right-posterior_calf")
    page.get_by_role("button", name="Continue", exact=True).click()
    assert page.locator("input[name=question_id]").count() == 1


def _question_error(page: Page) -> None:
    """Press Next without an answer on the first question that needs one (a body map may be left empty)."""
    _question(page)
    while page.locator("input[name=question_id]").count():
        if page.locator("input[name=answer]").count():
            page.get_by_role("button", name="Next").click()
            assert page.locator("#err-answer").is_visible()
            return
        page.get_by_role("button", name="Not sure").click()


def _emergency_after_flags(page: Page) -> None:
    page.goto("/check/red-flags")
    answer_red_flags_by_mouse(page, {"bilateral_leg_symptoms_new": "yes"})


def _goto(path: str) -> Callable[[Page], object]:
    return lambda p: p.goto(path)


PAGES: dict[str, Callable[[Page], object]] = {
    "home": lambda p: p.goto("/"),
    "red-flags": lambda p: p.goto("/check/red-flags"),
    "red-flags-error": _red_flags_error,
    "body-map": _body_map,
    "body-map-errors": _body_map_errors,
    "body-map-reading": _body_map_reading,
    "question": _question,
    "question-error": _question_error,
    "result": _result,
    "emergency": lambda p: p.goto("/emergency"),
    "emergency-after-flags": _emergency_after_flags,
    "learn": lambda p: p.goto("/learn"),
    **{f"learn-{slug}": _goto(f"/learn/{slug}") for slug in TOPICS},
}


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_or_critical_violation(page: Page, name: str) -> None:
    PAGES[name](page)
    page.wait_for_load_state()
    shot(page, f"a11y-{name}")
    assert axe_problems(page, name) == []


def test_the_check_itself_finds_a_planted_violation(page: Page) -> None:
    """Guard against a check that cannot fail: an image without text and an unlabelled field are caught."""
    page.goto("/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<img src="/static/style.css"><input type="text">\')'
    )
    problems = axe_problems(page, "planted")
    assert any(p.startswith("image-alt") for p in problems)
    assert any(p.startswith("label") for p in problems)
