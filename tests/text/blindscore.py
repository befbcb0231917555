"""Score the free-text reader on labelled texts written by people who never saw its code (issue 13).

Each corpus file (``part*.json``) holds texts with labels: ``expect`` (pattern, top_root_in, side,
top_cause_in, triage_min, triage_max), ``findings`` (case paths -> values), ``not_findings`` and
``warning_signs`` {present, denied, unclear} (red_flags.yaml topic ids, or finding ids of a topic).
The figures are the issue's:

- emergencies caught: texts labelled ``triage_min: emergency`` whose triage reached emergency;
- under-triage: texts whose triage is below ``triage_min`` (over-triage: above ``triage_max``);
- warning-sign topics: recall (a topic labelled present is present in the reader's case) and false alarms
  (a topic labelled denied, or not mentioned, that the reader's case has as present), per (text, topic);
  an unclear topic must be listed in ``unresolved`` or be read as present: never reassured; a present topic
  not read but listed in ``unresolved`` is counted apart ("read or listed unsure"): missed, not silently;
- any weakness: recall per text, and the grade within one MRC step where the label gives one;
- side: the top root's side where ``expect.side`` is given (with no root named, the side of the reader's leg
  findings: "unknown" when none was given a side); and each labelled sided finding that the reader read at
  all, read on the labelled side;
- expectations held: every ``expect`` key, as tests/expect.py checks it.

Run from the worktree (any number of folders or files; per style and overall):

    .venv/bin/python tests/text/blindscore.py /work/blind/dev_a /work/blind/dev_b [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ORDER = ["self_care", "routine", "prompt", "urgent", "emergency"]
_MOVEMENT_TESTS = ("heel_walk", "toe_walk", "single_leg_sit_to_stand")
_GRADES = {"4+": 4.5, "4-": 3.5}


# ------------------------------------------------------------------------------------------ the corpus
def load_corpus(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Every labelled text in the given files or folders (``part*.json`` in a folder), in a stable order."""
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.glob("**/part*.json")) if p.is_dir() else [p])
    out: list[dict[str, Any]] = []
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for item in _items(data):
            out.append({**item, "_file": f"{f.parent.name}/{f.name}"})
    return out


def _items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict) and "text" in d]
    if isinstance(data, dict):
        for value in data.values():
            if isinstance(value, list) and value and isinstance(value[0], dict) and "text" in value[0]:
                return [d for d in value if isinstance(d, dict) and "text" in d]
    return []


# ------------------------------------------------------------------------------------------ reading
@dataclass
class Result:
    """What the reader and engine made of one text."""

    item: dict[str, Any]
    level: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    unresolved: set[str] = field(default_factory=set)
    imaging: list[dict[str, Any]] = field(default_factory=list)
    top_root: str | None = None
    top_side: str | None = None
    top_cause: str | None = None
    pattern: str | None = None
    error: str | None = None


def run(item: dict[str, Any]) -> Result:
    from nerveroot.engine import assess
    from nerveroot.engine.facts import flatten
    from nerveroot.engine.knowledge import load_knowledge
    from nerveroot.errors import BadInput
    from nerveroot.text import read_text

    r = Result(item)
    try:
        reading = read_text(item["text"])
    except BadInput as exc:
        r.error = exc.message
        return r
    except Exception as exc:  # a crash is scored as nothing read, and named
        r.error = f"CRASH {type(exc).__name__}: {exc}"
        return r
    a = assess(reading.case)
    r.level = a.triage.level
    r.facts = flatten(reading.case, load_knowledge())
    r.unresolved = {u.topic for u in a.unresolved}
    r.imaging = [i.model_dump(exclude_none=True) for i in getattr(reading.case, "imaging", [])]
    r.pattern = a.pattern.label
    if a.roots:
        r.top_root, r.top_side = a.roots[0].root, a.roots[0].side
    if a.causes:
        r.top_cause = a.causes[0].cause
    return r


# ------------------------------------------------------------------------------------------ labels
def _grade(value: Any) -> float | None:
    if value is True:
        return 4.0
    if value is False:
        return 5.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip().replace("/5", "")
        if text in _GRADES:
            return _GRADES[text]
        try:
            return float(text)
        except ValueError:
            return None
    return None


