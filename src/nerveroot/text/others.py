"""Other people's findings, told over more words than ConText's FAMILY phrases reach.

In a person's own words, "my mum had cauda equina. She ended up with a catheter": a sentence that starts with
"she", "he" or "they" after one about another person (ConText's FAMILY words) is still about them; so is what
follows a relative's history verb ("his father needed emergency surgery ... and was left with a numb saddle
area"), what is "his" or "hers" after a relative is named, and what a relative or friend introduced by name
had later ("my neighbour Bev ... Bev had sciatica, her whole leg was numb").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import replace

from nerveroot.text.guards import guarded
from nerveroot.text.lexicon import load_lexicon
from nerveroot.text.mentions import Found, Mention, Within


def other_peoples(
    text: str, found: Found, bounds: list[tuple[int, int]], clauses: list[tuple[int, int]], within: Within
) -> None:
    """Flag, in place, the mentions that are another person's."""
    _others_go_on(text, found, bounds)
    named = _relatives_named(text)
    _theirs(text, bounds, within, named)
    _their_story(text, bounds, within, named)
    _their_story(text, bounds, within, _names_of_others(text, named), possessive=False)
    _about_them(text, found, bounds)
    # and a clause of the same sentence ("my sister was rushed in with it, she had numbness ...")
    _others_go_on(text, found, clauses)


# "shes got"; "Three years ago he had ...", "In 2019 she was ...", "Last year he had ..."
_THIRD_PERSON = re.compile(
    r"\W*(?:(?:and|but|so|then)\s+)?(?:(?:[\w-]+\s+){1,3}(?:ago|later|before)\s*,?\s+|(?:back\s+)?in\s+\d{4}\s*,?\s+|"
    r"(?:last|that|the\s+previous|the\s+following|one)\s+(?:year|month|week|summer|winter|spring|autumn|christmas|"
    r"night|day|morning|evening)\s*,?\s+)?"
    r"(?:she|he|they)(?:s|re)?\b",
    re.I,
)
# a clinician named after the relative: the next sentence's "she" is more likely the clinician's
_CLINICIAN = guarded(
    re.compile(
        r"\b(?:GP|doctor|dr|doc|physio\w*|consultant|surgeon|nurse|paramedic|registrar|specialist|chiropractor|"
        r"osteopath|pharmacist|practitioner|locum|neurologist|neurosurgeon|radiologist)\b",
        re.I,
    )
)
# the person writes about their own body ("my back", "my left leg"): a "she" is then someone else
_FIRST_PERSON = re.compile(
    r"\b(?:my|I\s+have|I've|I’ve)\s+(?:(?!(?:husband|wife|partner|mum|mom|mother|dad|father|son|daughter|"
    r"brother|sister|friend|boyfriend|girlfriend|grandma|grandad|granddad|nan|gran|uncle|aunt|mate|neighbou?r)\b)"
    r"\w+\s+)?(?:back|legs?|foot|feet|calf|calves|thighs?|bum|bottom|knees?|"
    r"hips?|bladder|bowels?|pain|sciatica|toes?|buttocks?|ankles?|heels?|shins?)\b",
    re.I,
)


_THEIR = guarded(re.compile(r"\b(?:his|her|their)\b", re.I))


def _someone_elses(mentions: Iterable[Mention]) -> None:
    for m in mentions:
        m.flags = replace(m.flags, family=True)


def _theirs(text: str, bounds: list[tuple[int, int]], within: Within, relatives: list[re.Match[str]]) -> None:
    """In a person's own story, once another person is named in a sentence, what is "his" or "her" after it
    is theirs: "my dad had a slipped disc and ended up losing control of his bladder"."""
    if not _FIRST_PERSON.search(text):
        return
    starts = [lo for lo, _ in bounds]
    done: set[int] = set()
    for named in relatives:
        k = bisect.bisect_right(starts, named.start()) - 1
        if k in done:
            continue  # the first relative named in the sentence
        done.add(k)
        hi = bounds[k][1]
        _someone_elses(
            m for m in within(named.end(), hi) if _THEIR.search(text, max(named.end(), m.start - 16), m.end)
        )


