"""The strength grammar: a grade, "weak" or "normal" said of a list of movements, on the sides named with it.

Concepts come from the lexicon: movements (lookups.muscle), grades ("4/5", "MRC 4", "grade 3"), strength
words (grammar: weak, normal, throughout, paralysis) and sides. In each sentence, movements joined by
commas, "and" or "/" form one list, and a grade applies to the list it is written against: after it
("hip flexion, knee extension and ankle dorsiflexion 4/5") or before it ("4/5 in hip flexion, ...") as the
sentence's first grade or list shows. A grade with no list of its own repeats the last one ("EHL 4/5 on the
left, 5/5 on the right"). "Throughout" and plural limbs ("both lower limbs", "the legs") are every
movement of the leg, on both sides.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from nerveroot.text.compose import Contribution, dropped, mrc
from nerveroot.text.context import Parsed
from nerveroot.text.contractions import NT
from nerveroot.text.grade_sides import JOIN, by_column, group_side, own_side
from nerveroot.text.lexicon import Entry, load_lexicon
from nerveroot.text.mentions import Found, Mention, inside
from nerveroot.text.sides import SideFinder, both, plural

_NEAR = re.compile(
    r"^(?:[\s,:()\-=\"'“”‘’~≈]|\b(?:and|the|of|in|for|on|at|to|his|her|my|their|both|power|strength|muscles?|is|was|are|"
    r"were|graded|grade|MRC|with|all|be|been|seems?|appears?|groups?|movements?|measured|tested|against|"
    r"resistance|gravity|only|just|now|still|also|mildly|slightly|slight|little|markedly|lifting|raising|pulling|up|left|right|when\s+(?:I|you|she|he)|lift|lifts|raise|raises|"
    r"not|never|no|have|has|had|become|became|becoming|got|get|gets|getting|gone|go|goes|going|went|feel|feels|felt|feeling|seem|seems|very|quite|really|so|too|bit|a|more|steadily|gradually|progressively|increasingly|"
    r"about|around|roughly|approximately|approx|probably|maybe|perhaps|say|says|said|reckons|reckoned|called|rated|"
    r"it|its|it['’]s|which|that|IA|baseline|initially|today|"
    r"weak|weaker|weakness|reduced|diminished|decreased|clearly|definitely|obviously|noticeably|visibly|much|worse|"
    r"stiff|stiffer|heavy|heavier|tired|shaky|sore|achy|aching)\b|"  # "legs have felt stiff and weak"
    r"n['’]t)*$",  # "EHL weak 3/5": the grade is EHL's
    re.I,
)
_NEAR_CHARS = 45
_NOT_RIGHT_BEFORE = re.compile(
    r"(?:\b(?:not|never|no\s+longer|hardly|barely)|"
    + NT
    + r")\s+(?:(?:quite|really|as|so|very|feel\w*|look\w*|seem\w*|be|been)\s+)*$",
    re.I,
)
_SKIP_SECTIONS = frozenset({"imaging", "plan", "family"})
# the arms named in a grade's own clause: "Upper limbs 5 out of 5 throughout" says nothing of the legs (not a
# hand: "lifting my foot up against her hand as 3 out of 5" is the examiner's)
_ARMS = re.compile(
    r"\b(?:upper\s+(?:limbs?|extremit(?:y|ies))|arms?|(?-i:ULs?|UEs?)|grip|biceps|triceps|deltoids?|wrists?)\b"
    r"[^,;]*$",
    re.I,
)


@dataclass
class _Run:
    """Movements named as one list."""

    items: list[Mention]
    start: int
    end: int
    claimed: bool = False


@dataclass
class _Said:
    """A grade or strength word with the list it applies to."""

    value: object  # an MRC grade, True (weak, not graded) or 5 (normal)
    start: int
    end: int
    run: _Run | None = None
    paralysis: bool = False  # said by a paralysis word ("paraplegia"), which needs no list of movements
    everywhere: bool = False  # "4/5 throughout", "paraplegia": every movement of the leg
    both_legs: bool = False  # "paraparesis": both legs by definition
    elided: bool = False  # the list was said with an earlier grade ("..., 5/5 on the right")
    sides: tuple[str, ...] = ()  # given by a column header ("MRC grades, left/right: DF 2/5 and 5/5")


def strength(text: str, found: Found, parsed: Parsed, finder: SideFinder) -> Iterator[Contribution]:
    """Weakness findings from grades and strength words said of movements."""
    owned = sorted((f.start, f.end) for f in found["findings"] if not f.entry.transparent)
    movements = [m for m in found["movements"] if _usable(m, owned)]
    movements = sorted(
        [*movements, *_joints(text, found["regions"], owned, movements)], key=lambda m: m.start
    )
    grades = [m for m in found["grades"] if _usable(m, owned) and not _earlier(text, m)]
    words = [m for m in found["strength"] if m.section not in _SKIP_SECTIONS and not dropped(m)]
    limbs = _limbs(found["regions"], owned)
    legs = [*movements, *limbs]  # what a grade after the arms' names may still be said of
    bounds = parsed.sentences
    for k, lo in enumerate(bounds):
        hi = bounds[k + 1] if k + 1 < len(bounds) else len(text)
        gs = [g for g in grades if lo <= g.start < hi and not _of_arms(text, lo, g, legs)]
        ws = [w for w in words if lo <= w.start < hi]
        if not (gs or ws):
            continue
        ms = [m for m in movements if lo <= m.start < hi]
        runs = _runs(text, ms)
        throughout = [w for w in ws if w.entry.kind == "throughout"]
        said = _grades(text, gs, runs, throughout) + _words(text, ws, runs, gs)
        # a body part said to be weak ("both my legs have gone numb and weak"): only where no movement was
        limb_runs = _runs(text, [m for m in limbs if lo <= m.start < hi])
        if limb_runs:
            # a grade no movement took is the limb's ("power L leg 4/5", "L leg 4/5 throughout")
            loose = {x.start for x in said if x.run is None and not x.paralysis}
            again = [
                x for x in _grades(text, [g for g in gs if g.start in loose], limb_runs, throughout) if x.run
            ]
            taken = {x.start for x in again}
            said = [x for x in said if x.start not in taken] + again
            # only "weak" words: "the right leg is normal" says the leg is well, not how strong it is
            rest = [w for w in ws if w.entry.kind == "weak" and not any(x.start == w.start for x in said)]
            symptoms = [m for m in found["symptoms"] if lo <= m.start < hi]
            said += _words(text, rest, limb_runs, gs, between=symptoms)
        it = _IT_IS.match(text, lo) if not ms and gs else None
        if it is not None:
            # "... knee extension was recorded as 4/5; today it is 4-/5": the movement named just before
            before = [m for m in movements if m.end <= lo and lo - m.end <= _IT_CHARS and m.entry.value]
            if before:
                # "it" is the last movement; "both" or "they" the last list ("DF and EHL were 4/5; today both
                # are 3/5")
                plural = it.group("who").lower().startswith(("both", "they", "these"))
                run = _runs(text, before)[-1] if plural else _runs(text, before[-1:])[0]
                said = [
                    replace(x, run=run, elided=True) if x.run is None and x.start == gs[0].start else x
                    for x in said
                ]
        by_column(text, lo, hi, said)
        for s in said:
            yield from _contribute(text, s, finder, [*ms, *(m for r in limb_runs for m in r.items)])


# a sentence whose grade is said of "it": the movement of the sentence before
_IT_IS = re.compile(
    r"\W*(?:(?:today|now|currently|this\s+week|on\s+review|at\s+review)\W+)?(?P<who>it|this|that|both|they|these|"
    r"both\s+of\s+them)\s*(?:['’]s|is|are|were|was|"
    r"has\s+(?:dropped|fallen|gone\s+down|deteriorated)\s+to|measures|reads)\b",
    re.I,
)
_IT_CHARS = 60


_AT_JOINT = re.compile(
    r"\b(?:at|for|of)\s+(?:the\s+|both\s+|his\s+|her\s+|my\s+)?(?:(?:left|right|(?-i:L|R))\s+)?$", re.I
)
_AND_JOINT = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?$", re.I)
_JOINT_WORD = re.compile(r"(hip|knee|ankle|toe)s?", re.I)


def _joints(
    text: str, regions: list[Mention], owned: list[tuple[int, int]], movements: list[Mention]
) -> list[Mention]:
    """Joints named as where strength was tested ("2/5 at the hip and knee"), as the movement tested there."""
    table = load_lexicon().joint_movements
    taken = [(m.start, m.end) for m in movements]
    out: list[Mention] = []
    last_end = -1
    for r in regions:
        word = _JOINT_WORD.fullmatch(r.text)
        if word is None or not _usable(r, owned) or any(a < r.end and r.start < b for a, b in taken):
            continue
        before = text[max(0, r.start - 20) : r.start]
        joined = last_end >= 0 and _AND_JOINT.search(text[last_end : r.start]) and r.start - last_end <= 12
        if _AT_JOINT.search(before) or joined:
            movement = table.get(word.group(1).lower())
            if movement:
                out.append(
                    Mention(
                        Entry("movements", 0, value=movement), r.start, r.end, r.text, {}, r.flags, r.section
                    )
                )
                last_end = r.end
    return out


def _limbs(regions: list[Mention], owned: list[tuple[int, int]]) -> list[Mention]:
    """Body parts that can be said to be weak, each as the movement it makes (lexicon `weak_regions`)."""
    table = load_lexicon().weak_regions
    out = []
    for r in regions:
        movement = table.get(r.entry.regions[0]) if r.entry.regions else None
        if movement and _usable(r, owned) and not dropped(r):
            entry = Entry("movements", 0, value=movement)
            out.append(Mention(entry, r.start, r.end, r.text, {}, r.flags, r.section))
    return out


# a grade from before, written beside today's: "4/5 (previously 5/5)", "(4/5 at IA 8/7 ago)", "was 4-/5"
# ("R EHL 4+/5 (new - was 5/5)", "EHL 3/5 (was 4/5 pre-op, 4+/5 at wk 1)")
_EARLIER_BEFORE = re.compile(
    r"(?:\b(?:previously|prev\.?)|\(\s*(?:new\s*[-–,:]?\s*)?(?:was|were|from)|\bat\s+IA)\s*:?\s*$", re.I
)
_EARLIER_AFTER = re.compile(
    r"\s*(?:at\s+(?:IA|first\s+visit|assessment|(?:wk|week|Rx|session|visit)\s*\d+)|pre[\s-]?op\b|"
    r"last\s+(?:week|wk|visit|time)|(?:\d+\s*/\s*(?:7|52)|"
    r"(?:a|one|two|\d+)\s+(?:days?|weeks?|months?))\s+ago)",
    re.I,
)


def _earlier(text: str, g: Mention) -> bool:
    return bool(
        _EARLIER_BEFORE.search(text, max(0, g.start - 16), g.start) or _EARLIER_AFTER.match(text, g.end)
    )


def _of_arms(text: str, lo: int, grade: Mention, legs: list[Mention]) -> bool:
    """Is the grade said of the arms: named in its clause with no movement or part of the leg after them?"""
    arms = _ARMS.search(text, lo, grade.start)
    return arms is not None and not any(arms.start() <= m.start < grade.start for m in legs)


def _usable(m: Mention, owned: list[tuple[int, int]]) -> bool:
    return m.section not in _SKIP_SECTIONS and not inside(m, owned)


_SIDE_WORDS = re.compile(
    r"\b(?:left|right|lt|rt|bilateral(?:ly)?|bilat|b/l|both(?:\s+sides)?|(?-i:L|R))\b", re.I
)
_ELSEWHERE = re.compile(r"\b(?:otherwise|elsewhere|else|rest|remaining|other|except)\b", re.I)
_PARA = re.compile(r"\bpara(?:pleg|pare)", re.I)
_SIDES_ONLY = re.compile(r"(?:\s|[,/;&]|\b(?:and|on|the|left|right|lt|rt|side)\b|(?-i:\b[LR]\b))*", re.I)
_NOT_LIMB = re.compile(r"\s+(?:grip|stream|flow|bladder|pulses?|squeeze|voice|hands?|arms?)\b", re.I)


def _strip_sides(gap: str) -> str:
    return _SIDE_WORDS.sub(" ", gap)


def _runs(text: str, movements: list[Mention]) -> list[_Run]:
    runs: list[_Run] = []
    for m in movements:
        if runs and JOIN.match(_strip_sides(text[runs[-1].end : m.start])):
            runs[-1].items.append(m)
            runs[-1].end = m.end
        else:
            runs.append(_Run([m], m.start, m.end))
    return runs


def _near(text: str, a_end: int, b_start: int, between: Sequence[Mention], limit: int = _NEAR_CHARS) -> bool:
    """Are two items close, with only small words (or sides, or strength words) between them?"""
    if b_start < a_end or b_start - a_end > limit:
        return False
    gap = list(text[a_end:b_start])
    for o in between:  # strength words ("reduced", "throughout") between a list and its grade are allowed
        if a_end <= o.start and o.end <= b_start:
            gap[o.start - a_end : o.end - a_end] = " " * (o.end - o.start)
    return _NEAR.match(_strip_sides("".join(gap))) is not None


_WORD_GRADES = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}


def grade_of(g: Mention) -> int | str | bool:
    """The MRC grade of a grade mention; True (weak, ungraded) when its words give no number."""
    text = (
        g.groups.get("grade")
        or g.groups.get("grade2")
        or g.groups.get("grade3")
        or g.groups.get("grade4")
        or g.groups.get("grade5")
        or _WORD_GRADES.get((g.groups.get("grade6") or "").lower(), "")
    )
    value = mrc(text)
    return True if value is None else value


def _grades(text: str, grades: list[Mention], runs: list[_Run], throughout: list[Mention]) -> list[_Said]:
    """Each grade with its list: the sentence's first item (a grade or a list) says which way they go."""
    prefix = bool(grades) and (not runs or grades[0].start < runs[0].start)
    out: list[_Said] = []
    last: _Run | None = None
    last_end = -1
    for i, g in enumerate(grades):
        prev_end = grades[i - 1].end if i else -1
        next_start = grades[i + 1].start if i + 1 < len(grades) else 1 << 30
        before = [r for r in runs if prev_end <= r.start and r.end <= g.start and not r.claimed]
        after = [r for r in runs if g.end <= r.start and r.end <= next_start and not r.claimed]
        chosen = None
        elided = False
        if not prefix and not before and last is not None and _SIDES_ONLY.fullmatch(text, last_end, g.start):
            # "DF 4/5 L / 3/5 R, PF 4/5": the second grade is the first list's other side, not PF's
            candidates_in_order: tuple[list[_Run], ...] = ()
            chosen, elided = last, True
        else:
            candidates_in_order = (after[:1], before[-1:]) if prefix else (before[-1:], after[:1])
        for candidates in candidates_in_order:
            for r in candidates:
                lo, hi = (r.end, g.start) if r.end <= g.start else (g.end, r.start)
                if _near(text, lo, hi, throughout) and not _owned_by_other(
                    text, r, g, grades, prefix=prefix, throughout=throughout
                ):
                    chosen = r
            if chosen:
                break
        everywhere = any(
            _near(text, g.end, t.start, [], 25) or _near(text, t.end, g.start, [], 25) for t in throughout
        )
        if (
            chosen is None
            and last is not None
            and not everywhere
            and not _ELSEWHERE.search(text, last_end, g.start)
        ):
            chosen, elided = last, True  # "EHL 4/5 on the left, 5/5 on the right": the list is not said again
        if chosen is not None:
            chosen.claimed = True
            last, last_end = chosen, g.end
            everywhere = False
        out.append(_Said(grade_of(g), g.start, g.end, chosen, everywhere=everywhere, elided=elided))
    return out


