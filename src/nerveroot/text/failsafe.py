"""Fail safe: a warning sign the text raises but does not settle is `unsure`, never a reassuring silence.

A topic (red_flags.yaml `topics`) is raised by its words (lexicon `topics.words`: "bladder", "down below",
"accident") in the person's present story. It is settled when a finding of the topic was read (present, or
clearly denied), or when the words around it deny it ("bladder function normal", "saddle N", "denies ...
any change in passing urine"): then the topic's own finding is read as false. Otherwise the topic becomes
an `unsure` item with the sentence that raised it; the engine then raises the triage and lists it under
`unresolved`. A plan, advice, a hypothetical, another person or a past episode raises nothing: it was not
left unsettled.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from nerveroot.text.compose import Contribution, dropped
from nerveroot.text.context import Parsed
from nerveroot.text.contractions import NT
from nerveroot.text.dialogue import Answers, answers
from nerveroot.text.lexicon import HISTORY_TOPICS, load_lexicon, topic_findings
from nerveroot.text.mentions import Found, Mention
from nerveroot.text.settle import Doubt, alarming, words

# Topics whose settling is read elsewhere (timeline.py): raising their words alone says nothing.
_ASSEMBLED = frozenset({"both_legs_new", "progressive_weakness"})
# Topics whose words are everyday ones ("it wakes me at night"): raised only with a doubt beside them.
_HEDGED_ONLY = frozenset({"night_pain"})
# Topics asked of as "normal?" in a screen: "no" to one is a change ("does it feel normal when you wipe?" - "no")
_FUNCTIONS = frozenset({"saddle", "bladder", "bowel", "sexual"})
# Topics whose words name the finding itself, so that denying the words denies the finding.
_DENIABLE = frozenset({"saddle", "bladder", "bowel", "sexual", "cancer", "weight_loss"})
# A denial that reaches every item of a list after it ("denies numbness ..., any change in passing urine").
_DENIES = re.compile(
    r"\b(?:denie[sd]|denying|negative\s+for|no\s+history\s+of|screen\w*\s+(?:and\s+)?(?:-ve|negative|neg|clear))\b",
    re.I,
)
_CONTRAST = re.compile(r"\b(?:but|however|although|though|except|apart\s+from)\b|[;.]", re.I)
# a negation just before a denying word turns it round: "not normal", "isnt working properly", "never right",
# "stopped working properly"
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:not|never|no\s+longer|hardly|barely|stopped|stops|ceased)|"
    + NT
    + r")\s+(?:(?:\w+|feel\w*)\s+)?$",
    re.I,
)
_NOT_WELL = re.compile(
    r"(?:\b(?:not|never)|" + NT + r")\s+(?:(?:quite|really|feeling|feel|been|be|working|going|the)\s+){0,2}"
    r"(?:right|normal|ok|okay|fine|good|well|properly|the\s+same|as\s+(?:it|they)\s+should|like\s+(?:it|they)\s+(?:was|were|used|should)|"
    r"what\s+(?:it|they)\s+(?:was|were|used\s+to\s+be))\b"
    r"|(?:\b(?:not|never)|"
    + NT
    + r")\s+(?:been\s+|be\s+)?working\s+(?:in\s+the\s+bedroom|down\s+(?:there|below))",
    re.I,
)
# a bladder word that names one of its findings: denied, it settles only that finding
_NARROW = (
    (re.compile(r"incontinen\w*|leak\w*|dribbl\w*|pads?|nappies", re.I), "history.urinary_incontinence"),
    (re.compile(r"retention", re.I), "history.urinary_retention"),
)
# a clause about the rest, not the topic said before it
_ELSE = re.compile(
    r"\W*(?:(?:and|but|so)\s+)?(?:everything|anything|all|the\s+rest)\s+else\b|\W*(?:(?:and|but)\s+)?the\s+rest\b",
    re.I,
)
_BUT_BEFORE = re.compile(r"\bbut\s+[\"'“‘]?\s*$", re.I)
_HEADER = re.compile(r"\s*(?::|—|–|-)\s*")
# clinical consensus: an adult bladder that empties normally leaves under 100 mL (why a residual of 100-199 mL,
# below the 200 mL red flag, still settles nothing)
_NORMAL_RESIDUAL_ML = 100
_WHICH = re.compile(r"\W*(?:both|either|including|i\.?e\.?|that\s+is|for)\b", re.I)
# a clause of only bladder and bowel words after a denial names what it denied: "toilet normal, wee and poo"
_ONLY_WHICH = re.compile(
    r"\W*(?:(?:wee|wees|pee|pees|poo|poos|bladder|bowels?|waterworks|urine|stools?|number\s+(?:ones?|twos?|1s?|2s?))"
    r"\W*(?:\b(?:and|or)\b|&|/|\+)?\W*)+",
    re.I,
)
_ASIDE = re.compile(r"\W*(?:I|we)\s+(?:asked|checked|did\s+ask)\W*", re.I)  # "- I asked," between the two
_REACH = 90  # characters after a raised topic in which a shared "normal" still speaks of it
# ... up to a new clause: "I'm bunged up, and weeing is normal" (not "bladder, bowels and saddle normal")
_NEXT_CLAUSE = re.compile(r",\s*(?:and|so|then)\b", re.I)


def unsettled(
    text: str, found: Found, parsed: Parsed, contributions: list[Contribution]
) -> tuple[list[Contribution], list[Doubt]]:
    """Denied topics as false findings, and a doubt for each topic raised and left unsettled."""
    denied: list[Contribution] = []
    topic_of = _finding_topics()
    marks = sorted(
        {(m.start, m.entry.kind or "" if k == "topics" else "") for k in ("topics", "symptoms", "findings")
         for m in found[k]}
        | {(a, topic_of.get(c.path, "")) for c in contributions for a, _ in c.spans}
    )  # fmt: skip
    answered = answers(text, parsed.spans(len(text)))
    doubts = list(_hedged_findings(text, parsed, contributions, marks, answered))
    doubts.extend(_doubts(text, found, parsed, contributions, denied, marks=marks, answered=answered))
    return denied, doubts


@cache
def _finding_topics() -> dict[str, str]:
    """Each warning-sign finding's topic (red_flags.yaml topics)."""
    return {f: t for t, fs in topic_findings().items() for f in fs}


