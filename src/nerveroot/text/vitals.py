"""Measurements compared within a text: blood pressure in both arms, and a body weight then and now.

The 2010 ACCF/AHA guideline on thoracic aortic disease (Hiratzka et al., Circulation 2010;121:e266-e369) counts
a pulse deficit or a systolic difference between the limbs among the high-risk examination features of an
aortic dissection; more than 20 mmHg between the arms is the difference it names. "BP R arm 196/104, L arm
152/88" is such a deficit; "R arm 132/80, L arm 128/78" is not.

A weight told as a fall from one figure to another ("gone from 14 stone 2 to 12 stone 12 since Christmas") is
weight lost; the lexicon reads it said in words ("lost two stone without trying").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nerveroot.text.compose import Contribution
from nerveroot.text.settle import around

ARM_DIFFERENCE_MMHG = 20  # more than this, systolic, between the arms (Hiratzka 2010)

_SIDE = r"(?:right|left|(?-i:[RL]))"
_PRESSURE = r"(?P<{}>\d{{2,3}})\s*/\s*\d{{2,3}}"
_BOTH_ARMS = re.compile(
    rf"\b{_SIDE}\s+arm\s*:?\s*{_PRESSURE.format('first')}[^.;\n]{{0,24}}?\b{_SIDE}\s+arm\s*:?\s*{_PRESSURE.format('second')}"
    rf"|\b{_PRESSURE.format('first2')}\s+(?:in|on)\s+(?:the\s+)?{_SIDE}\s+arm[^.;\n]{{0,24}}?\b{_PRESSURE.format('second2')}"
    rf"\s+(?:in|on)\s+(?:the\s+)?{_SIDE}(?:\s+arm)?",
    re.IGNORECASE,
)


def measures(text: str) -> Iterator[Contribution]:
    """What the text's measurements say: a pulse deficit between the arms, weight lost."""
    yield from arm_pressures(text)
    yield from weight_change(text)


def arm_pressures(text: str) -> Iterator[Contribution]:
    """The systolic pressures of both arms compared, where a text gives both."""
    for m in _BOTH_ARMS.finditer(text):
        first, second = (int(m.group(k) or m.group(k + "2")) for k in ("first", "second"))
        yield Contribution("exam.arm_pulse_difference", abs(first - second) > ARM_DIFFERENCE_MMHG, [m.span()])


# clinical consensus: a loss of 5% of body weight is the usual threshold for "significant" unintended weight
# loss (REFERENCE.md §3.4 names unexplained weight loss among the red flags without a figure)
WEIGHT_LOSS_FRACTION = 0.05
_UNIT = r"(?:stones?|st|kgs?|kilos?|kilograms?|lbs?|pounds)"


def _weight(name: str) -> str:
    """A weight: "14 stone 2", "82 kg", "180"."""
    return (
        rf"(?P<{name}>\d{{1,3}}(?:\.\d)?)\s*(?P<{name}_unit>{_UNIT})?"
        rf"(?:\s*(?P<{name}_lb>\d{{1,2}})(?:\s*(?:lbs?|pounds))?)?"
    )


_FROM_TO = re.compile(
    r"\b(?:gone|went|dropped|fallen|fell|come|came|down|weight\w*)\s+(?:down\s+)?from\s+"
    + _weight("was")
    + r"\s+(?:down\s+)?to\s+"
    + _weight("now"),
    re.IGNORECASE,
)
_ON_PURPOSE = re.compile(
    r"\b(?:diet\w*|slimming|on\s+purpose|intentional\w*|"
    r"(?<!not\s)(?<!n't\s)(?<!n’t\s)(?<!not\sbeen\s)(?<!n't\sbeen\s)(?<!n’t\sbeen\s)trying)\b",
    re.I,
)


def weight_change(text: str) -> Iterator[Contribution]:
    """Weight lost, where a text gives the weight then and now and no purpose for the loss."""
    for m in _FROM_TO.finditer(text):
        unit = (m.group("was_unit") or m.group("now_unit") or "").lower()
        if not unit:
            continue  # "come down from 8 to 3": a pain score, not a weight
        was, now = _pounds(m, "was", unit), _pounds(m, "now", unit)
        sentence = around(text, m.start(), m.end(), stops=".!?\n")
        if was > 0 and (was - now) / was >= WEIGHT_LOSS_FRACTION and not _ON_PURPOSE.search(text, *sentence):
            yield Contribution("history.unexplained_weight_loss", True, [m.span()])


def _pounds(m: re.Match[str], which: str, unit: str) -> float:
    """A weight in pounds (stone and pounds, kilograms or pounds; the unit said once serves both figures)."""
    value = float(m.group(which))
    own = (m.group(f"{which}_unit") or unit).lower()
    if own.startswith("st"):
        return value * 14 + float(m.group(f"{which}_lb") or 0)
    if own.startswith("k"):
        return value * 2.2046
    return value
