"""The body map: every region clickable per side and kind, a keyboard list beneath, errors beside fields."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from pageforms import checked_ids, hidden_case

from nerveroot.engine.knowledge import load_knowledge
from nerveroot.web import bodymap


def test_every_region_has_a_labelled_checkbox_for_each_kind_and_side(to_body_map: Callable[..., str]) -> None:
    page = to_body_map()
    regions = load_knowledge().regions
    for region, r in regions.items():
        for side in ("left", "right"):
            for kind, word in (("pain", "Pain"), ("numbness", "Numbness"), ("tingling", "Tingling")):
                box = f'id="m-{kind}-{side}-{region}"'
                assert box in page
                assert f'aria-label="{word}, {side} {r.label}"' in page


@pytest.mark.parametrize("view", bodymap.VIEWS)
def test_every_region_of_a_view_is_drawn_on_it_on_both_sides(
    to_body_map: Callable[..., str], view: str
) -> None:
    page = to_body_map()
    svg = re.search(rf'<svg[^>]*data-view="{view}".*?</svg>', page, re.S)
    assert svg
    drawn = set(re.findall(r'data-region="([a-z_]+)" data-side="(left|right)"', svg.group(0)))
    wanted = {r for r, reg in load_knowledge().regions.items() if reg.view in (view, "both")}
    assert drawn == {(r, s) for r in wanted for s in ("left", "right")}


def test_front_and_back_views_mirror_the_sides() -> None:
    """On the front view the person's right is on the viewer's left; on the back view it is on the right."""
    drawings = {d.view: d for d in bodymap.draw()}

    def mean_x(view: str, side: str) -> float:
        xs = [
            float(p.split(",")[0])
            for s in drawings[view].shapes
            if s.side == side and s.region == "lateral_thigh"
            for p in s.points.split()
        ]
        return sum(xs) / len(xs)

    assert mean_x("front", "right") < bodymap.MIDLINE < mean_x("front", "left")
    assert mean_x("back", "left") < bodymap.MIDLINE < mean_x("back", "right")


def _continue(client: TestClient, page: str, **fields: object) -> tuple[int, str]:
    data = {"case": json.dumps(hidden_case(page)), "go": "continue", **fields}
    r = client.post("/check/body-map", data=data)  # type: ignore[arg-type]
    return r.status_code, r.text


def test_continuing_with_nothing_marked_asks_for_a_mark_and_keeps_the_entries(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    status, page = _continue(client, to_body_map(), age="52", onset="gradual")
    assert status == 422
    assert 'id="err-marks"' in page
    assert "Mark at least one place" in page
    assert 'name="age" value="52"' in page
    assert '<option value="gradual" selected>' in page


def test_an_age_that_is_not_a_number_is_named_beside_the_field(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    status, page = _continue(client, to_body_map(), age="fifty", mark=["pain.left.heel"])
    assert status == 422
    assert 'id="err-age"' in page
    assert "you entered &#39;fifty&#39;" in page
    assert 'name="age" value="fifty"' in page
    assert "m-pain-left-heel" in checked_ids(page)


def test_a_place_that_is_not_on_the_map_is_refused_by_name(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    status, page = _continue(client, to_body_map(), mark=["pain.left.elbow"])
    assert status == 422
    assert "&#39;pain.left.elbow&#39; is not a place on the map" in page


def test_marks_become_the_case_regions_side_by_side(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    marks = ["pain.left.posterior_thigh", "numbness.right.sole", "tingling.left.heel"]
    status, page = _continue(client, to_body_map(), mark=marks, age="40", duration_weeks="2.5")
    assert status == 200
    case = hidden_case(page)
    assert case["pain"] == {"left": ["posterior_thigh"]}
    assert case["numbness"] == {"right": ["sole"]}
    assert case["tingling"] == {"left": ["heel"]}
    assert case["age"] == 40
    assert case["duration_weeks"] == 2.5
    assert case["history"]["saddle_numbness"] is False


def test_a_text_the_reader_cannot_read_is_declined_gracefully(
    client: TestClient, to_body_map: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from nerveroot import text as text_module
    from nerveroot.errors import Problem, TextError

    def refuse(story: str) -> None:
        raise TextError("the text could not be read", [Problem("text", "no symptoms found", story)])

    monkeypatch.setattr(text_module, "read_text", refuse)
    data = {"case": json.dumps(hidden_case(to_body_map())), "go": "read", "story": "pain down my left leg"}
    r = client.post("/check/body-map", data=data)
    assert r.status_code == 200
    assert "We could not read your description automatically: the text could not be read." in r.text
    assert "pain down my left leg</textarea>" in r.text


def test_an_empty_description_asks_for_words(client: TestClient, to_body_map: Callable[..., str]) -> None:
    data = {"case": json.dumps(hidden_case(to_body_map())), "go": "read", "story": "   "}
    r = client.post("/check/body-map", data=data)
    assert "Write a few words first." in r.text


def test_an_edited_case_field_is_refused_with_the_field_named(client: TestClient) -> None:
    r = client.post("/check/body-map", data={"case": '{"history": {"fevr": true}}', "go": "continue"})
    assert r.status_code == 422
    assert "case.history.fevr" in r.text
    r = client.post("/check/result", data={"case": "{not json"})
    assert r.status_code == 422
    assert "is not valid JSON" in r.text


@pytest.mark.parametrize(
    ("path", "data", "named"),
    [
        ("/check/red-flags", {"case": "[1, 2]"}, "a case must be a JSON object"),
        ("/check/red-flags", {"case": '{"age": "old"}'}, "case.age"),
        ("/check/body-map", {"case": "{}", "go": "continue", "reading": "{]"}, "reading is not valid JSON"),
        (
            "/check/body-map",
            {"case": "{}", "go": "continue", "duration_weeks": "-3", "mark": "x"},
            "you entered &#39;-3&#39;",
        ),
        ("/check/body-map", {"case": '"' * 70_000}, ""),
        ("/check/questions", {"case": "{}", "asked": "nope", "trail": "[]"}, "asked is not valid JSON"),
        ("/check/result", {"case": '{"pain": {"left": ["elbow"]}}'}, "case.pain.left.0"),
    ],
)
def test_bad_input_is_refused_with_a_4xx_page_naming_the_problem(
    client: TestClient, path: str, data: dict[str, str], named: str
) -> None:
    r = client.post(path, data=data)
    assert 400 <= r.status_code < 500, r.status_code
    assert "Internal Server Error" not in r.text
    assert named in r.text
    assert r.headers["content-type"].startswith(("text/html", "application/json"))


@pytest.mark.parametrize("path", ["/check/body-map", "/check/questions", "/check/result"])
def test_opening_a_later_step_directly_starts_over(client: TestClient, path: str) -> None:
    r = client.get(path, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/check/red-flags"


def test_pain_marked_only_in_the_leg_says_there_is_no_back_pain(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    """The map asked where it hurts: pain marked in the leg and not on the back is "no back pain" said, so the
    engine need not guess it from what was left out."""
    status, page = _continue(
        client, to_body_map(), mark=["pain.left.posterior_calf", "pain.left.lateral_foot"]
    )
    assert status == 200
    assert hidden_case(page)["history"]["back_pain"] is False


def test_pain_marked_on_the_back_leaves_back_pain_to_the_marks(
    client: TestClient, to_body_map: Callable[..., str]
) -> None:
    status, page = _continue(client, to_body_map(), mark=["pain.left.low_back", "pain.left.posterior_calf"])
    assert status == 200
    assert "back_pain" not in hidden_case(page).get("history", {})