def _owned_by_other(
    text: str, r: _Run, g: Mention, grades: list[Mention], *, prefix: bool, throughout: list[Mention]
) -> bool:
    """Is the list written against another grade the sentence's way round ("DF 3/5" after "..., 5/5, ")?"""
    for other in grades:
        if other is g:
            continue
        if not prefix and r.end <= other.start and _near(text, r.end, other.start, throughout):
            return True
        if prefix and other.end <= r.start and _near(text, other.end, r.start, throughout):
            return True
    return False


_THEY_BEFORE = re.compile(
    r"\b(?:they|it)\s+(?:(?:feel|feels|felt|are|is|were|was|have|has|had|gone|been|got|get|gets|going|seem|seems|"
    r"went|now|also|just|really|very|quite|a|bit|so|both)\s+){0,3}$",
    re.I,
)


def _words(
    text: str,
    words: list[Mention],
    runs: list[_Run],
    grades: list[Mention],
    *,
    between: Sequence[Mention] = (),
) -> list[_Said]:
    """Strength words: "weakness of" / "are weak" a list, "normal" beside it, paralysis. A list that has its
    grade already (claimed) takes no word: the grade says more ("reduced power 4/5 in hip flexion")."""
    out: list[_Said] = []
    for w in words:
        kind = w.entry.kind
        if kind == "throughout":
            continue
        if kind == "paralysis":
            value: object = None if w.flags.negated else int(w.entry.value or 0)
        elif kind == "weak":
            value = 5 if w.flags.negated else True
        elif w.flags.negated:
            # "not normal", "isn't strong": weak; a "no" earlier in a list says nothing of it
            value = True if _NOT_RIGHT_BEFORE.search(text, max(0, w.start - 24), w.start) else None
        else:
            value = 5
        if value is None:
            continue
        limit = 15 if kind == "normal" else _NEAR_CHARS
        if between and _NOT_LIMB.match(text, w.end):
            continue  # "weak grip", "a weak stream": said of something else
        run = next(
            (r for r in runs if not r.claimed and (
                _near(text, w.end, r.start, between, limit) or _near(text, r.end, w.start, between, limit)
            )),
            None,
        )  # fmt: skip
        if run is None and kind == "weak" and _THEY_BEFORE.search(text, max(0, w.start - 40), w.start):
            # "both my legs have been tingling from the knees down and they feel weak": what was named before
            run = next((r for r in reversed(runs) if not r.claimed and r.end <= w.start), None)
        if run is not None or kind == "paralysis":
            para = kind == "paralysis"
            out.append(
                _Said(value, w.start, w.end, run, paralysis=para, both_legs=_PARA.search(w.text) is not None)
            )
    return out


