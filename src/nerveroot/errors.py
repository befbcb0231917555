"""One error type per kind of failure, each knowing its exit code and HTTP status.

The CLI and the web layer map these once; nothing else catches them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where, what was given, what was expected."""

    path: str
    message: str
    value: Any = None

    def __str__(self) -> str:
        shown = "" if self.value is None else f" (got {_short(self.value)})"
        where = self.path or "input"
        return f"{where}: {self.message}{shown}"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NerverootError(Exception):
    """Base of every error nerveroot raises on purpose."""

    exit_code = 1
    http_status = 500

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = problems or []

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = "\n".join(f"  - {p}" for p in self.problems)
        return f"{self.message}\n{lines}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "error": self.message,
            "problems": [{"path": p.path, "message": p.message, "value": p.value} for p in self.problems],
        }


class BadInput(NerverootError):
    """The input (a case, a text, an answer, a request) cannot be used as it is."""

    exit_code = 2
    http_status = 422


class CaseError(BadInput):
    """A case does not follow CASE_SCHEMA.md."""


class TextError(BadInput):
    """A free text cannot be read (empty, too long)."""


class AnswerError(BadInput):
    """An interview answer does not fit its question."""


class KnowledgeError(NerverootError):
    """The knowledge base is inconsistent: a programming or curation error, never the user's."""

    exit_code = 3


class NotFound(NerverootError):
    exit_code = 4
    http_status = 404


class Conflict(NerverootError):
    exit_code = 5
    http_status = 409
