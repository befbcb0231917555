"""Every field of the case as a tree, read from the case model itself: one source for the FHIR Questionnaire,
the QuestionnaireResponse, the Observations and the CSV columns, so none of them can drift from case.py.

A field's ``path`` is the case path ("history.saddle_numbness", "pain.left", "weakness.left.ankle_dorsiflexion");
it is the Questionnaire item's linkId, the Observation's code and the CSV column. Sides come from the case
model (left, right, unknown), so a side added there appears everywhere.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from nerveroot import case as case_module
from nerveroot.case import Case

Kind = Literal["group", "boolean", "decimal", "integer", "choice", "string"]

# closed lists shared by several fields get one name (and one code system)
_NAMED_LISTS: dict[tuple[str, ...], str] = {
    case_module.REGIONS: "region",
    get_args(case_module.SensationLevel): "sensation-level",
    get_args(case_module.ReflexLevel): "reflex-level",
    get_args(case_module.Sign): "sign",
    get_args(case_module.Ability): "ability",
}
GRADE_CODES: tuple[str, ...] = ("0", "1", "2", "3", "4-", "4", "4+", "5", "weak")
_UNITS = {
    "age": ("a", "years"),
    "age_at_onset": ("a", "years"),
    "duration_weeks": ("wk", "weeks"),
    "history.ces_symptoms_onset_days": ("d", "days"),
    "exam.post_void_residual_ml": ("mL", "mL"),
}


@dataclass(frozen=True)
class Field:
    """One node of the case: a group (a section, a side, a scan finding) or a value."""

    path: str
    kind: Kind
    options: tuple[str, ...] = ()  # codes of a choice
    value_set: str = ""  # the name of the closed list the codes come from
    repeats: bool = False  # a region list (several answers) or a list of scan findings
    children: tuple[Field, ...] = ()
    grade: bool = False  # an MRC grade: 0-5, 4-, 4+, or "weak" (weak, not graded)

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def unit(self) -> tuple[str, str] | None:
        """(UCUM code, words) of a number that has a unit."""
        return _UNITS.get(self.path)

    def leaves(self) -> Iterator[Field]:
        if self.kind != "group":
            yield self
        for child in self.children:
            yield from child.leaves()


def _strip_none(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _choice(path: str, values: tuple[Any, ...]) -> Field:
    codes = tuple(str(v) for v in values)
    name = _NAMED_LISTS.get(codes) or _list_name(path)
    return Field(path, "choice", options=codes, value_set=name)


def _list_name(path: str) -> str:
    """A list used by one field is named by its path without the side: "reflexes.plantar_response"."""
    parts = [p for p in path.split(".") if p not in case_module.WHERE]
    return ".".join(parts)


def _field(path: str, annotation: Any) -> Field:
    annotation = _strip_none(annotation)
    if annotation is case_module.Grade:
        return Field(path, "choice", options=GRADE_CODES, value_set="mrc-grade", grade=True)
    origin = get_origin(annotation)
    if origin is Annotated:
        return _field(path, get_args(annotation)[0])
    if origin is Literal:
        return _choice(path, get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Field(path, "group", children=_children(path, annotation))
    if origin is list:
        (item,) = get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return Field(path, "group", repeats=True, children=_children(path, item))
        inner = _field(path, item)
        return Field(path, inner.kind, inner.options, inner.value_set, repeats=True)
    if origin is dict:
        key, value = get_args(annotation)
        keys = get_args(_strip_none(key))
        return Field(path, "group", children=tuple(_field(f"{path}.{k}", value) for k in keys))
    if annotation is bool:
        return Field(path, "boolean")
    if annotation is int:
        return Field(path, "integer")
    if annotation is float:
        return Field(path, "decimal")
    if annotation is str:
        return Field(path, "string")
    raise TypeError(f"case field {path}: no export for {annotation!r}")  # pragma: no cover - caught by tests


def _children(prefix: str, model: type[BaseModel]) -> tuple[Field, ...]:
    joined = f"{prefix}." if prefix else ""
    return tuple(_field(f"{joined}{name}", info.annotation) for name, info in model.model_fields.items())


@cache
def case_fields() -> tuple[Field, ...]:
    """The top-level fields of the case, in the order of case.py."""
    return _children("", Case)


@cache
def by_path() -> dict[str, Field]:
    out: dict[str, Field] = {}

    def walk(fields: tuple[Field, ...]) -> None:
        for f in fields:
            out[f.path] = f
            walk(f.children)

    walk(case_fields())
    return out


def grade_code(value: Any) -> str:
    """An MRC grade as its code: 4 -> "4", "4+" -> "4+", true (weak, not graded) -> "weak"."""
    if value is True:
        return "weak"
    if value is False:
        return "5"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def grade_value(code: str) -> int | str | bool:
    """The case's value for a grade code (the inverse of :func:`grade_code`)."""
    if code == "weak":
        return True
    return int(code) if code.isdigit() else code
