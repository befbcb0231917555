"""The neurological examination: saving re-runs the engine on history plus examination and shows what
changed; bad input (a grade of 6, an angle for a negative SLR, contradictions) saves nothing; a worse grade
at the next examination raises the referral flag."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from clinic.conftest import api_token, desk_episode, make_staff, post_form, sign_in
from nerveroot.store import Store
from nerveroot.store.clinic import EpisodeAssessment

EXAM = {
    "weakness.left.great_toe_extension": "3", "weakness.left.ankle_dorsiflexion": "4",
    "weakness.left.ankle_plantarflexion": "5", "reflexes.left.achilles": "normal",
    "reflexes.left.patellar": "normal", "tests.left.straight_leg_raise": "positive", "slr_angle.left": "40",
    "sensation.left.dorsum_foot": "reduced", "tests.right.straight_leg_raise": "negative",
}  # fmt: skip


def _count(store: Store) -> int:
    with store.read() as session:
        return len(session.query(EpisodeAssessment).all())


def test_examination_changes_the_result_and_says_how(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    episode = desk_episode(app_client, api_token(app_client, "cleo@clinic.example"))
    sign_in(app_client, "cleo@clinic.example")
    path = f"/clinic/episodes/{episode}/examination"
    saved = post_form(app_client, path, EXAM)
    assert saved.status_code == 303 and "/changes/" in saved.headers["location"]
    changes = app_client.get(saved.headers["location"], headers={"accept": "text/html"}).text
    assert 'id="triage-change"' in changes  # weakness of grade 3 makes it urgent: highlighted
    assert "L5 left" in changes and re.search(r"L5 left</td><td>\d+%</td><td class=\"changed\">\d+%", changes)
    assert "weak big toe extension" in changes  # a finding that moved them
    view = app_client.get(f"/clinic/episodes/{episode}", headers={"accept": "text/html"}).text
    assert "SLR" not in view or "at 40°" in view
    assert "Straight leg raise, left" in view and "positive at 40°" in view
    again = app_client.get(path, headers={"accept": "text/html"}).text
    assert (
        'name="weakness.left.great_toe_extension" id="weakness.left.great_toe_extension" value="3"' in again
    )


def test_a_grade_of_6_is_refused_and_nothing_is_saved(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    episode = desk_episode(app_client, api_token(app_client, "cleo@clinic.example"))
    sign_in(app_client, "cleo@clinic.example")
    before = _count(store)
    bad = post_form(
        app_client,
        f"/clinic/episodes/{episode}/examination",
        {**EXAM, "weakness.left.ankle_dorsiflexion": "6"},
    )
    assert bad.status_code == 422
    assert "MRC grade, left ankle dorsiflexion: &#39;6&#39; is not a grade" in bad.text
    assert 'value="3"' in bad.text and 'value="6"' in bad.text  # the form is kept, the bad value shown
    assert _count(store) == before
    angle = post_form(app_client, f"/clinic/episodes/{episode}/examination",
                      {"tests.right.straight_leg_raise": "negative", "slr_angle.right": "50"})  # fmt: skip
    assert angle.status_code == 422 and "only for a positive straight leg raise" in angle.text
    twice = app_client.post(f"/clinic/episodes/{episode}/examination", headers={"accept": "text/html"},
                            data={"weakness.left.hip_flexion": ["4", "2"]})  # no CSRF token either  # fmt: skip
    assert twice.status_code == 403
    assert _count(store) == before


def test_api_examination_refuses_a_grade_of_6_naming_the_field(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    token = api_token(app_client, "cleo@clinic.example")
    episode = desk_episode(app_client, token)
    headers = {"authorization": f"Bearer {token}"}
    before = _count(store)
    bad = app_client.post(f"/api/v1/clinic/episodes/{episode}/examinations", headers=headers,
                          json={"weakness": {"left": {"ankle_dorsiflexion": 6}}})  # fmt: skip
    assert bad.status_code == 422
    assert any(
        p["path"] == "weakness.left.ankle_dorsiflexion" and "MRC grade 0-5" in p["message"]
        for p in bad.json()["problems"]
    )
    assert _count(store) == before
    good = app_client.post(f"/api/v1/clinic/episodes/{episode}/examinations", headers=headers,
                           json={"weakness": {"left": {"great_toe_extension": 3}}, "slr_angle": {"left": 45}})  # fmt: skip
    assert good.status_code == 201 and good.json()["change"]["triage_changed"]


def test_a_worse_grade_raises_the_referral_flag(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    token = api_token(app_client, "cleo@clinic.example")
    episode = desk_episode(app_client, token)
    headers = {"authorization": f"Bearer {token}"}
    for grade in (4, 3):
        answer = app_client.post(f"/api/v1/clinic/episodes/{episode}/examinations", headers=headers,
                                 json={"weakness": {"left": {"ankle_dorsiflexion": grade}}})  # fmt: skip
        assert answer.status_code == 201
    record = app_client.get(f"/api/v1/clinic/episodes/{episode}", headers=headers).json()
    assert [f["id"] for f in record["flags"]] == ["weakness_worse"]
    assert "left ankle dorsiflexion 4 → 3" in record["flags"][0]["reason"]
    sign_in(app_client, "cleo@clinic.example")
    worklist = app_client.get("/clinic?flagged=yes", headers={"accept": "text/html"}).text
    assert "Consider referral" in worklist and "Weakness worse" in worklist
    letter = app_client.get(f"/clinic/episodes/{episode}/referral", headers={"accept": "text/html"}).text
    assert "surgical opinion" in letter and "weakness worse" in letter and "Examination:" in letter
