"""A chart of one outcome measure over the weeks, as server-drawn SVG (no script: the pages' CSP forbids
inline script, and the clinician's PDF draws the same markup). Against it: the expected course of sciatica
(milestones from knowledge/clinic.yaml) and the minimal clinically important improvement from the first
score (2 points of NPRS or 10 of ODI; 30 %), drawn as lines to get below.

Styles are presentation attributes on the elements, so WeasyPrint draws the colours too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup, escape

from nerveroot.clinic.knowledge import clinic_knowledge

W, H = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 20, 36, 40


@dataclass(frozen=True)
class Measure:
    key: str  # leg_pain, back_pain, odi
    title: str
    top: float  # the scale's maximum
    unit: str
    mcid_points: float
    mcid_percent: float


def measures() -> tuple[Measure, ...]:
    o = clinic_knowledge().outcomes
    n, d = o.nprs, o.odi
    return (
        Measure(
            "leg_pain", "Leg pain (NPRS, 0-10)", n.range[1], "", n.mcid_points.value, n.mcid_percent.value
        ),
        Measure(
            "back_pain", "Back pain (NPRS, 0-10)", n.range[1], "", n.mcid_points.value, n.mcid_percent.value
        ),
        Measure("odi", "Oswestry Disability Index (%)", 100, "%", d.mcid_points.value, d.mcid_percent.value),
    )


def targets(measure: Measure, baseline: float) -> tuple[float, float]:
    """The scores that mean an important improvement from `baseline`: by points, and by percent."""
    return baseline - measure.mcid_points, baseline * (1 - measure.mcid_percent / 100)


def chart(measure: Measure, points: Sequence[tuple[datetime, float]]) -> Markup:
    """The SVG of one measure; `points` are (when, score), oldest first; the first is the baseline."""
    first = points[0][0] if points else None
    weeks = [((when - first).total_seconds() / (7 * 86400), score) for when, score in points] if first else []
    span = max(13.0, (weeks[-1][0] + 1) if weeks else 0)
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(week: float) -> float:
        return LEFT + plot_w * week / span

    def y(score: float) -> float:
        return TOP + plot_h * (1 - score / measure.top)

    label = f"{measure.title} over the weeks since the first score"
    parts = [f'<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" '
             f'aria-label="{escape(label)}" data-measure="{measure.key}">',
             f'<text x="{LEFT}" y="16" font-size="14" font-weight="bold">{escape(measure.title)}</text>']  # fmt: skip
    for i in range(6):
        score = measure.top * i / 5
        parts.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y(score):.1f}" y2="{y(score):.1f}" stroke="#dddddd"/>'
                     f'<text x="{LEFT - 6}" y="{y(score) + 4:.1f}" font-size="11" text-anchor="end">{score:g}</text>')  # fmt: skip
    for m in clinic_knowledge().course.milestones:
        if m.week <= span:
            parts.append(
                f'<line class="milestone" x1="{x(m.week):.1f}" x2="{x(m.week):.1f}" y1="{TOP}" y2="{H - BOTTOM}" '
                f'stroke="#888888" stroke-dasharray="2 3"><title>week {m.week:g}: {escape(m.label)}</title></line>'
            )
    parts.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{H - BOTTOM}" stroke="#1b1b1b"/>'
                 f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{H - BOTTOM}" y2="{H - BOTTOM}" stroke="#1b1b1b"/>')  # fmt: skip
    step = 2 if span <= 26 else 4
    for week in range(0, int(span) + 1, step):
        parts.append(
            f'<text x="{x(week):.1f}" y="{H - BOTTOM + 14}" font-size="11" text-anchor="middle">{week}</text>'
        )
    parts.append(
        f'<text x="{LEFT + plot_w / 2:.1f}" y="{H - 6}" font-size="11" text-anchor="middle">weeks since the first score</text>'
    )
    if weeks:
        base = weeks[0][1]
        by_points, by_percent = targets(measure, base)
        for value, dash, words in ((by_points, "6 4", f"−{measure.mcid_points:g}{measure.unit} (MCID)"),
                                   (by_percent, "2 2", f"−{measure.mcid_percent:g}%")):  # fmt: skip
            if value > 0:
                parts.append(f'<line class="mcid" x1="{LEFT}" x2="{W - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                             f'stroke="#2e7d32" stroke-width="1.5" stroke-dasharray="{dash}"/>'
                             f'<text x="{W - RIGHT - 2}" y="{y(value) - 3:.1f}" font-size="10" text-anchor="end" fill="#2e7d32">'
                             f'{escape(words)}: {value:.3g}</text>')  # fmt: skip
        path = " ".join(f"{x(w):.1f},{y(s):.1f}" for w, s in weeks)
        parts.append(
            f'<polyline class="line" points="{path}" fill="none" stroke="#0b4f8a" stroke-width="2.5"/>'
        )
        for w, s in weeks:
            parts.append(f'<circle class="point" cx="{x(w):.1f}" cy="{y(s):.1f}" r="4" fill="#0b4f8a">'
                         f'<title>week {w:.1f}: {s:.3g}{measure.unit}</title></circle>')  # fmt: skip
    else:
        parts.append(f'<text x="{LEFT + 10}" y="{TOP + 20}" font-size="12">No scores yet.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def milestone_legend() -> list[str]:
    return [f"week {m.week:g}: {m.label}" for m in clinic_knowledge().course.milestones]
