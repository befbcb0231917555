"""When the bladder, bowel, saddle or sexual symptoms began (history.ces_symptoms_onset_days).

Left out, the engine takes such symptoms as new: the safe reading. So the onset is set only when every one of
them that was read as present is dated as old, by a time phrase of its own ("unchanged for five years" with
nothing nearer to it than the symptom), by "since then" after a dated sentence ("an operation two years ago.
Since then she has had to strain"), or, for an examination sign, by words that call it old ("as documented
before", "(old)") beside a dated symptom. Any sign of something new among them ("since yesterday", "now",
"new") and the onset is left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from nerveroot.text.compose import Contribution
from nerveroot.text.context import Parsed
from nerveroot.text.lexicon import load_lexicon
from nerveroot.text.mentions import Found, Mention

_CES = (
    "history.saddle_numbness", "history.bladder_dysfunction", "history.urinary_retention",
    "history.urinary_incontinence", "history.altered_bladder_sensation", "history.bowel_incontinence",
    "history.sexual_dysfunction",
)  # fmt: skip
_SIGNS = ("exam.perianal_sensation", "exam.anal_tone")
_SINCE_THEN = re.compile(r"\W*(?:(?:and|but)\s+)?(?:ever\s+)?since\s+(?:then|that\s+time|that)\b", re.I)
_OLD = re.compile(
    r"\b(?:unchanged|stable|known|old|long[\s-]*standing|chronic|as\s+(?:before|documented|previously)|"
    r"previously\s+documented|residual)\b",
    re.I,
)
_CHANGE = re.compile(r"\b(?:now|new(?:ly)?|started|began|begun|developed|worse\w*|suddenly|today)\b", re.I)


def ces_onset(
    text: str,
    found: Found,
    parsed: Parsed,
    contributions: list[Contribution],
    times: list[tuple[float, Mention]],
) -> Iterator[Contribution]:
    present = [c for c in contributions if _present(c) and not c.uncertain]
    if not any(c.path in _CES for c in present):
        return
    recent = load_lexicon().time["recent"]
    ces = [s for c in present for s in c.spans]
    days: list[float] = []
    for c in present:
        lo, hi = _sentence(parsed, c.spans[0][0], len(text))
        if recent.search(text, lo, hi) or _CHANGE.search(text, lo, hi):
            return  # something new among them: leave the onset out (read as new)
        when = _own_time(text, found, ces, (lo, hi), times) or _since_then(text, parsed, (lo, hi), times)
        if when is not None:
            days.append(when * 7)
        elif not (c.path in _SIGNS and _OLD.search(text, lo, hi)):
            return  # one of them is not dated: it may be new
    if days:
        spans = [c.spans[0] for c in present if c.path in _CES]
        yield Contribution("history.ces_symptoms_onset_days", round(min(days)), spans)


def _present(c: Contribution) -> bool:
    if c.path in _CES:
        return c.value is True
    if c.path in _SIGNS:
        return c.value in ("reduced", "absent")
    return False


def _own_time(
    text: str,
    found: Found,
    ces: list[tuple[int, int]],
    sentence: tuple[int, int],
    times: list[tuple[float, Mention]],
) -> float | None:
    """A time phrase in the sentence whose nearest event is one of these symptoms, the longest: "retention
    and numbness around the anus, unchanged for 5 years" dates both."""
    lo, hi = sentence
    mine_spans = [s for s in ces if lo <= s[0] < hi]
    others = [
        (m.start, m.end)
        for kind in ("symptoms", "regions", "findings")
        for m in found[kind]
        if lo <= m.start < hi and not any(_overlap((m.start, m.end), s) for s in mine_spans)
    ]
    others.extend(m.span() for m in load_lexicon().time["not_symptoms"].finditer(text, lo, hi))
    own = []
    for weeks, t in times:
        if lo <= t.start < hi:
            mine = min(_distance(s, t) for s in mine_spans)
            if all(mine <= _distance(o, t) for o in others):
                own.append(weeks)
    return max(own, default=None)


def _since_then(
    text: str, parsed: Parsed, sentence: tuple[int, int], times: list[tuple[float, Mention]]
) -> float | None:
    """ "... two years ago. Since then she has ...": the time of the sentence before."""
    lo, _ = sentence
    if not _SINCE_THEN.match(text, lo) or lo == 0:
        return None
    p_lo, p_hi = _sentence(parsed, lo - 1, len(text))
    before = [w for w, t in times if p_lo <= t.start < p_hi]
    return before[-1] if before else None


def _sentence(parsed: Parsed, pos: int, size: int) -> tuple[int, int]:
    i = bisect.bisect_right(parsed.sentences, pos) - 1
    lo = parsed.sentences[i] if i >= 0 else 0
    hi = parsed.sentences[i + 1] if i + 1 < len(parsed.sentences) else size
    return lo, hi


def _distance(span: tuple[int, int], m: Mention) -> int:
    return max(0, m.start - span[1], span[0] - m.end)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
