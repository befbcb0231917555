"""Outcome scores: ODI scored as the instrument prescribes (unanswered sections reduce the possible total),
NPRS 0-10; the person's private link (expiring, one episode) with their chart and who opened their record;
the flags raised by scores that do not improve and by a new warning sign at follow-up."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from clinic.conftest import api_token, csrf_of, desk_episode, make_staff, post_form, sign_in
from nerveroot.clinic.outcomes import odi_percent, read_scores
from nerveroot.clinic.web import now
from nerveroot.errors import BadInput
from nerveroot.store import Store
from nerveroot.store.clinic import Outcome, PrivateLink


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([0] * 10, 0.0),
        ([5] * 10, 100.0),
        ([2, 1, 3, 2, 2, 1, 2, 0, 2, 1], 32.0),  # 16 of 50
        ([2, 1, 3, 2, 2, 1, 2, None, 2, 1], 35.56),  # 16 of 45: the sex-life section left out
        ([3, 3, None, None, 3, 3, 3, 3, 3, 3], 60.0),  # 24 of 40
        ([5, None, None, None, None, None, None, None, None, None], 100.0),  # 5 of 5
        ([None] * 10, None),  # nothing answered: no score, never 0
    ],
    ids=["none", "all-worst", "16-of-50", "16-of-45", "24-of-40", "one-section", "unanswered"],
)
def test_odi_worked_examples(answers: list[int | None], expected: float | None) -> None:
    score = odi_percent(answers)
    if expected is None:
        assert score is None
    else:
        assert score is not None and round(score, 2) == expected


def test_odi_refuses_out_of_range_and_wrong_length() -> None:
    with pytest.raises(BadInput):
        odi_percent([6] + [0] * 9)
    with pytest.raises(BadInput):
        odi_percent([0] * 9)


def test_form_refuses_a_section_answered_twice_and_a_negative_pain_score() -> None:
    scores, errors = read_scores({"leg_pain": ["-1"], "odi-3": ["1", "4"], "odi-4": ["2"]})
    assert "ODI section 3 (Lifting) was answered 2 times (1, 4)" in errors["odi-3"]
    assert "-1 is outside the scale" in errors["leg_pain"]
    _, errors = read_scores({"back_pain": ["11"]})
    assert "11 is outside the scale" in errors["back_pain"]
    scores, errors = read_scores({"leg_pain": ["6"], "odi-1": ["3"], "odi-8": []})
    assert not errors and scores.leg_pain == 6 and scores.odi_percent == 60.0


def _link(client: TestClient, episode: int) -> str:
    made = post_form(client, f"/clinic/episodes/{episode}/link", {}, token_from=f"/clinic/episodes/{episode}")
    found = re.search(r'id="private-link">[^<]*/follow-up/([A-Za-z0-9_-]+)<', made.text)
    assert found, made.text[:500]
    return found.group(1)


def _odi(n: int) -> dict[str, str]:
    return {f"odi-{i}": str(n) for i in range(1, 11)}


def test_the_person_fills_scores_through_their_link_and_sees_who_opened_their_record(
    app_client: TestClient, store: Store
) -> None:
    make_staff(store, "cleo@clinic.example", name="Dr Cleo Kidd")
    episode = desk_episode(app_client, api_token(app_client, "cleo@clinic.example"))
    sign_in(app_client, "cleo@clinic.example")
    token = _link(app_client, episode)
    app_client.cookies.clear()  # the person's browser: no staff session
    path = f"/follow-up/{token}"
    sent = post_form(app_client, path, {"leg_pain": "7", "back_pain": "4", **_odi(3)})
    assert sent.status_code == 303
    page = app_client.get(sent.headers["location"], headers={"accept": "text/html"}).text
    assert 'id="sent"' in page and 'data-measure="leg_pain"' in page and "<polyline" in page
    log = page[page.index('id="access-log"') :]
    assert "Dr Cleo Kidd" in log and "opened" in log and "you" in log
    bad = post_form(app_client, path, {"leg_pain": "-2", "odi-1": ["1", "2"]})
    assert bad.status_code == 422 and "-2 is outside the scale" in bad.text and "answered 2 times" in bad.text
    with store.read() as session:
        assert len(session.query(Outcome).all()) == 1  # nothing of the bad form was saved
    assert (
        app_client.get("/clinic", headers={"accept": "text/html"}, follow_redirects=False).status_code == 303
    )
    assert (
        app_client.get(
            f"/api/v1/clinic/episodes/{episode}", headers={"authorization": f"Bearer {token}"}
        ).status_code
        == 401
    )


def test_an_expired_or_unknown_link_is_refused_with_a_message(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    episode = desk_episode(app_client, api_token(app_client, "cleo@clinic.example"))
    sign_in(app_client, "cleo@clinic.example")
    token = _link(app_client, episode)
    with store.write() as session:
        session.execute(update(PrivateLink).values(expires_at=now() - timedelta(minutes=1)))
    app_client.cookies.clear()
    expired = app_client.get(f"/follow-up/{token}", headers={"accept": "application/json"})
    assert expired.status_code == 404 and expired.json()["error"] == "this link has expired"
    unknown = app_client.get("/follow-up/" + "A" * 32, headers={"accept": "application/json"})
    assert unknown.status_code == 404 and unknown.json()["error"] == "this link is not valid"


def test_one_persons_link_never_reaches_another_persons_record(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    token = api_token(app_client, "cleo@clinic.example")
    mine = desk_episode(app_client, token, name="Mine Person")
    theirs = desk_episode(app_client, token, name="Their Person")
    sign_in(app_client, "cleo@clinic.example")
    link = _link(app_client, mine)
    app_client.cookies.clear()
    page = app_client.get(f"/follow-up/{link}", headers={"accept": "text/html"}).text
    assert "Mine Person" in page and "Their Person" not in page
    for path in (
        f"/clinic/episodes/{theirs}",
        f"/api/v1/clinic/episodes/{theirs}",
        f"/follow-up/{link}/../{theirs}",
    ):
        answer = app_client.get(path, headers={"authorization": f"Bearer {link}"}, follow_redirects=False)
        assert answer.status_code in (303, 401, 404), path
        assert "Their Person" not in answer.text


def _backdate(store: Store, weeks: float) -> None:
    with store.write() as session:
        first = min(session.query(Outcome).all(), key=lambda o: o.id)
        session.execute(
            update(Outcome).where(Outcome.id == first.id).values(taken_at=now() - timedelta(weeks=weeks))
        )


def _score(client: TestClient, token: str, episode: int, body: dict[str, Any]) -> dict[str, Any]:
    answer = client.post(
        f"/api/v1/clinic/episodes/{episode}/outcomes", json=body, headers={"authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 201, answer.text
    result: dict[str, Any] = answer.json()
    return result


def test_not_improving_by_six_weeks_raises_the_flag_and_improving_does_not(
    app_client: TestClient, store: Store
) -> None:
    make_staff(store, "cleo@clinic.example")
    token = api_token(app_client, "cleo@clinic.example")
    stuck = desk_episode(app_client, token)
    _score(
        app_client, token, stuck, {"leg_pain": 7, "odi": [{"section": i, "score": 3} for i in range(1, 11)]}
    )
    _backdate(store, 6.5)
    after = _score(
        app_client, token, stuck, {"leg_pain": 6, "odi": [{"section": i, "score": 3} for i in range(1, 10)]}
    )
    assert after["flags"] == ["Not improving"]  # leg 7 -> 6 (less than 2 points or 30 %), ODI 60 -> 60
    better = desk_episode(app_client, token, name="Better Person")
    with store.write() as session:
        session.execute(update(Outcome).values(episode_id=stuck))  # keep the first episode's rows apart
    _score(app_client, token, better, {"leg_pain": 7})
    with store.write() as session:
        row = max(session.query(Outcome).all(), key=lambda o: o.id)
        session.execute(
            update(Outcome).where(Outcome.id == row.id).values(taken_at=now() - timedelta(weeks=7))
        )
    assert _score(app_client, token, better, {"leg_pain": 4})["flags"] == []  # 3 points better: the MCID


def test_api_refuses_an_odi_section_given_twice(app_client: TestClient, store: Store) -> None:
    make_staff(store, "cleo@clinic.example")
    token = api_token(app_client, "cleo@clinic.example")
    episode = desk_episode(app_client, token)
    answer = app_client.post(f"/api/v1/clinic/episodes/{episode}/outcomes", headers={"authorization": f"Bearer {token}"},
                             json={"odi": [{"section": 2, "score": 1}, {"section": 2, "score": 3}]})  # fmt: skip
    assert answer.status_code == 422 and answer.json()["error"] == "an ODI section was answered twice"
    negative = app_client.post(f"/api/v1/clinic/episodes/{episode}/outcomes", headers={"authorization": f"Bearer {token}"},
                               json={"leg_pain": -1})  # fmt: skip
    assert negative.status_code == 422 and negative.json()["problems"][0]["path"] == "leg_pain"
    with store.read() as session:
        assert session.query(Outcome).count() == 0


def test_a_new_warning_sign_at_follow_up_raises_the_flag_and_an_emergency_says_what_to_do(
    app_client: TestClient, store: Store
) -> None:
    make_staff(store, "cleo@clinic.example")
    episode = desk_episode(app_client, api_token(app_client, "cleo@clinic.example"))
    sign_in(app_client, "cleo@clinic.example")
    token = _link(app_client, episode)
    app_client.cookies.clear()
    page = app_client.get(f"/follow-up/{token}", headers={"accept": "text/html"}).text
    question = re.search(r'name="(flag-[a-z_]+)" value="yes"', page)
    assert question
    csrf = csrf_of(app_client, f"/follow-up/{token}")
    questions = re.findall(r'name="(flag-[a-z_]+)" value="no"', page)
    answers = {q: "no" for q in questions}
    saddle = next(q for q in questions if "saddle" in q)
    answers[saddle] = "yes"
    sent = app_client.post(f"/follow-up/{token}", data={**answers, "csrf_token": csrf}, headers={"accept": "text/html"},
                           follow_redirects=False)  # fmt: skip
    assert sent.status_code == 303 and sent.headers["location"] == "/emergency"
    sign_in(app_client, "cleo@clinic.example")
    view = app_client.get(f"/clinic/episodes/{episode}", headers={"accept": "text/html"}).text
    assert "New warning sign" in view and 'id="episode-level">Emergency' in view


def _age_episode(store: Store, episode: int, weeks: float) -> None:
    from nerveroot.store.clinic import Episode

    with store.write() as session:
        session.execute(
            update(Episode).where(Episode.id == episode).values(created_at=now() - timedelta(weeks=weeks))
        )


def test_an_episode_past_week_six_without_a_score_since_is_marked_review_due(
    app_client: TestClient, store: Store
) -> None:
    """'Not improving' needs two scores; a follow-up that never came must not leave the worklist silent."""
    make_staff(store, "cleo@clinic.example")
    token = api_token(app_client, "cleo@clinic.example")
    auth = {"authorization": f"Bearer {token}"}
    never_scored = desk_episode(app_client, token, name="Never Scored")
    scored_at_intake_only = desk_episode(app_client, token, name="Intake Only")
    followed_up = desk_episode(app_client, token, name="Followed Up")
    recent = desk_episode(app_client, token, name="Three Weeks")
    _score(app_client, token, scored_at_intake_only, {"leg_pain": 7})
    with store.write() as session:  # the intake score was taken when the episode began, 7 weeks ago
        session.execute(
            update(Outcome)
            .where(Outcome.episode_id == scored_at_intake_only)
            .values(taken_at=now() - timedelta(weeks=7))
        )
    _score(app_client, token, followed_up, {"leg_pain": 4})  # taken now, after week 6
    for episode, weeks in ((never_scored, 7), (scored_at_intake_only, 7), (followed_up, 7), (recent, 3)):
        _age_episode(store, episode, weeks)
    rows = {
        r["name"]: r["review_due"] for r in app_client.get("/api/v1/clinic/worklist", headers=auth).json()
    }
    assert rows == {"Never Scored": True, "Intake Only": True, "Followed Up": False, "Three Weeks": False}
    sign_in(app_client, "cleo@clinic.example")
    page = app_client.get("/clinic", headers={"accept": "text/html"}).text
    assert page.count("Review due: no scores since week 6") == 2