def flat_labels(findings: Any, prefix: str = "") -> dict[str, Any]:
    """Label findings as flat case paths: nested objects and region lists become ``pain.left.heel: True``."""
    out: dict[str, Any] = {}
    if isinstance(findings, dict):
        for key, value in findings.items():
            path = f"{prefix}{key}"
            if isinstance(value, dict):
                out.update(flat_labels(value, path + "."))
            elif isinstance(value, list) and path.split(".", maxsplit=1)[0] in (
                "pain",
                "numbness",
                "tingling",
            ):
                out.update({f"{path}.{region}": True for region in value})
            else:
                out[path] = value
    return out


def _true(*paths: str) -> Callable[[dict[str, Any], list[dict[str, Any]]], bool]:
    return lambda f, _: any(f.get(p) is True for p in paths)


def _min_grade(facts: dict[str, Any]) -> float:
    grades = [_grade(v) for p, v in facts.items() if p.startswith("weakness.")]
    return min((g for g in grades if g is not None), default=5.0)


def _any_side(facts: dict[str, Any], name: str, values: tuple[Any, ...]) -> bool:
    return any(
        facts.get(f"{name.split('.', maxsplit=1)[0]}.{s}.{name.split('.')[1]}") in values
        for s in ("left", "right", "unknown")
    )


_COMPRESSION = ("cord_compression", "cauda_equina_compression", "epidural_abscess")
# The corpus's warning-sign topics (its SUMMARY.md), each with the reader's findings that make it present and
# the knowledge base's topics (red_flags.yaml) under which an unsettled one is listed as unresolved.
LABEL_TOPICS: dict[str, tuple[Callable[[dict[str, Any], list[dict[str, Any]]], bool], tuple[str, ...]]] = {
    # the corpus files reduced anal tone under saddle, not bowel (its SUMMARY.md and labels)
    "saddle": (lambda f, _: f.get("history.saddle_numbness") is True or f.get("exam.anal_tone") == "reduced"
               or f.get("exam.perianal_sensation") in ("reduced", "absent"), ("saddle", "bowel")),
    "bladder": (lambda f, _: any(f.get(p) is True for p in (
        "history.bladder_dysfunction", "history.urinary_retention", "history.urinary_incontinence",
        "history.altered_bladder_sensation")) or (f.get("exam.post_void_residual_ml") or 0) >= 200, ("bladder",)),
    # the label format's bowel topic includes reduced anal tone, as red_flags.yaml's does (recall); the first
    # corpora filed the tone under saddle, so only a change in bowel control is a false alarm (_NARROW)
    "bowel": (lambda f, _: f.get("history.bowel_incontinence") is True or f.get("exam.anal_tone") == "reduced",
              ("bowel",)),
    "sexual": (_true("history.sexual_dysfunction"), ("sexual",)),
    "both_legs_new": (_true("history.bilateral_leg_symptoms_new"), ("both_legs_new",)),
    "progressive_weakness": (_true("history.progressive_weakness"), ("progressive_weakness",)),
    "severe_weakness": (lambda f, _: _min_grade(f) < 3.5, ("progressive_weakness",)),
    "cancer": (_true("history.history_of_cancer"), ("cancer",)),
    "weight_loss": (_true("history.unexplained_weight_loss"), ("weight_loss",)),
    "infection": (_true("history.fever", "history.intravenous_drug_use", "history.immunosuppression",
                        "history.spinal_surgery_within_3_months"), ("infection",)),
    # the label's trauma is any fall, accident or injury before the pain, high- or low-energy (red_flags.yaml)
    "trauma": (_true("history.significant_trauma", "history.minor_trauma"), ("trauma",)),
    # a fracture seen on a scan is more than a risk of one
    "fracture_risk": (lambda f, im: _true("history.osteoporosis_or_steroid_use")(f, im)
                      or any(i.get("finding") == "fracture" for i in im), ("fracture_risk",)),
    # the label's night pain is "constant pain that rest and lying do not ease — not inflammatory pain that
    # eases on getting up" (/work/notes/blind_text_labels.md, the format every blind writer followed)
    "night_pain": (_true("history.pain_at_rest_unrelenting"), ("night_pain",)),
    "thoracic_pain": (_true("history.thoracic_pain"), ("thoracic_pain",)),
    # the label's aneurysm includes a known one (the label format)
    "aneurysm": (_true("exam.pulsatile_abdominal_mass", "history.faintness_or_collapse", "history.sudden_severe_pain",
                       "history.known_aneurysm"), ("aneurysm",)),
    "cord_signs": (lambda f, _: bool(f.get("exam.sensory_level"))
                   or _true("history.gait_unsteady", "history.hand_symptoms", "exam.wide_based_gait")(f, [])
                   or f.get("exam.romberg") == "positive"
                   or _any_side(f, "reflexes.patellar", ("brisk",)) or _any_side(f, "reflexes.achilles", ("brisk",))
                   or _any_side(f, "reflexes.plantar_response", ("extensor",))
                   or _any_side(f, "reflexes.clonus", ("present",)), ("cord",)),
    "imaging_compression": (lambda _, im: any(i.get("finding") in _COMPRESSION
                                              or i.get("compresses") in ("cord", "cauda_equina") for i in im), ()),
    "limb_ischaemia": (lambda f, _: f.get("history.cold_feet") is True
                       or _any_side(f, "tests.pedal_pulses", ("absent",)), ()),
}  # fmt: skip


