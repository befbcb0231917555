"""Which blocks ConText can answer anything for, told before it runs.

A target gets a flag only from a modifier whose rule is not PSEUDO or TERMINATE and which does not overlap a
target (ConText drops those: "absent" in "AJ absent", "can't" in "can't stand on tiptoe"). Such a rule can match
only where every token it needs is in the block: a phrase's tokens (lower case), or each required token of a
token pattern. Nearly half of the blocks holding a trigger word give no flag, and ConText costs about a third
of a millisecond per block, so a block is first screened by its tokens, then by medspaCy's own matcher (the
matches ConText would make), and handed to ConText only if a modifying match stands clear of the targets.
spaCy's token matcher, whose predicates are Python calls for every token, is likewise skipped in a block none
of its patterns can match. The flags are the same: a block without such a match gives ConText no edge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

_WORDS_KEY = "nerveroot_gate_words"
_SIMPLE_OPS = (None, "+")  # a token that must be present at least once; others ("?", "*", "!") may be absent


@dataclass(frozen=True)
class Needs:
    """Tokens a rule needs: each (attribute, allowed hashes) pair needs one of its hashes among the tokens."""

    groups: tuple[tuple[str, frozenset[int]], ...]

    def met(self, words: dict[str, frozenset[int]]) -> bool:
        return all(not allowed.isdisjoint(words[attr]) for attr, allowed in self.groups)


@dataclass(frozen=True)
class Gate:
    """The modifying rules' needs, and those of every token pattern."""

    modifying: tuple[Needs, ...]
    phrases: dict[int, tuple[frozenset[int], ...]]  # a modifying phrase: its key token -> the others it needs
    patterns: tuple[Needs, ...]
    unscreened: bool  # a modifying rule whose needs are not known (a regular expression): always run
    matcher: Any  # medspaCy's matcher inside ConText, or None: every block that may modify is run
    overlaps: Callable[[tuple[int, int], tuple[int, int]], bool]  # medspaCy's test, as ConText prunes with it

    def may_modify(self, doc: Any) -> bool:
        """Can a modifying rule match anywhere in `doc`?"""
        if self.unscreened:
            return True
        words = _words(doc)
        lower = words["LOWER"]
        for key in lower & self.phrases.keys():
            if any(rest <= lower for rest in self.phrases[key]):
                return True
        return any(n.met(words) for n in self.modifying)

    def reach(self, doc: Any, targets: list[tuple[int, int]], window: bool) -> list[bool] | None:
        """Which targets (token spans) ConText may flag in `doc`: None when medspaCy's matcher finds no modifying
        rule that ConText keeps beside them (no edge at all). With a token `window` (ConText's max_scope), a
        target beyond every modifying match's window and touching no match can have no edge, and leaving it out
        changes nothing for the others: a modifier is dropped only for overlapping a target."""
        if self.matcher is None:
            return [True] * len(targets)
        strings = doc.vocab.strings
        rule_map = self.matcher.rule_map
        reaches: list[tuple[int, int, int | None]] = []  # (start, end, tokens it reaches; None: unknown)
        flags = False
        for match_id, start, end in self.matcher(doc):
            rule = rule_map[strings[match_id]]
            if rule.direction in ("TERMINATE", "PSEUDO"):
                reaches.append((start, end, 0))
                continue
            reaches.append((start, end, rule.max_scope if window else None))
            flags = flags or not any(self.overlaps(target, (start, end)) for target in targets)
        if not flags:
            return None
        known = [(start, end, n) for start, end, n in reaches if n is not None]
        if len(known) < len(reaches):
            return [True] * len(targets)
        return [any(lo <= end + n and start - n <= hi for start, end, n in known) for lo, hi in targets]

    def may_match_patterns(self, doc: Any) -> bool:
        """Can one of the token patterns match in `doc`?"""
        words = _words(doc)
        return any(n.met(words) for n in self.patterns)


