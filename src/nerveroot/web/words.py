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
    "duration_weeks": "Weeks with these symptoms",
    "onset": "How it started",
    "sex": "Sex",
}


def _human(name: str) -> str:
    return name.replace("_", " ")


def describe(path: str, value: Any) -> str:
    """One finding in plain words, e.g. ``pain.left.lateral_calf`` -> "Pain: left outer calf"."""
    kb = load_knowledge()
    parts = path.split(".")
    if parts[0] in KIND_WORDS and len(parts) == 3 and parts[2] in kb.regions:
        return f"{KIND_WORDS[parts[0]]}: {parts[1]} {kb.regions[parts[2]].label}"
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
        shown = "weak" if value is True else f"strength {value} of 5"
        return f"Weakness: {parts[1]} {_human(parts[2])} ({shown})"
    words = " ".join(_human(p) for p in parts)
    return f"{words[0].upper()}{words[1:]}: {value}"