# a relative's own history: "his father needed emergency surgery ... and was left with a numb saddle area"
_THEIR_STORY = re.compile(
    # "Dad was 78 and had been losing weight" (not "my mum is 79 and has had myeloma": she may be the patient),
    # "her husband is currently having treatment for prostate cancer"
    # "her husband, who is having treatment for bladder cancer", "is in the middle of treatment for ..."
    r",?\s+(?:who\s+)?(?:was\s+\d{1,3}\s+and\s+)?(?:also\s+|once\s+|previously\s+|just\s+)?(?:had|has\s+had|needed|underwent|"
    r"was\s+diagnosed|developed|suffered|ended\s+up|died|got|finished|completed|"
    r"(?:is|was)\s+(?:currently\s+|now\s+|still\s+)?"
    r"(?:having|getting|receiving|undergoing|being\s+treated|in\s+the\s+middle\s+of|halfway\s+through))\b",
    re.I,
)
# a relative named by name, then diagnosed: "my uncle Ray was diagnosed with prostate cancer" (not "my husband Tom
# had a fall and can't pee", which may be a message written for him)
_NAMED_DIAGNOSED = re.compile(
    r"\s+(?-i:[A-Z][a-z]{1,15})(?=\s+(?:was\s+diagnosed|died|passed\s+away|(?:just\s+)?(?:finished|completed|underwent))\b)"
)
# a parent named as a name needs no possessive: "Dad was 78 and had been losing weight for ages"
_AS_A_NAME = re.compile(r"(?-i:Mum|Mom|Mam|Dad|Nan|Nana|Gran|Grandad|Granddad|Grandma|Grandpa)")
# where their story stops: a new subject, the writer, a turn, the sentence's end
_POSSESSIVE = guarded(re.compile(r"\b(?:my|his|her|their|our)\s+(?:\w+\s+)?$", re.I))
_STORY_STOP = guarded(
    re.compile(r"[;.!?]|\b(?:I|me|my|he|she|they|we|you|but|because|although|though|whereas)\b", re.I)
)
# their story goes on through what they are still left with: "my sister had surgery for cauda equina and she
# still can't feel things down there" (not "my husband had a fall and he can't pass urine": maybe written for him)
_STILL_THEIRS = re.compile(
    r"(?:he|she|they)\s+(?:still|(?:was|were|is|are|has\s+been|have\s+been)\s+left)\b", re.I
)
# a named person's story goes on through "she" and "her" ("Bev had sciatica - her whole leg was numb")
_NAMED_STORY_STOP = guarded(
    re.compile(r"[;.!?]|\b(?:I|me|my|we|you|but|because|although|though|whereas)\b", re.I)
)


def _their_story(
    text: str,
    bounds: list[tuple[int, int]],
    within: Within,
    relatives: list[re.Match[str]],
    *,
    possessive: bool = True,
) -> None:
    """What follows a relative's history verb in the same sentence, up to a new subject, is theirs: ConText's
    few words reach "his father needed emergency surgery" but not "... and was left with a numb saddle area".
    A relative is named with a possessive ("his father"); a name they were introduced by needs none."""
    starts = [lo for lo, _ in bounds]
    for named in relatives:
        after = _NAMED_DIAGNOSED.match(text, named.end())
        story = _THEIR_STORY.match(text, after.end() if after else named.end())
        if story is None:
            continue
        if (
            possessive
            and not _POSSESSIVE.search(text, max(0, named.start() - 20), named.start())
            and not _AS_A_NAME.fullmatch(named.group())
        ):
            continue
        hi = bounds[bisect.bisect_right(starts, named.start()) - 1][1]
        # "he" and "she" stop it even in the writer's own story: "my back is sore too. My husband had a fall this
        # morning and he can't pass urine" may be a message for him
        stops = _STORY_STOP if possessive else _NAMED_STORY_STOP
        stop = stops.search(text, story.end(), hi)
        while stop is not None and _STILL_THEIRS.match(text, stop.start()):
            stop = stops.search(text, stop.end(), hi)  # "... and she still can't feel things down there"
        _someone_elses(within(story.end(), stop.start() if stop else hi))