def positive(path: str, value: Any) -> bool:
    """Is a red-flag finding's value the alarming one?"""
    if path == "exam.post_void_residual_ml":
        return isinstance(value, (int, float)) and value >= 200
    if path == "exam.perianal_sensation":
        return value in ("reduced", "absent")
    if path == "exam.anal_tone":
        return value == "reduced"
    if path == "exam.sensory_level":
        return bool(value)
    return value is True


def _abnormal(path: str, value: Any) -> bool:
    """Is a value the finding's presence (not its absence or a normal result)?"""
    if path.startswith("weakness."):
        g = _grade(value)
        return g is not None and g < 5
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return positive(path, value) if path.startswith("exam.") else True
    if path.startswith(("sensation.", "reflexes.")) and not path.endswith(("plantar_response", "clonus")):
        return value != "normal"
    return value not in ("normal", "negative", "flexor", "absent")


# Topics whose false alarms are judged on the narrower reading that every corpus shares.
_NARROW: dict[str, Callable[[dict[str, Any]], bool]] = {
    "bowel": lambda f: f.get("history.bowel_incontinence") is True,
    # a fracture on a scan counts towards recall; only thin bones or steroids read are a false alarm
    "fracture_risk": lambda f: f.get("history.osteoporosis_or_steroid_use") is True,
}


def topics_present(r: Result) -> set[str]:
    return {t for t, (present, _) in LABEL_TOPICS.items() if present(r.facts, r.imaging)}


def _weak_facts(facts: dict[str, Any]) -> dict[str, float]:
    out = {}
    for path, value in facts.items():
        parts = path.split(".")
        if parts[0] == "weakness" and len(parts) == 3:
            g = _grade(value)
            if g is not None and g < 5:
                out[path] = g
        if parts[0] == "tests" and len(parts) == 3 and parts[2] in _MOVEMENT_TESTS and value == "weak":
            out[path] = 4.0
    return out


def _reader_grade(path: str, facts: dict[str, Any]) -> float | None:
    """The reader's grade for a labelled movement: the same side, else an unknown side, else any side."""
    _, side, movement = path.split(".")
    for s in (side, "unknown", "left", "right"):
        g = _grade(facts.get(f"weakness.{s}.{movement}"))
        if g is not None:
            return g
    g = _grade(facts.get(f"weakness.{side}.leg"))
    return g


