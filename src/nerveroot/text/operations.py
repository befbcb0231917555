"""Whether a spinal operation was recent (within 3 months: the infection red flag), from its own time phrase.

"six weeks after a microdiscectomy", "10 days post-op", "6/52 post op"; or, in a discharge summary, this stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nerveroot.text.compose import Contribution, duration
from nerveroot.text.context import Parsed
from nerveroot.text.lexicon import load_lexicon
from nerveroot.text.mentions import Found, Mention

RECENT_SURGERY_WEEKS = 13  # CASE_SCHEMA.md: spinal surgery within 3 months

# the time since an operation, told with it: "six weeks after a microdiscectomy", "10 days post-op", "6/52 post op"
_SINCE_OP = re.compile(
    r"\b(?P<num>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*"
    r"(?:(?P<unit>days?|weeks?|wks?|months?|mths?)\s+|/\s*(?P<unit2>7|52|12)\s*)"
    r"(?:after|post|since|following|out\s+from|on\s+from)\b",
    re.I,
)


# the operation was in this stay: "DISCHARGE SUMMARY ... Procedure: microdiscectomy (04/03)", "POD 2", "Day 1 post
# L4/5 decompression"
_THIS_ADMISSION = re.compile(
    r"^\W*discharge\s+summary\b|\b(?:post[\s-]*op(?:erative)?\s+day\s*\d|POD\s*\d|day\s+\d+\s+post[\s-]*op|"
    # "Day 1 post L4/5 decompression"
    r"day\s+\d+\s+(?:post|after)\s+(?:(?:[LST]?\d|\+|/|-|and|&|\s)+)?(?:micro)?(?:discectomy|decompression|laminectomy|"
    r"laminotomy|fusion|fixation|foraminotomy|spinal\s+surgery))",
    re.I | re.M,
)  # a discharge summary's own heading, not "recorded in your discharge summary"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _since_operation(text: str, lo: int, hi: int) -> list[float]:
    lexicon = load_lexicon()
    out = []
    for m in _SINCE_OP.finditer(text, lo, hi):
        weeks = duration(lexicon, {"num": m.group("num"), "unit": m.group("unit") or m.group("unit2")})
        if weeks is not None:
            out.append(weeks)
    return out


def recent_surgery(
    text: str, found: Found, parsed: Parsed, times: list[tuple[float, Mention]]
) -> Iterator[Contribution]:
    """Spinal surgery with its own time phrase: within 3 months, or not."""
    for f in found["findings"]:
        if f.entry.sets.get("history.previous_spinal_surgery") is not True or f.flags.negated:
            continue
        if f.flags.family or f.flags.hypothetical:
            continue  # "my mate had a microdiscectomy and was back at work in 3 weeks"
        lo, hi = parsed.sentence(f.start)
        own = [w for w, t in times if lo <= t.start < hi]
        own.extend(_since_operation(text, lo, hi))
        if not own and _THIS_ADMISSION.search(text) and not _YEAR.search(text, lo, hi):
            own = [0.0]  # a discharge summary's operation is this admission's
        if own:
            recent = min(own) <= RECENT_SURGERY_WEEKS
            yield Contribution("history.spinal_surgery_within_3_months", recent, [(f.start, f.end)])