def _others_go_on(text: str, found: Found, bounds: list[tuple[int, int]]) -> None:
    third = [k for k, (lo, _) in enumerate(bounds) if k and _THIRD_PERSON.match(text, lo)]
    if not third:
        return
    relatives, other_person = _other_person()
    if not relatives.search(text) or not _FIRST_PERSON.search(text):
        return
    mentions = sorted((m for k in found.by_kind for m in found[k]), key=lambda m: m.start)
    starts = [m.start for m in mentions]
    about_them: set[int] = set()
    for k in third:
        said = (
            list(other_person.finditer(text, *bounds[k - 1]))
            or _asking_for(text, relatives, *bounds[k - 1])
            or _named_last(text, relatives, *bounds[k - 1])
        )
        last = said[-1] if said else None
        if last is not None and _CLINICIAN.search(text, last.end(), bounds[k - 1][1]):
            continue  # "my dad had ... so the GP felt my tummy. She did find ...": the "she" is the GP
        if k - 1 in about_them or last is not None:
            about_them.add(k)
            lo, hi = bounds[k]
            _someone_elses(mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)])


_MY_BEFORE = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?$", re.I)
_END_AFTER = re.compile(r"[\W_]*$")


def _named_last(text: str, relatives: re.Pattern[str], lo: int, hi: int) -> list[re.Match[str]]:
    """A relative the sentence ends on, whom the next one goes on about ("What's scaring me is my
    brother-in-law. Three years ago he had ...")."""
    return [
        r
        for r in relatives.finditer(text, lo, hi)
        if _MY_BEFORE.search(text, max(lo, r.start() - 20), r.start()) and _END_AFTER.match(text, r.end(), hi)
    ]


def _asking_for(text: str, relatives: re.Pattern[str], lo: int, hi: int) -> list[re.Match[str]]:
    """A relative the writer asks for ("asking for my mum really, shes got sciatica ...")."""
    return [r for r in relatives.finditer(text, lo, hi) if _asked_for(text, r, lo)]


# the relative is spoken of now ("my partner has AF", "Husband 71,", "Mum (77) says", "my son is 24") ...
_NOW = re.compile(
    r"\W{0,3}(?:\(?\s*\d{1,3}\b|is\b|has\b|['’]s\b|says\b|said\b|can|keeps?\b|woke\b|just\b|now\b|"
    r"today\b|tonight\b|this\s+(?:morning|evening|afternoon)\b|won['’]?t\b|needs?\b|got\b|"
    r"(?:back|legs?|hips?|knees?|feet|foot)\s+(?:pain|ache|hurt))",
    re.I,
)
# ... or the message says whom it is for ("it's about my mum", "for my dad")
_FOR = re.compile(r"\b(?:about|for|re)\W+(?:my|our)\s+$", re.I)


def _asked_for(text: str, relative: re.Match[str], lo: int = 0) -> bool:
    """Is the relative the one the message is for ("it's about my mum", "asking for my dad")?"""
    return _FOR.search(text, max(lo, relative.start() - 12), relative.start()) is not None


_GREETING_CHARS = 24  # "Hello.", "Hi doctor,", "Good morning Dr Patel."


