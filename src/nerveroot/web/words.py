"""Plain words for case paths and assessment ids, shared by the pages that show findings back."""

from __future__ import annotations

from typing import Any

from nerveroot.engine.knowledge import load_knowledge

KIND_WORDS = {"pain": "Pain", "numbness": "Numbness", "tingling": "Tingling"}
LEVEL_WORDS = {
    "emergency": "Emergency",
    "urgent": "Urgent",
    "prompt": "Prompt",
    "routine": "Routine",
    "self_care": "Self-care",
}
PATTERN_WORDS = {
    "radicular": "Your answers fit a pinched (trapped) nerve root.",
    "non_radicular": "Your answers do not look like a pinched nerve root.",
    "uncertain": "Your answers do not settle whether a nerve root is pinched.",
}
SECTION_TITLES = {
    "helps_now": "What helps now",
    "modify": "What to change for the next few weeks",
    "recovery": "How long recovery usually takes",
    "surgery": "When surgery is considered",
    "seek_help": "When to get help urgently",
    "about": "About a pinched nerve",
    "next_step": "Next step",
}
_TOP_WORDS = {
    "age": "Age",
    "age_at_onset": "Age when it began",
    "duration_weeks": "How long",
    "onset": "How it started",
    "sex": "Sex",
}
SIDE_WORDS = {"left": "left side", "right": "right side", "unknown": "side not given"}


def _human(name: str) -> str:
    return name.replace("_", " ")


def side_words(side: str) -> str:
    """ "left side", "right side", or "side not given" for a finding whose side the person did not name."""
    return SIDE_WORDS.get(side, side)


def weeks_number(weeks: float) -> str:
    """Weeks as a person would write them in the form: 3, 2.5, 0.1 (never 0.142857)."""
    shown = round(weeks, 1) if weeks >= 0.05 else round(weeks, 2)
    return f"{shown:g}"


def weeks_words(weeks: float) -> str:
    """A duration in plain words: "about 1 day", "about 3 weeks", "about 6 months"."""
    days = round(weeks * 7)
    if weeks < 2:
        days = max(days, 1) if weeks > 0 else 0
        return f"about {days} day{'s' if days != 1 else ''}"
    if weeks < 13:
        return f"about {round(weeks)} weeks"
    months = round(weeks / 4.35)
    return f"about {months} months" if months < 24 else f"about {round(weeks / 52.2)} years"


def _strength(value: Any) -> str:
    if value is True:
        return "weaker than the other side"
    if value in (5, 5.0, "5"):
        return "normal"
    return f"strength {value} of 5"


def describe(path: str, value: Any) -> str:
    """One finding in plain words, e.g. ``pain.left.lateral_calf`` -> "Pain: left outer calf"."""
    kb = load_knowledge()
    if path.startswith("unsure."):
        finding = path.removeprefix("unsure.")
        said_as = kb.red_flags.labels.get(finding) or _human(finding.split(".")[-1])
        said = f" (you wrote “{value}”)" if isinstance(value, str) else ""
        return f"Not sure: {said_as}{said}"
    parts = path.split(".")
    if parts[0] in KIND_WORDS and len(parts) == 3 and parts[2] in kb.regions:
        where = kb.regions[parts[2]].label
        if parts[1] == "unknown":
            return f"{KIND_WORDS[parts[0]]}: {where} (side not given)"
        return f"{KIND_WORDS[parts[0]]}: {parts[1]} {where}"
    if path == "duration_weeks" and isinstance(value, int | float):
        return f"{_TOP_WORDS[path]}: {weeks_words(value)}"
    if parts[0] in _TOP_WORDS and len(parts) == 1:
        return (
            f"{_TOP_WORDS[parts[0]]}: {value:g}"
            if isinstance(value, float)
            else f"{_TOP_WORDS[parts[0]]}: {value}"
        )
    label = kb.red_flags.labels.get(path)
    if parts[0] == "history":
        text = label or _human(parts[-1])
        return f"{text[0].upper()}{text[1:]}" + (
            "" if value is True else ": no" if value is False else f": {value}"
        )
    if parts[0] == "weakness" and len(parts) == 3:
        side = "side not given" if parts[1] == "unknown" else parts[1]
        kind = "Strength" if _strength(value) == "normal" else "Weakness"
        return f"{kind}: {side} {_human(parts[2])} ({_strength(value)})"
    words = " ".join(_human(p) for p in parts)
    return f"{words[0].upper()}{words[1:]}: {value}"
