"""The result page: triage first with its call to action, the root drawn beside the person's marks."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from pageforms import hidden, hidden_case

from nerveroot.engine.knowledge import load_knowledge
from nerveroot.service import assess_payload
from nerveroot.text import Reading, Span

L5_CASE = {
    "age": 41,
    "pain": {"left": ["low_back", "buttock", "lateral_calf", "dorsum_foot"]},
    "numbness": {"left": ["great_toe", "dorsum_foot"]},
    "history": {"saddle_numbness": False, "bladder_dysfunction": False, "worse_cough_sneeze": True},
}
CES_CASE = {"pain": {"left": ["posterior_thigh"]}, "history": {"saddle_numbness": True}}


def _result(client: TestClient, case: dict[str, object]) -> str:
    r = client.post("/check/result", data={"case": json.dumps(case)})
    assert r.status_code == 200
    return r.text


def _polygons(page: str, figure: int) -> list[tuple[str, str, str]]:
    figures = re.findall(r"<figure>.*?</figure>", page, re.S)
    return re.findall(
        r'<polygon points="[^"]*" class="([^"]*)" data-region="([a-z_]+)" data-side="(\w+)"', figures[figure]
    )


def test_triage_comes_first_with_the_engines_headline_and_a_book_button(client: TestClient) -> None:
    page = _result(client, L5_CASE)
    a = assess_payload(L5_CASE)
    assert a.triage.level != "emergency"
    assert page.index(a.triage.headline) < page.index("Is it a pinched nerve?")
    assert 'id="book-button"' in page
    assert "This is not a diagnosis." in page


def test_the_book_button_is_a_get_form_to_book_carrying_the_case(client: TestClient) -> None:
    page = _result(client, L5_CASE)
    form = re.search(r'<form method="get" action="/book" class="cta">(.*?)</form>', page, re.S)
    assert form
    carried = json.loads(hidden(form.group(1), "case"))
    assert carried == hidden_case(page)
    assert carried["pain"] == L5_CASE["pain"]


def test_an_emergency_result_offers_no_booking(client: TestClient) -> None:
    assert assess_payload(CES_CASE).triage.level == "emergency"
    page = _result(client, CES_CASE)
    assert 'action="/book"' not in page
    assert "Call your local emergency number or go to an emergency department now." in page


def test_the_likely_root_is_drawn_on_its_side_beside_the_persons_marks(client: TestClient) -> None:
    page = _result(client, L5_CASE)
    top = assess_payload(L5_CASE).roots[0]
    assert f"{top.label}, {top.side} side" in page
    dermatome = load_knowledge().roots[top.root].dermatome
    strong = {(r, s) for cls, r, s in _polygons(page, 1) if "derm-strong" in cls}
    assert strong == {(r, top.side) for r, w in dermatome.items() if w >= 0.8 and r in _drawn(page)}
    own = {(r, s) for cls, r, s in _polygons(page, 0) if "has-numbness" in cls}
    assert own == {("great_toe", "left"), ("dorsum_foot", "left")}


def _drawn(page: str) -> set[str]:
    return {r for _, r, _ in _polygons(page, 1)}


def test_advice_sections_and_safety_net_are_shown(client: TestClient) -> None:
    page = _result(client, L5_CASE)
    a = assess_payload(L5_CASE)
    for title in ("What helps now", "How long recovery usually takes", "When to get help urgently"):
        assert title in page
    for line in a.safety_net:
        assert line.replace("'", "&#39;") in page


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in for the free-text reader, which lands from another branch: it reads one fixed story."""
    from nerveroot import text as text_module
    from nerveroot.case import parse_case

    def read_text(story: str) -> Reading:
        case = parse_case({"pain": {"right": ["heel", "sole"]}, "history": {"worse_sitting": True}})
        span = Span("pain.right.heel", True, 0, 4, story[:4])
        return Reading(case=case, evidence=[span], recognised=True)

    monkeypatch.setattr(text_module, "read_text", read_text)


