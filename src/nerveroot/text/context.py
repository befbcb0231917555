"""Negation, uncertainty, history, hypotheticals and other people, by medspaCy's ConText.

ConText (Harkema et al. 2009, as implemented by medspaCy) is the field's standard for this: a modifier
such as "no" or "denies" reaches forward over the findings in its scope until a terminating word ("but")
or the end of the sentence. Its rules come from lexicon.yaml. spaCy is imported here, lazily, so that a
structured case never pays for it; the pipeline is a blank English tokenizer, built once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from nerveroot.text.lexicon import load_lexicon

_BREAKS = frozenset({".", "!", "?", ";"})
_BLOCK_TOKENS = 400  # tokens per block handed to ConText (whole sentences)


@dataclass(frozen=True)
class Flags:
    negated: bool = False
    uncertain: bool = False
    historical: bool = False
    hypothetical: bool = False
    family: bool = False


@dataclass(frozen=True)
class Parsed:
    """Sentence and clause starts (character offsets) and the ConText flags of each target span."""

    sentences: list[int]
    clauses: list[int]
    flags: list[Flags]


@cache
def _pipeline() -> tuple[Any, Any]:
    import spacy
    from medspacy.context import ConText, ConTextRule

    lexicon = load_lexicon()
    nlp = spacy.blank("en")
    context = ConText(
        nlp,
        rules=None,
        max_scope=lexicon.max_scope,
        prune_on_modifier_overlap=True,  # "not only" is one pseudo-negation, not "not"
        prune_on_target_overlap=True,  # "can't lift my big toe": its "n't" is part of the finding
    )
    context.add(
        [
            ConTextRule(
                literal=r["literal"],
                category=r["category"],
                direction=r["direction"],
                pattern=r.get("pattern"),
                max_scope=r.get("max_scope"),
            )
            for r in lexicon.context_rules
        ]
    )
    return nlp, context


def warm() -> None:
    """Build the pipeline now (a server calls this at start so the first request is not slow)."""
    _pipeline()


def parse(text: str, targets: Sequence[tuple[int, int]]) -> Parsed:
    """Split `text` into sentences and clauses, and run ConText over the `targets` (character spans)."""
    nlp, context = _pipeline()
    doc = nlp.make_doc(text)
    sentences: list[int] = []
    clauses: list[int] = []
    previous = None
    bounds: list[int] = []
    for token in doc:
        start = previous is None or previous.text in _BREAKS or ("\n" in previous.text_with_ws)
        if start:
            bounds.append(token.i)
            sentences.append(token.idx)
            clauses.append(token.idx)
        elif token.text in (",", ":", "(", ")", "but", "whereas", "while", "although", "-"):
            clauses.append(token.idx)
        previous = token
    flags = [Flags() for _ in targets]
    # ConText compares every modifier with every target of a document; its scope never crosses a sentence,
    # so reading a long text a block of sentences at a time gives the same answer in linear time.
    order = sorted(range(len(targets)), key=lambda i: targets[i][0])
    bounds.append(len(doc))
    first = 0
    cursor = 0
    for k in range(1, len(bounds)):
        if k < len(bounds) - 1 and bounds[k] - bounds[first] < _BLOCK_TOKENS:
            continue
        block = doc[bounds[first] : bounds[k]]
        first = k
        if not len(block):
            continue
        lo, hi = block.start_char, block.end_char
        chosen = []
        while cursor < len(order) and targets[order[cursor]][0] < hi:
            if targets[order[cursor]][0] >= lo:
                chosen.append(order[cursor])
            cursor += 1
        if chosen:
            piece = nlp.make_doc(text[lo:hi])
            starts = {c - lo for c in sentences if lo <= c < hi}
            for token in piece:
                token.is_sent_start = token.i == 0 or token.idx in starts
            _run(context, piece, lo, [(i, targets[i]) for i in chosen], flags)
    return Parsed(sentences, clauses, flags)


def _run(
    context: Any, doc: Any, offset: int, targets: list[tuple[int, tuple[int, int]]], flags: list[Flags]
) -> None:
    spans = []
    owner: list[int] = []
    last_end = -1
    for i, (start, end) in targets:
        span = doc.char_span(start - offset, end - offset, label="TARGET", alignment_mode="expand")
        if span is None or span.start < last_end:
            continue
        spans.append(span)
        owner.append(i)
        last_end = span.end
    doc.ents = spans
    context(doc)
    for i, span in zip(owner, doc.ents, strict=True):
        ext = span._
        flags[i] = Flags(
            ext.is_negated, ext.is_uncertain, ext.is_historical, ext.is_hypothetical, ext.is_family
        )
