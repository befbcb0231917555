"""The body map: front and back views of the lower back, buttocks and legs, drawn from one table.

Each region of CASE_SCHEMA.md is a trapezoid given for one leg in "outward" units (distance from the
body's midline), so the same table draws both sides and both views. On the front view the person's
right side is on the viewer's left; on the back view it is on the viewer's right. Which view shows a
region comes from regions.yaml (``view``); a test checks that every region with a view has a shape there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from nerveroot.case import SIDES
from nerveroot.engine.knowledge import load_knowledge

View = Literal["front", "back"]
VIEWS: tuple[View, View] = ("front", "back")
KINDS = ("pain", "numbness", "tingling")
WIDTH = 240
HEIGHT = 660
MIDLINE = WIDTH / 2

# (outward in, outward out, y) at the top, then the same at the bottom
Trapezoid = tuple[float, float, float, float, float, float]

SHAPES: dict[View, dict[str, Trapezoid]] = {
    "back": {
        "low_back": (0, 56, 60, 0, 58, 148),
        "buttock": (0, 56, 150, 4, 56, 215),
        "lateral_hip": (58, 70, 150, 58, 68, 212),
        "posterior_thigh": (6, 50, 218, 12, 40, 335),
        "lateral_thigh": (52, 66, 218, 42, 52, 335),
        "popliteal_fossa": (12, 40, 338, 13, 40, 375),
        "lateral_knee": (42, 52, 338, 42, 51, 375),
        "posterior_calf": (13, 38, 378, 16, 30, 522),
        "lateral_calf": (40, 51, 378, 32, 41, 522),
        "heel": (16, 30, 525, 16, 30, 568),
        "lateral_ankle": (32, 42, 525, 32, 42, 548),
        "lateral_foot": (32, 42, 551, 32, 42, 578),
        "sole": (14, 40, 590, 16, 38, 648),
    },
    "front": {
        "lateral_hip": (58, 70, 150, 58, 68, 205),
        "groin": (4, 44, 172, 8, 26, 212),
        "medial_thigh": (6, 24, 215, 12, 22, 335),
        "anterior_thigh": (26, 50, 208, 24, 40, 335),
        "lateral_thigh": (52, 66, 208, 42, 52, 335),
        "medial_knee": (12, 22, 338, 13, 22, 375),
        "anterior_knee": (24, 40, 338, 24, 40, 375),
        "lateral_knee": (42, 52, 338, 42, 51, 375),
        "medial_shin": (13, 22, 378, 16, 22, 515),
        "anterior_shin": (24, 33, 378, 24, 29, 515),
        "lateral_calf": (35, 51, 378, 31, 41, 515),
        "medial_ankle": (14, 26, 518, 14, 26, 542),
        "lateral_ankle": (28, 41, 518, 28, 42, 542),
        "medial_foot": (10, 19, 546, 8, 17, 600),
        "dorsum_foot": (21, 34, 546, 19, 36, 600),
        "lateral_foot": (36, 43, 546, 38, 47, 600),
        "great_toe": (6, 19, 603, 6, 19, 632),
        "little_toe": (38, 47, 603, 39, 47, 624),
    },
}

# the silhouette behind the regions, one leg and half the trunk in outward units (not regions of the schema)
Outline = tuple[tuple[float, float], ...]
_TRUNK: Outline = ((0, 20), (60, 20), (62, 150), (0, 150))
OUTLINE: dict[View, list[Outline]] = {
    "back": [
        _TRUNK,
        (
            (0, 150), (70, 150), (68, 212), (66, 218), (52, 335), (51, 378), (41, 522), (42, 548),
            (42, 578), (30, 578), (16, 568), (16, 525), (13, 378), (12, 335), (6, 218), (0, 215),
        ),
    ],
    "front": [
        _TRUNK,
        (
            (0, 150), (70, 150), (68, 205), (66, 208), (52, 335), (51, 378), (41, 515), (42, 542),
            (47, 600), (47, 624), (6, 632), (6, 603), (8, 600), (10, 546), (14, 542), (13, 378),
            (12, 335), (6, 215), (4, 172), (0, 170),
        ),
    ],
}  # fmt: skip


@dataclass(frozen=True)
class Shape:
    region: str
    side: str
    label: str
    points: str
    classes: str


@dataclass(frozen=True)
class Drawing:
    view: View
    title: str
    shapes: list[Shape]
    outline: list[str]
    side_labels: list[tuple[float, str]]  # (x, "Right"/"Left") under each half


def _x(view: View, side: str, u: float) -> float:
    viewer_left = (side == "right") if view == "front" else (side == "left")
    return MIDLINE - u if viewer_left else MIDLINE + u


def _points(view: View, side: str, t: Trapezoid) -> str:
    a, b, y1, c, d, y2 = t
    corners = ((a, y1), (b, y1), (d, y2), (c, y2))
    return " ".join(f"{_x(view, side, u):g},{y:g}" for u, y in corners)


def region_labels() -> dict[str, str]:
    """Every region id with its plain label, in schema order (from regions.yaml)."""
    return {rid: r.label for rid, r in load_knowledge().regions.items()}


def mapped_regions() -> dict[str, str]:
    """Regions drawn on the map (every region with a view); ``leg`` and ``foot`` are list-only."""
    return {rid: r.label for rid, r in load_knowledge().regions.items() if r.view != "none"}


Marks = Mapping[str, Mapping[str, Iterable[str]]]  # kind -> side -> regions


def draw(
    marks: Marks | None = None,
    highlight: Mapping[str, Mapping[str, float]] | None = None,
) -> list[Drawing]:
    """Both views, each shape classed by the person's marks and by an optional dermatome highlight.

    ``highlight`` maps side -> region -> weight (1 = core territory); 0.8 and over is drawn strong,
    0.4 and over as partial, matching how roots.yaml grades a dermatome.
    """
    labels = region_labels()
    marked = {
        (kind, side, region)
        for kind, by_side in (marks or {}).items()
        for side, regions in by_side.items()
        for region in regions
    }
    drawings = []
    for view in VIEWS:
        shapes = []
        for side in SIDES:
            for region, t in SHAPES[view].items():
                classes = ["region"]
                classes += [f"has-{k}" for k in KINDS if (k, side, region) in marked]
                weight = (highlight or {}).get(side, {}).get(region, 0.0)
                if weight >= 0.8:
                    classes.append("derm-strong")
                elif weight >= 0.4:
                    classes.append("derm-some")
                shapes.append(
                    Shape(region, side, f"{side} {labels[region]}", _points(view, side, t), " ".join(classes))
                )
        outline = [
            " ".join(f"{_x(view, side, u):g},{y:g}" for u, y in shape)
            for side in SIDES
            for shape in OUTLINE[view]
        ]
        first, second = ("Right", "Left") if view == "front" else ("Left", "Right")
        halves = [(MIDLINE - 60, first), (MIDLINE + 60, second)]
        drawings.append(Drawing(view, f"{view.capitalize()} view", shapes, outline, halves))
    return drawings