# ------------------------------------------------------------------------------------------ scoring
@dataclass
class Tally:
    texts: int = 0
    emergencies: int = 0
    emergencies_caught: int = 0
    under: int = 0
    over: int = 0
    topic_present: int = 0
    topic_found: int = 0
    topic_unsure: int = 0  # present, not read, but listed unresolved: not silently missed
    topic_negative: int = 0  # (text, topic) labelled denied or not mentioned
    topic_false: int = 0
    denied: int = 0
    denied_false: int = 0
    denied_unsure: int = 0
    unclear: int = 0
    unclear_held: int = 0
    weak_texts: int = 0
    weak_found: int = 0
    graded: int = 0
    graded_within: int = 0
    side_expect: int = 0
    side_expect_ok: int = 0
    side_findings: int = 0
    side_findings_ok: int = 0
    expectations: int = 0
    expectations_held: int = 0
    texts_all_held: int = 0
    findings: int = 0
    findings_read: int = 0
    imaging: int = 0
    imaging_read: int = 0
    imaging_exact: int = 0
    not_findings: int = 0
    not_findings_read: int = 0
    errors: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _check(r: Result, key: str, expected: Any) -> bool:
    if r.error is not None:
        return False
    if key == "pattern":
        return r.pattern == expected
    if key == "pattern_in":
        return r.pattern in expected
    if key == "top_root_in":
        return r.top_root in (expected or [])
    if key == "side":
        return _side_held(r, expected)
    if key == "top_cause_in":
        return r.top_cause in (expected or [])
    if key == "triage_min":
        return r.level is not None and ORDER.index(r.level) >= ORDER.index(expected)
    if key == "triage_max":
        return r.level is not None and ORDER.index(r.level) <= ORDER.index(expected)
    return False


_LEG_KINDS = ("pain.", "numbness.", "tingling.", "weakness.", "sensation.", "reflexes.", "tests.")


def _side_held(r: Result, expected: Any) -> bool:
    """The top root's side as labelled. With no root named (joint or muscle pain), the side of the reader's
    leg findings: "unknown" holds when none was given a side (the reader invented none), "left" or "right"
    when every sided symptom or abnormal sign is on that side (a test negative on both sides is no side).
    "bilateral" (the later label format: symptoms in both legs alike) holds when the reader's symptoms or
    abnormal signs are on both sides: a root has one side, so the top root's is then the engine's tie-break."""
    if r.top_side == expected:
        return True
    if r.top_side is not None and expected != "bilateral":
        return False
    sided = {
        k.split(".")[1]
        for k, v in r.facts.items()
        if k.startswith(_LEG_KINDS)
        and k.split(".")[1] in ("left", "right")
        and v not in (False, None, 5, 5.0)
        and v not in ("normal", "negative", "flexor", "present")  # a normal sign is on no side
    }
    if expected == "unknown":
        return not sided
    if expected == "bilateral":
        return sided == {"left", "right"}
    return sided == {expected}


def _same(path: str, label: Any, got: Any) -> bool:
    """Does the reader's value match the label? Grades within one MRC step, numbers within a quarter."""
    if got is None:
        return False
    if path.startswith("weakness."):
        lg, gg = _grade(label), _grade(got)
        if lg is None or gg is None or (lg < 5) != (gg < 5):
            return False
        return isinstance(label, bool) or abs(lg - gg) <= 1
    if isinstance(label, bool) or isinstance(got, bool):
        return label is got
    if isinstance(label, (int, float)) and isinstance(got, (int, float)):
        return abs(label - got) <= max(0.25 * abs(label), 0.15)
    return str(label) == str(got)


