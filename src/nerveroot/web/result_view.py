"""What the result page says beyond the assessment itself: reasons grouped by question, the summary, the
legend of its maps."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nerveroot.assessment import Assessment, Reason
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.warning_signs import screen_paths
from nerveroot.web import carry, words
from nerveroot.web.bodymap import Drawing


def _warning_paths() -> set[str]:
    topics = load_knowledge().red_flags.topics
    return screen_paths() | {f for t in topics.values() for f in t.findings}


def told_us(case: dict[str, Any]) -> list[str]:
    """What the person reported, in plain words, for the printed summary: warning signs present first, then
    those they were not sure of (never counted as "no"), then everything else; the warning-sign questions
    answered no are counted, one per question."""
    leaves = carry.flatten(case)
    warning = _warning_paths()
    present = [p for p, v in leaves.items() if p in warning and v not in (False, "normal")]
    unsure = [p for p in leaves if p.startswith("unsure.")]
    denied = [p for p, v in leaves.items() if p in warning and v in (False, "normal")]
    rest = [p for p in leaves if p not in {*present, *unsure, *denied}]
    summary = [words.describe(p, leaves[p]) for p in (*present, *unsure, *rest)]
    if denied:
        n = len(denied)
        summary.append(f"Answered no to {n} warning-sign question{'s' if n > 1 else ''}")
    return summary


def unsure_outside_topics(case: dict[str, Any], a: Assessment) -> list[str]:
    """Answers the person was not sure of that no warning-sign topic covers (so `unresolved` omits them)."""
    from nerveroot.warning_signs import topic_of, unsure_paths

    labels = load_knowledge().red_flags.labels
    return [
        labels.get(p, p.split(".")[-1].replace("_", " ")) for p in unsure_paths(case) if topic_of(p) is None
    ]


# the colours of the maps, in the order a legend lists them: (CSS class on a region, swatch, words)
_OWN_COLOURS = (
    (("has-pain", "has-numbness"), "pain-numbness", "pain and numbness"),
    (("has-pain",), "pain", "pain"),
    (("has-numbness",), "numbness", "numbness"),
    (("has-tingling",), "tingling", "tingling (a yellow edge when other marks are there too)"),
)
_ROOT_COLOURS = (
    (("derm-strong",), "derm-strong", "where the root mainly supplies the skin"),
    (("derm-some",), "derm-some", "where it sometimes does"),
)


def legend(drawings: Iterable[Drawing], *, root: bool = False) -> list[tuple[str, str]]:
    """(swatch, words) for every colour the drawings use, so that each colour shown is explained."""
    used = [set(shape.classes.split()) for d in drawings for shape in d.shapes]
    out = []
    for needs, swatch, label in _ROOT_COLOURS if root else _OWN_COLOURS:
        if any(set(needs) <= classes for classes in used):
            out.append((swatch, label))
    return out


def _said_once(reasons: list[Reason], limit: int) -> list[str]:
    ranked = sorted(reasons, key=lambda e: -abs(e.weight))
    said = dict.fromkeys(e.reason[:1].upper() + e.reason[1:] for e in ranked)
    return list(said)[:limit]


def reason_groups(a: Assessment) -> list[tuple[str, list[str], list[str]]]:
    """The reasons in plain words, grouped by the question they answer: (title, for, against)."""
    groups: list[tuple[str, list[str], list[str]]] = []
    pattern = [e for e in a.explanation if e.conclusion == "pattern"]
    toward = [e for e in pattern if (e.weight > 0) == (e.supports == "radicular")]
    away = [e for e in pattern if e not in toward]
    if toward or away:
        groups.append(("Pinched nerve or not", _said_once(toward, 6), _said_once(away, 4)))
    if a.roots:
        top = a.roots[0]
        mine = [
            e
            for e in a.explanation
            if e.conclusion == "root" and e.supports == top.root and e.side == top.side
        ]
        groups.append(
            (
                f"Why the {top.root} root",
                _said_once([e for e in mine if e.weight > 0], 5),
                _said_once([e for e in mine if e.weight < 0], 3),
            )
        )
    if a.causes and a.pattern.label != "non_radicular":
        top_cause = a.causes[0]
        mine = [e for e in a.explanation if e.conclusion == "cause" and e.supports == top_cause.cause]
        groups.append(
            (
                f"Why {top_cause.label.lower()}",
                _said_once([e for e in mine if e.weight > 0], 4),
                _said_once([e for e in mine if e.weight < 0], 3),
            )
        )
    return [g for g in groups if g[1] or g[2]]
