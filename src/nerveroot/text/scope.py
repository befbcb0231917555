"""What ConText's windows of a few words cannot see, settled over whole lists and sentences.

ConText (context.py) gives each modifier a fixed reach. Several kinds of scope are wider than that:

- a negated list reaches its last item: "no back pain, numbness, pins and needles or weakness", "no numbness
  in my bum or privates" (a "no" or "denies" before a list that ends in "or"/"nor");
- a past episode said to be over is not the present illness: "last year I had a urine infection that
  burned ... it cleared up and I've had no problems since", "... needed a catheter; that resolved fully";
- other people's stories (others.py).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

from nerveroot.text.conditional import safety_nets
from nerveroot.text.context import Parsed
from nerveroot.text.contractions import NT
from nerveroot.text.denied_after import checklists
from nerveroot.text.dialogue import answered_questions
from nerveroot.text.guards import guarded
from nerveroot.text.mentions import Found, Mention, Within
from nerveroot.text.others import other_peoples

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
    answered_questions(text, bounds, within)
    _negated_lists(text, bounds, within)
    _none_of_that(text, bounds, within)
    _resolved_episodes(text, bounds, within)
    _slash_pairs(text, mentions)
    other_peoples(text, found, bounds, list(itertools.pairwise([*parsed.clauses, len(text)])), within)


_SLASH = re.compile(r"\s*/\s*")


def _slash_pairs(text: str, mentions: list[Mention]) -> None:
    """Two items joined by a slash take one answer: "Fever/sweats nil" denies the fever too."""
    if "/" not in text:
        return
    denied = {m.start for m in mentions if m.flags.negated}
    for a in mentions:
        f = a.flags
        if f.negated or f.uncertain or f.hypothetical or f.family:
            continue
        slash = _SLASH.match(text, a.end)
        if slash is not None and slash.end() in denied:
            a.flags = replace(f, negated=True)


# ------------------------------------------------------------------------------------------ negated lists
_LIST_CUE = guarded(
    re.compile(
        r"\b(?:no|nil|denies|denied|denying|without|never\s+(?:had|any)|not\s+(?:any|had)|free\s+of|negative\s+for|"
        # "she doesn't get any pain, pins and needles or numbness in her legs"
        r"(?:don|doesn|didn|haven|hasn)['’]?t\s+(?:\w+\s+)?any|(?:do|does|did|have|has)\s+not\s+(?:\w+\s+)?any)\b",
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
            elif ("," in text[cue.end() : end]) and (
                _DENIES.match(cue.group()) or _ANY_AGAIN.search(text, cue.end(), end)
            ):  # "denies ..., ...", "has not noticed any numbness ..., any change in passing water, fever"
                list_end = end
            else:
                continue
            for m in within(cue.end(), list_end):
                if any(a <= m.start < b for a, b in asides):
                    continue
                if m.end <= list_end and not m.flags.negated and not _OWN_NEGATION.match(m.text):
                    m.flags = replace(m.flags, negated=True)


_DENIES = re.compile(r"den|neg|nil|free", re.I)  # cues that always open a list: "denies", "negative for"
_ANY_AGAIN = re.compile(r",\s+any\s", re.I)  # a list whose items each take "any"


# what was asked, answered as none found: "... and saddle symptoms; none were reported."
_NONE_REPORTED = r"none\s+(?:were|was|are|is)\s+(?:present|reported|found|described)"
# a reply of its own to what was asked just before: "They asked about my bladder, bowels and numbness around
# my bottom. I've got none of that."
_NONE_OF_THAT = re.compile(
    r"\W*(?:(?:and|but|well|no|nope|honestly)[\s,]+)*(?:(?:I|I['’]ve|I\s+have|I['’]d|I\s+had|ive)\s+(?:got\s+|had\s+)?)?"
    r"(?:none\s+of\s+(?:that|those|these|them|it)|no\s+to\s+(?:all|each|every\w*)"
    rf"|{_NONE_REPORTED})(?:\s+(?:at\s+all|either|thankfully|"
    r"luckily|though))?\s*[.!]?\s*$",
    re.I,
)


_ASKED = guarded(
    re.compile(
        r"\b(?:ask\w*|question\w*|check\w*|whether|wanted\s+to\s+know|screen\w*|went\s+through\s+(?:the|a)\s+"
        r"(?:\w+\s+)?list)\b|\?",
        re.I,
    )
)


# the same answer later in the sentence that asked: "She asked all the usual stuff, waterworks, numbness in the
# saddle area, all that, and there's nothing like that"
_NOTHING_LIKE_THAT = guarded(
    re.compile(
        r"\b(?:(?:there|there['’]s|there\s+is|there\s+was|I['’]ve\s+had|I\s+have)\s+)?(?:nothing|none)\s+"
        r"(?:like\s+that|of\s+(?:that|those|these|them|the\s+sort)|at\s+all)\b"
        r"|\bno\s+(?:problems?|issues?|trouble)\s+(?:there|with\s+(?:that|those|any\s+of\s+(?:that|those|them)))\b"
        # "She asked about numbness in the private area and the bladder and bowels and there's nothing wrong there"
        r"|\bnothing\s+(?:wrong|amiss|the\s+matter)\s+(?:there|with\s+(?:that|those|them|any\s+of\s+(?:that|those|them)))\b"
        r"|\b(?:it['’]?s\s+|its\s+)?a\s+no\s+to\s+(?:all|each|every\w*|both)(?:\s+of\s+(?:that|those|these|them))?\b"
        r"|\b(?:all|everything(?:['’]s|\s+is)?)\s+(?:fine|good|ok|okay|normal)\s+there\b"
        # "She asked about numbness in the saddle area, and I said no, none"
        r"|\b(?:I|he|she|they|we)\s+(?:said|say|says|answered|replied)\s+(?:no|nope)\b(?!\s+(?:to|for)\b)"
        # "asked about peeing and numbness in the saddle area — all fine", "... and all of that is completely normal",
        # "I've checked for numbness down below in the shower and it all feels normal"
        r"|(?:[—–:,]|\band)\s+(?:it\s+|they\s+)?all\s+(?:of\s+(?:that|those|it|them)\s+)?"
        r"(?:is\s+|was\s+|were\s+|are\s+|feels?\s+|felt\s+|seems?\s+|seemed\s+|looks?\s+|looked\s+)?"
        # (not "all clear since", "all clear at the five-year scan": a cancer's remission, not an answer)
        r"(?:completely\s+|totally\s+|absolutely\s+|perfectly\s+)?(?:fine|normal|ok|okay|good|"
        r"clear(?!\s+(?:since|ever|now|for|after|following|at|on|from)\b))\b"
        # "I asked specifically about bladder, bowel and saddle symptoms and she has none"
        r"|\b(?:s?he|they|I|the\s+patient)\s+(?:has|have|had|reports?|reported|describes?|described)\s+none\b"
        # "... about numbness between my legs and problems controlling my bladder or bowels and I have neither"
        r"|\b(?:s?he|they|I|the\s+patient)\s+(?:has|have|had|['’]ve\s+had|['’]s\s+had|gets?|get)\s+neither\b"
        # "(bladder, numb bum, etc.) and I honestly don't have any of that", "..., none of which I've got"
        r"|\b(?:I|s?he|they)\s+(?:\w+\s+)?(?:don['’]?t|do\s+not|doesn['’]?t|does\s+not|haven['’]?t|have\s+not|"
        r"hasn['’]?t|has\s+not)\s+(?:got\s+|have\s+|had\s+)?any\s+of\s+(?:that|those|these|them|it)\b"
        r"|\bnone\s+of\s+which\b"
        # "whether I'm numb 'in the saddle', which I'm not"
        r"|\bwhich\s+(?:I['’]m|I\s+am|s?he['’]s|s?he\s+is|they['’]re|they\s+are)\s+not\b"
        r"|\bwhich\s+(?:I|s?he|they)\s+(?:don['’]?t|doesn['’]?t|haven['’]?t|hasn['’]?t)(?:\s+(?:have|got))?\s*[.,;!]"
        rf"|\b{_NONE_REPORTED}\b",
        re.I,
    )
)


_NO_WORD = re.compile(r"\bno(?:ne|pe|t)?\b", re.I)
_ANSWER_OPENS = 40  # characters into a sentence by which its answer's "no" or "none" is said
# the answer that opens the next sentence: "... whether I was numb between my legs. No, all fine there, ...",
# "... any numbness between my legs. I'm not, everything down there is normal"
_NO_ALL_FINE = re.compile(
    r"\W*(?:no|nope|(?:I['’]m|I\s+am|I\s+was|s?he['’]s|s?he\s+is|s?he\s+was)\s+not)\b[\s,!.]+"
    r"(?:(?:all|everything)(?:\s+down\s+(?:there|below))?(?:['’]s|\s+is)?\s+)?(?:fine|good|ok|okay|normal|clear)\b",
    re.I,
)


# a reply told as said: "He said no.", 'She looked at me and said "Mum. No."' (its "No." a sentence of its own)
_SAID_NO = re.compile(
    r"\W*(?:s?he|they|I|the\s+patient)\s+(?:\w+\s+){0,3}?(?:said|says|answered|replied)\s*[,:]?\s*[\"“‘']?"
    r"(?:no|nope|nah)\b(?!\s+(?:to|for|idea|clue)\b)",
    re.I,
)
_BARE_NO = re.compile(r"\W*(?:no|nope|nah)\s*[.!]*[\"”’']?\s*$", re.I)
_SAID = re.compile(r"\b(?:said|says|answered|replied)\b", re.I)


def _none_of_that(text: str, bounds: list[tuple[int, int]], within: Within) -> None:
    # an answer opens with "no", "none" or "not" ("I've had none of that", "I'm not, all normal")
    noes = [m.start() for m in _NO_WORD.finditer(text)]
    for k in range(1, len(bounds)):
        lo, hi = bounds[k]
        i = bisect.bisect_left(noes, lo)
        if i == len(noes) or noes[i] - lo > _ANSWER_OPENS:
            continue
        answer = (
            _NONE_OF_THAT.match(text, lo, hi)
            or _NO_ALL_FINE.match(text, lo, hi)
            or _SAID_NO.match(text, lo, hi)
        )
        if answer and _ASKED.search(text, *bounds[k - 1]):
            _deny(within(*bounds[k - 1]))
        elif (
            k >= 2
            and _BARE_NO.match(text, lo, hi)
            and _SAID.search(text, *bounds[k - 1])
            and _ASKED.search(text, *bounds[k - 2])
        ):
            _deny(within(*bounds[k - 2]))
    if _NOTHING_LIKE_THAT.search(text) is None:
        return
    for lo, hi in bounds:
        asked = _ASKED.search(text, lo, hi)
        answer = None if asked is None else _NOTHING_LIKE_THAT.search(text, asked.end(), hi)
        if asked is not None and answer is not None:
            _deny(within(asked.end(), answer.start()))


def _deny(mentions: list[Mention]) -> None:
    for m in mentions:
        if not m.flags.negated and not m.flags.family:
            m.flags = replace(m.flags, negated=True)


# ------------------------------------------------------------------------------------------ resolved episodes
# words that say an episode is over (not "settled a bit": still there)
_RESOLVED = guarded(
    re.compile(
        # "once she is settled the pain is tolerable": settled in a position, not an episode over
        r"\b(?:resolved|cleared(?:\s+up)?|(?<!\bis\s)(?<!\bam\s)(?<!\bare\s)(?<!\bget\s)(?<!\bgets\s)(?<!\bgetting\s)"
        r"settled|went\s+away|gone\s+away|got\s+better|(?:fully\s+)?recovered|sorted\s+(?:that|it|them|this)\s+out|"
        r"(?:went|wore|passed)\s+off|went\s+after|"
        # "the numbness went completely within a couple of days" (not "went completely numb")
        r"went\s+(?:away\s+)?(?:completely|entirely|totally)(?=\s+(?:within|after|in|by|over)\b|\s*[.,;!)])|disappeared|(?:was|were)\s+gone\s+(?:after|within|by)|"
        r"never\s+(?:recurred|came\s+back|returned|happened\s+again)|(?:has|have)\s*(?:n['’]?t|\s+not)\s+"
        r"(?:recurred|come\s+back|returned|happened\s+again)|no\s+(?:more\s+)?(?:[\w-]+\s+(?:or\s+)?){0,3}?(?:problems?|trouble|issues?|symptoms?|leak\w*|recurrence)\s+"
        r"(?:with\s+(?:it|that|them)\s+)?(?:since|after(?:wards)?|ever\s+since)|back\s+to\s+normal|"
        r"(?:everything|feeling|sensation|it\s+all|function|strength|control)\s+came\s+back|"
        r"(?:been\s+)?(?:completely\s+|totally\s+|perfectly\s+|entirely\s+)?(?:normal|fine|satisfactory|good|ok|okay)\s+"
        r"(?:ever\s+)?since|"
        # "in 2015 I had sciatica in the left leg, it took about three months to go"
        r"took\s+(?:about\s+|around\s+|roughly\s+)?(?:\w+\s+){1,2}?(?:days|weeks|months)\s+to\s+(?:go|settle|clear|pass))\b"
        # "it settled to where it is now": a deficit that settled at a level stays
        r"(?!\s+(?:a\s+(?:bit|little)|somewhat|slightly|partly|partially|mostly|down\s+a\s+bit|"
        r"(?:down\s+)?to\s+(?:where|how|what|a\s+(?:\w+\s+)?(?:level|point|patch))|at\s+(?:a|the|this|that)\s+(?:\w+\s+)?(?:level|point)))",
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
    r"(?:(?:1st|first|2nd|second|3rd|third|last)\s+)?(?:birth|delivery|baby|operation|surgery)|"
    r"post[\s-]*(?:natal(?:ly)?|partum|op(?:eratively)?)|once\s+before|"
    r"(?:in\s+)?the\s+(?:first|early)\s+(?:few\s+)?(?:days|weeks|months)\s+after|after\s+(?:she|he|the\s+baby)\s+was\s+born)\b"
    r"|\((?:19|20)\d\d\)",  # "stress leak after 1st baby (2021), fully resolved"
    re.I,
)
# "that resolved fully", "it cleared up": an episode told in the sentence before is over
_ANAPHOR = re.compile(
    r"\W*(?:and\s+)?(?:that|this|it|which|they|these|both|all\s+(?:of\s+)?(?:that|this|them))\b", re.I
)
# a deficit left behind: "left with a numb patch ... it might be permanent", "a numb patch ever since my op"; said
# before an episode's end, these alone keep it present
_LEFT = r"permanent\w*|still|left\s+with|ever\s+since|residual"
_LEFT_SINCE = re.compile(rf"\b(?:{_LEFT})\b", re.I)
# ... and, said after it, so do these: "exactly the same ever since", "everything came back apart from ..."
_PERSISTS = re.compile(
    rf"\b(?:{_LEFT}|stable|unchanged|never|persist\w*|remains?|most\s+(?:things|of\s+it)|apart\s+from|except)\b",
    re.I,
)
_WHAT_STAYED = re.compile(r"\b(?:thing|things|bit|part|feeling|sensation|one)\s+(?:that\s+|which\s+)?$", re.I)
_NOT_BEFORE = re.compile(r"(?:\b(?:never|not|hardly|barely)|" + NT + r")\s+(?:\w+\s+)?$", re.I)
# ... unless it came back: "settled last year but came back two weeks ago"
_TURN = guarded(re.compile(r"\b(?:but|however|although|though|until|till|now|this\s+time)\b", re.I))
_AGAIN = guarded(
    re.compile(
        r"\b(?:again|(?<!never\s)returned|(?<!everything\s)(?<!feeling\s)(?<!sensation\s)(?<!all\s)(?<!function\s)(?<!strength\s)"
        r"(?<!control\s)(?<!never\s)came\s+back|come\s+back|is\s+back|(?<!never\s)recurred|flared|started\s+up)\b",
        re.I,
    )
)


def _resolved_episodes(text: str, bounds: list[tuple[int, int]], within: Within) -> None:
    """Mentions of an episode told as over are historical: ConText drops them as present findings."""
    said = list(_RESOLVED.finditer(text))  # one pass over the text: most sentences tell nothing over
    starts = [m.start() for m in said]
    for k, (lo, hi) in enumerate(bounds):
        i = bisect.bisect_left(starts, lo)
        done = said[i] if i < len(said) and starts[i] < hi and said[i].end() <= hi else None
        if done is None or _NOT_BEFORE.search(text, max(lo, done.start() - 24), done.start()):
            continue  # "her bladder never fully recovered": not over
        if _WHAT_STAYED.search(text, max(lo, done.start() - 30), done.start()):
            continue  # "the one thing that never came back is a numb patch": a deficit that stayed
        if _LEFT_SINCE.search(text, lo, done.start()):
            continue  # "a numb patch ... ever since my disc op in 2021, never came back": a deficit left behind
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
        elif (
            not spans
        ):  # "Ten years ago I had CES. I had the numb bottom ... I was lucky: everything came back"
            told = next((j for j in (k - 1, k - 2) if j >= 0 and _PAST.search(text, *bounds[j])), None)
            told_lo = bounds[told][0] if told is not None else end
            if (
                told is not None
                and not _AGAIN.search(text, told_lo, end)
                and not _PERSISTS.search(text, told_lo, end)
            ):
                spans.append((told_lo, end))
        for s_lo, s_hi in spans:
            for m in within(s_lo, s_hi):
                m.flags = replace(m.flags, historical=True)