def score(r: Result, misses: list[str] | None = None) -> Tally:
    """One text's contribution to every figure; its misses are appended, one line each, to `misses`."""
    t = Tally(texts=1, errors=int(r.error is not None))
    item = r.item
    tid = item.get("id", "?")
    miss = (
        (lambda what: misses.append(f"{tid} [{item.get('style')}] {what}"))
        if misses is not None
        else (lambda what: None)
    )
    expect = item.get("expect") or {}
    level = r.level
    if expect.get("triage_min") == "emergency":
        t.emergencies = 1
        t.emergencies_caught = int(level == "emergency")
        if level != "emergency":
            miss(f"EMERGENCY missed: got {level}")
    if expect.get("triage_min") and (level is None or ORDER.index(level) < ORDER.index(expect["triage_min"])):
        t.under = 1
        miss(f"under-triage: {level} < {expect['triage_min']}")
    if (
        expect.get("triage_max")
        and level is not None
        and ORDER.index(level) > ORDER.index(expect["triage_max"])
    ):
        t.over = 1
        miss(f"over-triage: {level} > {expect['triage_max']}")
    held = 0
    for key, value in expect.items():
        if value is None:
            continue
        t.expectations += 1
        ok = _check(r, key, value)
        held += ok
        if not ok and key not in ("triage_min", "triage_max"):
            got = {"pattern": r.pattern, "top_root_in": r.top_root, "side": r.top_side,
                   "top_cause_in": r.top_cause}.get(key)  # fmt: skip
            miss(f"expect {key}={value!r}, got {got!r}")
    t.expectations_held = held
    t.texts_all_held = int(held == t.expectations)
    if expect.get("side") is not None:
        t.side_expect = 1
        t.side_expect_ok = int(_side_held(r, expect["side"]))

    # warning-sign topics
    signs = item.get("warning_signs") or {}
    labelled: dict[str, str] = {}
    for kind in ("denied", "unclear", "present"):  # present wins over unclear over denied
        for name in signs.get(kind) or []:
            labelled[name] = kind
    got = topics_present(r)
    for topic, (_, listed) in LABEL_TOPICS.items():
        kind = labelled.get(topic)
        unsure = any(t in r.unresolved for t in listed)
        if kind == "present":
            t.topic_present += 1
            t.topic_found += topic in got
            t.topic_unsure += topic not in got and unsure
            if topic not in got:
                miss(f"warning sign missed: {topic}" + (" (listed unsure)" if unsure else ""))
        elif kind == "unclear":
            t.unclear += 1
            ok = unsure or topic in got
            t.unclear_held += ok
            if not ok:
                miss(f"unclear warning sign neither unsure nor present: {topic}")
        else:
            alarm = _NARROW[topic](r.facts) if topic in _NARROW else topic in got
            t.topic_negative += 1
            t.topic_false += alarm
            if kind == "denied":
                t.denied += 1
                t.denied_false += alarm
                t.denied_unsure += unsure
                if unsure:
                    miss(f"denied warning sign left unsure: {topic}")
            if alarm:
                miss(f"false alarm: {topic} ({kind or 'not mentioned'})")
    for name in labelled:
        if name not in LABEL_TOPICS:
            miss(f"label topic not scored: {name}")

    # findings, weakness, side
    labels = flat_labels(item.get("findings") or {})
    weak_labels = {
        p: _grade(v) for p, v in labels.items() if p.startswith("weakness.") and len(p.split(".")) == 3
    }
    weak_labels = {p: g for p, g in weak_labels.items() if g is not None and g < 5}
    weak_labels.update(
        {p: 4.0 for p, v in labels.items() if p.startswith("tests.") and p.split(".")[-1] in _MOVEMENT_TESTS
         and v == "weak"}
    )  # fmt: skip
    if weak_labels:
        t.weak_texts = 1
        t.weak_found = int(bool(_weak_facts(r.facts)))
        if not t.weak_found:
            miss(f"weakness missed: {sorted(weak_labels)}")
    for path, g in weak_labels.items():
        value = labels[path]
        if path.startswith("weakness.") and not isinstance(value, bool) and g is not None:
            t.graded += 1
            got_g = _reader_grade(path, r.facts)
            ok = got_g is not None and abs(got_g - g) <= 1
            t.graded_within += ok
            if not ok:
                miss(f"grade {path}={value!r}, got {got_g!r}")
    scans = labels.pop("imaging", None) or []
    for want in scans:
        t.imaging += 1
        same = [i for i in r.imaging if i.get("finding") == want.get("finding")
                and (not want.get("level") or i.get("level") == want.get("level"))]  # fmt: skip
        t.imaging_read += bool(same)
        exact = [i for i in same if all(i.get(k) == v for k, v in want.items())]
        t.imaging_exact += bool(exact)
        if not same:
            miss(f"imaging missed: {want}")
        elif not exact:
            miss(f"imaging detail: {want} read as {same[0]}")
    for path, value in labels.items():
        t.findings += 1
        ok = _same(path, value, r.facts.get(path))
        t.findings_read += ok
        parts = path.split(".")
        if len(parts) == 3 and parts[1] in ("left", "right", "unknown") and parts[0] != "unsure":
            others = [f"{parts[0]}.{s}.{parts[2]}" for s in ("left", "right", "unknown") if s != parts[1]]
            read_elsewhere = [o for o in others if _same(o, value, r.facts.get(o))]
            if ok or read_elsewhere:
                t.side_findings += 1
                t.side_findings_ok += ok
                if not ok:
                    miss(f"side: {path} read as {read_elsewhere[0]}")
                continue
        if not ok:
            miss(f"finding {path}={value!r}, got {r.facts.get(path)!r}")
    for path in item.get("not_findings") or []:
        t.not_findings += 1
        if path == "imaging":
            t.not_findings_read += bool(r.imaging)
            if r.imaging:
                miss(f"read old or booked imaging: {r.imaging}")
            continue
        value = r.facts.get(path)
        bad = value is not None and _abnormal(path, value)
        t.not_findings_read += bad
        if bad:
            miss(f"read what is not there: {path}={value!r}")
    if r.error:
        miss(f"error: {r.error}")
    return t


