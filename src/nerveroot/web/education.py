"""The education pages: one template each under templates/learn/, listed here in reading order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    summary: str


TOPICS: dict[str, Topic] = {
    t.slug: t
    for t in (
        Topic("pinched-nerve", "What a pinched nerve is", "A nerve root squeezed where it leaves the spine."),
        Topic("causes", "What pinches a nerve", "Disc, narrowing, enlarged joints, a slipped vertebra."),
        Topic("nerve-roots", "Which nerve goes where", "Why the place in your leg points to one root."),
        Topic("sciatica", "Sciatica and a pinched nerve", "One word names the symptom, the other the cause."),
        Topic("conservative-care", "Care without surgery", "What conservative care involves."),
        Topic("exercise", "Moving and exercise", "What to do, and what to ease off, while it settles."),
        Topic("surgery", "When surgery is considered", "Who needs an operation, and what it offers."),
        Topic("cauda-equina", "Warning signs: cauda equina", "The symptoms that mean emergency care now."),
    )
}
