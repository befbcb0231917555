"""Free text into a case: a person's own words or a clinician's note, read with negation, side and time.

`read_text` runs the pipeline of reader.py (sections, concept mentions, context, assembly by a small
grammar, settling) and gives the case of CASE_SCHEMA.md together with the character spans behind each
finding, so that a screen can show which words led to what. Warning signs the text raises but does not
settle are in the case's `unsure` list, with their words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nerveroot.case import Case, parse_case
from nerveroot.errors import CaseError, Problem, TextError

MAX_TEXT_BYTES = 100_000  # the same limit as nerveroot.service.MAX_TEXT_BYTES
_MAX_CONTROL = 0.1  # a text with more control characters than this is binary, not words
# control characters (not tab or line ends), surrogates, private use and non-characters: not words
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff]"
)


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


def check_text(text: object) -> str:
    """Refuse what cannot be read, naming the field: not a string, empty, or longer than the limit."""
    if not isinstance(text, str):
        raise TextError("text must be a string", [Problem("text", "expected a string", type(text).__name__)])
    if not text.strip():
        raise TextError(
            "the text is empty",
            [
                Problem(
                    "text", "describe the symptoms in words, e.g. 'pain down the back of my left leg'", text
                )
            ],
        )
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise TextError(
            "the text is too long",
            [Problem("text", f"at most {MAX_TEXT_BYTES} bytes can be read; got {size}", None)],
        )
    control = len(_CONTROL.findall(text))
    if control > len(text) * _MAX_CONTROL:
        raise TextError(
            "the text is not readable text",
            [Problem("text", f"{control} of its {len(text)} characters are control codes; "
                     "expected words, e.g. 'pain down the back of my left leg'", None)],
        )  # fmt: skip
    return text


def read_text(text: str) -> Reading:
    """Read free text into a case and the spans behind each finding. Raises TextError for unusable text."""
    from nerveroot.text.reader import read

    text = check_text(text)
    result = read(text)
    try:
        case = parse_case(result.case)
    except CaseError as exc:  # the reader should never build an invalid case; say so plainly if it does
        raise TextError("the text could not be read into a valid case", exc.problems) from None
    seen: set[tuple[str, str, int, int]] = set()
    evidence: list[Span] = []
    for c in result.contributions:
        if c.path in _DEMOGRAPHIC and getattr(case, c.path) is None:
            continue  # read, then dropped as impossible ("I'm 200 pounds" is no age)
        for start, end in c.spans:
            key = (c.path, repr(c.value), start, end)
            if key not in seen:
                seen.add(key)
                evidence.append(Span(c.path, c.value, start, end, text[start:end]))
    evidence.sort(key=lambda s: (s.start, s.finding))
    recognised = any(_tells(s) for s in evidence) or bool(case.unsure or case.imaging)
    return Reading(case, evidence, recognised)


_DEMOGRAPHIC = frozenset({"age", "sex", "duration_weeks", "onset"})


def _tells(span: Span) -> bool:
    """Does this finding say anything of the back or legs? Who the person is does not, nor a normal
    temperature among the observations ("Obs: BP 142/88, temp 36.9")."""
    return span.finding not in _DEMOGRAPHIC and not (span.finding == "history.fever" and span.value is False)
