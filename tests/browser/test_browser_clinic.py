"""The clinic workspace in Debian's Chromium: sign in, the worklist, an examination and the changed result;
a follow-up filled through the person's private link with its chart drawn; the referral flag raised by a
worsening grade. The real `nerveroot serve` on its own migrated SQLite file (tests/serving.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from journey import shot
from playwright.sync_api import Browser, Page

from nerveroot.clinic.accounts import add_user
from nerveroot.clinic.audit import SYSTEM
from nerveroot.clinic.episodes import assess_case, create_episode
from nerveroot.clinic.web import now
from nerveroot.store import Store
from nerveroot.store.migrate import upgrade
from serving import serve

pytestmark = pytest.mark.browser
PASSWORD = "a long clinic passphrase"
CASE = {"age": 45, "sex": "female", "duration_weeks": 3,
        "pain": {"left": ["low_back", "buttock", "posterior_thigh", "lateral_calf", "dorsum_foot"]},
        "numbness": {"left": ["dorsum_foot", "great_toe"]},
        "history": {"worse_cough_sneeze": True, "saddle_numbness": False, "bladder_dysfunction": False}}  # fmt: skip


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("clinic-browser")
    url = f"sqlite:///{folder / 'clinic.db'}"
    upgrade(url)
    store = Store(url)
    with store.write() as session:
        add_user(
            session,
            email="cleo@clinic.example",
            password=PASSWORD,
            role="clinician",
            name="Dr Cleo Kidd",
            now=now(),
        )
        for name in ("Exam Person", "Follow Person", "Worse Person"):
            create_episode(session, source="desk", name=name, email="", phone="", assessed=assess_case(CASE), now=now(),
                           actor=SYSTEM)  # fmt: skip
    store.dispose()
    with serve(url, folder) as server:
        yield server.url


@pytest.fixture
def staff_page(browser: Browser, clinic: str) -> Iterator[Page]:
    context = browser.new_context(base_url=clinic, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/clinic")
    assert "/clinic/sign-in" in page.url  # anonymous: the sign-in page, never data
    page.fill("#email", "cleo@clinic.example")
    page.fill("#password", PASSWORD)
    page.click("#sign-in")
    page.wait_for_url(re.compile(r"/clinic$"))
    yield page
    context.close()


def _open(page: Page, name: str) -> None:
    page.goto("/clinic")
    page.click(f"text={name}")
    page.wait_for_url(re.compile(r"/clinic/episodes/\d+$"))


def _examine(page: Page, grades: dict[str, str]) -> None:
    page.click("#examine")
    for field, value in grades.items():
        page.fill(f"[id='{field}']", value)
    page.click("#save-examination")


def test_sign_in_worklist_examination_and_the_changed_result(staff_page: Page) -> None:
    page = staff_page
    assert page.locator("#worklist tr[data-episode]").count() >= 3
    assert page.locator("#worklist .unseen").count() >= 1
    _open(page, "Exam Person")
    _examine(page, {"weakness.left.ankle_dorsiflexion": "6"})
    assert "is not a grade" in page.locator("#error-summary").inner_text()  # refused, form kept
    assert page.input_value("[id='weakness.left.ankle_dorsiflexion']") == "6"
    page.fill("[id='weakness.left.ankle_dorsiflexion']", "")
    page.fill("[id='weakness.left.great_toe_extension']", "3")
    page.select_option("[id='tests.left.straight_leg_raise']", "positive")
    page.fill("[id='slr_angle.left']", "40")
    page.click("#save-examination")
    page.wait_for_url(re.compile(r"/changes/\d+$"))
    assert "Urgent" in page.locator("#triage-change").inner_text()
    assert page.locator("#root-changes td.changed").count() >= 1
    assert "big toe" in page.locator("#moved-by").inner_text()
    shot(page, "clinic-examination-changes")


def test_follow_up_through_the_private_link_draws_the_chart(
    staff_page: Page, browser: Browser, clinic: str
) -> None:
    page = staff_page
    _open(page, "Follow Person")
    page.click("#make-link")
    link = page.locator("#private-link").inner_text()
    person = browser.new_context(base_url=clinic).new_page()
    person.goto(link)
    person.fill("#leg_pain", "7")
    person.fill("#back_pain", "4")
    person.locator("input[name='odi-1'][value='3']").check()
    person.locator("input[name='odi-4'][value='2']").check()
    person.click("#send-scores")
    person.wait_for_selector("#sent")
    chart = person.locator("svg.chart-svg[data-measure='leg_pain']")
    assert chart.count() == 1 and chart.locator("circle.point").count() == 1
    assert "Dr Cleo Kidd" in person.locator("#access-log").inner_text()
    shot(person, "clinic-follow-up")
    person.goto("/clinic")
    assert "/clinic/sign-in" in person.url  # the link opens the follow-up page only
    person.context.close()


def test_a_worsening_grade_raises_the_referral_flag(staff_page: Page) -> None:
    page = staff_page
    _open(page, "Worse Person")
    _examine(page, {"weakness.left.ankle_dorsiflexion": "4"})
    page.wait_for_url(re.compile(r"/changes/\d+$"))
    page.click("text=Back to the episode")
    _examine(page, {"weakness.left.ankle_dorsiflexion": "3"})
    page.wait_for_url(re.compile(r"/changes/\d+$"))
    assert "Weakness worse" in page.locator("#flags").inner_text()
    page.goto("/clinic?flagged=yes")
    row = page.locator("#worklist tr", has_text="Worse Person")
    assert "Consider referral" in row.inner_text()
    _open(page, "Worse Person")
    page.click("#referral-link")
    assert "surgical opinion" in page.locator("#letter").inner_text()
    shot(page, "clinic-referral")
