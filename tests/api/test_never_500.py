"""Whatever JSON arrives, the API answers 2xx or 4xx with a named problem: never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nerveroot.settings import Settings
from nerveroot.store.migrate import upgrade
from nerveroot.web.app import create_app

KEYS = st.sampled_from(
    ["age", "pain", "left", "right", "buttock", "slot_id", "name", "email", "phone", "consent", "case", "text",
     "weakness", "great_toe_extension", "history", "saddle_numbness", "answer", "asked", "question", "value"]
) | st.text(max_size=8)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite:///{folder / 'fuzz.db'}"
    upgrade(url)
    with TestClient(create_app(Settings(database_url=url, secret_key="k" * 40))) as client:
        yield client


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(["/api/v1/assess", "/api/v1/bookings", "/api/v1/interview"]), body=JSON)
def test_any_json_gets_a_4xx_or_an_answer(api: TestClient, path: str, body: Any) -> None:
    response = api.post(path, json=body)
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        payload = response.json()
        assert payload["error"]
        if response.status_code == 422:
            assert payload["problems"], payload


@pytest.mark.parametrize("raw", [b'{"age": Infinity}', b'{"age": NaN}', b"[-Infinity]", b'{"slot_id": NaN}'])
@pytest.mark.parametrize("path", ["/api/v1/assess", "/api/v1/bookings", "/api/v1/interview"])
def test_non_standard_json_numbers_are_refused_cleanly(api: TestClient, path: str, raw: bytes) -> None:
    response = api.post(path, content=raw, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, response.text


@pytest.mark.parametrize(
    "raw", [b"[" * 30000 + b"]" * 30000, b'{"a":' * 10000 + b"1" + b"}" * 10000], ids=["lists", "objects"]
)
@pytest.mark.parametrize("path", ["/api/v1/assess", "/api/v1/bookings", "/api/v1/interview"])
def test_deeply_nested_json_is_refused_naming_the_body(api: TestClient, path: str, raw: bytes) -> None:
    response = api.post(path, content=raw, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    assert [p["path"] for p in response.json()["problems"]] == ["body"]