def _hedged(
    text: str,
    parsed: Parsed,
    span: tuple[int, int],
    topic: str,
    *,
    marks: list[tuple[int, str]],
    answered: Answers,
) -> bool:
    """Is there a hedge for the words at start..end: in their clause, or later in their sentence with nothing
    else said before it or in its own clause ("no numbness, but I haven't checked"; not "bowels normal, no
    weakness as far as I can tell" nor "no numbness, not sure about the bladder", whose hedges are the
    weakness's and the bladder's)? What its own clause or its own topic says does not count."""
    start, end = span
    if answered.at(start) == "denied":
        return False  # "Any numbness down below?" - "No.": the question mark is the asking, not a doubt
    lo, hi = parsed.clause(start, len(text))
    s_hi = parsed.sentence(start, len(text))[1]
    lexicon = load_lexicon()
    if lexicon.denial_hedges.search(text, lo, hi):
        return True  # "he thinks his urine stream is normal"; not "bladder fine, I think the pain began ..."
    hedge = lexicon.hedges.search(text, lo, s_hi)
    if hedge is None:
        return False
    if hedge.start() < hi:
        return True
    # "Wees are normal, and everything else is working as far as I can tell": the rest's doubt, not the topic's
    if _ELSE.match(text, parsed.clause(hedge.start(), len(text))[0], hedge.start()):
        return False
    k = bisect.bisect_left(marks, (max(end, hi), ""))
    between = {other for pos, other in marks[k:] if pos < hedge.start() and other != topic}
    # "States bladder OK, BO OK, no saddle numbness, but 'haven't really paid attention'": a hedge brought in by
    # "but" after a list of warning signs reaches every sign of the list
    if between and not (
        between - {""} <= _DENIABLE and _BUT_BEFORE.search(text, max(0, hedge.start() - 12), hedge.start())
    ):
        return False
    # a hedge that goes on to name another topic is that one's ("denies saddle numbness, not sure about
    # his bladder")
    h_hi = parsed.clause(hedge.start(), len(text))[1]
    return not any(hedge.start() <= pos < h_hi and other not in ("", topic) for pos, other in marks[k:])


