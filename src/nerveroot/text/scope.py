"""What ConText's windows of a few words cannot see, settled over whole lists and sentences.

ConText (context.py) gives each modifier a fixed reach. Three kinds of scope are wider than that:

- a negated list reaches its last item: "no back pain, numbness, pins and needles or weakness", "no numbness
  in my bum or privates" (a "no" or "denies" before a list that ends in "or"/"nor");
- a past episode said to be over is not the present illness: "last year I had a urine infection that
  burned ... it cleared up and I've had no problems since", "... needed a catheter; that resolved fully";
- in a person's own words, "my mum had cauda equina. She ended up with a catheter": a sentence that starts
  with "she", "he" or "they" after one about another person (ConText's FAMILY words) is still about them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import replace

from nerveroot.text.conditional import safety_nets
from nerveroot.text.context import Parsed
from nerveroot.text.denied_after import checklists
from nerveroot.text.guards import guarded
from nerveroot.text.lexicon import load_lexicon
from nerveroot.text.mentions import Found, Mention, Within

# Kinds whose words a scope can change (not sides, movements, grades or ages).
_SCOPED = ("findings", "symptoms", "regions", "topics", "troubles", "organs", "strength", "rest")


def widen(text: str, found: Found, parsed: Parsed) -> None:
    """Apply the wider scopes to the mentions' flags, in place."""
    bounds = list(itertools.pairwise([*parsed.sentences, len(text)]))
    mentions = sorted((m for k in _SCOPED for m in found[k]), key=lambda m: m.start)
    starts = [m.start for m in mentions]

    def within(lo: int, hi: int) -> list[Mention]:
        return mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    safety_nets(text, bounds, within)
    checklists(text, bounds, within)
    _negated_lists(text, bounds, within)
    _none_of_that(text, bounds, within)
    _resolved_episodes(text, bounds, within)
    _others_go_on(text, found, bounds)
    named = _relatives_named(text)
    _theirs(text, bounds, within, named)
    _their_story(text, bounds, within, named)
    _about_them(text, found, bounds)
    # and a clause of the same sentence ("my sister was rushed in with it, she had numbness ...")
    _others_go_on(text, found, list(itertools.pairwise([*parsed.clauses, len(text)])))


# ------------------------------------------------------------------------------------------ negated lists
_LIST_CUE = guarded(
    re.compile(
        r"\b(?:no|nil|denies|denied|denying|without|never\s+(?:had|any)|not\s+(?:any|had)|free\s+of|negative\s+for)\b",
        re.I,
    )
)
# where a list stops: a turn, a new subject, a sentence's punctuation
_LIST_STOP = re.compile(
    r"[.;:!?()]|\b(?:but|however|although|though|except|apart\s+from|aside\s+from|which|because|now|since|"
    r"while|whereas|yet|just|only|and\s+(?:I|I['’]\w+|my|she|he|they|her|his|it|the\s+pain))\b",
    re.I,
)
_LAST_ITEM = re.compile(r"\s+(?:or|nor)\s+|\s*/\s*(?=[a-z])", re.I)  # "no retention/incontinence" too
_ITEM_END = re.compile(r",|\s+and\s+|\s+with\s+", re.I)
_LIST_CHARS = 160
_OWN_NEGATION = re.compile(r"(?:no|nil|denies|denied|without|never)\b", re.I)


def _negated_lists(text: str, bounds: list[tuple[int, int]], within: Within) -> None:
    """A negation before a list that ends in "or" (or is joined by slashes) reaches every item of it; after
    "denies" or "negative for", a list of commas does too, and a remark in brackets inside it ("denies saddle
    numbness, urinary sx ('peeing normally'), faecal incontinence") neither ends it nor is denied."""
    for lo, hi in bounds:
        for cue in _LIST_CUE.finditer(text, lo, hi):
            asides: list[tuple[int, int]] = []
            stop = _LIST_STOP.search(text, cue.end(), hi)
            while stop is not None and stop.group() == "(" and (close := text.find(")", stop.end(), hi)) > 0:
                asides.append((stop.start(), close + 1))
                stop = _LIST_STOP.search(text, close + 1, hi)
            end = min(stop.start() if stop else hi, cue.end() + _LIST_CHARS)
            last = max(_LAST_ITEM.finditer(text, cue.end(), end), key=lambda x: x.start(), default=None)
            if last is not None:
                item_end = _ITEM_END.search(text, last.end(), end)
                list_end = item_end.start() if item_end else end
            elif _DENIES.match(cue.group()) and "," in text[cue.end() : end]:
                list_end = end
            else:
                continue
            for m in within(cue.end(), list_end):
                if any(a <= m.start < b for a, b in asides):
                    continue
                if m.end <= list_end and not m.flags.negated and not _OWN_NEGATION.match(m.text):
                    m.flags = replace(m.flags, negated=True)


