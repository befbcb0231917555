"""Pick the advice that applies to an assessment, and the codes of its conclusions."""

from __future__ import annotations

from collections.abc import Iterable

from nerveroot.engine.knowledge import AdviceWhen, CodeEntry, Knowledge, Section

SECTION_ORDER: tuple[Section, ...] = (
    "seek_help",
    "helps_now",
    "modify",
    "recovery",
    "surgery",
    "next_step",
    "about",
)


def _matches(
    when: AdviceWhen | None, pattern: str, cause: str | None, level: str, mimics: Iterable[str]
) -> bool:
    if when is None:
        return True
    if when.pattern is not None and pattern not in when.pattern:
        return False
    if when.cause is not None and cause not in when.cause:
        return False
    if when.triage is not None and level not in when.triage:
        return False
    return not (when.mimic is not None and not set(when.mimic) & set(mimics))


def select_advice(
    kb: Knowledge, *, pattern: str, cause: str | None, level: str, mimics: Iterable[str]
) -> dict[str, list[str]]:
    listed = tuple(mimics)
    sections: dict[str, list[str]] = {}
    for item in kb.advice.items:
        if _matches(item.when, pattern, cause, level, listed):
            sections.setdefault(item.section, []).append(item.text)
    return {s: sections[s] for s in SECTION_ORDER if s in sections}


def select_codes(
    kb: Knowledge, *, conclusions: Iterable[str], lumbosacral: bool, claudication: bool
) -> list[tuple[str, CodeEntry, str]]:
    """(system uri, entry, code) for each conclusion, picking lumbar or lumbosacral variants."""
    out = []
    for conclusion in conclusions:
        for entry in kb.codes.conclusions.get(conclusion, []):
            if entry.when_claudication is not None and entry.when_claudication != claudication:
                continue
            code = entry.code or (entry.lumbosacral if lumbosacral else entry.lumbar)
            if code:
                out.append((kb.codes.systems[entry.system], entry, code))
    return out
