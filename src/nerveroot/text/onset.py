"""When the bladder, bowel, saddle or sexual symptoms began (history.ces_symptoms_onset_days).

Left out, the engine takes such symptoms as new: the safe reading. So the onset is set only when every one of
them that was read as present is dated as old, by a time phrase of its own ("unchanged for five years" with
nothing nearer to it than the symptom), by "since then" after a dated sentence ("an operation two years ago.
Since then she has had to strain"), or, for an examination sign, by words that call it old ("as documented
before", "(old)") beside a dated symptom. Any sign of something new among them ("since yesterday", "now",
"new") and the onset is left out. A symptom told again only as unchanged ("the saddle numbness has not spread or
changed") takes the date it was first told with.
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
_SINCE_THEN = re.compile(
    r"\W*(?:(?:and|but)\s+)?(?:ever\s+)?since\s+(?:then|that\s+time|that|(?:the|her|his|my|this)\s+"
    r"(?:operation|op|surgery|discectomy|decompression|fusion|accident|injury|fall|birth|delivery|episode))\b",
    re.I,
)
# a statement that the symptoms have not changed: with a time ("exactly the same for the last five months") it
# dates them; with "since" it points back to a dated sentence ("unchanged since")
_STABLE = re.compile(
    r"\b(?:unchanged|(?:exactly\s+|much\s+|just\s+)?the\s+same|stable|static|not\s+changed|"
    r"(?:has|have)\s*(?:n['’]t|\s+not)\s+(?:\w+\s+or\s+)?changed|no\s+(?:new\s+)?change|as\s+(?:it|they)\s+(?:has|have)\s+been|"
    r"no\s+different\s+from\s+(?:his|her|my|their|the)\s+baseline|at\s+(?:his|her|my|their)\s+baseline)\b",
    re.I,
)
_SINCE = re.compile(r"\bsince\b|\bever\s+since\b", re.I)
_NOT_NEW = re.compile(r"\b(?:no|not|nothing|without|never)\s+(?:\w+\s+)?$", re.I)
_OLD = re.compile(
    r"\b(?:unchanged|stable|known|old|long[\s-]*standing|chronic|as\s+(?:before|documented|previously)|"
    r"previously\s+documented|residual)\b",
    re.I,
)
# (not the "now" of "that's 10 yrs ago now": how long ago, not a change)
_CHANGE = re.compile(
    r"\b(?:(?<!ago\s)now|new(?:ly)?|started|began|begun|developed|worse\w*|suddenly|today)\b", re.I
)


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
    signs: list[Contribution] = []
    dated: set[str] = set()
    unchanged: set[str] = set()
    for c in present:
        lo, hi = _sentence(parsed, c.spans[0][0], len(text))
        if _says_new(recent, text, lo, hi) or _says_new(_CHANGE, text, lo, hi):
            return  # something new among them: leave the onset out (read as new)
        when = (
            _own_time(text, found, ces, (lo, hi), times)
            or _since_then(text, parsed, (lo, hi), times)
            or _stable_time(text, parsed, (lo, hi), times, _about_ces(found, ces))
        )
        if when is not None:
            days.append(when * 7)
            dated.add(c.path)
        elif c.path in _SIGNS:
            signs.append(c)  # an examination finds a sign, it does not date it: the history may
        elif _STABLE.search(text, lo, hi):
            unchanged.add(c.path)  # "the saddle numbness has not spread or changed": dated where first told
        else:
            return  # one of them is not dated: it may be new
    if not unchanged <= dated:
        return  # said unchanged, but never dated
    for c in signs:
        lo, hi = _sentence(parsed, c.spans[0][0], len(text))
        if not (
            _OLD.search(text, lo, hi) or _SIGN_OF.get(c.path) in {x.path for x in present if x.path in _CES}
        ):
            return  # a sign whose symptom was not told as old may be new
    if days:
        spans = [c.spans[0] for c in present if c.path in _CES]
        yield Contribution("history.ces_symptoms_onset_days", round(min(days)), spans)


# an examination sign and the symptom it examines: an old symptom makes its sign old too
_SIGN_OF = {
    "exam.perianal_sensation": "history.saddle_numbness",
    "exam.anal_tone": "history.bowel_incontinence",
}


def _says_new(words: re.Pattern[str], text: str, lo: int, hi: int) -> bool:
    """Do the words say something is new, not that nothing is ("no new change")?"""
    return any(
        not _NOT_NEW.search(text, max(lo, m.start() - 20), m.start()) for m in words.finditer(text, lo, hi)
    )


def _about_ces(found: Found, ces: list[tuple[int, int]]) -> list[int]:
    """Where the bladder, bowel, saddle or sexual symptoms are named: their findings, organs and topic words."""
    starts = [a for a, _ in ces]
    starts += [m.start for m in found["organs"]]
    starts += [m.start for m in found["topics"] if m.entry.kind in ("saddle", "bladder", "bowel", "sexual")]
    return sorted(starts)


_ANAPHOR = re.compile(
    r"\W*(?:(?:and|but|she|he|they|I)\s+(?:says?|said|is\s+clear|reports?|tells?\s+me)\s+(?:that\s+)?)?"
    r"(?:it|this|these|that|they|both|all\s+(?:of\s+)?(?:this|these|them)|the\s+symptoms|those)\b",
    re.I,
)

# later in a clause of its own: "urology reviewed him in 2020 and these have been unchanged for five years", "the
# spinal team say it's nerve damage and it has been exactly the same since about six months after the op"
_THESE_STABLE = re.compile(
    r"\b(?:it|these|they|those|both|all\s+(?:of\s+)?(?:this|these|them)|the\s+symptoms)\s+(?:have|has|had|are|were)\s+"
    r"(?:(?:all|both|been|remained|stayed|exactly|just|much)\s+){0,3}(?:unchanged|stable|static|the\s+same)\b",
    re.I,
)


def _stable_time(
    text: str,
    parsed: Parsed,
    sentence: tuple[int, int],
    times: list[tuple[float, Mention]],
    about: list[int],
) -> float | None:
    """ "... numb around the back passage. It has been exactly the same for the last five months": a sentence
    that says the symptoms have not changed, at most three sentences on, with its own time or "since" a time
    given before."""
    bounds = [*parsed.sentences, len(text)]
    k = bisect.bisect_right(parsed.sentences, sentence[0]) - 1
    for j in range(k, min(k + 4, len(bounds) - 1)):
        lo, hi = bounds[j], bounds[j + 1]
        if "\n\n" in text[sentence[0] : lo]:
            break  # another paragraph
        if not _STABLE.search(text, lo, hi):
            continue
        named = bisect.bisect_left(about, lo) < bisect.bisect_left(about, hi)
        if not (named or _ANAPHOR.match(text, lo) or _THESE_STABLE.search(text, lo, hi)):
            continue  # "my back pain is the same as ever": not about these symptoms
        own = [w for w, t in times if lo <= t.start < hi]
        if own:
            return max(own)
        if _SINCE.search(text, lo, hi):
            before = [w for w, t in times if bounds[max(0, k - 3)] <= t.start < lo]
            if before:
                return before[-1]
    return None


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