class Scored:
    """A corpus read once, on demand: each text's result, and the tally of them all (for the test modules)."""

    def __init__(self, items: list[dict[str, Any]]) -> None:
        self.items = items
        self.by_id = {item["id"]: item for item in items}
        self._results: dict[str, Result] = {}
        self._tally: Tally | None = None

    def result(self, text_id: str) -> Result:
        if text_id not in self._results:
            self._results[text_id] = run(self.by_id[text_id])
        return self._results[text_id]

    def tally(self) -> Tally:
        if self._tally is None:
            total = Tally()
            for item in self.items:
                total.add(score(self.result(item["id"])))
            self._tally = total
        return self._tally

    def params(self, ids: list[str], known: dict[str, str]) -> list[Any]:
        """Each text id as a pytest parameter, the known failures marked strictly: one that starts to pass
        fails the run and asks for its line to be removed."""
        import pytest

        return [
            pytest.param(
                i, id=i, marks=[pytest.mark.xfail(reason=known[i], strict=True)] if i in known else []
            )
            for i in ids
        ]


def emergency_test(scored: Scored, known: dict[str, str]) -> Callable[[str], None]:
    """A test that every text labelled an emergency reaches emergency (the known ones strictly xfailed)."""
    import pytest

    ids = [i["id"] for i in scored.items if i["expect"].get("triage_min") == "emergency"]

    @pytest.mark.parametrize("text_id", scored.params(ids, known))
    def test_every_emergency_is_caught(text_id: str) -> None:
        r = scored.result(text_id)
        assert r.level == "emergency", (
            f"{text_id}: triage {r.level}, labelled emergency\n{scored.by_id[text_id]['text']}"
        )

    return test_every_emergency_is_caught


def floor_test(scored: Scored, floors: list[tuple[str, float]]) -> Callable[[str, float], None]:
    """A test that holds each aggregate figure at its floor (or ceiling), to catch a reader that reads less."""
    import pytest

    @pytest.mark.parametrize(("name", "limit"), floors, ids=[n for n, _ in floors])
    def test_aggregate_floor(name: str, limit: float) -> None:
        value = FIGURES[name](scored.tally())
        assert holds(scored.tally(), name, limit), f"{name} is {value:.3f}, past its limit {limit}"

    return test_aggregate_floor


def _share(a: int, b: int) -> float:
    return a / b if b else 1.0


# The figures a test can hold at a floor (at least) or a ceiling (at most), by name.
FIGURES: dict[str, Callable[[Tally], float]] = {
    "warning-sign recall": lambda t: _share(t.topic_found, t.topic_present),
    "warning signs read or listed unsure": lambda t: _share(t.topic_found + t.topic_unsure, t.topic_present),
    "warning-sign false alarms": lambda t: _share(t.topic_false, t.topic_negative),
    "false alarms of denied topics": lambda t: _share(t.denied_false, t.denied),
    "denied topics left unsure": lambda t: _share(t.denied_unsure, t.denied),
    "unclear topics unsure or present": lambda t: _share(t.unclear_held, t.unclear),
    "any-weakness recall": lambda t: _share(t.weak_found, t.weak_texts),
    "grade within one MRC step": lambda t: _share(t.graded_within, t.graded),
    "side where the labels give one": lambda t: _share(t.side_expect_ok, t.side_expect),
    "sided findings on the labelled side": lambda t: _share(t.side_findings_ok, t.side_findings),
    "expectations held": lambda t: _share(t.expectations_held, t.expectations),
    "imaging findings with their level": lambda t: _share(t.imaging_read, t.imaging),
    "texts triaged below their label": lambda t: t.under,
    "texts refused or crashed": lambda t: t.errors,
}
_AT_MOST = frozenset(
    {"warning-sign false alarms", "false alarms of denied topics", "denied topics left unsure",
     "texts triaged below their label", "texts refused or crashed"}
)  # fmt: skip