_DENIES = re.compile(r"den|neg|nil|free", re.I)  # cues that always open a list: "denies", "negative for"


# a reply of its own to what was asked just before: "They asked about my bladder, bowels and numbness around
# my bottom. I've got none of that."
_NONE_OF_THAT = re.compile(
    r"\W*(?:(?:and|but|well|no|nope|honestly)[\s,]+)*(?:(?:I|I['’]ve|I\s+have|I['’]d|I\s+had|ive)\s+(?:got\s+|had\s+)?)?"
    r"(?:none\s+of\s+(?:that|those|these|them|it)|no\s+to\s+(?:all|each|every\w*))(?:\s+(?:at\s+all|either|thankfully|"
    r"luckily|though))?\s*[.!]?\s*$",
    re.I,
)


_ASKED = guarded(
    re.compile(r"\b(?:ask\w*|question\w*|check\w*|whether|wanted\s+to\s+know|screen\w*)\b|\?", re.I)
)


def _none_of_that(text: str, bounds: list[tuple[int, int]], within: Within) -> None:
    for k in range(1, len(bounds)):
        if _NONE_OF_THAT.match(text, *bounds[k]) and _ASKED.search(text, *bounds[k - 1]):
            for m in within(*bounds[k - 1]):
                if not m.flags.negated and not m.flags.family:
                    m.flags = replace(m.flags, negated=True)


# ------------------------------------------------------------------------------------------ resolved episodes
# words that say an episode is over (not "settled a bit": still there)
_RESOLVED = guarded(
    re.compile(
        r"\b(?:resolved|cleared(?:\s+up)?|settled|went\s+away|gone\s+away|got\s+better|(?:fully\s+)?recovered|"
        r"(?:went|wore|passed)\s+off|went\s+after|disappeared|(?:was|were)\s+gone\s+(?:after|within|by)|"
        r"never\s+(?:recurred|came\s+back|returned|happened\s+again)|(?:has|have)\s*(?:n['’]?t|\s+not)\s+"
        r"(?:recurred|come\s+back|returned|happened\s+again)|no\s+(?:more\s+)?(?:problems|trouble|issues|symptoms)\s+"
        r"(?:with\s+(?:it|that|them)\s+)?(?:since|after(?:wards)?|ever\s+since)|back\s+to\s+normal)\b"
        r"(?!\s+(?:a\s+(?:bit|little)|somewhat|slightly|partly|partially|mostly|down\s+a\s+bit))",
        re.I,
    )
)
# a time or event in the past that such an episode belongs to
_PAST = re.compile(
    r"\b(?:(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|couple\s+of)\s+"
    r"(?:years?|months?|weeks?|summers?|winters?|springs?|autumns?|christmases)\s+ago|"
    r"last\s+(?:year|summer|winter|spring|autumn|christmas)|in\s+(?:19|20)\d\d|"
    r"as\s+a\s+(?:child|teenager|student)|when\s+(?:I|she|he)\s+was|years\s+ago|in\s+the\s+past|previous(?:ly)?|"
    r"(?:late|early)\s+pregnancy|during\s+(?:her|my)\s+pregnancy|after\s+(?:the\s+|my\s+|her\s+|his\s+)?"
    r"(?:birth|delivery|baby|operation|surgery)|post[\s-]*(?:natal(?:ly)?|partum)|once\s+before)\b",
    re.I,
)
# "that resolved fully", "it cleared up": an episode told in the sentence before is over
_ANAPHOR = re.compile(
    r"\W*(?:and\s+)?(?:that|this|it|which|they|these|both|all\s+(?:of\s+)?(?:that|this|them))\b", re.I
)
# ... unless it came back: "settled last year but came back two weeks ago"
_TURN = guarded(re.compile(r"\b(?:but|however|although|though|until|till|now|this\s+time)\b", re.I))
_AGAIN = guarded(
    re.compile(r"\b(?:again|returned|came\s+back|come\s+back|is\s+back|recurred|flared|started\s+up)\b", re.I)
)


