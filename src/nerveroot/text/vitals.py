"""The blood pressure taken in both arms: a systolic difference of more than 20 mmHg is a pulse deficit.

The 2010 ACCF/AHA guideline on thoracic aortic disease (Hiratzka et al., Circulation 2010;121:e266-e369) counts
a pulse deficit or a systolic difference between the limbs among the high-risk examination features of an
aortic dissection; more than 20 mmHg between the arms is the difference it names. "BP R arm 196/104, L arm
152/88" is such a deficit; "R arm 132/80, L arm 128/78" is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nerveroot.text.compose import Contribution

ARM_DIFFERENCE_MMHG = 20  # more than this, systolic, between the arms (Hiratzka 2010)

_SIDE = r"(?:right|left|(?-i:[RL]))"
_PRESSURE = r"(?P<{}>\d{{2,3}})\s*/\s*\d{{2,3}}"
_BOTH_ARMS = re.compile(
    rf"\b{_SIDE}\s+arm\s*:?\s*{_PRESSURE.format('first')}[^.;\n]{{0,24}}?\b{_SIDE}\s+arm\s*:?\s*{_PRESSURE.format('second')}"
    rf"|\b{_PRESSURE.format('first2')}\s+(?:in|on)\s+(?:the\s+)?{_SIDE}\s+arm[^.;\n]{{0,24}}?\b{_PRESSURE.format('second2')}"
    rf"\s+(?:in|on)\s+(?:the\s+)?{_SIDE}(?:\s+arm)?",
    re.IGNORECASE,
)


def arm_pressures(text: str) -> Iterator[Contribution]:
    """The systolic pressures of both arms compared, where a text gives both."""
    for m in _BOTH_ARMS.finditer(text):
        first, second = (int(m.group(k) or m.group(k + "2")) for k in ("first", "second"))
        yield Contribution("exam.arm_pulse_difference", abs(first - second) > ARM_DIFFERENCE_MMHG, [m.span()])