def limits(**given: float) -> list[tuple[str, float]]:
    """(figure, limit) pairs from keyword names (spaces as underscores, dashes as "_"); unknown names fail."""
    names = {n.replace(" ", "_").replace("-", "_").lower(): n for n in FIGURES}
    return [(names[k], v) for k, v in given.items()]


def holds(t: Tally, figure: str, limit: float) -> bool:
    """Is the figure at its limit or better (at most for false alarms, unsure denials, under-triage, errors)?"""
    value = FIGURES[figure](t)
    return value <= limit if figure in _AT_MOST else value >= limit


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "–"


ROWS = [
    ("texts", lambda t: str(t.texts)),
    ("emergencies caught", lambda t: _pct(t.emergencies_caught, t.emergencies)),
    ("under-triaged", lambda t: str(t.under)),
    ("over-triaged", lambda t: str(t.over)),
    ("warning-sign recall", lambda t: _pct(t.topic_found, t.topic_present)),
    ("…read or listed unsure", lambda t: _pct(t.topic_found + t.topic_unsure, t.topic_present)),
    ("warning-sign false alarms", lambda t: _pct(t.topic_false, t.topic_negative)),
    ("…of denied topics", lambda t: _pct(t.denied_false, t.denied)),
    ("denied topics left unsure", lambda t: _pct(t.denied_unsure, t.denied)),
    ("unclear: unsure or present", lambda t: _pct(t.unclear_held, t.unclear)),
    ("any-weakness recall", lambda t: _pct(t.weak_found, t.weak_texts)),
    ("grade within one step", lambda t: _pct(t.graded_within, t.graded)),
    ("side (expect.side)", lambda t: _pct(t.side_expect_ok, t.side_expect)),
    ("side (sided findings read)", lambda t: _pct(t.side_findings_ok, t.side_findings)),
    ("expectations held", lambda t: _pct(t.expectations_held, t.expectations)),
    ("texts with all held", lambda t: _pct(t.texts_all_held, t.texts)),
    ("labelled findings read", lambda t: _pct(t.findings_read, t.findings)),
    ("imaging: finding and level", lambda t: _pct(t.imaging_read, t.imaging)),
    ("imaging: every detail", lambda t: _pct(t.imaging_exact, t.imaging)),
    ("not-findings read anyway", lambda t: _pct(t.not_findings_read, t.not_findings)),
    ("refused (errors)", lambda t: str(t.errors)),
]


def evaluate(corpus: list[dict[str, Any]]) -> tuple[dict[str, Tally], list[str]]:
    """Tallies per style and in total ("all"), and every miss."""
    per: dict[str, Tally] = defaultdict(Tally)
    misses: list[str] = []
    for item in corpus:
        t = score(run(item), misses)
        per[str(item.get("style", "?"))].add(t)
        per["all"].add(t)
    return dict(per), misses


def table(per: dict[str, Tally]) -> str:
    styles = [s for s in sorted(per) if s != "all"] + ["all"]
    head = "| figure | " + " | ".join(styles) + " |"
    lines = [head, "|" + "---|" * (len(styles) + 1)]
    for name, fn in ROWS:
        lines.append(f"| {name} | " + " | ".join(fn(per[s]) for s in styles) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every miss, one line each")
    parser.add_argument("--kinds", action="store_true", help="count misses by kind")
    args = parser.parse_args(argv)
    corpus = load_corpus(args.paths)
    per, misses = evaluate(corpus)
    print(f"{len(corpus)} texts from {', '.join(str(p) for p in args.paths)}\n")
    print(table(per))
    if args.kinds:
        kinds = Counter(m.split("] ", 1)[1].split(":")[0].split("=")[0] for m in misses)
        print()
        for kind, n in kinds.most_common():
            print(f"{n:5d}  {kind}")
    if args.misses:
        print()
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