def _resolved_episodes(text: str, bounds: list[tuple[int, int]], within: Within) -> None:
    """Mentions of an episode told as over are historical: ConText drops them as present findings."""
    for k, (lo, hi) in enumerate(bounds):
        done = _RESOLVED.search(text, lo, hi)
        if done is None:
            continue
        turn = _TURN.search(text, done.end(), hi)
        if _AGAIN.search(text, done.end(), hi):  # it came back: the episode is the present one
            for m in within(lo, hi):
                m.flags = replace(m.flags, historical=False)
            continue
        end = turn.start() if turn else hi
        spans: list[tuple[int, int]] = []
        if _PAST.search(text, lo, end):
            spans.append((lo, end))
        opens = _ANAPHOR.match(text, lo) or not text[lo : done.start()].strip()  # "Recovered really well."
        if k and opens and done.start() - lo < 40:
            p_lo, p_hi = bounds[k - 1]
            if not _AGAIN.search(text, p_lo, p_hi):
                spans.append((p_lo, p_hi))
                spans.append((lo, end))
        for s_lo, s_hi in spans:
            for m in within(s_lo, s_hi):
                m.flags = replace(m.flags, historical=True)


# ------------------------------------------------------------------------------------------ other people
_THIRD_PERSON = re.compile(r"\W*(?:(?:and|but|so|then)\s+)?(?:she|he|they)\b", re.I)
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
    r"\s+(?:also\s+|once\s+|previously\s+)?(?:had|has\s+had|needed|underwent|was\s+diagnosed|developed|"
    r"suffered|ended\s+up|died|got)\b",
    re.I,
)
# where their story stops: a new subject, the writer, a turn, the sentence's end
_POSSESSIVE = guarded(re.compile(r"\b(?:my|his|her|their|our)\s+(?:\w+\s+)?$", re.I))
_STORY_STOP = guarded(
    re.compile(r"[;.!?]|\b(?:I|me|my|he|she|they|we|you|but|because|although|though|whereas)\b", re.I)
)


def _their_story(
    text: str, bounds: list[tuple[int, int]], within: Within, relatives: list[re.Match[str]]
) -> None:
    """What follows a relative's history verb in the same sentence, up to a new subject, is theirs: ConText's
    few words reach "his father needed emergency surgery" but not "... and was left with a numb saddle area"."""
    starts = [lo for lo, _ in bounds]
    for named in relatives:
        story = _THEIR_STORY.match(text, named.end())
        if story is None or not _POSSESSIVE.search(text, max(0, named.start() - 20), named.start()):
            continue
        hi = bounds[bisect.bisect_right(starts, named.start()) - 1][1]
        stop = _STORY_STOP.search(text, story.end(), hi)
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
        said = list(other_person.finditer(text, *bounds[k - 1]))
        last = said[-1] if said else None
        if last is not None and _CLINICIAN.search(text, last.end(), bounds[k - 1][1]):
            continue  # "my dad had ... so the GP felt my tummy. She did find ...": the "she" is the GP
        if k - 1 in about_them or last is not None:
            about_them.add(k)
            lo, hi = bounds[k]
            _someone_elses(mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)])


# the relative is spoken of now ("my partner has AF", "Husband 71,", "Mum (77) says", "my son is 24") ...
_NOW = re.compile(
    r"\W{0,3}(?:\(?\s*\d{1,3}\b|is\b|has\b|['’]s\b|says\b|said\b|can|keeps?\b|woke\b|just\b|now\b|"
    r"today\b|tonight\b|this\s+(?:morning|evening|afternoon)\b|won['’]?t\b|needs?\b|got\b|"
    r"(?:back|legs?|hips?|knees?|feet|foot)\s+(?:pain|ache|hurt))",
    re.I,
)
# ... or the message says whom it is for ("it's about my mum", "for my dad")
_FOR = re.compile(r"\b(?:about|for|re)\W+(?:my|our)\s+$", re.I)


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
    if not _NOW.match(text, first.end()) and not _FOR.search(text, max(0, first.start() - 12), first.start()):
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
    return (
        re.compile(r"\b(?:" + "|".join(re.escape(w) for w in firsts) + r")\b", re.I),
        re.compile(r"\b(?:" + "|".join(re.escape(w) for w in full) + r")\b", re.I),
    )
