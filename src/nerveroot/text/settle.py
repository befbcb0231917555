"""From every finding read to one case: one value per finding, conflicts settled, doubts kept as `unsure`.

Where readings of one finding differ, the abnormal one wins (the safe reading: "no weakness" in a summary does
not undo "EHL 4/5"). Pairs that cannot both hold are the case model's own rules (case.contradictions): the
reader keeps the specific or abnormal statement and drops the other, so it never builds a case the model
refuses. A warning sign the words only raise as possible ("not sure if it's numb down there") is not
present and not absent: it becomes an `unsure` item with its words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from nerveroot.case import Case, contradictions, grade_value, put_value_at
from nerveroot.text.compose import RANK, Contribution
from nerveroot.text.lexicon import topic_findings

_EVIDENCE_ONLY = frozenset({"weakness", "pain", "numbness", "tingling", "sensation"})
_DROP_FIRST = ("age_at_onset", "duration_weeks")  # a reader's number that cannot hold beside the age
_MAX_WORDS = 300


@dataclass(frozen=True)
class Doubt:
    """A warning-sign finding left unsettled, and the words that raised it."""

    finding: str
    words: str
    hedged: bool = False  # said with doubt ("fine I think, maybe slower, not sure"), not only left unsettled


def alarming(path: str, value: Any) -> bool:
    """Is this the value that makes a warning-sign finding present?"""
    if path == "exam.post_void_residual_ml":
        return isinstance(value, (int, float)) and value >= 200
    if path in ("exam.perianal_sensation", "exam.anal_tone"):
        return value in ("reduced", "absent")
    return value is True


def red_flag_paths() -> frozenset[str]:
    return frozenset(f for found in topic_findings().values() for f in found)


def settle(contributions: list[Contribution], text: str) -> tuple[dict[str, Any], list[Doubt]]:
    """One value per case path, and the warning signs that were raised only as possible."""
    flags = red_flag_paths()
    chosen: dict[str, Any] = {}
    implied: set[str] = set()  # paths whose value so far is a grade implied by words, not measured
    doubts: list[Doubt] = []
    doubted_at: dict[str, int] = {}  # where each warning sign was last said with doubt
    denied_at: dict[str, int] = {}  # and where it was last denied
    for c in contributions:
        if c.path in _EVIDENCE_ONLY:
            continue
        if c.uncertain and c.path in flags and alarming(c.path, c.value):
            start, end = c.spans[0]
            doubts.append(Doubt(c.path, words(text, start, end)))
            doubted_at[c.path] = max(start, doubted_at.get(c.path, -1))
            continue
        if c.value is False and c.path in flags:
            at = max((a for a, _ in c.spans), default=len(text))  # a denial with no words: never before
            denied_at[c.path] = max(at, denied_at.get(c.path, -1))
        if c.path not in chosen:
            chosen[c.path] = c.value
        elif c.path in implied and _graded(c.value) and not c.implied:
            chosen[c.path] = c.value  # an examiner's grade says more than the words' ("foot drop, DF 4/5")
            implied.discard(c.path)
            continue
        elif c.implied and c.path not in implied and _graded(chosen[c.path]):
            continue
        else:
            chosen[c.path] = _pick(c.path, chosen[c.path], c.value)
        if c.implied and chosen[c.path] == c.value:
            implied.add(c.path)
    for path, at in doubted_at.items():  # "no problems with my waterworks ... not sure I'd notice a change in
        if chosen.get(path) is False and denied_at.get(path, len(text)) < at:  # my bladder": the doubt stands
            del chosen[path]
    doubts = [d for d in doubts if not alarming(d.finding, chosen.get(d.finding))]
    return chosen, doubts


def _graded(value: Any) -> bool:
    """A grade (a number, "4+", "4-"), not a bare "weak" or a yes/no."""
    return value is not None and not isinstance(value, bool)


def around(text: str, start: int, end: int, stops: str = ".!?\n;") -> tuple[int, int]:
    """The stretch of text around a span up to the nearest stop on each side (a quick sentence, no parse)."""
    lo = max(text.rfind(c, 0, start) for c in stops) + 1
    his = [i for i in (text.find(c, end) for c in stops) if i >= 0]
    return lo, min(his) if his else len(text)


def words(text: str, start: int, end: int) -> str:
    """The sentence around a span, trimmed: the words shown beside an unresolved warning sign."""
    lo, hi = around(text, start, end)
    out = " ".join(text[lo:hi].split())
    return out if len(out) <= _MAX_WORDS else out[: _MAX_WORDS - 1] + "…"


def _pick(path: str, old: Any, new: Any) -> Any:
    if path in ("age", "sex", "onset"):
        return old
    if path in ("duration_weeks", "exam.post_void_residual_ml"):
        return max(old, new)
    if path == "history.ces_symptoms_onset_days" or path.endswith("single_leg_heel_raise"):
        return min(old, new)
    if path.startswith("weakness."):
        return _weaker(old, new)
    if isinstance(old, bool) and isinstance(new, bool):
        return old or new
    return new if RANK.get(str(new), 5) < RANK.get(str(old), 5) else old


def _weaker(old: Any, new: Any) -> Any:
    if old is True and grade_value(new) >= 5:
        return old
    if new is True and grade_value(old) >= 5:
        return new
    if old is True or new is True:
        return new if old is True else old  # a grade says more than "weak"
    return new if grade_value(new) < grade_value(old) else old


def nest(values: dict[str, Any]) -> dict[str, Any]:
    """Dotted paths as a case object (region symptoms as lists)."""
    case: dict[str, Any] = {}
    for path, value in values.items():
        parts = path.split(".")
        if parts[0] in ("pain", "numbness", "tingling"):
            if value is True:
                regions = case.setdefault(parts[0], {}).setdefault(parts[1], [])
                if parts[2] not in regions:
                    regions.append(parts[2])
            continue
        put_value_at(case, path, value)
    return case


def coherent(values: dict[str, Any]) -> dict[str, Any]:
    """Drop, from each pair of findings the case model says cannot both hold, the one that says less."""
    for _ in range(20):
        try:
            case = Case.model_validate(nest(values), context={"contradictions": "allow"})
        except ValidationError as exc:
            if not _drop_impossible(values, exc):
                raise
            continue
        pairs = [paths for paths, _ in contradictions(case)]
        if not pairs:
            return values
        for a, b in pairs:
            values.pop(_weaker_claim(a, b, values), None)
    return values


def _weaker_claim(a: str, b: str, values: dict[str, Any]) -> str:
    for path in _DROP_FIRST:
        if path in (a, b):
            return path
    va, vb = values.get(a), values.get(b)
    if path_says_normal(a, va) and not path_says_normal(b, vb):
        return a
    if path_says_normal(b, vb):
        return b
    return a


def path_says_normal(path: str, value: Any) -> bool:
    if value is False:
        return True
    if path.startswith("weakness."):
        return value is not True and grade_value(value) >= 5
    return RANK.get(str(value), 5) >= 9


def _drop_impossible(values: dict[str, Any], exc: ValidationError) -> bool:
    """Drop the readings the case model refuses as values ("I'm 200 pounds" is no age of 200, "300 years" no
    duration): words that gave an impossible number were not that finding. False when nothing could go."""
    refused = {".".join(str(part) for part in error["loc"]) for error in exc.errors()}
    gone = [path for path in values if any(path == r or path.startswith(r + ".") for r in refused)]
    for path in gone:
        del values[path]
    return bool(gone)
