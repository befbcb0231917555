"""Schemathesis over the whole OpenAPI schema: for every operation, generated requests (valid and
invalid) get an answer the schema documents, with a documented status and body, and never a 5xx."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from nerveroot.settings import Settings
from nerveroot.store import Store
from nerveroot.store.migrate import upgrade
from nerveroot.web.app import create_app
from store.databases import open_test_slots

FOLDER = Path(tempfile.mkdtemp(prefix="nerveroot-schema-"))  # the schema is loaded at import time
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)  # removed even when no test of it runs
URL = f"sqlite:///{FOLDER / 'schema.db'}"


def _app() -> object:
    upgrade(URL)
    store = Store(URL)
    try:
        open_test_slots(store, count=8)
    finally:
        store.dispose()
    return create_app(
        Settings(database_url=URL, secret_key="z" * 40, rate_limits=False, max_future_bookings=0)
    )


schema = schemathesis.openapi.from_asgi("/openapi.json", _app()).include(path_regex="^/(api/|healthz|readyz)")


@schema.parametrize()
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_documented(case: schemathesis.Case) -> None:
    # Every check but one: a request the JSON schema allows may still be refused by the domain rules the
    # schema cannot state (a phone number's digits, a case's findings), with a documented 4xx.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


def test_every_operation_documents_the_error_answers() -> None:
    raw = schema.raw_schema
    api = {path: ops for path, ops in raw["paths"].items() if path.startswith("/api/") or path == "/readyz"}
    assert len([p for p in api if not p.startswith("/api/v1/clinic/")]) == 6  # the clinic's: tests/clinic
    for path, operations in api.items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert {"400", "413"} <= codes, (method, path, codes)
            if path.startswith("/api/v1/clinic/"):
                assert {"401", "403", "422", "503"} <= codes, (method, path, codes)
            if "bookings" in path or "slots" in path or path == "/readyz":  # the ones that use the database
                assert "503" in codes, (method, path, codes)
            if path.startswith("/api/v1/bookings") or path == "/api/v1/slots":
                assert {"422", "429"} <= codes, (method, path)
