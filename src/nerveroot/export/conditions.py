"""Conditions: what an assessment suspects, never confirmed.

The conclusion the engine codes is ``provisional``; each look-alike it names (and "also consider", once the
engine gives it) is ``differential``. Codings keep the knowledge base's marks (export/codes.py); the text is
nerveroot's own words, never an unverified code's display. Evidence points at the finding Observations.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from nerveroot.assessment import Assessment
from nerveroot.engine.advice import select_codes
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.export import codes
from nerveroot.export.ids import Ids

SIDE_WORDS = {"left": "left", "right": "right", "unknown": "side not given"}


def _attr(obj: Any, *names: str) -> Any:
    """A field of an assessment part that may or may not exist yet (the engine adds fields over time)."""
    for name in names:
        value = obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)
        if value is not None:
            return value
    return None


def _status(code: Any) -> str:
    status = _attr(code, "status")
    if isinstance(status, str):
        return status
    return "read" if _attr(code, "verified") else "unverified"


def _conclusion_of() -> dict[tuple[str, str], str]:
    kb = load_knowledge()
    out: dict[tuple[str, str], str] = {}
    for conclusion, entries in kb.codes.conclusions.items():
        for e in entries:
            for code in e.all_codes():  # the region and side variants too (G57.31, M48.07)
                out.setdefault((kb.codes.systems[e.system], code), conclusion)
    return out


def _suspected(a: Assessment) -> list[tuple[str, list[dict[str, Any]]]]:
    """(conclusion id, its codings) for the conclusions the assessment codes, in its order."""
    of = _conclusion_of()
    grouped: dict[str, list[dict[str, Any]]] = {}
    for code in a.codes:
        system, value = str(_attr(code, "system")), str(_attr(code, "code"))
        conclusion = of.get((system, value), "suspected")
        coding = codes.coding(system, value, _attr(code, "display"), _status(code))
        grouped.setdefault(conclusion, []).append(coding)
    return list(grouped.items())


def _look_alikes(a: Assessment) -> list[tuple[str, str, list[str]]]:
    """(id, label, findings) of each look-alike: the mimics, and "also consider" where the engine gives it."""
    out: dict[str, tuple[str, str, list[str]]] = {}
    for m in [*a.mimics, *(_attr(a, "also_consider") or [])]:
        key = _attr(m, "mimic", "id", "conclusion")
        if isinstance(key, str) and key not in out:
            out[key] = (
                key,
                str(_attr(m, "label") or key.replace("_", " ")),
                list(_attr(m, "findings") or []),
            )
    return list(out.values())


_OWN_LABELS = {"radiculopathy": "Lumbosacral radiculopathy (cause not settled)", "cauda_equina": "Cauda equina syndrome",
               "suspected": "Suspected condition"}  # fmt: skip


def _label(a: Assessment, conclusion: str) -> str:
    """nerveroot's own words for a conclusion (never an unverified code's display)."""
    for c in a.causes:
        if c.cause == conclusion:
            return c.label
    kb = load_knowledge()
    if conclusion in kb.advice.causes:
        return kb.advice.causes[conclusion].label
    if conclusion in kb.advice.mimics:
        return kb.advice.mimics[conclusion].label
    return _OWN_LABELS.get(conclusion, conclusion.replace("_", " "))


def _condition(
    ids: Ids, key: str, *, text: str, codings: list[dict[str, Any]], verification: str, at: datetime,
    evidence: list[str], note: str, body_site: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = {
        "resourceType": "Condition",
        "id": ids.id("Condition", key),
        "clinicalStatus": codes.concept(codes.coding(codes.CONDITION_CLINICAL, "active", "Active")),
        "verificationStatus": codes.concept(
            codes.coding(codes.CONDITION_VERIFICATION, verification, verification.capitalize())
        ),
        "category": [
            codes.concept(
                codes.coding(codes.CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis")
            )
        ],
        "code": {**({"coding": codings} if codings else {}), "text": text},
        "subject": {"reference": ids.ref("Patient")},
        "recordedDate": at.isoformat(),
        "note": [{"text": note}],
    }
    if body_site:
        out["bodySite"] = [{"text": body_site}]
    if evidence:
        out["evidence"] = [{"detail": [{"reference": r} for r in dict.fromkeys(evidence)]}]
    return out


def _evidence_keys(a: Assessment, conclusion: str) -> list[str]:
    top = a.roots[0] if a.roots else None
    keep = []
    for e in a.explanation:
        if e.weight <= 0:
            continue
        if (
            (e.conclusion == "pattern" and e.supports == "radicular")
            or (e.conclusion == "root" and top is not None and e.supports == top.root)
            or (e.conclusion == "cause" and e.supports == conclusion)
        ):
            keep.append(e.finding)
    return keep


def suspected_conditions(
    ids: Ids, a: Assessment, at: datetime, obs_refs: Mapping[str, str]
) -> list[dict[str, Any]]:
    kb = load_knowledge()
    notice = f"Suspected, not confirmed. {a.notice}"
    top = a.roots[0] if a.roots else None
    site = (
        f"{top.label}, {SIDE_WORDS.get(top.side, top.side)}"
        if top and a.pattern.label != "non_radicular"
        else None
    )
    out = []
    for conclusion, codings in _suspected(a):
        evidence = [obs_refs[k] for k in _evidence_keys(a, conclusion) if k in obs_refs]
        out.append(
            _condition(ids, conclusion, text=_label(a, conclusion), codings=codings,
                       verification="provisional", at=at, evidence=evidence, note=notice,
                       body_site=None if conclusion == "cauda_equina" else site)
        )  # fmt: skip
    suspected = {c for c, _ in _suspected(a)}
    lumbosacral = bool(top) and top is not None and top.root in ("S1", "S2")
    for key, text, findings in _look_alikes(a):
        if key in suspected:
            continue
        codings = [
            codes.coding(system, code, entry.display, entry.status)
            for system, entry, code in select_codes(
                kb, conclusions=[key], lumbosacral=lumbosacral, claudication=False
            )
        ]
        evidence = [obs_refs[f] for f in findings if f in obs_refs]
        out.append(
            _condition(ids, key, text=text, codings=codings, verification="differential", at=at,
                       evidence=evidence, note=f"Also to consider (a look-alike). {a.notice}")
        )  # fmt: skip
    return out
