"""The topic net: a statistical second reading that only ever lists a warning sign as unresolved."""

from __future__ import annotations

import gzip
import json
from importlib import resources
from typing import Any

import pytest

from nerveroot.engine import assess
from nerveroot.text import read_text
from nerveroot.text.lexicon import load_lexicon, topic_findings
from nerveroot.text.normalise import correct, normalise
from nerveroot.text.settle import Doubt
from nerveroot.text.topic_net import load_net, net_from, raised, scores


def _raw() -> dict[str, Any]:
    data = resources.files("nerveroot.text").joinpath("topic_net.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


def test_the_shipped_net_reads_as_scikit_learn_fitted_it() -> None:
    """The pure-Python reading reproduces scikit-learn's own probabilities, stored when the net was trained."""
    raw = _raw()
    lexicon = load_lexicon()
    assert len(raw["checks"]) >= 5
    for check in raw["checks"]:
        text = correct(normalise(check["text"]), lexicon.spelling, lexicon.dialect)[0]
        got = scores(text)
        assert got == pytest.approx(check["scores"], abs=1e-5)


def test_the_net_speaks_only_of_the_knowledge_base_topics() -> None:
    net = load_net()
    assert set(net.topics) <= set(topic_findings())
    assert {"saddle", "bladder", "bowel", "both_legs_new", "cancer"} <= set(net.topics)
    assert 0.5 <= net.threshold < 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["topics"].append("gout"), "'gout'] are not red_flags.yaml topics"),
        (lambda r: r["features"].__setitem__("wee", [1.0, 2.0]), "feature 'wee' has 2 numbers, expected"),
    ],
)
def test_a_damaged_net_is_refused_with_what_is_wrong(change: Any, message: str) -> None:
    raw = _raw()
    change(raw)
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        net_from(raw)


@pytest.mark.parametrize(
    "text",
    [
        "Low back pain after lifting, 5 days. Denies bladder or bowel change, no saddle numbness, no leg symptoms.",
        "LBP 2/52 after gardening. B&B normal. Saddle sensation intact. Nil weight loss, no hx of cancer.",
        "my back is sore from the gym, the wee and poo are totally fine and I can feel everything down there",
    ],
)
def test_the_net_never_undoes_a_denial_the_rules_read(text: str) -> None:
    a = assess(read_text(text).case)
    assert not {u.topic for u in a.unresolved} & {"saddle", "bladder", "bowel", "cancer", "weight_loss"}
    assert a.triage.level in ("self_care", "routine")


def test_everyday_back_pain_raises_nothing() -> None:
    for text in [
        "Back pain after gardening on Saturday, getting better with ibuprofen and walking.",
        "Stiff lower back for a week since moving house; no pain down the legs.",
    ]:
        assert max(scores(text).values()) < load_net().threshold, text


def test_what_the_rules_settled_is_not_raised_again() -> None:
    """A topic is the rules' once they read any finding of it, either way, or doubted it; weakness graded 3/5 or
    less answers "weakness that is marked or getting worse" (the topic the net learnt), 4/5 does not."""
    text = "my left foot keeps slapping on the floor and it is weaker every day this week, now I trip on the kerb"
    assert scores(text)["progressive_weakness"] >= load_net().threshold
    assert [d.finding for d in raised(text, {}, [])] == ["history.progressive_weakness"]
    assert "weaker every day" in raised(text, {}, [])[0].words
    assert raised(text, {"history.progressive_weakness": False}, []) == []
    assert raised(text, {}, [Doubt("history.progressive_weakness", "worse?")]) == []
    assert raised(text, {"weakness.left.ankle_dorsiflexion": 3}, []) == []
    assert [d.finding for d in raised(text, {"weakness.left.ankle_dorsiflexion": 4}, [])] == [
        "history.progressive_weakness"
    ]


def test_signs_the_rules_did_not_recognise_are_listed_unsure() -> None:
    """A blind writer's message (tests/text/blind_dev22, l6-msg-013): the rules read the saddle, but not "nothing
    much came out when she went even tho she felt like she needed to go" nor "her right leg has started aching now
    which it never did before"; before the net both were silently missed, now both are listed unresolved."""
    text = (
        "hi its about my mum jean shes 63 shes had her back and left leg bad for 2 weeks gp said sciatica but since "
        "tuesday she says when she wipes after the toilet she cant really feel the paper on her bum and this morning "
        "nothing much came out when she went even tho she felt like she needed to go. shes also saying her right leg "
        "has started aching now which it never did before. she hates making a fuss and doesnt want a&e is it ok to "
        "wait for the appt on friday"
    )
    reading = read_text(text)
    a = assess(reading.case)
    assert {"bladder", "both_legs_new"} <= {u.topic for u in a.unresolved}
    assert a.triage.level == "emergency"  # the saddle, read by the rules
    assert reading.case.history.bladder_dysfunction is None
