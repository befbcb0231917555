"""The clinic's store on both databases: an episode through examination, scores, flags, FHIR and erasure,
and the audit log's append-only trigger (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from clinic.conftest import PASSWORD, api_token, client_for, desk_episode, make_staff
from nerveroot.store import Store


def test_an_episode_end_to_end_and_an_audit_that_cannot_be_changed(any_database_url: str) -> None:
    store = Store(any_database_url)
    try:
        make_staff(store, "cleo@clinic.example")
        make_staff(store, "ada@clinic.example", role="admin")
        with client_for(any_database_url) as client:
            token = api_token(client, "cleo@clinic.example", PASSWORD)
            headers = {"authorization": f"Bearer {token}"}
            episode = desk_episode(client, token)
            for grade in (4, 3):
                assert client.post(f"/api/v1/clinic/episodes/{episode}/examinations", headers=headers,
                                   json={"weakness": {"left": {"ankle_dorsiflexion": grade}}}).status_code == 201  # fmt: skip
            scored = client.post(f"/api/v1/clinic/episodes/{episode}/outcomes", headers=headers,
                                 json={"leg_pain": 6, "odi": [{"section": 1, "score": 2}, {"section": 5, "score": 3}]})  # fmt: skip
            assert scored.status_code == 201 and scored.json()["odi_percent"] == 50.0
            record = client.get(f"/api/v1/clinic/episodes/{episode}", headers=headers).json()
            assert [f["id"] for f in record["flags"]] == ["weakness_worse"]
            assert client.get(f"/api/v1/clinic/episodes/{episode}/fhir", headers=headers).status_code == 200
        for statement in ("UPDATE audit_log SET what = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(Exception, match="append-only"), store.write() as session:
                session.execute(text(statement))
    finally:
        store.dispose()
