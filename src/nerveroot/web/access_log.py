"""Credentials that sit in a URL (a cancel token, a private follow-up link) are rewritten before the server's
access log records the request line."""

from __future__ import annotations

import logging
import re


class Redact(logging.Filter):
    """Replace what `pattern` matches in the string arguments of a log record."""

    def __init__(self, pattern: re.Pattern[str], replacement: str) -> None:
        super().__init__()
        self.pattern = pattern
        self.replacement = replacement

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                self.pattern.sub(self.replacement, a) if isinstance(a, str) else a for a in record.args
            )
        return True


def redact_in_access_log(pattern: re.Pattern[str], replacement: str) -> None:
    """Add the filter to uvicorn's access log once, however many apps are made in the process."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, Redact) and f.pattern == pattern for f in access.filters):
        access.addFilter(Redact(pattern, replacement))