class ScreenedMatcher:
    """spaCy's token Matcher, called only on a doc where one of its patterns can match (else no matches)."""

    def __init__(self, matcher: Any, gate: Gate) -> None:
        self.matcher = matcher
        self.gate = gate

    def __call__(self, doc: Any, *args: Any, **kwargs: Any) -> Any:
        if not self.gate.may_match_patterns(doc):
            return []
        return self.matcher(doc, *args, **kwargs)


class KeptMatches:
    """medspaCy's matcher, keeping its last doc's matches: ConText, run on a doc the gate has just matched (and
    left as it was), gets those matches back rather than matching the doc again."""

    def __init__(self, matcher: Any) -> None:
        self.matcher = matcher
        self.rule_map = matcher.rule_map
        self.last: tuple[Any, Any] | None = None

    def __call__(self, doc: Any) -> Any:
        last = self.last
        if last is not None and last[0] is doc:
            self.last = None  # used once: the gate's matches are ConText's, then forgotten
            return last[1]
        matches = self.matcher(doc)
        self.last = (doc, matches)
        return matches


def build_gate(
    nlp: Any,
    rules: Iterable[Any],
    matcher: Any,
    overlaps: Callable[[tuple[int, int], tuple[int, int]], bool],
) -> Gate:
    """The needs of medspaCy ConText rules, hashed in the pipeline's vocabulary; `matcher` is ConText's own
    (None when it cannot be reached), called beforehand only if no rule acts when it matches."""
    strings = nlp.vocab.strings
    rules = list(rules)
    if any(rule.on_match is not None for rule in rules):
        matcher = None
    modifying: list[Needs] = []
    phrases: dict[int, list[frozenset[int]]] = {}
    patterns: list[Needs] = []
    unscreened = False
    for rule in rules:
        modifies = rule.direction not in ("TERMINATE", "PSEUDO")
        if isinstance(rule.pattern, list):
            needs = _pattern_needs(rule.pattern, strings)
            patterns.append(needs)
            if modifies:
                modifying.append(needs)
        elif rule.pattern is not None:
            unscreened = unscreened or modifies
        elif modifies:  # a phrase, matched on the lower-case forms of its tokens (medspaCy's default)
            hashes = [t.lower for t in nlp.tokenizer(rule.literal.lower())]
            if not hashes:
                unscreened = True
                continue
            key = max(hashes, key=lambda h: len(strings[h]))  # its longest word: the rarest, as a rule
            phrases.setdefault(key, []).append(frozenset(hashes) - {key})
    return Gate(
        tuple(modifying),
        {k: tuple(v) for k, v in phrases.items()},
        tuple(patterns),
        unscreened,
        matcher,
        overlaps,
    )


def _pattern_needs(pattern: list[dict[str, Any]], strings: Any) -> Needs:
    """Each required token with a plain LOWER or ORTH value (or IN list); other tokens need nothing known."""
    groups: list[tuple[str, frozenset[int]]] = []
    for token in pattern:
        if token.get("OP") not in _SIMPLE_OPS:
            continue
        specs = {k: v for k, v in token.items() if k != "OP"}
        for attr in ("LOWER", "ORTH"):
            value = specs.get(attr)
            if isinstance(value, str):
                groups.append((attr, frozenset({strings.add(value)})))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                groups.append((attr, frozenset(strings.add(str(v)) for v in value["IN"])))
    return Needs(tuple(groups))


def _words(doc: Any) -> dict[str, frozenset[int]]:
    """The lower-case and exact forms (hashes) of a doc's tokens, worked out once per doc."""
    words: dict[str, frozenset[int]] | None = doc.user_data.get(_WORDS_KEY)
    if words is None:
        from spacy.attrs import LOWER, ORTH

        table = doc.to_array([LOWER, ORTH]).tolist() if len(doc) else []
        words = {
            "LOWER": frozenset(row[0] for row in table),
            "ORTH": frozenset(row[1] for row in table),
        }
        doc.user_data[_WORDS_KEY] = words
    return words
