"""A whole journey, bookings by page and by API, cancels, bad input and failures, against a real server
logging at debug level: no log line holds a name, an email, a phone number, an answer, a cancel token or
a query string (issue 10)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from nerveroot.store import Store
from nerveroot.store.migrate import upgrade
from serving import serve
from store.databases import open_test_slots
from web.pageforms import all_flags, hidden_case

NAME = "Zanzibar Quillfeather"
EMAIL = "quillfeather.zanzibar@example.org"
PHONE = "020 7946 0417"
STORY = "burning marmalade ache behind my left knee since the ferry crossing"
SECRETS = [NAME, "Quillfeather", "quillfeather", EMAIL, "7946 0417", "79460417", "marmalade", "ferry crossing",
           "posterior_thigh", "great_toe", "saddle"]  # fmt: skip


def _field(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, name
    return found.group(1)


def test_a_journey_and_bookings_leave_nothing_personal_in_the_logs(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    upgrade(url)
    store = Store(url)
    try:
        ids = open_test_slots(store, count=6)
    finally:
        store.dispose()
    tokens: list[str] = []
    with serve(url, tmp_path, log_level="debug", env={"NERVEROOT_RATE_LIMITS": "true",
               "NERVEROOT_RATE_LIMIT_BOOKING": "3/minute"}) as server:  # fmt: skip
        with httpx.Client(
            base_url=server.url, timeout=60, headers={"accept": "text/html"}, follow_redirects=True
        ) as web:
            page = web.post("/check/red-flags", data=all_flags()).text
            data = {"case": json.dumps(hidden_case(page)), "go": "read", "story": STORY, "age": "47",
                    "mark": ["pain.left.posterior_thigh", "numbness.left.great_toe"]}  # fmt: skip
            page = web.post("/check/body-map", data=data).text
            data = {**data, "go": "continue", "case": json.dumps(hidden_case(page))}
            page = web.post("/check/body-map", data=data).text
            assert web.post("/check/result", data={"case": json.dumps(hidden_case(page))}).status_code == 200
            case = json.dumps(
                {"age": 47, "pain": {"left": ["posterior_thigh"]}, "history": {"saddle_numbness": False}}
            )
            web.get("/book", params={"case": case, "name": NAME})  # a query string that carries answers
            form = web.post("/book/start", data={"case": case, "result_page": "r" * 32}).text
            booking = {"name": NAME, "email": EMAIL, "phone": PHONE, "consent": "yes", "slot_id": str(ids[0]),
                       "case": case, "csrf_token": _field(form, "csrf_token"),
                       "idempotency_key": _field(form, "idempotency_key")}  # fmt: skip
            made = web.post("/book", data=booking, follow_redirects=False)
            assert made.status_code == 303, made.text
            location = made.headers["location"]
            assert "token=" in location, location
            tokens.append(location.split("token=")[1])
            confirmation = web.get(location)
            assert confirmation.status_code == 200
            web.get(location.replace("?", "/calendar.ics?", 1))
            ask = web.get(location.replace("?", "/cancel?", 1)).text
            reference = location.split("/")[2].split("?")[0]
            web.post(
                f"/book/{reference}/cancel",
                data={"token": _field(ask, "token"), "csrf_token": _field(ask, "csrf_token")},
            )
            web.post("/book", data={**booking, "email": "not-an-email " + NAME})  # refused, entries kept
            web.post("/check/questions", data={"case": case, "asked": "[]", "trail": "[" + "9" * 5000 + "]"})
        with httpx.Client(base_url=server.url, timeout=60) as api:
            body = {"slot_id": ids[1], "name": NAME, "email": EMAIL, "phone": PHONE, "consent": True,
                    "case": json.loads(case)}  # fmt: skip
            first = api.post("/api/v1/bookings", json=body, headers={"Idempotency-Key": "log-test-0001"})
            assert first.status_code == 201, first.text
            tokens.append(first.json()["cancel_token"])
            api.post("/api/v1/bookings", json=body, headers={"Idempotency-Key": "log-test-0001"})  # a retry
            api.post("/api/v1/bookings", json={**body, "slot_id": ids[1]})  # 409 or 429
            api.post("/api/v1/bookings", json={**body, "email": NAME})  # 422 echoing the value to the caller
            api.post("/api/v1/bookings", content=b'{"name": "' + NAME.encode() + b'\\ud800"}',
                     headers={"content-type": "application/json"})  # fmt: skip
            api.post("/api/v1/assess", json={"text": STORY})
            api.delete(f"/api/v1/bookings/{first.json()['reference']}", params={"token": tokens[-1]})
            (tmp_path / "clinic.db").unlink()  # a failure: 503s, logged
            assert api.post("/api/v1/bookings", json={**body, "slot_id": ids[2]}).status_code in (429, 503)
            assert api.get("/api/v1/slots").status_code == 503
        log = server.log_text()
    assert "GET /book?[query not logged]" in log and "POST /api/v1/bookings" in log  # the log is there
    lines = log.splitlines()
    for secret in [*SECRETS, *tokens]:
        leaked = [line for line in lines if secret.lower() in line.lower()]
        assert not leaked, f"{secret!r} is in the log: {leaked[:3]}"
    assert not [line for line in lines if "?" in line and "query not logged" not in line and "GET /" in line]


def test_the_app_keeps_cancel_tokens_and_private_links_out_of_the_access_log(tmp_path: Path) -> None:
    """Both credentials that travel in a URL are rewritten by the filters the app installs, whichever
    request line carries them."""
    import logging

    from nerveroot.settings import Settings
    from nerveroot.web.app import create_app

    create_app(Settings(database_url=f"sqlite:///{tmp_path / 'x.db'}", secret_key="k" * 40))
    access = logging.getLogger("uvicorn.access")
    lines = {
        "/book/NR-ABCD-EFGH/cancel?token=s3cr3tCancel&x=1": "/book/NR-ABCD-EFGH/cancel?[query not logged]",
        "/follow-up/s3cr3tFollowUpLink_9": "/follow-up/[token]",
    }
    for path, kept in lines.items():
        record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                                   ("127.0.0.1:5000", "GET", path, "1.1", 200), None)  # fmt: skip
        assert all(f.filter(record) for f in access.filters if isinstance(f, logging.Filter))
        message = record.getMessage()
        assert "s3cr3t" not in message and kept in message, message
