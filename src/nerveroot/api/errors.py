"""Turn every failure into an answer a caller can act on: 4xx naming the field, 429/503 with Retry-After,
never a traceback. Programs get JSON; a person's browser on a page gets a page (nerveroot.web.errors).

Shape, for all of them: {"error": "...", "problems": [{"path": "email", "message": "...", "value": ...}]}.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from nerveroot.errors import NerverootError, Problem

VALUE_CHARS = 200


class ProblemResponse(JSONResponse):
    """JSON escaped to ASCII: whatever a caller sent and we echo back can always be written."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode()


def problem_body(message: str, problems: Sequence[Problem]) -> dict[str, Any]:
    return {
        "error": message,
        "problems": [{"path": p.path, "message": p.message, "value": _shown(p.value)} for p in problems],
    }


def _shown(value: Any) -> Any:
    """Echo small values back so the caller sees what was wrong; never echo a whole document."""
    if isinstance(value, Mapping | list | tuple):
        return None
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int) and abs(value) >= 10**30:
        return f"a {len(str(abs(value))) if value.bit_length() < 14000 else 'very long'}-digit number"
    if isinstance(value, str) and len(value) > VALUE_CHARS:
        return value[:VALUE_CHARS] + "…"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # Infinity and NaN are not JSON; say them as text
    return jsonable_encoder(value, custom_encoder={bytes: lambda b: b.decode("utf-8", "replace")})


def field_path(loc: Sequence[int | str]) -> str:
    """("body", "case", "age") -> "case.age"; query and header fields keep their location."""
    parts = [str(p) for p in loc]
    if parts and parts[0] == "body":
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_problems(errors: Sequence[Any]) -> list[Problem]:
    problems = []
    for err in errors:
        loc = tuple(err.get("loc", ()))
        if err.get("type") == "json_invalid":
            reason = (err.get("ctx") or {}).get("error", "not valid JSON")
            where = f" at character {loc[1]}" if len(loc) > 1 else ""
            problems.append(Problem("body", f"is not valid JSON: {reason}{where}"))
            continue
        message = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
        problems.append(Problem(field_path(loc), message, err.get("input")))
    return problems


def retry_headers(exc: Exception) -> dict[str, str]:
    retry_after = getattr(exc, "retry_after", None)
    return {"Retry-After": str(retry_after)} if retry_after else {}


def json_problem(
    message: str, problems: Sequence[Problem], status: int, headers: Mapping[str, str] | None = None
) -> Response:
    return ProblemResponse(problem_body(message, problems), status_code=status, headers=dict(headers or {}))


async def _nerveroot_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NerverootError)
    status = exc.http_status if 400 <= exc.http_status < 600 else 500
    return _answer(request, exc.message, exc.problems, status, retry_headers(exc))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = validation_problems(exc.errors())
    noun = "problem" if len(problems) == 1 else "problems"
    return _answer(request, f"the request is not valid ({len(problems)} {noun})", problems, 422)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    # The framework's only 400 is a body it could not decode (such as JSON nested too deeply): name it.
    problems = [Problem("body", "could not be read as JSON")] if exc.status_code == 400 else []
    return _answer(request, str(exc.detail), problems, exc.status_code, exc.headers)


def _answer(
    request: Request,
    message: str,
    problems: Sequence[Problem],
    status: int,
    headers: Mapping[str, str] | None = None,
) -> Response:
    from nerveroot.web.errors import problem_page, wants_html

    if wants_html(request.scope):
        return problem_page(request, status, headers)
    return json_problem(message, problems, status, headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(NerverootError, _nerveroot_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, http_error)
