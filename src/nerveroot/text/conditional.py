"""Advice given as a condition names what has not happened, however long its list.

"If I ever got numbness in the saddle area, or couldn't pee or couldn't hold it, go straight to A&E": ConText's
"if" reaches a few words, so the end of a long list of warning signs was read as the person's own. A condition
whose sentence goes on to an instruction to seek care (go, ring, come back ... with where: A&E, 999, the GP,
back, help) is a safety net: every finding between the "if" and the instruction is hypothetical; after the
instruction ("come back if ..."), every finding to the end of the sentence. A condition
without such an instruction ("if I sit for long my leg goes numb") is the person's own story and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from nerveroot.text.guards import guarded
from nerveroot.text.mentions import Mention, Within

_IF = guarded(
    re.compile(r"\b(?:if|should|in\s+case)\b(?!\s+(?:anything|not|so|necessary|needed|required)\b)", re.I)
)
_SEEK_CARE = guarded(
    re.compile(
        r"\b(?:go|get|come|head|return|ring|phone|call|dial|seek|attend|contact|present|see)\s+(?:\w+\s+){0,2}?"
        r"(?:A\s*&\s*E|ED|ER|emergency|hospital|casualty|999|111|911|112|an?\s+ambulance|(?:the\s+|your\s+|my\s+)?"
        r"(?:GP|doctor|surgery|practice)|urgent(?:\s+care)?|back|help|medical|advice|attention|seen|checked)\b"
        # "I'd be straight to the hospital", "be down at A&E"
        r"|\bbe\s+(?:(?:straight|right|off|down|up|round|over)\s+)?(?:to|at|in|into)\s+(?:the\s+)?"
        r"(?:A\s*&\s*E|ED|ER|hospital|casualty|emergency|GP|doctor['’]?s?)\b"
        # "come in", "pop in" (not "get numbness in the saddle area")
        r"|\b(?:come|go|pop|call)\s+(?:straight\s+|right\s+|back\s+)?in\b(?!\s+(?:the|my|his|her|your|their|a|an|both|either)\b)",
        re.I,
    )
)


# the person's own story resumes: "come back if I get numb in the saddle area or can't pee, I haven't, it's just
# the shooting pain in my right leg"
_RESUMES = guarded(
    re.compile(
        r"[,;]\s*(?:but\s+|and\s+)?I\s+(?:haven['’]?t|have\s+not|hasn['’]?t|don['’]?t|do\s+not|didn['’]?t|did\s+not)\b"
        r"|\bbut\b",
        re.I,
    )
)


# a condition that points back to a list just given: "... any weakness in my legs, and said if any of that came on
# I should go to A&E" (not "if any of that gets worse": that says it is there)
# ("... and to attend A&E if any develop": the instruction before the condition)
_ANY_OF_THAT = re.compile(
    r"\s+any\s+(?:of\s+(?:that|those|these|them|this)\s+(?:\w+\s+)?)?(?:came|comes|come|happen\w*|start\w*|develop\w*|"
    r"appear\w*|occur\w*|turn\w*\s+up|show\w*\s+up)\b",
    re.I,
)


def safety_nets(text: str, bounds: list[tuple[int, int]], within: Within) -> None:
    """Mark hypothetical, in place, every mention between a condition and its instruction to seek care (and, for
    "if any of that came on", the list before it)."""
    for lo, hi in bounds:
        for cue in _IF.finditer(text, lo, hi):
            then = _SEEK_CARE.search(text, cue.end(), hi)
            if _ANY_OF_THAT.match(text, cue.end()) and (then or _SEEK_CARE.search(text, lo, cue.start())):
                _suppose(within(text.rfind(":", lo, cue.start()) + 1 or lo, cue.start()))
            # "go to A&E if ...": the instruction first, the condition to the end of the sentence
            end = then.start() if then else hi if _SEEK_CARE.search(text, lo, cue.start()) else None
            if end is None:
                continue
            resumes = _RESUMES.search(text, cue.end(), end)
            end = resumes.start() if resumes else end
            _suppose(within(cue.end(), end))


def _suppose(mentions: list[Mention]) -> None:
    for m in mentions:
        if not m.flags.hypothetical:
            m.flags = replace(m.flags, hypothetical=True)
