"""Who may do what: every clinic route and method, for anonymous, a person's private link (their own and
another person's), a clinician, a disabled clinician's old session and an admin. Nobody reads or changes
what is not theirs; anonymous gets 401 (API) or the sign-in page (pages), never data.

The table must name every route the app has under /clinic, /api/v1/clinic and /follow-up: a new route
without a row fails here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from clinic.conftest import CSRF, PASSWORD, api_token, client_for, desk_episode, disable, make_staff, sign_in
from nerveroot.store import Store
from store.databases import open_test_slots

PAGE, API, LINK = "page", "api", "link"
# (method, path, kind, needs): needs is the least role that may use it
ROUTES: list[tuple[str, str, str, str]] = [
    ("GET", "/clinic", PAGE, "clinician"),
    ("GET", "/clinic/episodes/new", PAGE, "clinician"),
    ("POST", "/clinic/episodes/new", PAGE, "clinician"),
    ("GET", "/clinic/episodes/{episode_id}", PAGE, "clinician"),
    ("POST", "/clinic/episodes/{episode_id}/outcomes", PAGE, "clinician"),
    ("POST", "/clinic/episodes/{episode_id}/link", PAGE, "clinician"),
    ("POST", "/clinic/episodes/{episode_id}/finish", PAGE, "clinician"),
    ("GET", "/clinic/episodes/{episode_id}/referral", PAGE, "clinician"),
    ("GET", "/clinic/episodes/{episode_id}/report.pdf", PAGE, "clinician"),
    ("GET", "/clinic/episodes/{episode_id}/examination", PAGE, "clinician"),
    ("POST", "/clinic/episodes/{episode_id}/examination", PAGE, "clinician"),
    ("GET", "/clinic/episodes/{episode_id}/changes/{assessment_id}", PAGE, "clinician"),
    ("GET", "/clinic/admin", PAGE, "admin"),
    ("POST", "/clinic/admin/slots", PAGE, "admin"),
    ("POST", "/clinic/admin/slots/{slot_id}/close", PAGE, "admin"),
    ("POST", "/clinic/admin/bookings/{reference}/cancel", PAGE, "admin"),
    ("GET", "/clinic/admin/bookings.csv", PAGE, "admin"),
    ("GET", "/clinic/admin/audit", PAGE, "admin"),
    ("GET", "/clinic/admin/episodes/{episode_id}/export.json", PAGE, "admin"),
    ("POST", "/clinic/admin/episodes/{episode_id}/erase", PAGE, "admin"),
    ("GET", "/api/v1/clinic/worklist", API, "clinician"),
    ("POST", "/api/v1/clinic/episodes", API, "clinician"),
    ("GET", "/api/v1/clinic/episodes/{episode_id}", API, "clinician"),
    ("POST", "/api/v1/clinic/episodes/{episode_id}/examinations", API, "clinician"),
    ("POST", "/api/v1/clinic/episodes/{episode_id}/outcomes", API, "clinician"),
    ("GET", "/api/v1/clinic/episodes/{episode_id}/fhir", API, "clinician"),
    ("DELETE", "/api/v1/clinic/sessions/current", API, "clinician"),
    ("POST", "/api/v1/clinic/sessions", API, "anyone"),
    ("GET", "/clinic/sign-in", PAGE, "anyone"),
    ("POST", "/clinic/sign-in", PAGE, "anyone"),
    ("POST", "/clinic/sign-out", PAGE, "anyone"),
    ("GET", "/follow-up/{token}", LINK, "link"),
    ("POST", "/follow-up/{token}", LINK, "link"),
]
BODIES: dict[str, Any] = {
    "/api/v1/clinic/episodes": {"name": "Made Here", "case": {"age": 40}},
    "/api/v1/clinic/episodes/{episode_id}/examinations": {"weakness": {"left": {"ankle_dorsiflexion": 4}}},
    "/api/v1/clinic/episodes/{episode_id}/outcomes": {"leg_pain": 5},
    "/api/v1/clinic/sessions": {"email": "nobody@clinic.example", "password": "x" * 12},
}
FORMS: dict[str, dict[str, str]] = {
    "/clinic/episodes/new": {"name": "Form Person", "case": "{}", "go": "save"},
    "/clinic/episodes/{episode_id}/outcomes": {"leg_pain": "5"},
    "/clinic/episodes/{episode_id}/examination": {"weakness.left.ankle_dorsiflexion": "4"},
    "/clinic/admin/slots": {
        "date": "2099-01-05",
        "from": "09:00",
        "to": "10:00",
        "minutes": "30",
        "weeks": "1",
    },
    "/clinic/admin/episodes/{episode_id}/erase": {"confirm": "yes"},
    "/follow-up/{token}": {"leg_pain": "5"},
}


def test_the_table_names_every_clinic_route() -> None:
    from nerveroot.web.app import create_app

    app = create_app(
        __import__("nerveroot.settings", fromlist=["Settings"]).Settings(
            database_url="sqlite://", secret_key="k" * 40
        )
    )
    found = set()
    for route in app.routes:
        inner = route.original_router.routes if hasattr(route, "original_router") else [route]
        for r in inner:
            path = getattr(r, "path", "")
            if path.startswith(("/clinic", "/api/v1/clinic", "/follow-up")):
                found |= {(m, path) for m in getattr(r, "methods", set()) if m != "HEAD"}
    listed = {(m, p) for m, p, _, _ in ROUTES}
    assert found, "no clinic routes found"
    assert found == listed, f"missing rows: {found - listed}; rows without a route: {listed - found}"


@dataclass
class World:
    client: TestClient
    store: Store
    ids: dict[str, Any]
    tokens: dict[str, str]
    cookies: dict[str, str]


@pytest.fixture
def world(database_url: str, store: Store) -> Iterator[World]:
    for email, role in (("cleo@clinic.example", "clinician"), ("gone@clinic.example", "clinician"),
                        ("ada@clinic.example", "admin")):  # fmt: skip
        make_staff(store, email, role)
    slots = open_test_slots(store, count=4)
    with client_for(database_url, rate_limits=False) as client:
        token = api_token(client, "cleo@clinic.example")
        mine = desk_episode(client, token, name="Mine Person")
        theirs = desk_episode(client, token, name="Their Person")
        exam = client.post(f"/api/v1/clinic/episodes/{mine}/examinations", json={"weakness": {"left": {"hip_flexion": 4}}},
                           headers={"authorization": f"Bearer {token}"}).json()  # fmt: skip
        booked = client.post("/api/v1/bookings", json={"slot_id": slots[0], "name": "Slot Person", "email": "s@example.org",
                             "phone": "+44 20 7946 0001", "consent": True}).json()  # fmt: skip
        cookies: dict[str, str] = {}
        tokens: dict[str, str] = {}
        for who, email in (("clinician", "cleo@clinic.example"), ("disabled", "gone@clinic.example"),
                           ("admin", "ada@clinic.example")):  # fmt: skip
            client.cookies.clear()
            sign_in(client, email)
            cookies[who] = client.cookies["nerveroot_clinic"]
            tokens[who] = api_token(client, email)
        links = {}
        client.cookies.clear()
        client.cookies.set("nerveroot_clinic", cookies["clinician"])
        for name, episode in (("own", mine), ("other", theirs)):
            page = client.post(f"/clinic/episodes/{episode}/link", headers={"accept": "text/html"},
                               data={"csrf_token": CSRF.search(client.get(f"/clinic/episodes/{episode}").text).group(1)})  # type: ignore[union-attr]  # fmt: skip
            links[name] = re.search(r"/follow-up/([A-Za-z0-9_-]+)<", page.text).group(1)  # type: ignore[union-attr]
        disable(store, "gone@clinic.example")
        client.cookies.clear()
        ids = {"episode_id": mine, "other_episode": theirs, "assessment_id": exam["id"], "slot_id": slots[1],
               "reference": booked["reference"], "links": links}  # fmt: skip
        yield World(client, store, ids, tokens, cookies)


PRINCIPALS = ("anonymous", "own_link", "other_link", "clinician", "disabled", "admin")


def _request(w: World, who: str, method: str, path: str, kind: str) -> Any:
    c = w.client
    c.cookies.clear()
    link = w.ids["links"]["own"]
    filled = path.format(episode_id=w.ids["episode_id"], assessment_id=w.ids["assessment_id"], slot_id=w.ids["slot_id"],
                         reference=w.ids["reference"], token=link)  # fmt: skip
    headers: dict[str, str] = {"accept": "text/html"} if kind != API else {}
    if who in ("clinician", "disabled", "admin"):
        if kind == API:
            headers["authorization"] = f"Bearer {w.tokens[who]}"
        else:
            c.cookies.set("nerveroot_clinic", w.cookies[who])
    elif who in ("own_link", "other_link"):
        held = w.ids["links"]["own" if who == "own_link" else "other"]
        headers["authorization"] = f"Bearer {held}"  # a link is no key to anything but its own page
        if kind == LINK:
            filled = path.format(token=held)
    if method == "GET":
        return c.get(filled, headers=headers, follow_redirects=False)
    if kind == API:
        return c.request(method, filled, json=BODIES.get(path, {}), headers=headers)
    data = dict(FORMS.get(path, {}))
    if kind == LINK or who in ("clinician", "disabled", "admin"):
        form_page = "/clinic/sign-in" if who == "disabled" else (filled if kind == LINK else "/clinic")
        got = c.get(form_page, headers={"accept": "text/html"}, follow_redirects=False)
        found = CSRF.search(got.text)
        if found:
            data["csrf_token"] = found.group(1)
    return c.request(method, filled, data=data, headers=headers, follow_redirects=False)


def _allowed(needs: str, who: str) -> bool:
    return {
        "anyone": True,
        "link": who in PRINCIPALS,  # whoever holds a link reaches that link's own page (never another's)
        "clinician": who in ("clinician", "admin"),
        "admin": who == "admin",
    }[needs]


def test_access_matrix(world: World) -> None:
    failures = []
    names = ("Mine Person", "Their Person")
    for method, path, kind, needs in ROUTES:
        for who in PRINCIPALS:
            if path in (
                "/clinic/sign-out",
                "/api/v1/clinic/sessions/current",
                "/clinic/admin/episodes/{episode_id}/erase",
            ):
                continue  # destructive for the other rows: checked in the tests below
            answer = _request(world, who, method, path, kind)
            status = answer.status_code
            allowed = _allowed(needs, who)
            if allowed:
                ok = (
                    status < 400
                    or (path == "/api/v1/clinic/sessions" and status == 401)
                    or (path == "/clinic/sign-in" and method == "POST")
                )
            elif kind == API:
                ok = status in (401, 403) and not any(n in answer.text for n in names)
            else:
                ok = (
                    status == 303 and "/clinic/sign-in" in answer.headers.get("location", "")
                ) or status == 403
                ok = ok and not any(n in answer.text for n in names)
            if kind == LINK:
                shown = "Their Person" if who == "other_link" else "Mine Person"
                hidden = "Mine Person" if who == "other_link" else "Their Person"
                ok = ok and hidden not in answer.text and (method == "POST" or shown in answer.text)
            if not ok:
                failures.append(f"{who:10} {method:6} {path}: {status} {answer.headers.get('location', '')}")
    assert not failures, "\n".join(failures)


def test_destructive_routes_refuse_everyone_but_their_role(world: World) -> None:
    for who in ("anonymous", "own_link", "disabled", "clinician"):
        answer = _request(world, who, "POST", "/clinic/admin/episodes/{episode_id}/erase", PAGE)
        assert answer.status_code in (303, 403), who
        assert not answer.headers.get("location", "").startswith("/clinic/admin")
    still = world.client.get(f"/api/v1/clinic/episodes/{world.ids['episode_id']}",
                             headers={"authorization": f"Bearer {world.tokens['clinician']}"})  # fmt: skip
    assert still.status_code == 200 and still.json()["name"] == "Mine Person"
    erased = _request(world, "admin", "POST", "/clinic/admin/episodes/{episode_id}/erase", PAGE)
    assert erased.status_code == 303 and erased.headers["location"].startswith("/clinic/admin")
    gone = world.client.get(f"/api/v1/clinic/episodes/{world.ids['episode_id']}",
                            headers={"authorization": f"Bearer {world.tokens['clinician']}"})  # fmt: skip
    assert gone.status_code == 404 and "no episode has this number" in gone.json()["problems"][0]["message"]
    fhir = world.client.get(f"/api/v1/clinic/episodes/{world.ids['episode_id']}/fhir",
                            headers={"authorization": f"Bearer {world.tokens['clinician']}"})  # fmt: skip
    assert fhir.status_code == 404 and fhir.json()["error"] == "no such episode"
    assert PASSWORD
