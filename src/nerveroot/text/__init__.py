"""Free text into a case. The reader itself lands with the free-text issue; this is its contract."""

from __future__ import annotations

from dataclasses import dataclass, field

from nerveroot.case import Case
from nerveroot.errors import Problem, TextError


@dataclass(frozen=True)
class Span:
    """The words behind one finding: `finding` is a dotted case path, `value` what was read."""

    finding: str
    value: object
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Reading:
    case: Case
    evidence: list[Span] = field(default_factory=list)
    recognised: bool = False
    side_assumed: bool = False


def read_text(text: str) -> Reading:
    raise TextError("free text is not read yet", [Problem("text", "send a structured case instead", None)])