def _hedged_findings(
    text: str,
    parsed: Parsed,
    contributions: list[Contribution],
    marks: list[tuple[int, str]],
    answered: Answers,
) -> Iterator[Doubt]:
    """A warning sign's own finding read as false, with doubt after it in its sentence ("she doesn't think
    there is any numbness around her bottom, but hasn't checked"): withdrawn from `contributions`, and unsure."""
    topic_of = _finding_topics()
    deniable = [
        c for c in contributions if c.value is False and topic_of.get(c.path) in _DENIABLE and c.spans
    ]
    for c in deniable:
        start, end = c.spans[0]
        if _hedged(
            text,
            parsed,
            (start, max(e for _, e in c.spans)),
            topic_of[c.path],
            marks=marks,
            answered=answered,
        ):
            contributions.remove(c)
            yield Doubt(c.path, words(text, start, end), hedged=True)


def _hedged_denial(
    text: str,
    m: Mention,
    parsed: Parsed,
    findings: tuple[str, ...],
    contributions: list[Contribution],
    *,
    marks: list[tuple[int, str]],
    answered: Answers,
) -> bool:
    """Is the topic denied only with a hedge after it ("bowels are ok I think", "wee seems ok?")? Then the
    denial settles nothing: its false findings in that sentence are withdrawn from `contributions`."""
    if any(c.path in findings and alarming(c.path, c.value) for c in contributions):
        return False  # read as present: settled
    s_lo, s_hi = parsed.sentence(m.start, len(text))
    own_end = max(
        [m.end, *(e for c in contributions if c.path in findings for a, e in c.spans if s_lo <= a < s_hi)]
    )
    if not _hedged(text, parsed, (m.start, own_end), m.entry.kind or "", marks=marks, answered=answered):
        return False
    own = [c for c in contributions if c.path in findings and any(s_lo <= a < s_hi for a, _ in c.spans)]
    if not (own or m.flags.negated or _denied(text, m, parsed)):
        return False
    for c in own:
        contributions.remove(c)
    return True


