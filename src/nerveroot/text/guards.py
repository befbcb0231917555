"""Regular expressions told, up front, which characters a match can begin with.

Python's engine tries every alternative of an expression at every position it searches; for a long list of
words ("resolved|cleared up|settled|went away|..."), most of a search is spent failing at words that begin
with none of them. A lookahead for the first two characters a match can have (worked out by the parser of
scan.py, as for the lexicon's index) fails at once there. It is a condition every match already meets, so the
matches are the same.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from typing import Any

from nerveroot.text import scan

_parser: Any = importlib.import_module("re._parser")
_DIGITS = frozenset("0123456789")


def _starts(pattern: str) -> frozenset[str] | None:
    """The lower-case first two characters a match can have (one where the second is not known), or None.

    A repeat that may be absent counts as absent, or as once and then unknown (scan.py's strict reading)."""
    done: set[str] = set()
    growing = scan._grow(list(_parser.parse(pattern, re.IGNORECASE)), {""}, done, 2, (scan._chars, True))
    if growing is None or "" in growing or "" in done:
        return None
    return frozenset(done | growing)


def _char(c: str) -> str:
    # scan.py reads \d as 0-9; a text's other digits ("٣") are \d too, so any digit stands for \d
    return r"\d" if c in _DIGITS else re.escape(c)


@cache
def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with a lookahead for its first characters, or itself when they are not known (a match may
    begin with anything, or with nothing). Ignoring case, the lookahead allows at least what the pattern does."""
    if pattern.flags & re.VERBOSE:
        return pattern
    try:
        starts = _starts(pattern.pattern)
    except (re.error, RecursionError):
        return pattern
    if not starts or not all(s.isascii() and 1 <= len(s) <= 2 for s in starts):
        return pattern
    then: dict[str, set[str]] = {}  # first character -> the second ones ("" where any may follow)
    for s in starts:
        then.setdefault(_char(s[0]), set()).add(_char(s[1]) if len(s) == 2 else "")
    branches = [
        first if "" in seconds else first + "[" + "".join(sorted(seconds)) + "]"
        for first, seconds in sorted(then.items())
    ]
    ahead = "(?=(?i:[" + "".join(sorted(then)) + "]))(?=(?i:" + "|".join(branches) + "))"
    try:
        return re.compile(f"{ahead}(?:{pattern.pattern})", pattern.flags)
    except re.error:
        return pattern
