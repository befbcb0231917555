"""Pain at rest and at night, from the words near a pain: unrelenting pain (a red flag's cue) or the night pain
that eases on getting up (an inflammatory pattern's), told apart by what getting up does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nerveroot.text.compose import Contribution, dropped
from nerveroot.text.context import Parsed
from nerveroot.text.guards import guarded
from nerveroot.text.lexicon import load_lexicon
from nerveroot.text.mentions import Found, Mention

# "it", or "its" for "it's" ("Its there all the time")
_PRONOUN = re.compile(r"\s*(?:it|its|this|the\s+(?:pain|ache|back\s*ache))\b", re.I)
_IT_EARLY = re.compile(r"\s*(?:\S+\s+){0,4}?(?:it|it's|it’s)\b", re.I)
# "Lately it wakes me at about 4 am. If I get up and walk around it's much better."
_ON_RISING = re.compile(
    r"\s*(?:but\s+|and\s+)?(?:if|when|once|as\s+soon\s+as)\s+(?:I|he|she|they)\s+get", re.I
)


def _goes_on(text: str, lo: int, hi: int) -> bool:
    """Does a sentence go on about what the one before said: it starts with "it", names "it" among its
    first words ("She describes it as constant"), or tells what getting up does?"""
    return any(p.match(text, lo, hi) is not None for p in (_PRONOUN, _IT_EARLY, _ON_RISING))


_PAIN_FINDINGS = frozenset({"history.thoracic_pain", "history.back_pain"})


_SPINE = frozenset({"low_back", "thoracic", "buttock"})
# Pain in the leg or foot alone is the rest pain of a failing circulation only when it wakes or keeps awake.
_WAKING = guarded(re.compile(r"\b(?:wak\w*|woke\w*|awake|every\s+night|all\s+night)\b", re.I))


def _distal_only(pain: Mention, found: Found, parsed: Parsed, size: int) -> bool:
    """Is the pain's sentence about the leg or foot alone? Burning in the sole at night is a nerve's pain, not
    the spine's unrelenting pain."""
    lo, hi = parsed.sentence(pain.start, size)
    named = {r for m in found["regions"] if lo <= m.start < hi for r in m.entry.regions}
    return bool(named) and not named & _SPINE


_GAP = re.compile(r"[\s,;]*")


def rest_pain(
    text: str, found: Found, parsed: Parsed, contributions: list[Contribution]
) -> Iterator[Contribution]:
    """Pain said with cues of rest or night: unrelenting, or the night pain that eases on getting up. One
    strong cue ("wakes him at night") or two weak ones ("aches all the time, even in bed") are needed; a cue
    after words of relief ("eased by lying still", "turning over in bed") or before them ("... only when
    lying on the right side", "... but he can get comfortable") says the opposite."""
    live = [s for s in found["symptoms"] if s.entry.kind == "pain" and not s.flags.negated and not dropped(s)]
    pains = [(s.start, s.end) for s in live]
    pains.extend(c.spans[0] for c in contributions if c.value is True and c.path in _PAIN_FINDINGS)
    if not pains:
        return
    relieved, relieved_after = load_lexicon().relieved, load_lexicon().relieved_after
    starts = [parsed.sentence(start, len(text)) for start, _ in pains]
    distal = {
        parsed.sentence(s.start, len(text)) for s in live if _distal_only(s, found, parsed, len(text))
    } - {parsed.sentence(s.start, len(text)) for s in live if not _distal_only(s, found, parsed, len(text))}
    # sentences that go on about the pain: "It ..." or "She describes it as ..." right after a pain sentence
    # each mapped to the pain sentence it goes on from: the cues of one story are weighed together
    about: dict[tuple[int, int], tuple[int, int]] = {}
    # and the pain sentence just before each sentence: easing on rising said next ("... aching. Once I'm up and
    # moving it eases off") is that pain's
    before: dict[tuple[int, int], tuple[int, int]] = {}
    previous: tuple[int, int] | None = None
    for sentence in parsed.spans(len(text)):
        if previous is not None and (previous in starts or previous in about):
            before[sentence] = about.get(previous, previous)
            if _goes_on(text, *sentence):
                about[sentence] = before[sentence]
        previous = sentence
    per_story: dict[tuple[int, int], list[Mention]] = {}
    for cue in found["rest"]:
        if cue.flags.negated or dropped(cue) or relieved.search(text, max(0, cue.start - 25), cue.start):
            continue
        gap = _GAP.match(text, cue.end)
        if relieved_after.match(text, gap.end() if gap else cue.end):  # "only when lying on the right side"
            continue
        sentence = parsed.sentence(cue.start, len(text))
        story = about.get(sentence, sentence if sentence in starts else None)
        if story is None and cue.entry.kind == "eases_on_rising":
            story = before.get(sentence)
        if story is None:
            continue
        nerve = (sentence in distal or story in distal) and cue.entry.kind != "eases_on_rising"
        if nerve and not _WAKING.search(cue.text):
            continue  # a foot "worse at night" (or a sentence going on about it): a nerve's pain
        per_story.setdefault(story, []).append(cue)
    done: set[str] = set()
    # the lexicon's night pain that eases on rising ("waking him at 4 a.m., and gets better once he is up"):
    # its story's cues are that pain, not unrelenting pain
    risen = {
        parsed.sentence(c.spans[0][0], len(text))
        for c in contributions
        if c.path == "history.night_pain_improves_on_getting_up" and c.value is True and c.spans
    }
    for cues in per_story.values():
        strong = [c for c in cues if c.entry.kind in ("unrelenting", "eases_on_rising")]
        if not strong and len(cues) < 2:
            continue
        rising = any(
            c.entry.kind == "eases_on_rising" or parsed.sentence(c.start, len(text)) in risen for c in cues
        )
        path = "history.night_pain_improves_on_getting_up" if rising else "history.pain_at_rest_unrelenting"
        if path not in done:
            done.add(path)
            yield Contribution(path, True, [(c.start, c.end) for c in cues])