def _doubts(
    text: str,
    found: Found,
    parsed: Parsed,
    contributions: list[Contribution],
    denied: list[Contribution],
    *,
    marks: list[tuple[int, str]],
    answered: Answers,
) -> Iterator[Doubt]:
    topics = topic_findings()
    said = _said(contributions)
    doubted: set[str] = set()
    pending: list[Mention] = []
    for m in found["topics"]:
        topic = m.entry.kind or ""
        findings = topics.get(topic, ())
        if topic in _ASSEMBLED or not findings or dropped(m):
            continue
        if topic in _FUNCTIONS and answered.at(m.start) == "abnormal":
            denied.append(Contribution(findings[0], True, [(m.start, m.end)]))  # a screening question failed
            said.add(findings[0])
            continue
        if topic in _HEDGED_ONLY and not (
            m.flags.uncertain
            or _hedged(text, parsed, (m.start, m.end), topic, marks=marks, answered=answered)
        ):
            continue
        if _hedged_denial(text, m, parsed, findings, contributions, marks=marks, answered=answered):
            said = _said(contributions)
            if findings[0] not in doubted:
                doubted.add(findings[0])
                yield Doubt(findings[0], words(text, m.start, m.end), hedged=True)
            continue
        if m.flags.uncertain and not m.flags.negated:
            pending.append(m)  # settled below by the topic's own finding only, never by a narrower denial
            continue
        settled = any(f in said for f in findings)  # read as present or denied
        if settled and (findings[0] in said or topic not in _DENIABLE):
            continue
        if _present(findings, contributions):
            continue  # read as present elsewhere ("↓ perianal pinprick ..., tone normal"): nothing to deny
        if (m.flags.negated and not _not_well(text, m, parsed)) or (
            not m.flags.uncertain and _denied(text, m, parsed)
        ):
            if topic in _DENIABLE and _doubted_after(text, m, parsed, findings, contributions):
                continue  # "waterworks seem fine, maybe the flow is a bit weaker?": the doubt stands
            if topic in _DENIABLE:
                # denied in words: its own finding is false (anal tone may say the rest); "no incontinence"
                # denies the incontinence, not every change in passing urine
                own = _own_finding(topic, m.text) or findings[0]
                denied.append(Contribution(own, False, [(m.start, m.end)]))
                said.add(own)
            continue
        if settled:
            continue
        if findings[0] in doubted:
            continue
        doubted.add(findings[0])
        yield Doubt(findings[0], words(text, m.start, m.end))
    for m in pending:  # "maybe I'm going for a wee less often? No incontinence": still unsure
        findings = topics[m.entry.kind or ""]
        if findings[0] in said or findings[0] in doubted or _present(findings, contributions):
            continue
        doubted.add(findings[0])
        yield Doubt(findings[0], words(text, m.start, m.end), hedged=True)


def _doubted_after(
    text: str, m: Mention, parsed: Parsed, findings: tuple[str, ...], contributions: list[Contribution]
) -> bool:
    """Is a finding of the topic said with doubt later in the denial's sentence?"""
    s_hi = parsed.sentence(m.start, len(text))[1]
    return any(
        c.uncertain and c.path in findings and any(m.end <= a < s_hi for a, _ in c.spans)
        for c in contributions
    )


def _own_finding(topic: str, words: str) -> str | None:
    if topic != "bladder":
        return None
    return next((finding for narrow, finding in _NARROW if narrow.fullmatch(words)), None)


def _said(contributions: list[Contribution]) -> set[str]:
    """The findings read as present or denied. A residual volume from 100 to 199 mL is neither: under 200 mL it
    does not exclude cauda equina (REFERENCE.md §3, GIRFT 2023), and over 100 mL it is more than the bladder
    normally leaves, so it settles no bladder topic."""
    return {
        c.path
        for c in contributions
        if not c.uncertain
        and not (
            c.path == "exam.post_void_residual_ml"
            and isinstance(c.value, (int, float))
            and c.value >= _NORMAL_RESIDUAL_ML
            and not alarming(c.path, c.value)
        )
    }


def _present(findings: tuple[str, ...], contributions: list[Contribution]) -> bool:
    return any(c.path in findings and alarming(c.path, c.value) for c in contributions)


