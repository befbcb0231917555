"""Turn every failure into JSON a caller can act on: 4xx naming the field, never a traceback.

Shape, for all of them: {"error": "...", "problems": [{"path": "email", "message": "...", "value": ...}]}.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from nerveroot.errors import NerverootError, Problem

VALUE_CHARS = 200


def problem_body(message: str, problems: Sequence[Problem]) -> dict[str, Any]:
    return {
        "error": message,
        "problems": [{"path": p.path, "message": p.message, "value": _shown(p.value)} for p in problems],
    }


def _shown(value: Any) -> Any:
    """Echo small values back so the caller sees what was wrong; never echo a whole document."""
    if isinstance(value, Mapping | list | tuple):
        return None
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


async def _nerveroot_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, NerverootError)
    status = exc.http_status if 400 <= exc.http_status < 600 else 500
    return JSONResponse(problem_body(exc.message, exc.problems), status_code=status)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = validation_problems(exc.errors())
    noun = "problem" if len(problems) == 1 else "problems"
    return JSONResponse(problem_body(f"the request is not valid ({len(problems)} {noun})", problems), 422)


async def http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    # The framework's only 400 is a body it could not decode (such as JSON nested too deeply): name it.
    problems = [Problem("body", "could not be read as JSON")] if exc.status_code == 400 else []
    return JSONResponse(
        problem_body(str(exc.detail), problems), status_code=exc.status_code, headers=exc.headers
    )


async def _unexpected(_request: Request, _exc: Exception) -> JSONResponse:
    return JSONResponse({"error": "internal error; it has been logged", "problems": []}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(NerverootError, _nerveroot_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, _unexpected)