@pytest.mark.usefixtures("reader")
def test_findings_read_from_words_are_shown_back_and_only_the_kept_ones_are_used(client: TestClient) -> None:
    start = {"case": json.dumps({"history": {"fever": False}}), "story": "heel pain, worse sitting"}
    page = client.post("/check/body-map", data={**start, "go": "read"}).text
    assert "Pain: right heel" in page
    assert "Pain: right sole of the foot" in page
    assert "<q>heel</q>" in page
    data = {
        "case": json.dumps({"history": {"fever": False}}),
        "reading": hidden(page, "reading"),
        "keep": ["pain.right.heel", "history.worse_sitting"],
        "go": "continue",
    }
    result = client.post("/check/body-map", data=data)
    assert result.status_code == 200
    case = hidden_case(result.text)
    assert case["pain"] == {"right": ["heel"]}
    assert case["history"] == {"fever": False, "worse_sitting": True}


def test_learn_pages_all_render_and_an_unknown_one_is_a_404(client: TestClient) -> None:
    from nerveroot.web.education import TOPICS

    index = client.get("/learn").text
    for slug, topic in TOPICS.items():
        assert f'href="/learn/{slug}"' in index
        r = client.get(f"/learn/{slug}")
        assert r.status_code == 200
        assert f"<h1>{topic.title}</h1>" in r.text
        assert "they do not diagnose" in r.text
    assert client.get("/learn/no-such-page").status_code == 404


def test_the_root_table_names_every_root_of_the_knowledge_base(client: TestClient) -> None:
    page = client.get("/learn/nerve-roots").text
    for root in load_knowledge().roots:
        assert f'<th scope="row">{root}</th>' in page


def test_home_says_what_it_is_not_and_what_to_do_in_an_emergency(client: TestClient) -> None:
    page = client.get("/").text
    assert "not a diagnosis" in page
    assert 'href="/emergency"' in page
    assert 'href="/check/red-flags"' in page


def test_reasons_for_the_root_are_that_roots_own(client: TestClient) -> None:
    page = _result(client, L5_CASE)
    a = assess_payload(L5_CASE)
    top = a.roots[0]
    section = re.search(rf"<h3>Why the {top.root} root</h3>(.*?)(<h3>|</section>)", page, re.S)
    assert section
    shown = set(re.findall(r"<li>(.*?)</li>", section.group(1)))
    own = {
        e.reason[:1].upper() + e.reason[1:]
        for e in a.explanation
        if e.conclusion == "root" and e.supports == top.root and e.side == top.side
    }
    assert shown
    assert {s.replace("&#39;", "'") for s in shown} <= own


def test_a_warning_sign_read_from_the_words_leads_to_the_emergency_page(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nerveroot import text as text_module
    from nerveroot.case import parse_case

    def read_text(story: str) -> Reading:
        case = parse_case({"pain": {"left": ["buttock"]}, "history": {"saddle_numbness": True}})
        return Reading(
            case=case, evidence=[Span("history.saddle_numbness", True, 0, 4, story[:4])], recognised=True
        )

    monkeypatch.setattr(text_module, "read_text", read_text)
    start = {"case": json.dumps({}), "story": "numb between my legs"}
    page = client.post("/check/body-map", data={**start, "go": "read"}).text
    assert "Numbness around the back passage or genitals (saddle area)" in page
    data = {
        **start,
        "reading": hidden(page, "reading"),
        "keep": ["history.saddle_numbness", "pain.left.buttock"],
    }
    r = client.post("/check/body-map", data={**data, "go": "continue"})
    assert "Get emergency care now" in r.text
    assert 'action="/book"' not in r.text


def test_the_result_lists_what_the_person_told_us_in_plain_words(client: TestClient) -> None:
    page = _result(client, L5_CASE)
    section = re.search(r'<h2 id="told-title">What you told us</h2>(.*?)</section>', page, re.S)
    assert section
    told = re.findall(r"<li>(.*?)</li>", section.group(1))
    assert "Pain: left outer calf" in told
    assert "Numbness: left big toe" in told
    assert "Age: 41" in told
    assert "Answered no to 2 questions about warning signs and other symptoms" in told