_SIDE_THEN_GRADE = re.compile(r"[\s:,-]*$")
_THROUGHOUT_THEN_SIDE = re.compile(
    r"\s*(?:throughout|globally|in\s+all\s+(?:muscle\s+)?(?:groups|myotomes|movements))?\s*,?\s*(?:on\s+|in\s+)?(?:the\s+)?$",
    re.I,
)


def _side_beside(text: str, s: _Said, finder: SideFinder) -> list[str] | None:
    """The side written against a grade of the whole leg: "L 4/5 throughout", "4/5 throughout on the left"."""
    k = bisect.bisect_left(finder.starts, s.start)
    before = finder.sides[k - 1] if k > 0 else None
    if before is not None and s.start - before.end <= 3 and _SIDE_THEN_GRADE.match(text, before.end, s.start):
        return both(before.value)
    after = finder.sides[k] if k < len(finder.sides) else None
    if (
        after is not None
        and after.start - s.end <= 30
        and _THROUGHOUT_THEN_SIDE.match(text, s.end, after.start)
    ):
        return both(after.value)
    return None


def _contribute(text: str, s: _Said, finder: SideFinder, movements: list[Mention]) -> Iterator[Contribution]:
    if s.run is None:
        if not (s.everywhere or s.paralysis):
            return  # a grade said of no movement ("grade 2" of a slip) says nothing of strength
        where = (
            ["left", "right"] if s.both_legs
            else group_side(text, s.start, s.end, finder, items=[], movements=movements)
            or _side_beside(text, s, finder)
            or (["left", "right"] if s.everywhere else finder.find(s.start, s.end))
        )  # fmt: skip
        for side in where:
            yield Contribution(f"weakness.{side}.leg", s.value, [(s.start, s.end)])
        return
    items = s.run.items
    if s.sides:
        for m in items:
            for side in s.sides:
                yield Contribution(
                    f"weakness.{side}.{m.entry.value or 'leg'}", s.value, [(m.start, m.end), (s.start, s.end)]
                )
        return
    g_lo, g_hi = (s.start, s.end) if s.elided else (min(s.start, s.run.start), max(s.end, s.run.end))
    group = group_side(text, g_lo, g_hi, finder, items=items, movements=movements)
    for m in items:
        own = None if s.elided else own_side(text, m, finder)
        where = own or group or (["left", "right"] if plural(m.text) else finder.find(g_lo, g_hi))
        spans = (
            [(min(m.start, s.start), max(m.end, s.end))]
            if not s.elided
            else [(m.start, m.end), (s.start, s.end)]
        )
        for side in where:
            yield Contribution(f"weakness.{side}.{m.entry.value or 'leg'}", s.value, spans)
