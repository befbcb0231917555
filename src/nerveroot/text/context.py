"""Negation, uncertainty, history, hypotheticals and other people, by medspaCy's ConText.

ConText (Harkema et al. 2009, as implemented by medspaCy) is the field's standard for this: a modifier
such as "no" or "denies" reaches forward over the findings in its scope until a terminating word ("but")
or the end of the sentence. Its rules come from lexicon.yaml; it runs on the shared blank pipeline
(tokens.py), only over the sentences that hold one of its trigger words.
"""

from __future__ import annotations

import bisect
import itertools
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from nerveroot.text.context_gate import Gate, KeptMatches, ScreenedMatcher, build_gate
from nerveroot.text.lexicon import load_lexicon
from nerveroot.text.medspacy_parts import context_classes, overlaps
from nerveroot.text.tokens import blank_nlp

# A sentence ends at . ! ? ; before a space, or at a line break; not after "e.g.", "Dr." and the like.
# A closing quote or bracket after the stop still ends it: 'Voiding OK, "maybe a little slower." No fever.'
_SENTENCE_END = re.compile(r"[.!?;]+[\"'”’)]*(?=\s|$)\s*|\n\s*|\s\|\s*")  # " | " divides a table's cells
_ABBREVIATIONS = ("e.g", "i.e", "dr", "mr", "mrs", "ms", "vs", "approx", "etc", "incl", "esp")
_WORD = re.compile(r"[^\W\d_]+(?:[/'’][^\W\d_]+)?|\?")
_BLOCK_CHARS = 400  # characters of neighbouring sentences handed to ConText at once
_TARGETS = "nerveroot_targets"  # the doc attribute ConText reads its targets from (not doc.ents: no copies)
_CLAUSE = re.compile(r"[,:()]|\s-\s|\b(?:but|whereas|while|although|and\s+now|and\s+then)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Flags:
    negated: bool = False
    uncertain: bool = False
    historical: bool = False
    hypothetical: bool = False
    family: bool = False


NO_FLAGS = Flags()  # one shared instance (frozen): a fresh one per mention costs more than the mention


@dataclass(frozen=True)
class Parsed:
    """Sentence and clause starts (character offsets) and the ConText flags of each target span."""

    sentences: list[int]
    clauses: list[int]
    flags: list[Flags]

    def sentence(self, pos: int, size: int = 1 << 30) -> tuple[int, int]:
        """The span of the sentence holding `pos` (its end is `size` for the last one)."""
        i = bisect.bisect_right(self.sentences, pos) - 1
        lo = self.sentences[i] if i >= 0 else 0
        return lo, (self.sentences[i + 1] if i + 1 < len(self.sentences) else size)

    def clause(self, pos: int, size: int = 1 << 30) -> tuple[int, int]:
        """The span of the clause holding `pos` (clauses end at sentence ends too)."""
        marks = sorted(set(self.clauses) | set(self.sentences))
        i = bisect.bisect_right(marks, pos) - 1
        return (marks[i] if i >= 0 else 0), (marks[i + 1] if i + 1 < len(marks) else size)

    def spans(self, size: int) -> list[tuple[int, int]]:
        """Every sentence's span, in order."""
        return list(itertools.pairwise([*self.sentences, size]))


@cache
def _pipeline() -> tuple[Any, Any, Gate]:
    from spacy.tokens import Doc

    ConText, ConTextRule = context_classes()

    lexicon = load_lexicon()
    nlp = blank_nlp()
    context = ConText(
        nlp,
        rules=None,
        max_scope=lexicon.max_scope,
        prune_on_modifier_overlap=True,  # "not only" is one pseudo-negation, not "not"
        prune_on_target_overlap=True,  # "can't lift my big toe": its "n't" is part of the finding
        span_attrs=None,  # flags are read from each span's modifiers below
    )
    context.add(
        [
            ConTextRule(
                literal=r["literal"],
                category=r["category"],
                direction=r["direction"],
                pattern=r.get("pattern"),
                # A terminating word's own window must be small: medspaCy's overlap test misses a window
                # that wholly contains the scope it should cut ("without trying and I had cancer").
                max_scope=1 if r["direction"] == "TERMINATE" else r.get("max_scope"),
            )
            for r in lexicon.context_rules
        ]
    )
    # medspaCy keeps its matcher, and spaCy's token matcher in it, in private attributes: used where found
    matcher = getattr(context, "_ConText__matcher", None)
    if matcher is not None and not hasattr(matcher, "rule_map"):
        matcher = None
    kept = None if matcher is None else KeptMatches(matcher)
    gate = build_gate(nlp, context.rules, kept, overlaps())
    if matcher is not None and hasattr(matcher, "_MedspacyMatcher__matcher"):
        matcher._MedspacyMatcher__matcher = ScreenedMatcher(matcher._MedspacyMatcher__matcher, gate)
    if gate.matcher is not None:  # ConText reuses the matches the gate has just made on the same doc
        context._ConText__matcher = gate.matcher
    if not Doc.has_extension(_TARGETS):
        Doc.set_extension(_TARGETS, default=None)
    return nlp, context, gate


def boundaries(text: str) -> tuple[list[int], list[int]]:
    """Sentence starts, and clause starts (sentence starts plus commas, brackets, "but"), as offsets."""
    sentences = [0]
    for m in _SENTENCE_END.finditer(text):
        if m.end() < len(text) and not _abbreviation(text, m.start()) and not _trails_on(text, m):
            sentences.append(m.end())
    clauses = sorted({*sentences, *(m.start() for m in _CLAUSE.finditer(text))})
    return sentences, clauses


def _trails_on(text: str, m: re.Match[str]) -> bool:
    """An ellipsis before a small letter trails on, it does not end the sentence ("it feels... not numb
    exactly but like it isn't my skin")."""
    return m.group().startswith("...") and text[m.end()].islower()


def parse(text: str, targets: Sequence[tuple[int, int]]) -> Parsed:
    """Split `text` into sentences and clauses, and run ConText over the `targets` (character spans)."""
    sentences, clauses = boundaries(text)
    flags = [NO_FLAGS] * len(targets)
    if not targets:
        return Parsed(sentences, clauses, flags)
    # ConText compares every modifier with every target of a document; its scope never crosses a sentence,
    # so it is run only on the sentences that hold one of its trigger words, each on its own: the same
    # answer, in time that grows with the length of the text, not with its square.
    order = sorted(range(len(targets)), key=lambda i: targets[i][0])
    cursor = 0
    for lo, hi in _blocks(text, sentences):
        chosen = []
        while cursor < len(order) and targets[order[cursor]][0] < hi:
            if targets[order[cursor]][0] >= lo:
                chosen.append(order[cursor])
            cursor += 1
        if chosen:
            # built on first need: a text with no trigger word never loads spaCy
            nlp, context, gate = _pipeline()
            doc = nlp.make_doc(text[lo:hi] if (lo, hi) != (0, len(text)) else text)
            if not gate.may_modify(doc):
                continue  # no rule that modifies can match here: ConText would give no flag
            starts = [c - lo for c in sentences if lo <= c < hi]
            _run(context, gate, doc, lo, [(i, targets[i]) for i in chosen], flags=flags, sentences=starts)
    return Parsed(sentences, clauses, flags)


def _abbreviation(text: str, end: int) -> bool:
    before = text[max(0, end - 7) : end].lower()
    if not before.endswith(_ABBREVIATIONS):  # most sentence ends: no abbreviation at all
        return False
    return any(
        before.endswith(a) and (len(before) == len(a) or not before[-len(a) - 1].isalpha())
        for a in _ABBREVIATIONS
    )


def _blocks(text: str, sentences: list[int]) -> list[tuple[int, int]]:
    """Spans of whole sentences, from one holding a trigger word to another, each at most _BLOCK_CHARS long."""
    known = _TRIGGERS
    hot = set()
    for m in _WORD.finditer(text):
        said = m.group()
        trigger = known.get(said)
        if trigger is None:
            trigger = _is_trigger(said)
        if trigger:
            hot.add(bisect.bisect_right(sentences, m.start()) - 1)
    out: list[tuple[int, int]] = []
    for k, (lo, hi) in enumerate(zip(sentences, [*sentences[1:], len(text)], strict=True)):
        if k not in hot:
            continue
        if out and hi - out[-1][0] <= _BLOCK_CHARS:  # one run may hold sentences with no trigger
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


_TRIGGERS: dict[str, bool] = {}  # each word as written -> a trigger? (most words of a note recur)
_MAX_TRIGGERS = 100_000


def _is_trigger(said: str) -> bool:
    word = said.lower()
    # "nothing's numb": the word before an apostrophe is a trigger too
    found = word.split("'", 1)[0].split("’", 1)[0] in _trigger_words() or word.endswith(("n't", "n’t"))
    if len(_TRIGGERS) < _MAX_TRIGGERS:
        _TRIGGERS[said] = found
    return found


@cache
def _trigger_words() -> frozenset[str]:
    """A word of every ConText rule that can modify (a sentence without one needs no ConText run)."""
    words = {"not", "?"}
    for rule in load_lexicon().context_rules:
        if rule["direction"] in ("TERMINATE", "PSEUDO"):
            continue
        # a token pattern: any word its first word token allows (after punctuation: ": nope .")
        first = next((t["LOWER"] for t in rule.get("pattern") or [] if "LOWER" in t), None)
        if isinstance(first, dict) and "IN" in first:
            words.update(str(w) for w in first["IN"])
        elif rule["category"] == "FAMILY":
            words.add(rule["literal"].lower().split()[0])  # the person it names ("sister was admitted")
        else:
            words.add(max(rule["literal"].lower().split(), key=len))  # its most telling word
    return frozenset(words)


def _mark_sentences(doc: Any, starts: list[int]) -> None:
    import numpy as np
    from spacy.attrs import SENT_START

    if not len(doc):
        return
    idx = doc.to_array("IDX").astype("int64")
    first = np.searchsorted(idx, np.asarray(starts, dtype="int64"))
    marks = np.full((len(doc), 1), -1, dtype="int64")
    marks[first[first < len(doc)], 0] = 1
    marks[0, 0] = 1
    doc.from_array([SENT_START], marks.astype("uint64"))


def _run(
    context: Any,
    gate: Gate,
    doc: Any,
    offset: int,
    targets: list[tuple[int, tuple[int, int]]],
    *,
    flags: list[Flags],
    sentences: list[int],
) -> None:
    spans = []
    owner: list[int] = []
    shared: list[tuple[int, int]] = []  # a target inside one kept before it takes that one's flags
    last_end = -1
    for i, (start, end) in targets:
        span = doc.char_span(start - offset, end - offset, label="TARGET", alignment_mode="expand")
        if span is None:
            continue
        if span.start < last_end:
            shared.append((i, owner[-1]))
            continue
        spans.append(span)
        owner.append(i)
        last_end = span.end
    reach = gate.reach(doc, [(span.start, span.end) for span in spans], bool(context.max_scope))
    if reach is None:
        return  # no modifier ConText would keep: every flag stays as it is (a shared one is its host's)
    if not all(reach):  # a target no modifier reaches keeps its flags: ConText compares fewer pairs
        owner = [i for i, near in zip(owner, reach, strict=True) if near]
        spans = [span for span, near in zip(spans, reach, strict=True) if near]
    if not context.max_scope:  # a token window (max_scope) never reads the doc's sentences
        _mark_sentences(doc, sentences)
    doc._.set(_TARGETS, spans)
    with warnings.catch_warnings():  # spaCy warns that its token matcher is empty: every rule is a phrase
        warnings.filterwarnings("ignore", message=r"\[W036\]")
        context(doc, targets=_TARGETS)
    for i, span in zip(owner, spans, strict=True):
        # With a token window ConText's scope can run into the next sentence; keep only modifiers of the
        # target's own sentence.
        own = bisect.bisect_right(sentences, span.start_char) - 1
        modifiers = [
            m for m in span._.modifiers
            if bisect.bisect_right(sentences, doc[m.modifier_span[0]].idx) - 1 == own
        ]  # fmt: skip
        if modifiers:
            modifiers = _own_clause_settles(doc, span, modifiers)
            kinds = {m.category for m in modifiers}
            flags[i] = Flags(
                "NEGATED_EXISTENCE" in kinds,
                "POSSIBLE_EXISTENCE" in kinds,
                "HISTORICAL" in kinds,
                "HYPOTHETICAL" in kinds,
                "FAMILY" in kinds,
            )
    for i, host in shared:
        flags[i] = flags[host]


_DOUBT_AND_DENIAL = {"NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE"}


def _own_clause_settles(doc: Any, span: Any, modifiers: list[Any]) -> list[Any]:
    """When a finding is both denied and doubted, the word in its own clause settles it.

    "No bladder change, no numbness when wiping, sexual function not asked": the "no" of an earlier clause
    does not answer what was not asked. With both or neither in the finding's clause, both stay, and
    doubt is never read as "no" downstream.
    """
    if not _DOUBT_AND_DENIAL.issubset(m.category for m in modifiers):
        return modifiers
    own = [m for m in modifiers if m.category not in _DOUBT_AND_DENIAL or _same_clause(doc, span, m)]
    left = {m.category for m in own} & _DOUBT_AND_DENIAL
    if len(left) != 1:
        return modifiers
    return [m for m in modifiers if m.category not in _DOUBT_AND_DENIAL or m.category in left]


def _same_clause(doc: Any, span: Any, modifier: Any) -> bool:
    lo, hi = modifier.modifier_span
    between = doc[min(hi, span.end) : max(lo, span.start)].text if hi <= span.start or lo >= span.end else ""
    return _CLAUSE.search(between) is None
