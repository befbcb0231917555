"""The building blocks every knowledge file shares: triage levels, sourced numbers, regions and roots, and
the condition language of rules and findings. Kept apart so the model of each file can import them."""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Level = Literal["self_care", "routine", "prompt", "urgent", "emergency"]
LEVELS: tuple[Level, ...] = ("self_care", "routine", "prompt", "urgent", "emergency")
CONSENSUS = "consensus"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Sourced(_Data):
    source: str
    reason: str | None = None


class Source(_Data):
    citation: str
    status: Literal["read", "secondary", "unverified"]
    supports: str
    url: str | None = None


class Region(_Data):
    label: str
    view: Literal["front", "back", "both", "none"]
    leg: bool
    below_knee: bool


class Root(_Data):
    label: str
    disc: str
    reflex: str | None
    key_muscles: str
    dermatome: dict[str, float]
    pain_map: dict[str, float]
    sources: list[str]
    key_point: str | None = None  # the ISNCSCI key sensory point, as a region id

    def territory(self, kind: str) -> dict[str, float]:
        """Where this kind of symptom points to the root: pain has its own, wider map."""
        return self.pain_map if kind == "pain" else self.dermatome


class Modality(Sourced):
    max_lr: float = Field(gt=1)
    min_lr: float = Field(default=1.0, gt=0, le=1)
    levels: list[str] | None = None
    per_region: bool = False
    # examined sensation: a root's key sensory point (roots.yaml) found normal lowers that root
    normal_key_point_lr: float | None = Field(default=None, gt=0, le=1)


class RegionOverride(Sourced):
    modality: Literal["pain", "numbness", "tingling", "sensation"]
    region: str
    lr: dict[str, float]


class Match(_Data):
    """A test on one fact's value; every key given must hold."""

    is_: Any = Field(default=None, alias="is")
    in_: list[Any] | None = Field(default=None, alias="in")
    below: float | None = None
    at_least: float | None = None
    absent: bool | None = None

    def holds(self, value: Any) -> bool:
        if self.absent is not None:
            return (value is None) == self.absent
        if value is None:
            return False
        if self.is_ is not None and value != self.is_:
            return False
        if self.in_ is not None and value not in self.in_:
            return False
        if self.below is not None and not (_number(value) and value < self.below):
            return False
        return not (self.at_least is not None and not (_number(value) and value >= self.at_least))


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class Condition(_Data):
    """A rule condition: one fact test, a named feature, or all / any / not of conditions."""

    fact: str | None = None
    is_: Any = Field(default=None, alias="is")
    in_: list[Any] | None = Field(default=None, alias="in")
    below: float | None = None
    at_least: float | None = None
    absent: bool | None = None
    feature: str | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")
    # a threshold in a named feature (a rule carries its own source) says where it comes from
    source: str | None = None
    reason: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        kinds = [k for k in ("fact", "feature", "all", "any", "not_") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"a condition needs exactly one of fact, feature, all, any, not; got {kinds}")
        return self

    @cached_property
    def match(self) -> Match:
        return Match.model_validate(
            {
                "is": self.is_,
                "in": self.in_,
                "below": self.below,
                "at_least": self.at_least,
                "absent": self.absent,
            }
        )
