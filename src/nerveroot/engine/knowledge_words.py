"""What the knowledge base says to people and to records: advice, triage words, look-alike and root texts,
frequently asked questions (advice.yaml), and the codes of each conclusion (codes.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from nerveroot.engine.knowledge_common import Condition, Level, Sourced, _Data


class CodeEntry(Sourced):
    """One code of a conclusion. `code`, or the region's variant (`lumbar` / `lumbosacral`), or the side's
    (`right`, `left`, `both`, and `unspecified` when the side is not known): billable codes carry laterality."""

    system: str
    display: str
    status: Literal["read", "secondary", "unverified"]
    code: str | None = None
    lumbar: str | None = None
    lumbosacral: str | None = None
    right: str | None = None
    left: str | None = None
    both: str | None = None
    unspecified: str | None = None
    when_claudication: bool | None = None

    def all_codes(self) -> list[str]:
        values = (
            self.code,
            self.lumbar,
            self.lumbosacral,
            self.right,
            self.left,
            self.both,
            self.unspecified,
        )
        return [c for c in values if c]


class Codes(_Data):
    systems: dict[str, str]
    # the roots whose codes are the lumbosacral variant (M51.17, M48.07) rather than the lumbar one
    lumbosacral_roots: list[str]
    # neurogenic claudication, for the stenosis code with or without it (M48.062 / M48.061)
    claudication: Condition
    conclusions: dict[str, list[CodeEntry]]


class TriageText(_Data):
    headline: str
    action: str
    timeframe: str


class AdviceWhen(_Data):
    pattern: list[Literal["radicular", "uncertain", "non_radicular"]] | None = None
    cause: list[str] | None = None
    not_cause: list[str] | None = None
    triage: list[Level] | None = None
    mimic: list[str] | None = None
    rule: list[str] | None = None  # shown when one of these red-flag rules fired: its own words
    # advice for a pinched nerve (keep moving, its recovery course): not shown when a serious-disease rule
    # fired or a look-alike leads
    pinched_nerve: bool | None = None


Section = Literal["helps_now", "modify", "recovery", "surgery", "seek_help", "about", "next_step"]


class AdviceItem(_Data):
    id: str
    section: Section
    when: AdviceWhen | None = None
    text: str
    sources: list[str] = Field(default_factory=list)


class Labelled(_Data):
    label: str
    explanation: str


class MimicText(Labelled):
    action: str
    who: str


class RootText(_Data):
    where: str
    moves: str


class Faq(_Data):
    id: str
    question: str
    answer: str
    sources: list[str] = Field(default_factory=list)


class Advice(_Data):
    notice: str
    triage: dict[Level, TriageText]
    items: list[AdviceItem]
    causes: dict[str, Labelled]
    mimics: dict[str, MimicText]
    roots: dict[str, RootText]
    faq: list[Faq]
    safety_net: list[str]
