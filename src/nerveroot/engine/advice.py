"""Pick the advice that applies to an assessment, and the codes of its conclusions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nerveroot.engine.knowledge import Knowledge
from nerveroot.engine.knowledge_words import AdviceWhen, CodeEntry, Section

SECTION_ORDER: tuple[Section, ...] = (
    "seek_help",
    "helps_now",
    "modify",
    "recovery",
    "surgery",
    "next_step",
    "about",
)


@dataclass(frozen=True)
class Situation:
    """What advice is chosen by: the pattern, the leading cause, the triage level, the listed look-alikes, the
    red-flag rules that fired, and whether advice meant for a pinched nerve applies at all."""

    pattern: str
    cause: str | None
    level: str
    mimics: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    pinched_nerve: bool = True


def _matches(when: AdviceWhen | None, at: Situation) -> bool:
    if when is None:
        return True
    checks = (
        when.pattern is None or at.pattern in when.pattern,
        when.cause is None or at.cause in when.cause,
        when.not_cause is None or at.cause not in when.not_cause,
        when.triage is None or at.level in when.triage,
        when.mimic is None or bool(set(when.mimic) & set(at.mimics)),
        when.rule is None or bool(set(when.rule) & set(at.rules)),
        when.pinched_nerve is None or when.pinched_nerve == at.pinched_nerve,
    )
    return all(checks)


def select_advice(kb: Knowledge, at: Situation) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    for item in kb.advice.items:
        if _matches(item.when, at):
            sections.setdefault(item.section, []).append(item.text)
    return {s: sections[s] for s in SECTION_ORDER if s in sections}


def select_codes(
    kb: Knowledge, *, conclusions: Iterable[str | tuple[str, str]], lumbosacral: bool, claudication: bool
) -> list[tuple[str, CodeEntry, str]]:
    """(system uri, entry, code) for each conclusion, or (conclusion, side) pair: the lumbar or lumbosacral
    variant, or the side's (``left``, ``right``, ``both``, ``unknown``, the unspecified code when no side is
    given), falling back to the plain code."""
    out = []
    for item in conclusions:
        conclusion, side = (item, "unknown") if isinstance(item, str) else item
        for entry in kb.codes.conclusions.get(conclusion, []):
            if entry.when_claudication is not None and entry.when_claudication != claudication:
                continue
            sided = {
                "left": entry.left,
                "right": entry.right,
                "both": entry.both,
                "unknown": entry.unspecified,
            }
            code = (
                entry.code
                or (entry.lumbosacral if lumbosacral else entry.lumbar)
                or sided.get(side)
                or entry.unspecified
            )
            if code:
                out.append((kb.codes.systems[entry.system], entry, code))
    return out