def _denied(text: str, m: Mention, parsed: Parsed) -> bool:
    """Do the words around a raised topic deny it: its clause, the list it heads, or a denial before it?"""
    lo, hi = parsed.clause(m.start, len(text))
    s_lo, s_hi = parsed.sentence(m.start, len(text))
    if m.entry.kind in HISTORY_TOPICS and _RECOVERED.search(text, m.end, s_hi):
        # "had chemo in 2019, been fine since", "all clear now": well after it, still a history of it
        return _DENIES.search(text, s_lo, m.start) is not None
    if _HEADER.match(text, m.end) and hi < s_hi:  # "Bladder: voiding OK", "Saddle — denies"
        hi = parsed.clause(hi, len(text))[1]
    after = _NEXT_CLAUSE.search(text, m.end, hi)
    if _denial(text, lo, after.start() if after else hi):
        return True
    stop = _CONTRAST.search(text, m.end, s_hi) or _NEXT_CLAUSE.search(text, m.end, s_hi)
    ahead = min(stop.start() if stop else s_hi, m.end + _REACH)
    if _denial(text, m.end, ahead):  # "Bladder, bowels and saddle sensation normal"
        return True
    before = _CONTRAST.search(text[s_lo : m.start][::-1])
    start = m.start - before.start() if before else s_lo
    if _DENIES.search(text, start, m.start) is not None:  # "He denies numbness ..., any change in ..."
        return True
    if _listed_after_denial(text, m, s_lo):  # "RF: all -ve (B&B, SA, Ca, wt)"
        return True
    # a clause that says which, after a denial: "going to the toilet OK - I asked, both wee and poo"
    if lo > s_lo and (_WHICH.match(text, lo, m.start) or _ONLY_WHICH.fullmatch(text, lo, hi)):
        p_lo, p_hi = parsed.clause(lo - 1, len(text))
        while p_lo > s_lo and _ASIDE.fullmatch(text, p_lo, p_hi):
            p_lo, p_hi = parsed.clause(p_lo - 1, len(text))
        return _denial(text, p_lo, p_hi)
    return False


def _listed_after_denial(text: str, m: Mention, s_lo: int) -> bool:
    """Is the topic an item of a bracketed list that a denial just before the bracket speaks of ("Red flags
    screened ⊖ (B&B, saddle, fever)", "SQ all neg (B&B, saddle)"), with no exception in the bracket?"""
    opened = text.rfind("(", s_lo, m.start)
    if opened < 0 or ")" in text[opened : m.start] or _EXCEPT.search(text, opened, m.start):
        return False
    return _denial(text, max(s_lo, opened - _BEFORE_BRACKET), opened)


_RECOVERED = re.compile(
    r"\b(?:(?:given\s+(?:the\s+|an?\s+)?)?all[\s-]+clear|in\s+remission|no\s+recurrence|cured|"
    r"(?:been\s+)?(?:fine|well|ok|okay|clear|good|healthy)\s+(?:ever\s+)?since|clear\s+(?:now|since))\b",
    re.I,
)
_EXCEPT = re.compile(r"\b(?:except|but|apart\s+from|other\s+than|bar|save)\b", re.I)
_BEFORE_BRACKET = 30  # characters before a bracketed list in which its denial is said


def _not_well(text: str, m: Mention, parsed: Parsed) -> bool:
    """Is the negation in the topic's clause one of a state ("something's not right down below", "my
    waterworks aren't the same") or of what cannot be done ("cant get my wee out properly"): the topic is
    raised, not denied."""
    lo, hi = parsed.clause(m.start, len(text))
    return (
        _NOT_WELL.search(text, lo, hi) is not None
        or _UNABLE.search(text, lo, m.start) is not None
        or _FAILED.search(text, lo, hi) is not None
    )


# a function that failed: "bladder doesn't empty properly", "did not empty fully", "can't hold it"
_FAILED = re.compile(
    r"(?:\b(?:not|never)|" + NT + r")\s+(?:\w+\s+)?(?:empty\w*|control\w*|hold\w*|start\w*|finish\w*)\b", re.I
)
_UNABLE = re.compile(
    r"\b(?:can['’]?t|cant|cannot|can\s+not|couldn['’]?t|couldnt|could\s+not|unable\s+to|struggl\w*\s+to)\s+"
    r"(?!say\b|complain\b|think\b|remember\b|recall\b|link\b|connect\b|put\s+it\s+down\b|pin\s+it\b)"
    r"(?:[\w'’]+\s+){0,4}$",
    re.I,
)


def _denial(text: str, lo: int, hi: int) -> bool:
    """Is there a denying word between lo and hi that is not itself negated ("isn't working properly",
    "doesn't feel normal" raise the topic; they do not deny it)?"""
    for d in load_lexicon().denied.finditer(text, lo, hi):
        if _NEGATED_BEFORE.search(text, max(lo, d.start() - 24), d.start()) is None:
            return True
    return False
