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
    for token in doc:
        start = previous is None or previous.text in _BREAKS or ("\n" in previous.text_with_ws)
        token.is_sent_start = start
        if start:
            sentences.append(token.idx)
            clauses.append(token.idx)
        elif token.text in (",", ":", "(", ")", "but", "whereas", "while", "although", "-"):
            clauses.append(token.idx)
        previous = token
    spans = []
    owner: list[int] = []
    last_end = -1
    for i, (start, end) in enumerate(targets):
        span = doc.char_span(start, end, label="TARGET", alignment_mode="expand")
        if span is None or span.start < last_end:
            continue
        spans.append(span)
        owner.append(i)
        last_end = span.end
    doc.ents = spans
    context(doc)
    flags = [Flags() for _ in targets]
    for i, span in zip(owner, doc.ents, strict=True):
        ext = span._
        flags[i] = Flags(ext.is_negated, ext.is_uncertain, ext.is_historical, ext.is_hypothetical, ext.is_family)
    return Parsed(sentences, clauses, flags)
