"""What the result page says beyond the assessment itself: reasons grouped by question, the summary."""

from __future__ import annotations

from typing import Any

from nerveroot.assessment import Assessment, Reason
from nerveroot.web import carry, words


def told_us(case: dict[str, Any]) -> list[str]:
    """What the person reported, in plain words, for the printed summary (warning signs answered yes first)."""
    leaves = carry.flatten(case)
    flags = {p: v for p, v in leaves.items() if p.startswith("history.") and isinstance(v, bool)}
    summary = [words.describe(p, v) for p, v in flags.items() if v]
    summary += [words.describe(p, v) for p, v in leaves.items() if p not in flags]
    no = sum(1 for v in flags.values() if not v)
    if no:
        summary.append(
            f"Answered no to {no} question{'s' if no > 1 else ''} about warning signs and other symptoms"
        )
    return summary


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
