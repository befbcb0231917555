"""JSON text in, Python out, refusing what would break later: lone surrogates, numbers over 4,300 digits,
nesting too deep. Each refusal is a JSONDecodeError naming the place, so every caller already handles it.

A lone surrogate (such as "\\ud800") is valid JSON but is not text: it cannot be written as UTF-8, so it
would fail at the first database write or response. Python refuses to convert an integer of more than
4,300 digits (CVE-2020-10735); the refusal is a plain ValueError that callers did not expect.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
SURROGATE = re.compile("[\ud800-\udfff]")


def loads(text: str, *, object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None) -> Any:
    """`json.loads`, with JSONDecodeError for a lone surrogate, a huge number or too deep nesting."""
    try:
        data = json.loads(text, object_pairs_hook=object_pairs_hook)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise json.JSONDecodeError(f"a number is too long ({_first_line(exc)})", text, 0) from None
    if SURROGATE_ESCAPE.search(text) and has_lone_surrogate(data):
        found = SURROGATE_ESCAPE.search(text)
        position = found.start() if found else 0
        raise json.JSONDecodeError("a lone surrogate escape (\\ud800-\\udfff) is not text", text, position)
    return data


def has_lone_surrogate(value: Any) -> bool:
    """Whether any string (key or value) anywhere in `value` holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


def _first_line(exc: Exception) -> str:
    return str(exc).split(":", 1)[0]


def loads_case(text: str, *, where: str) -> Any:
    """A case (or {"text": ...}) from JSON text, as nerveroot.case reads it, with the refusals above as
    a CaseError naming `where` (a file, a line of a batch, the request body)."""
    from nerveroot.case import loads_case_json
    from nerveroot.errors import CaseError, Problem

    try:
        data = loads_case_json(text, where=where)
    except RecursionError:
        raise CaseError(
            f"{where} is nested too deeply", [Problem("", "expected a case: a few levels")]
        ) from None
    except CaseError:
        raise
    except ValueError as exc:
        raise CaseError(
            f"{where} is not valid JSON", [Problem("", f"a number is too long ({_first_line(exc)})")]
        ) from None
    if has_lone_surrogate(data):
        raise CaseError(
            f"{where} is not valid JSON",
            [Problem("", "a lone surrogate escape (\\ud800-\\udfff) is not text")],
        )
    return data
