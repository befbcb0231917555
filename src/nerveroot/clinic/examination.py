"""The neurological examination form: per side, sensation at key points, MRC grades of key movements,
reflexes, nerve-tension tests (straight leg raise with its angle); then the whole-person items of the case
format (gait, Romberg, perianal sensation, anal tone, post-void residual).

`read_examination` turns the posted fields into the case format's own fields (and the SLR angles, which the
case format does not hold) or a message per field; nothing is saved unless every field can be used and the
history plus examination is a valid case. Saving re-runs the engine on both (routes in exam_routes.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nerveroot.case import SIDES, put_value_at
from nerveroot.clinic.knowledge import clinic_knowledge
from nerveroot.engine.knowledge import load_knowledge

SENSATION = ("normal", "reduced", "absent")
GRADES = ("0", "1", "2", "3", "4-", "4", "4+", "5")
REFLEXES = ("patellar", "achilles", "medial_hamstring")
REFLEX_LEVELS = ("normal", "reduced", "absent", "brisk")
PLANTAR = ("flexor", "extensor", "equivocal")
CLONUS = ("absent", "present")
SIGNS = ("positive", "negative")
TESTS = ("straight_leg_raise", "crossed_straight_leg_raise", "femoral_nerve_stretch", "slump")
TEST_WORDS = {"straight_leg_raise": "Straight leg raise", "crossed_straight_leg_raise": "Crossed straight leg raise",
              "femoral_nerve_stretch": "Femoral nerve stretch", "slump": "Slump test"}  # fmt: skip
REFLEX_WORDS = {"patellar": "Knee jerk (patellar)", "achilles": "Ankle jerk (Achilles)",
                "medial_hamstring": "Medial hamstring", "plantar_response": "Plantar response", "clonus": "Ankle clonus"}  # fmt: skip
WHOLE = {
    "exam.wide_based_gait": ("Wide-based (unsteady) gait", ("yes", "no")),
    "exam.romberg": ("Romberg test", SIGNS),
    "exam.perianal_sensation": ("Perianal sensation", SENSATION),
    "exam.anal_tone": ("Anal tone", ("normal", "reduced")),
}
PVR = "exam.post_void_residual_ml"


def region_label(region: str) -> str:
    return load_knowledge().regions[region].label


def movement_label(movement: str) -> str:
    return movement.replace("_", " ").replace("great toe", "big toe").capitalize()


@dataclass(frozen=True)
class Examined:
    """What was examined, in the case format, and what the case format does not hold."""

    findings: dict[str, Any]  # sensation, weakness, reflexes, tests, exam: only what was examined
    slr_angle: dict[str, int]  # side -> degrees, where the SLR was positive and an angle given
    values: dict[str, str]  # the form's fields as given, to show the form again

    def rows(self) -> list[tuple[str, str]]:
        """(test, finding) in the order examined, for the clinician's report."""
        out: list[tuple[str, str]] = []
        for side in SIDES:
            for region, level in self.findings.get("sensation", {}).get(side, {}).items():
                out.append((f"Sensation, {side} {region_label(region).lower()}", level))
            for movement, grade in self.findings.get("weakness", {}).get(side, {}).items():
                out.append((f"MRC, {side} {movement_label(movement).lower()}", f"{grade}/5"))
            for name, value in self.findings.get("reflexes", {}).get(side, {}).items():
                out.append((f"{REFLEX_WORDS[name]}, {side}", value))
            for name, value in self.findings.get("tests", {}).get(side, {}).items():
                angle = (
                    f" at {self.slr_angle[side]}°"
                    if name == "straight_leg_raise" and side in self.slr_angle
                    else ""
                )
                out.append((f"{TEST_WORDS[name]}, {side}", f"{value}{angle}"))
        for key, value in self.findings.get("exam", {}).items():
            label = WHOLE.get(f"exam.{key}", ("Post-void residual", ()))[0]
            shown = {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value
            out.append((label, f"{shown:g} mL" if isinstance(shown, float) else str(shown)))
        return out


def form_fields() -> dict[str, Any]:
    """What the form asks, from knowledge/clinic.yaml (key points and movements with their roots)."""
    k = clinic_knowledge().examination
    return {
        "sides": SIDES,
        "sensation": [(i.region, region_label(i.region), i.root) for i in k.sensation],
        "movements": [(i.movement, movement_label(i.movement), i.roots) for i in k.movements],
        "reflexes": [(r, REFLEX_WORDS[r]) for r in REFLEXES],
        "tests": [(t, TEST_WORDS[t]) for t in TESTS],
        "whole": WHOLE,
        "grades": GRADES, "sensation_levels": SENSATION, "reflex_levels": REFLEX_LEVELS,
        "plantar": PLANTAR, "clonus": CLONUS, "signs": SIGNS,
    }  # fmt: skip


def _one(form: Mapping[str, Sequence[str]], name: str, label: str, errors: dict[str, str]) -> str:
    values = [v.strip() for v in form.get(name, ()) if v.strip()]
    if len(set(values)) > 1:
        errors[name] = f"{label} was given twice ({', '.join(values)}): give one."
        return ""
    return values[0] if values else ""


def _choice(form: Mapping[str, Sequence[str]], name: str, label: str, allowed: Sequence[str],
            errors: dict[str, str]) -> str:  # fmt: skip
    value = _one(form, name, label, errors)
    if value and value not in allowed:
        errors[name] = f"{label}: '{value[:20]}' is not a finding here; expected {', '.join(allowed)}."
        return ""
    return value


def _read_side(form: Mapping[str, Sequence[str]], side: str, *, fields: dict[str, Any], findings: dict[str, Any],
               values: dict[str, str], errors: dict[str, str]) -> None:  # fmt: skip
    for region, label, _root in fields["sensation"]:
        name = f"sensation.{side}.{region}"
        values[name] = value = _choice(form, name, f"Sensation, {side} {label.lower()}", SENSATION, errors)
        if value:
            put_value_at(findings, name, value)
    for movement, label, _roots in fields["movements"]:
        name = f"weakness.{side}.{movement}"
        given = values[name] = _one(form, name, f"MRC grade, {side} {label.lower()}", errors)
        if given:
            if given not in GRADES:
                errors[name] = (f"MRC grade, {side} {label.lower()}: '{given[:20]}' is not a grade; "
                                "the MRC scale runs from 0 (no contraction) to 5 (normal power), with 4- and 4+.")  # fmt: skip
            else:
                put_value_at(findings, name, int(given) if given.isdigit() else given)
    for reflex, label in fields["reflexes"]:
        name = f"reflexes.{side}.{reflex}"
        values[name] = value = _choice(form, name, f"{label}, {side}", REFLEX_LEVELS, errors)
        if value:
            put_value_at(findings, name, value)
    for name, label, allowed in ((f"reflexes.{side}.plantar_response", f"Plantar response, {side}", PLANTAR),
                                 (f"reflexes.{side}.clonus", f"Clonus, {side}", CLONUS)):  # fmt: skip
        values[name] = value = _choice(form, name, label, allowed, errors)
        if value:
            put_value_at(findings, name, value)
    for test, label in fields["tests"]:
        name = f"tests.{side}.{test}"
        values[name] = value = _choice(form, name, f"{label}, {side}", SIGNS, errors)
        if value:
            put_value_at(findings, name, value)


def read_examination(form: Mapping[str, Sequence[str]]) -> tuple[Examined, dict[str, str]]:
    """The examination from the form's fields, and a message per field that cannot be used."""
    errors: dict[str, str] = {}
    findings: dict[str, Any] = {}
    values: dict[str, str] = {}
    fields = form_fields()
    for side in SIDES:
        _read_side(form, side, fields=fields, findings=findings, values=values, errors=errors)
    slr_angle: dict[str, int] = {}
    for side in SIDES:
        name = f"slr_angle.{side}"
        given = values[name] = _one(form, name, f"SLR angle, {side}", errors)
        if given:
            if not given.isdigit() or not 0 <= int(given) <= 90:
                errors[name] = (
                    f"SLR angle, {side}: '{given[:20]}' is not an angle; give whole degrees from 0 to 90."
                )
            elif values.get(f"tests.{side}.straight_leg_raise") != "positive":
                errors[name] = (
                    f"SLR angle, {side}: an angle is recorded only for a positive straight leg raise."
                )
            else:
                slr_angle[side] = int(given)
    for name, (label, allowed) in WHOLE.items():
        values[name] = value = _choice(form, name, label, allowed, errors)
        if value:
            put_value_at(findings, name, {"yes": True, "no": False}.get(value, value))
    given = values[PVR] = _one(form, PVR, "Post-void residual", errors)
    if given:
        try:
            ml = float(given)
            if not 0 <= ml <= 5000:
                raise ValueError
            put_value_at(findings, PVR, ml)
        except ValueError:
            errors[PVR] = (
                f"Post-void residual: '{given[:20]}' is not a volume; give millilitres from 0 to 5000."
            )
    if not errors and not findings:
        errors["form"] = "Nothing was recorded: fill in at least one finding."
    return Examined(findings, slr_angle, values), errors


def merge(history: Mapping[str, Any], examined: Mapping[str, Any]) -> dict[str, Any]:
    """The case with the examination on top: an examined finding replaces the same field of the history."""
    out: dict[str, Any] = json.loads(json.dumps(history))
    for group, by_key in examined.items():
        target = out.setdefault(group, {})
        for key, value in by_key.items():
            if isinstance(value, dict) and isinstance(target.get(key), dict):
                target[key] = {**target[key], **value}
            else:
                target[key] = value
    return out
