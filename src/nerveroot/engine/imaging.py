"""What the scan reports of a case say about the conclusion: which root each finding meets, and whether
that root and side are the ones the clinical picture leads to (REFERENCE.md 2.7: concordance)."""

from __future__ import annotations

from collections.abc import Sequence

from nerveroot.assessment import ImagingNote, RootLikelihood
from nerveroot.case import Case
from nerveroot.engine.evidence import met_root
from nerveroot.engine.knowledge import Knowledge


def imaging_notes(case: Case, roots: Sequence[RootLikelihood], kb: Knowledge) -> list[ImagingNote]:
    top = roots[0] if roots else None
    notes = []
    for item in case.imaging:
        root = met_root(item, kb)
        concordant: bool | None = None
        if root is not None and top is not None:
            same_side = item.side in (None, "both", "central") or top.side in ("unknown", item.side)
            concordant = root == top.root and same_side
        notes.append(
            ImagingNote(
                finding=item.finding, level=item.level, root=root, side=item.side, concordant=concordant
            )
        )
    return notes
