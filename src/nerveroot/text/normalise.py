"""The text as the rest of the pipeline reads it: the same length, character for character, so that every
offset still points at the person's own words.

- A line wrapped by the writer's editor is not the end of a sentence: a line break after a long line that
  ends mid-sentence, before a line that goes on in lower case ("no numbness in⏎my bum"), is a space.
- An emoji ends a thought as a full stop does ("struggling with the stairs 😰 my back's been bad"): the
  first character of a run of emoji becomes a full stop, the rest spaces.
"""

from __future__ import annotations

import re

_WRAP_FROM = 40  # a line at least this long that stops mid-sentence was wrapped, not ended
# a line break between a line that stops mid-sentence and one that goes on: lower case, or "I"
_SOFT_BREAK = re.compile(r"(?<=[\w,’'\-])[ \t]*\n(?=[ \t]*(?:[a-z(]|I\b|I['’]))")
# pictographs and faces with their joiners and variation selectors (not ticks and crosses, which clinicians use)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u26ff\u2764\u2728\u2b50\ufe0f\u200d]+")


def normalise(text: str) -> str:
    """Soft line wraps as spaces and emoji as full stops, keeping every offset."""
    if "\n" in text:
        text = _SOFT_BREAK.sub(_unwrap, text)
    if not text.isascii():
        text = _EMOJI.sub(_stop, text)
    return text


def _unwrap(m: re.Match[str]) -> str:
    text = m.string
    line_start = text.rfind("\n", 0, m.start()) + 1
    if m.start() - line_start < _WRAP_FROM:
        return m.group()  # a short line is a heading or a list item: its break is real
    return " " * len(m.group())


def _stop(m: re.Match[str]) -> str:
    return "." + " " * (len(m.group()) - 1)
