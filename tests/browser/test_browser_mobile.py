"""On a phone (390 px wide): the body map can be tapped, and no page is wider than the screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from journey import answer_red_flags_by_mouse, shot
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser
WIDTH = 390
TARGET = 44  # px: WCAG 2.5.5, the size of a finger


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(
        base_url=base_url, viewport={"width": WIDTH, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.mark.parametrize("leg", ["left", "right"])
def test_each_place_on_a_zoomed_leg_is_at_least_44_px_and_a_tap_marks_it(phone: Page, leg: str) -> None:
    phone.goto("/check/red-flags")
    answer_red_flags_by_mouse(phone)
    phone.get_by_role("button", name=f"{leg.capitalize()} leg").click()
    shapes = phone.locator(f"svg.interactive [data-region][data-side='{leg}']")
    assert shapes.count() >= 25
    small = []
    for i in range(shapes.count()):
        box = shapes.nth(i).bounding_box()
        assert box is not None
        if box["width"] < TARGET or box["height"] < TARGET:
            small.append(
                (shapes.nth(i).get_attribute("data-region"), round(box["width"]), round(box["height"]))
            )
    assert small == []
    toe = phone.locator(f"svg[data-view='front'] [data-region='little_toe'][data-side='{leg}']")
    toe.scroll_into_view_if_needed()
    toe.tap()
    expect(phone.locator(f"#m-pain-{leg}-little_toe")).to_be_checked()
    shot(phone, f"mobile-body-map-{leg}")


@pytest.mark.parametrize("path", ["/", "/learn/nerve-roots", "/check/red-flags", "/emergency"])
def test_no_page_is_wider_than_the_phone(phone: Page, path: str) -> None:
    phone.goto(path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH, width
    shot(phone, "mobile" + path.replace("/", "-"))
