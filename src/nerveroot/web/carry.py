"""The case carried from page to page in a hidden form field, sent by POST (never in a URL).

The field holds the case as compact JSON. Every page validates it again with :func:`parse_case`, so an
edited or truncated field is refused with a message naming the field, never trusted. (Each page is also kept
server-side for a short while, web/journey.py, so that a refresh or Back does not re-send a form.)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from nerveroot import safe_json
from nerveroot.case import case_json, parse_case, put_value_at
from nerveroot.errors import BadInput, CaseError, Problem
from nerveroot.safe_json import loads_case

LIST_GROUPS = ("pain", "numbness", "tingling")
MAX_FIELD_CHARS = 60_000


def read_case(raw: str | None) -> dict[str, Any]:
    """Decode and validate the hidden ``case`` field; an empty field is the empty case."""
    if not raw or not raw.strip():
        return {}
    if len(raw) > MAX_FIELD_CHARS:
        raise BadInput("the case field is too long", [Problem("case", f"over {MAX_FIELD_CHARS} characters")])
    try:
        data = loads_case(raw, where="the case field")  # surrogates, huge numbers, deep nesting: CaseError
        return case_json(parse_case(data))
    except CaseError as exc:
        problems = [Problem(f"case.{p.path}".rstrip("."), p.message, p.value) for p in exc.problems]
        raise BadInput(f"the saved answers could not be read: {exc.message}", problems) from None


def dump_case(case: Mapping[str, Any]) -> str:
    return json.dumps(case, separators=(",", ":"), sort_keys=True)


def read_json_list(raw: str | None, field: str) -> list[Any]:
    """A hidden JSON list (the interview's asked questions and its trail back); empty when absent."""
    if not raw:
        return []
    try:
        value = safe_json.loads(raw)
    except json.JSONDecodeError as exc:  # also a lone surrogate, a number too long, nesting too deep
        raise BadInput(f"{field} is not valid JSON", [Problem(field, exc.msg)]) from None
    if not isinstance(value, list):
        raise BadInput(
            f"{field} must be a list", [Problem(field, "expected a JSON list", type(value).__name__)]
        )
    return value


def flatten(case: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Leaf paths of a case: region lists become ``pain.left.heel: true`` so each can be kept or dropped;
    a "not sure" becomes ``unsure.history.saddle_numbness`` (its words, or true); a scan finding
    ``imaging#0`` (the finding itself)."""
    out: dict[str, Any] = {}
    for key, value in case.items():
        path = f"{prefix}{key}"
        if not prefix and key == "unsure" and isinstance(value, list):
            for item in value:
                finding = item.get("finding") if isinstance(item, Mapping) else item
                words = item.get("words") if isinstance(item, Mapping) else None
                out[f"unsure.{finding}"] = words or True
        elif isinstance(value, list) and any(isinstance(v, Mapping) for v in value):
            out.update({f"{path}#{i}": dict(v) for i, v in enumerate(value)})
        elif isinstance(value, Mapping):
            out.update(flatten(value, f"{path}."))
        elif isinstance(value, list):
            out.update({f"{path}.{item}": True for item in value})
        else:
            out[path] = value
    return out


def merge(case: Mapping[str, Any], leaves: Mapping[str, Any]) -> dict[str, Any]:
    """Add leaf findings (from :func:`flatten`) to a case; region lists gain items, other values are set."""
    out: dict[str, Any] = json.loads(json.dumps(case))
    for path, value in leaves.items():
        if path.startswith("unsure."):
            finding = path.removeprefix("unsure.")
            items = out.setdefault("unsure", [])
            if all((i.get("finding") if isinstance(i, Mapping) else i) != finding for i in items):
                items.append({"finding": finding, **({"words": value} if isinstance(value, str) else {})})
            continue
        if "#" in path:
            items = out.setdefault(path.split("#", 1)[0], [])
            if value not in items:
                items.append(value)
            continue
        parts = path.split(".")
        if parts[0] in LIST_GROUPS and len(parts) == 3:
            regions = out.setdefault(parts[0], {}).setdefault(parts[1], [])
            if parts[2] not in regions:
                regions.append(parts[2])
            continue
        put_value_at(out, path, value)
    return out


def without(case: Mapping[str, Any], top: Iterable[str]) -> dict[str, Any]:
    """The case with some top-level fields removed (a page's own fields, before it sets them again)."""
    drop = set(top)
    return {k: v for k, v in case.items() if k not in drop}
