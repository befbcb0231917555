"""The topic net: a second, statistical reading of the whole text, used only to fail safe.

The rules read a warning sign from words they know; a new phrasing of it ("my wee just stopped coming",
"can't feel the seat") slips past them in silence. The net scores each red_flags.yaml topic from the text's
word n-grams, learnt from 15,670 labelled texts that blind writers wrote (scripts/train_topic_net.py). When it
finds a topic likely that the rules left unsettled (neither read present nor denied), the topic becomes an
unsure item with the sentence that weighed most: "not sure" is never "no", so the engine lists it as
unresolved and raises the triage (PRODUCT.md capability 4). The words shown are the sentence of the n-gram
that weighed most for the topic. The net never makes a finding present and never
undoes a denial the rules read: it only refuses to let silence reassure.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from nerveroot.text.lexicon import topic_findings
from nerveroot.text.settle import Doubt, words

_MAX_N = 3  # word 1-3-grams, as trained
# fewer words than 99% of the texts the net learnt from (shortest 12, 1st percentile 26, median 140)
_MIN_WORDS = 20
_MARKED = 3  # MRC grade at or below which weakness is marked (PRODUCT.md capability 4: "3/5 or less")


@dataclass(frozen=True)
class Net:
    topics: tuple[str, ...]
    intercepts: tuple[float, ...]
    idf: Mapping[str, float]
    row: Mapping[str, int]  # each n-gram's row of `weights`
    weights: npt.NDArray[np.float64]  # n-grams x topics
    threshold: float
    token: re.Pattern[str]


@cache
def load_net() -> Net:
    raw = json.loads(
        gzip.decompress(resources.files("nerveroot.text").joinpath("topic_net.json.gz").read_bytes())
    )
    return net_from(raw)


def net_from(raw: dict[str, Any]) -> Net:
    topics = tuple(raw["topics"])
    known = set(topic_findings())
    if unknown := [t for t in topics if t not in known]:
        raise ValueError(f"topic net: topics {unknown} are not red_flags.yaml topics ({sorted(known)})")
    width = len(topics) + 1
    if bad := next((g for g, row in raw["features"].items() if len(row) != width), None):
        raise ValueError(
            f"topic net: feature {bad!r} has {len(raw['features'][bad])} numbers, expected {width}"
        )
    return Net(
        topics=topics,
        intercepts=tuple(raw["intercepts"]),
        idf={g: row[0] for g, row in raw["features"].items()},
        row={g: i for i, g in enumerate(raw["features"])},
        weights=np.array([row[1:] for row in raw["features"].values()], dtype=np.float64).reshape(
            -1, len(topics)
        ),
        threshold=float(raw["threshold"]),
        token=re.compile(raw["token_pattern"]),
    )


def _grams(text: str, token: re.Pattern[str]) -> list[str]:
    """Every word 1-3-gram, lower case (as scikit-learn's word n-grams)."""
    w = [t.lower() for t in token.findall(text)]
    return [
        *w,
        *(f"{a} {b}" for a, b in pairwise(w)),
        *(f"{a} {b} {c}" for a, b, c in zip(w, w[1:], w[2:], strict=False)),
    ]


def _located(text: str, token: re.Pattern[str]) -> Iterator[tuple[str, int, int]]:
    """The same n-grams with where each starts and ends in the text (only for the words shown)."""
    toks = [(m.group().lower(), m.start(), m.end()) for m in token.finditer(text)]
    for n in range(1, _MAX_N + 1):
        for i in range(len(toks) - n + 1):
            yield " ".join(t for t, _, _ in toks[i : i + n]), toks[i][1], toks[i + n - 1][2]


def _vector(grams: Iterable[str], net: Net) -> dict[str, float]:
    """TF-IDF with sublinear tf and an l2 norm over the known n-grams (as scikit-learn's TfidfVectorizer)."""
    counts = Counter(g for g in grams if g in net.idf)
    x = {g: (1.0 + math.log(c)) * net.idf[g] for g, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in x.values())) or 1.0
    return {g: v / norm for g, v in x.items()}


def scores(text: str, net: Net | None = None) -> dict[str, float]:
    """Each topic's probability that the text raises it for this person."""
    net = net or load_net()
    x = _vector(_grams(text, net.token), net)
    return dict(zip(net.topics, _probabilities(x, net), strict=True))


def _probabilities(x: Mapping[str, float], net: Net) -> list[float]:
    z = np.array(net.intercepts)
    if x:
        z += np.array(list(x.values())) @ net.weights[[net.row[g] for g in x]]
    return [1.0 / (1.0 + math.exp(-zk)) for zk in z.tolist()]


def _answered(topic: str, findings: tuple[str, ...], values: Mapping[str, Any], doubted: set[str]) -> bool:
    """Did the rules settle the topic, either way, or doubt it already? Weakness graded 3/5 or less answers
    "weakness that is marked or getting worse" (red_flags.yaml), which the net learnt as one topic."""
    if any(f in values or f in doubted for f in findings):
        return True
    return topic == "progressive_weakness" and any(
        p.startswith("weakness.") and isinstance(v, (int, float)) and not isinstance(v, bool) and v <= _MARKED
        for p, v in values.items()
    )


def raised(
    text: str, values: Mapping[str, Any], doubts: Iterable[Doubt], read: Iterable[tuple[int, int]] = ()
) -> list[Doubt]:
    """A doubt for each topic the net finds likely and the rules left unsettled (no finding of it read, either
    way, and no doubt of it already), unless the words that weighed most are words the rules read (`read`:
    the spans of their mentions) as something else: "3/5 SIJ provocation tests", "could not feel the bath water
    below her belly button", "come back if you get numbness down there". A text shorter than nearly all the
    net learnt from is left to the rules: one word would decide it ("a wee patch ... numb")."""
    if len(text.split()) < _MIN_WORDS:
        return []
    net = load_net()
    findings = topic_findings()
    doubted = {d.finding for d in doubts}
    x = _vector(_grams(text, net.token), net)
    likely = [
        k
        for k, (topic, p) in enumerate(zip(net.topics, _probabilities(x, net), strict=True))
        if p >= net.threshold and not _answered(topic, findings[topic], values, doubted)
    ]
    if not likely:
        return []
    grams = [gram for gram in _located(text, net.token) if gram[0] in x]
    spans = sorted(read)
    out = []
    for k in likely:
        _, start, end = max(grams, key=lambda gram: x[gram[0]] * net.weights[net.row[gram[0]], k])
        if not any(a < end and start < b for a, b in spans):
            out.append(Doubt(findings[net.topics[k]][0], words(text, start, end)))
    return out
