"""The result page: triage first with its call to action, the root drawn beside the person's marks."""

from __future__ import annotations

import html
import json
import re

import pytest
from fastapi.testclient import TestClient
from pageforms import all_flags, checked_ids, hidden, hidden_case

from nerveroot.engine.knowledge import load_knowledge
from nerveroot.service import assess_payload

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


def test_the_book_button_is_a_post_form_carrying_the_case_in_its_body(client: TestClient) -> None:
    page = _result(client, L5_CASE)
    form = re.search(
        r'<form method="post" action="/book/start" class="cta no-print">(.*?)</form>', page, re.S
    )
    assert form
    carried = json.loads(hidden(form.group(1), "case"))
    assert carried == hidden_case(page)
    assert carried["pain"] == L5_CASE["pain"]
    assert 'method="get"' not in page


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


STORY = "Shooting pain down my right leg to the heel, worse when I sit, for about 3 weeks."


def test_words_are_read_by_the_real_reader_onto_the_map_and_only_kept_findings_are_used(
    client: TestClient,
) -> None:
    start = {"case": json.dumps({"history": {"fever": False}}), "story": STORY}
    page = client.post("/check/body-map", data={**start, "go": "read"}).text
    # places read from the words are ticked on the map and in its table, not only listed
    assert "m-pain-right-heel" in checked_ids(page)
    assert re.search(r'class="region has-pain" data-region="heel" data-side="right"', page)
    assert hidden(page, "read_story") == STORY
    assert re.search(r'id="duration_weeks" name="duration_weeks" value="3"', page)
    listed = re.findall(r'name="keep" id="keep-\d+" value="([^"]+)"', page)
    assert "history.worse_sitting" in listed
    data = {
        "case": hidden(page, "case"),
        "story": STORY,
        "read_story": STORY,
        "reading": hidden(page, "reading"),
        "keep": [p for p in listed if p != "history.worse_sitting"],
        "mark": ["pain.right.heel"],
        "duration_weeks": "3",
        "go": "continue",
    }
    result = client.post("/check/body-map", data=data)
    assert result.status_code == 200
    case = hidden_case(result.text)
    assert case["pain"]["right"] == ["heel"]
    assert case["history"]["fever"] is False
    assert "worse_sitting" not in case["history"]


def test_weeks_read_from_words_show_as_weeks(client: TestClient) -> None:
    start = {"case": "{}", "story": "pain in my left buttock since yesterday"}
    page = client.post("/check/body-map", data={**start, "go": "read"}).text
    visible = re.sub(r'<input type="hidden"[^>]*>', "", page)
    assert "0.142857" not in visible
    field = re.search(r'id="duration_weeks" name="duration_weeks" value="([^"]*)"', page)
    assert field and float(field.group(1)) == pytest.approx(1 / 7, abs=0.05)


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


def test_a_warning_sign_read_from_the_words_leads_to_the_emergency_page(client: TestClient) -> None:
    start = {
        "case": json.dumps({"history": {"saddle_numbness": False}}),
        "story": "I am numb between my legs",
    }
    r = client.post("/check/body-map", data={**start, "go": "read"})
    assert "Get emergency care now" in r.text
    assert 'action="/book' not in r.text


CONTRADICTING = "since yesterday new numbness between my legs and I can't pass urine"


@pytest.mark.parametrize("go", ["read", "continue"])
def test_words_that_contradict_the_screen_reach_the_emergency_page_not_an_error(
    client: TestClient, go: str
) -> None:
    """Issue 9: "no" on the screen, then these words, once gave a developer's contradiction error."""
    screened = client.post("/check/red-flags", data=all_flags()).text
    data = {"case": hidden(screened, "case"), "story": CONTRADICTING, "mark": ["pain.left.buttock"], "go": go}
    r = client.post("/check/body-map", data=data)
    assert r.status_code == 200
    assert "Get emergency care now" in r.text
    assert "contradict" not in r.text


def test_the_result_lists_what_the_person_told_us_in_plain_words(client: TestClient) -> None:
    page = _result(client, L5_CASE)
    section = re.search(r'<h2 id="told-title">What you told us</h2>(.*?)</section>', page, re.S)
    assert section
    told = re.findall(r"<li>(.*?)</li>", section.group(1))
    assert "Pain: left outer calf" in told
    assert "Numbness: left big toe" in told
    assert "Age: 41" in told
    assert "Answered no to 2 warning-sign questions" in told
    assert "Worse cough sneeze" in told or any(t.startswith("Worse cough") for t in told)


def test_what_you_told_us_lists_not_sure_and_normal_strength_as_they_are(client: TestClient) -> None:
    case = {
        **L5_CASE,
        "weakness": {"left": {"great_toe_extension": 5}},
        "unsure": [{"finding": "history.bladder_dysfunction"}],
        "history": {"saddle_numbness": False},
    }
    page = _result(client, case)
    section = re.search(r'<h2 id="told-title">What you told us</h2>(.*?)</section>', page, re.S)
    assert section
    told = [html.unescape(t) for t in re.findall(r"<li>(.*?)</li>", section.group(1))]
    assert "Not sure: a change in bladder control" in told
    assert "Answered no to 1 warning-sign question" in told
    assert not [t for t in told if t.startswith("Weakness")], told
    assert "Strength: left great toe extension (normal)" in told
    unsure = re.search(r'<section id="unsure".*?</section>', page, re.S)
    assert unsure and "urine" in unsure.group(0)


def test_a_root_whose_side_was_not_given_is_said_so_and_drawn_on_both_legs(client: TestClient) -> None:
    case = {"pain": {"unknown": ["buttock", "posterior_thigh", "posterior_calf", "heel"]}}
    a = assess_payload(case)
    assert a.roots and a.roots[0].side == "unknown"
    page = _result(client, case)
    assert f"{a.roots[0].label}, side not given" in page
    assert "unknown side" not in page
    sides = {s for cls, _, s in _polygons(page, 1) if "derm-strong" in cls}
    assert sides == {"left", "right"}
    assert "Also, with no side given" in page


def test_every_colour_of_the_result_maps_is_in_their_legend(client: TestClient) -> None:
    case = {"pain": {"left": ["lateral_calf", "dorsum_foot"]}, "numbness": {"left": ["dorsum_foot"]},
            "tingling": {"left": ["great_toe"]}}  # fmt: skip
    page = _result(client, case)
    figures = re.findall(r"<figure>.*?</figure>", page, re.S)
    for figure in figures:
        used = set(re.findall(r'class="region ([^"]+)"', figure))
        legend = re.search(r'<p class="legend">(.*?)</p>', figure, re.S)
        assert legend
        swatches = set(re.findall(r"swatch-([\w-]+)", legend.group(1)))
        for classes in used:
            kinds = {c.removeprefix("has-") for c in classes.split() if c.startswith(("has-", "derm-"))}
            if not kinds:
                continue
            if {"pain", "numbness"} <= kinds:
                colour = "pain-numbness"
            else:
                colour = next(
                    k for k in ("pain", "numbness", "derm-strong", "derm-some", "tingling") if k in kinds
                )
            assert colour in swatches, (classes, swatches)


def test_not_a_diagnosis_is_said_once_at_the_top_and_once_at_the_end(client: TestClient) -> None:
    page = _result(client, L5_CASE).lower()
    assert page.count("not a diagnosis") == 2
    body = page[page.index("<main") :]
    assert body.index("not a diagnosis") < body.index("is it a pinched nerve?")
    assert body.rindex("not a diagnosis") > body.index("what you told us")
