"""Helpers for page tests: fill the red-flag form, read hidden fields and ticked boxes back from HTML."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from nerveroot.web.screening import QUESTIONS


def all_flags(answer: str = "no", **overrides: str) -> dict[str, str]:
    """A red-flag form with every question answered `answer`, except those named in overrides."""
    form = {f"flag-{q.id}": answer for q in QUESTIONS}
    form.update({f"flag-{k}": v for k, v in overrides.items()})
    return form


def hidden(page: str, name: str) -> str:
    """The value of the first hidden input called `name` in a page."""
    found = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="([^"]*)"', page)
    assert found, f"no hidden field {name!r}"
    return html.unescape(found.group(1))


def hidden_case(page: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(hidden(page, "case"))
    return value


def checked_ids(page: str) -> set[str]:
    return set(re.findall(r'id="([^"]+)"[^>]*\bchecked\b', page))