def _about_them(text: str, found: Found, bounds: list[tuple[int, int]]) -> None:
    """A message written for someone else ("My partner has AF and an hour ago her leg went cold", "Husband 71,
    backache sudden"): the relative named first is the patient, so what is said of them is not another
    person's story. Only when the writer says nothing of their own body, and only for that relative: "his
    dad had a bad back" stays someone else's."""
    if not bounds or _FIRST_PERSON.search(text):
        return
    relatives, _ = _other_person()
    # in the first sentence, or the second after a greeting ("Hello. My husband back pain 5 days, ...")
    greeting = bounds[0][1] - bounds[0][0] <= _GREETING_CHARS and len(bounds) > 1
    first = relatives.search(text, bounds[0][0], bounds[1 if greeting else 0][1])
    if first is None:
        return
    subject = first.group(0).lower()
    if not _NOW.match(text, first.end()) and not _asked_for(text, first):
        return  # "my mother had a bad back": a family history, not a message for her
    named = [(r.start(), r.group(0).lower()) for r in relatives.finditer(text)]
    places = [p for p, _ in named]
    for kind in found.by_kind:
        for m in found[kind]:
            if not m.flags.family or m.section == "family":
                continue
            i = bisect.bisect_right(places, m.start) - 1
            if i < 0 or named[i][1] == subject:
                m.flags = replace(m.flags, family=False)


_WORD = re.compile(r"[\w'’-]+")


# a relative or friend introduced by name: "my neighbour Bev keeps telling me ...", then "Bev had ..."
_INTRODUCED = re.compile(r"\b(?:my|our)\s+(?P<who>[a-z-]+)\s+(?P<name>[A-Z][a-z]{1,15})\b")


def _names_of_others(text: str, relatives: list[re.Match[str]]) -> list[re.Match[str]]:
    """Each later mention of a name a relative or friend was introduced by ("my neighbour Bev ... Bev had")."""
    if not relatives:
        return []
    firsts = _relative_words()
    names = {
        m.group("name"): m.end()
        for m in _INTRODUCED.finditer(text)
        if m.group("who").lower() in firsts and m.group("name").lower() not in firsts
    }
    later = (
        m for name, after in names.items() for m in re.finditer(rf"\b{name}\b", text) if m.start() >= after
    )
    return sorted(later, key=lambda m: m.start())


def _relatives_named(text: str) -> list[re.Match[str]]:
    firsts = _relative_words()
    return [w for w in _WORD.finditer(text) if w.group().lower() in firsts]


@functools.cache
def _relative_words() -> frozenset[str]:
    """The first words of ConText's FAMILY phrases, for a word-by-word look (one set lookup per word is much
    faster than a regular expression of every relative tried at every position)."""
    return frozenset(
        r["literal"].split()[0].lower() for r in load_lexicon().context_rules if r["category"] == "FAMILY"
    )


@functools.cache
def _other_person() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The relatives ConText's FAMILY words name (a quick first look), and those words in full."""
    words = [r["literal"] for r in load_lexicon().context_rules if r["category"] == "FAMILY"]
    firsts = sorted({w.split()[0] for w in words}, key=len, reverse=True)
    full = sorted(words, key=len, reverse=True)
    # who the relative is may stand between the word and its verb: "my best friend from school had", "a mate from
    # five-a-side had", "my husband Richard had"
    pairs = [w.partition(" ") for w in full]
    heads = sorted({f for f, _, r in pairs if r}, key=len, reverse=True)
    verbs = sorted({r for _, _, r in pairs if r}, key=len, reverse=True)
    alone = [f for f, _, r in pairs if not r]
    return (
        re.compile(r"\b(?:" + "|".join(re.escape(w) for w in firsts) + r")\b", re.I),
        re.compile(
            r"\b(?:(?:" + "|".join(map(re.escape, heads)) + r")"
            r"(?:\s+(?-i:[A-Z][a-z]{1,15}))?"  # a name: "my husband Richard had"
            r"(?:\s+(?:from|at|of|in|on|down|across)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?\s+(?:"
            + "|".join(map(re.escape, verbs))
            + r")"
            + "".join("|" + re.escape(w) for w in alone)
            + r")\b",
            re.I,
        ),
    )
