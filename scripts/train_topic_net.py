"""Train the topic net (src/nerveroot/text/topic_net.json.gz) from the labelled blind texts in tests/text.

The net reads a whole text as word n-grams and scores each warning-sign topic of red_flags.yaml; the reader
uses it only as a fail-safe (text/topic_net.py): a topic the net finds likely, which the rules left unsettled,
is listed as unresolved. Training needs scikit-learn (`pip install -e .[train]`); reading needs only the file.

    .venv/bin/python scripts/train_topic_net.py                  # every blind corpus under tests/text
    .venv/bin/python scripts/train_topic_net.py --exclude blind_dev21 --evaluate tests/text/blind_dev21

The model is refitted on the kept n-grams, so the shipped weights are exactly the fitted ones; `checks` holds
scikit-learn's own probabilities for a few texts, which the pure-Python reader must reproduce (a test does).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# The blind writers' topic ids (tests/text/BLIND_WRITER_PROMPT.md) behind each red_flags.yaml topic: the net
# learns the knowledge base's topics, the only ones that can be listed as unresolved. Not trauma: the writers
# file every sports strain and awkward lift under it, and trauma alone raises no triage rule (PRODUCT.md: only
# with thin bones, steroids or age over 70), so a net "maybe trauma" would only move strains to prompt. Not
# night pain: its words are everyday ones ("worse at night", "sleeps well"), which the rules raise only with a
# doubt beside them (failsafe.py), and the net raised it where the text denied it.
LABELS = {
    "saddle": ("saddle",),
    "bladder": ("bladder",),
    "bowel": ("bowel",),
    "sexual": ("sexual",),
    "both_legs_new": ("both_legs_new",),
    "progressive_weakness": ("progressive_weakness", "severe_weakness"),
    "cancer": ("cancer",),
    "weight_loss": ("weight_loss",),
    "infection": ("infection",),
    "fracture_risk": ("fracture_risk",),
    "thoracic_pain": ("thoracic_pain",),
    "aneurysm": ("aneurysm",),
    "cord": ("cord_signs",),
}
TOKEN_PATTERN = r"(?u)\b\w+\b"  # text/topic_net.py reads with the same pattern
N_CHECKS = 6


def load(dirs: list[Path], exclude: list[str]) -> list[dict[str, Any]]:
    items = []
    for d in dirs:
        for f in sorted(d.glob("**/part*.json")):
            if any(x in str(f) for x in exclude):
                continue
            for item in json.loads(f.read_text(encoding="utf-8")):
                if isinstance(item, dict) and isinstance(item.get("text"), str):
                    items.append(item)
    return items


def prepared(text: str) -> str:
    """The text as the reader sees it when the net runs: normalised, misspelt key words corrected."""
    from nerveroot.text.lexicon import load_lexicon
    from nerveroot.text.normalise import correct, normalise

    lexicon = load_lexicon()
    return correct(normalise(text), lexicon.spelling, lexicon.dialect)[0]


def raised(item: dict[str, Any], topic: str) -> bool:
    """Does the text raise the topic for this person: present, or said and left unsettled?"""
    signs = item.get("warning_signs") or {}
    said = set(signs.get("present") or []) | set(signs.get("unclear") or [])
    return bool(said & set(LABELS[topic]))


def fit(
    texts: list[str], ys: dict[str, Any], c: float, vocabulary: list[str] | None = None
) -> tuple[Any, dict]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(
        ngram_range=(1, 3), min_df=2, sublinear_tf=True, token_pattern=TOKEN_PATTERN, vocabulary=vocabulary
    )
    x = vec.fit_transform(texts)
    models = {}
    for i, (topic, y) in enumerate(ys.items(), 1):
        models[topic] = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, y)
        print(f"  [{i:2d}/{len(ys)}] {topic}: {int(y.sum())} texts raise it", file=sys.stderr)
    return vec, models


def main(argv: list[str] | None = None) -> int:
    import numpy as np
    import sklearn

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", nargs="*", type=Path, default=sorted((ROOT / "tests/text").glob("blind*/")))
    p.add_argument("--exclude", nargs="*", default=[], help="skip files whose path contains one of these")
    p.add_argument("--features", type=int, default=8000, help="n-grams kept (largest weight in any topic)")
    p.add_argument("--c", type=float, default=4.0, help="inverse L2 regularisation of each topic's model")
    p.add_argument("--threshold", type=float, default=0.7, help="probability from which a topic is raised")
    p.add_argument("--out", type=Path, default=ROOT / "src/nerveroot/text/topic_net.json.gz")
    p.add_argument("--evaluate", nargs="*", type=Path, default=[], help="score these corpora; write nothing")
    args = p.parse_args(argv)

    t0 = time.monotonic()
    items = load(args.corpus, args.exclude)
    if not items:
        print("no labelled texts found under " + ", ".join(map(str, args.corpus)), file=sys.stderr)
        return 2
    print(f"{len(items)} labelled texts; preparing them as the reader does ...", file=sys.stderr)
    texts = [prepared(i["text"]) for i in items]
    ys = {t: np.array([raised(i, t) for i in items]) for t in LABELS}
    print(f"fitting on every n-gram ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
    vec, models = fit(texts, ys, args.c)
    weights = np.array([models[t].coef_[0] for t in LABELS])
    names = vec.get_feature_names_out()
    kept = sorted(names[np.argsort(-np.abs(weights).max(axis=0))[: args.features]].tolist())
    print(f"refitting on the {len(kept)} n-grams kept ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
    vec, models = fit(texts, ys, args.c, kept)

    if args.evaluate:
        return evaluate(vec, models, load(args.evaluate, []), args.threshold)

    idf = vec.idf_
    vocab = vec.vocabulary_
    features = {
        g: [round(float(idf[j]), 6), *(round(float(models[t].coef_[0][j]), 6) for t in LABELS)]
        for g, j in sorted(vocab.items())
    }
    picks = [items[k] for k in range(0, len(items), max(1, len(items) // N_CHECKS))][:N_CHECKS]
    checks = [
        {"text": i["text"], "scores": {t: float(models[t].predict_proba(vec.transform([prepared(i["text"])]))[0, 1])
                                       for t in LABELS}}
        for i in picks
    ]  # fmt: skip
    digest = hashlib.sha256("\n".join(i["text"] for i in items).encode()).hexdigest()
    model = {
        "about": {
            "what": "per-topic logistic regression over TF-IDF word 1-3-grams (sublinear tf, l2 norm)",
            "trained_on": f"{len(items)} labelled blind texts in tests/text (corpus sha256 {digest[:16]})",
            "excluded": args.exclude,
            "trained": dt.date.today().isoformat(),
            "scikit_learn": sklearn.__version__,
            "c": args.c,
            "features": len(kept),
            "threshold_from": "0.6-0.8 tried on the 24th round's 400 texts with a net trained without them (docs/reader.md)",
        },
        "token_pattern": TOKEN_PATTERN,
        "threshold": args.threshold,
        "topics": list(LABELS),
        "intercepts": [round(float(models[t].intercept_[0]), 6) for t in LABELS],
        "features": features,
        "checks": checks,
    }
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(model, f, separators=(",", ":"))
    print(
        f"wrote {args.out} ({args.out.stat().st_size // 1024} kB) in {time.monotonic() - t0:.0f} s",
        file=sys.stderr,
    )
    return 0


def evaluate(vec: Any, models: dict, items: list[dict[str, Any]], threshold: float) -> int:
    """How often the net raises a topic the labels raise, and how often one they do not."""
    x = vec.transform([prepared(i["text"]) for i in items])
    hit = miss = false = 0
    for topic, m in models.items():
        p = m.predict_proba(x)[:, 1]
        for k, item in enumerate(items):
            if raised(item, topic):
                hit += p[k] >= threshold
                miss += p[k] < threshold
            else:
                false += p[k] >= threshold
    print(
        f"{len(items)} texts: raised {hit}/{hit + miss} labelled topics; {false} topics raised beyond the labels"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
