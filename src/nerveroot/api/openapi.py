"""The error answers every route documents in the OpenAPI schema, in the one shape they all share."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class ProblemItem(BaseModel):
    path: str
    message: str
    value: Any = None


class ProblemBody(BaseModel):
    """Every error: what went wrong, and each problem with where, what and (when small) the value given."""

    error: str
    problems: list[ProblemItem]


DESCRIPTIONS = {
    400: "the request could not be read (for example not valid JSON)",
    404: "not found",
    409: "a conflict with the current state",
    413: "the body is larger than the limit",
    422: "a field is missing or wrong; the response names it",
    429: "too many requests from this address; the Retry-After header says when to try again",
    503: "the database is unavailable just now; the Retry-After header says when to try again",
}
HEADERS = {
    429: {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}},
    503: {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}},
}


def responses(*codes: int, not_found: str = "", conflict: str = "") -> dict[int | str, dict[str, Any]]:
    """Documented error answers for a route: always 400 and 413 (any body), plus `codes`."""
    words = {404: not_found, 409: conflict}
    out: dict[int | str, dict[str, Any]] = {}
    for code in sorted({400, 413, *codes}):
        entry: dict[str, Any] = {"model": ProblemBody, "description": words.get(code) or DESCRIPTIONS[code]}
        if code in HEADERS:
            entry["headers"] = HEADERS[code]
        out[code] = entry
    return out
