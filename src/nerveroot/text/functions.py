"""Bladder, bowel and sexual function: a trouble said of an organ, in ordinary and clinical words.

Organs ("bladder", "pee", "stream", "bowels", "the other end", "erection") and troubles ("push", "strain",
"dribbling", "pads", "without noticing", "no urge", "urgency") are lexicon data (`functions`). A trouble
takes the organ named in its own clause, else the nearest in its sentence: "since Thursday I've had to push
to pee" is retention, "dribbling water ... I don't know I'm doing it" incontinence with altered sensation,
"no longer gets the feeling that she needs to open her bowels" a bowel change. Negated ("no accidents with
the other end either"), the finding is false.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from nerveroot.text.compose import Contribution, dropped
from nerveroot.text.context import Parsed
from nerveroot.text.lexicon import load_lexicon
from nerveroot.text.mentions import Found, Mention

# (organ, trouble) -> the case finding. The schema has one bowel finding: any bowel change counts there.
_FINDING = {
    ("toilet", "retention"): "history.urinary_retention",
    ("toilet", "incontinence"): "history.urinary_incontinence",
    ("toilet", "sensation"): "history.altered_bladder_sensation",
    ("toilet", "urgency"): "history.bladder_dysfunction",
    ("bladder", "retention"): "history.urinary_retention",
    ("bladder", "incontinence"): "history.urinary_incontinence",
    ("bladder", "sensation"): "history.altered_bladder_sensation",
    ("bladder", "urgency"): "history.bladder_dysfunction",
    ("bladder", "dysfunction"): "history.bladder_dysfunction",
    ("bowel", "retention"): "history.bowel_incontinence",
    ("bowel", "incontinence"): "history.bowel_incontinence",
    ("bowel", "sensation"): "history.bowel_incontinence",
    ("bowel", "urgency"): "history.bowel_incontinence",
    ("bowel", "dysfunction"): "history.bowel_incontinence",
    ("sexual", "retention"): "history.sexual_dysfunction",
    ("sexual", "sensation"): "history.sexual_dysfunction",
    ("sexual", "dysfunction"): "history.sexual_dysfunction",
}
# Troubles that name their organ themselves ("wet myself", "soiled herself", "never empty properly").
_OWN = {
    "wetting": "history.urinary_incontinence",
    "soiling": "history.bowel_incontinence",
    "emptying": "history.urinary_retention",
}
# Organ words that are also places on the skin: numb there is saddle numbness, not a bowel that is not felt.
_PLACE = re.compile(r"an(?:us|al)|back\s+passage", re.I)
_NUMB = re.compile(r"numb", re.I)  # numb by a toilet is the skin that sits or wipes, not a bladder unfelt
# "on the loo I can't feel the seat properly": what is not felt is the seat or the paper, on the saddle's skin
# "numb patch exactly the same as always, bladder same as always": a numb patch is skin, whatever is named by it
_PATCH = re.compile(r"\s*(?:patch|area|spot)\b", re.I)
_SKIN_FELT = re.compile(r"\s+(?:\w+\s+)?(?:the\s+)?(?:toilet\s+|loo\s+)?(?:seat|paper|tissue|roll)\b", re.I)
_NEAR = 80  # an organ further than this from its trouble, in another clause, is not its organ
_GOES_ON = re.compile(
    r"\s*(?:like|as\s+in|i\.?e\.?|it(?:['’]s|\s+is)\s+like|it\s+feels\s+like|kind\s+of|sort\s+of)\b", re.I
)
# a sentence telling of going to the toilet without naming it: "I went before bed and it was a trickle", "I
# stand there and nothing happens"
_WENT = re.compile(
    r"\b(?:(?:stand|stood|standing|sit|sat|sitting)\s+there\b|(?:went|go|goes|going|tried\s+to\s+go|try\s+to\s+go)\b(?!\s+(?:to|for|out|back|up|down|into|on|in|with|home|off|over|through)\b))",
    re.I,
)
# a trouble said with a doubt in its own words: "my stream might be weaker" (ConText sees no modifier inside it)
_MIGHT = re.compile(r"\b(?:might|may|could)\s+(?:be|have)\b", re.I)
_CARRIED = ("retention", "incontinence")  # troubles that a going-to-the-toilet sentence may take from before
_BEFORE = 200  # characters back to the organ a going-to-the-toilet sentence takes


def functions(text: str, found: Found, parsed: Parsed) -> Iterator[Contribution]:
    organs = [m for m in found["organs"] if not dropped(m)]
    owned = sorted((f.start, f.end) for f in found["findings"] if not f.entry.transparent)
    clauses = sorted(set(parsed.clauses) | set(parsed.sentences))
    for t in found["troubles"]:
        if dropped(t) or _inside_finding(t, owned):
            continue  # a finding phrase ("can't pass urine") has said it already
        organ = _organ(text, t, organs, clauses, parsed.sentences, regions=found["regions"])
        kind = t.entry.kind or ""
        if kind in _OWN:  # "wet myself", "wearing pads": the bladder's, unless the bowel is named
            own = _OWN[kind] if organ is None or organ.entry.kind not in ("bowel", "bladder") else None
            trouble = "retention" if kind == "emptying" else "incontinence"
            path = own or _FINDING.get((organ.entry.kind or "", trouble)) if organ else _OWN[kind]
            yield Contribution(path or _OWN[kind], not t.flags.negated, [(t.start, t.end)], t.flags.uncertain)
            continue
        if organ is None or (
            kind == "sensation"
            and (
                _PLACE.fullmatch(organ.text)
                or (
                    _NUMB.match(t.text)
                    and (_PATCH.match(text, t.end) or _skin_after(text, t, found["regions"]))
                )
            )
        ):
            # "reduced feeling around the anus" is the saddle's skin (compose.py), not the bowel; so is "problem
            # with pee ... or numb on the bottom"
            continue
        if (
            kind == "sensation"
            and organ.entry.kind == "toilet"
            and (
                _NUMB.match(t.text)
                or _SKIN_FELT.match(text, t.end)
                or _saddle_between(t, organ, found["regions"])
            )
        ):
            continue  # "numb between his legs when he sits on the toilet", "numb when I wipe after the loo": skin
        if kind == "retention" and _HURTS_AFTER.match(text, t.end):
            continue  # "when I go to the toilet and I push, the pain is shooting more": straining hurts (a disc)
        if kind == "urgency" and load_lexicon().explained.search(text, *parsed.sentence(t.start, len(text))):
            continue  # "going more often cos of the baby": frequency with its own reason
        path = _FINDING.get((organ.entry.kind or "", kind))
        if path is None:
            continue
        spans = sorted({(t.start, t.end), (organ.start, organ.end)})
        yield Contribution(path, not t.flags.negated, spans, t.flags.uncertain or bool(_MIGHT.search(t.text)))


_WIPE_BEFORE = 30  # characters before the toilet in which the wiping it was said with may be named


def _saddle_between(t: Mention, organ: Mention, regions: list[Mention]) -> bool:
    """Is the saddle area named between the trouble and the toilet it was said with, or the wiping just before
    the toilet ("when I wipe after the toilet I can barely feel it")?"""
    lo, hi = min(t.end, organ.end), max(t.start, organ.start)
    if organ.start < t.start:
        lo = organ.start - _WIPE_BEFORE
    return any(lo <= r.start < hi and "saddle" in r.entry.regions for r in regions)


# what straining does to the pain, said straight after it
_HURTS_AFTER = re.compile(
    r"[\s,;:-]+(?:(?:then|and)\s+)?(?:the\s+|my\s+)?(?:pain|sciatica|leg|back)\s+(?:is\s+|gets?\s+|goes\s+)?"
    r"(?:\w+\s+)?(?:worse|more|shooting|shoots|kills|agony|flares?|spikes?)\b|[\s,;:-]+it\s+(?:really\s+)?(?:hurts|kills)\b",
    re.I,
)
_SKIN_REACH = 25  # characters after "numb" in which a saddle place makes it the skin's
# "on the bottom" is no buttock region of its own (the lexicon keeps "the bottom" of things out of the regions)
_ON_THE_BOTTOM = re.compile(
    r"\s+(?:on|around|round|in|at|over)\s+(?:the|my|his|her)\s+(?:bottom|bum|backside)\b", re.I
)


def _skin_after(text: str, t: Mention, regions: list[Mention]) -> bool:
    """Is a saddle place named just after a numb word ("numb on the bottom", "numb around the back passage")?"""
    return _ON_THE_BOTTOM.match(text, t.end) is not None or any(
        t.end <= r.start < t.end + _SKIN_REACH and "saddle" in r.entry.regions for r in regions
    )


def _inside_finding(m: Mention, owned: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(owned, (m.start, 1 << 30)) - 1
    return i >= 0 and owned[i][0] <= m.start < owned[i][1]


def _organ(
    text: str,
    t: Mention,
    organs: list[Mention],
    clauses: list[int],
    sentences: list[int],
    *,
    regions: list[Mention],
) -> Mention | None:
    """The organ the trouble names itself ("double void"); else the nearest in its own clause; else, when the
    clause names no body part ("both legs are numb"), the nearest in its sentence, or close by in the sentence
    before when this one goes on about it ("like ...")."""
    inner = next((o for o in organs if t.start <= o.start < t.end), None)
    if inner is not None:
        return inner
    c = bisect.bisect_right(clauses, t.start) - 1
    c_lo = clauses[c] if c >= 0 else 0
    c_hi = clauses[c + 1] if c + 1 < len(clauses) else 1 << 30
    if any(c_lo <= r.start < c_hi for r in regions):
        return min((o for o in organs if c_lo <= o.start < c_hi), key=lambda o: _distance(o, t), default=None)
    s = bisect.bisect_right(sentences, t.start) - 1
    s_lo = sentences[s] if s >= 0 else 0
    s_hi = sentences[s + 1] if s + 1 < len(sentences) else 1 << 30
    own = [o for o in organs if c_lo <= o.start < c_hi and o.start != t.start]
    pool = own or [o for o in organs if s_lo <= o.start < s_hi and _distance(o, t) <= _NEAR]
    if not pool and t.entry.kind != "sensation" and _GOES_ON.match(text, s_lo):
        # a sentence that goes on about the one before takes its organ: "my bladder feels weird. like i need
        # to go but hardly anything comes out" (not a feeling, which near a toilet is the saddle's skin)
        before = sentences[s - 1] if s > 0 else 0
        pool = [o for o in organs if before <= o.start < s_lo and _distance(o, t) <= _NEAR]
    if not pool and s > 0 and not any(s_lo <= r.start < s_hi for r in regions):
        pool = _told_before(text, t, organs, sentences[s - 1], s_lo)
    named = [o for o in pool if o.entry.kind != "toilet"] or pool  # "rush to the loo to open my bowels"
    if not named:
        return None
    return min(named, key=lambda o: _distance(o, t))


def _told_before(text: str, t: Mention, organs: list[Mention], before: int, s_lo: int) -> list[Mention]:
    """A sentence about going that names no organ takes the bladder, bowel or toilet of the sentence before:
    "I've hardly felt the need to pee. I went before bed and it was a trickle", "something's off with the loo.
    I stand there and nothing happens for ages".
    """
    if t.entry.kind not in _CARRIED or not _WENT.search(text, s_lo, t.start):
        return []
    near = (o for o in organs if before <= o.start < s_lo and s_lo - o.start <= _BEFORE)
    return [o for o in near if o.entry.kind in ("bladder", "bowel", "toilet")]


def _distance(a: Mention, b: Mention) -> int:
    return max(0, a.start - b.end, b.start - a.end)
