"""The assessment as a readable terminal report: triage first, then pattern, roots, causes, reasons, advice."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from nerveroot.assessment import Assessment

LEVEL_STYLE = {
    "emergency": "bold white on red",
    "urgent": "bold red",
    "prompt": "bold yellow",
    "routine": "bold cyan",
    "self_care": "bold green",
}
PATTERN_WORDS = {
    "radicular": "looks like a pinched nerve root",
    "non_radicular": "does not look like a pinched nerve root",
    "uncertain": "cannot tell yet whether a nerve root is pinched",
}


def _pct(p: float) -> str:
    return f"{p * 100:.0f}%"


def render_report(a: Assessment, console: Console, *, show_reasons: int = 12) -> None:
    t = a.triage
    head = Text.assemble(
        (f" {t.level.replace('_', ' ').upper()} ", LEVEL_STYLE[t.level]), "  ", (t.headline, "bold")
    )
    body: list[Text | Table] = [head, Text(t.action)]
    body += [Text(f"• {r}") for r in t.reasons]
    console.print(Panel(Group(*body), title="How urgently", border_style=LEVEL_STYLE[t.level].split()[-1]))
    if a.message:
        console.print(Panel(a.message, border_style="yellow"))
    if not a.recognised:
        console.print(Text(a.notice, style="dim"))
        return
    console.print(
        Text.assemble(
            ("Pattern: ", "bold"),
            f"{PATTERN_WORDS[a.pattern.label]} ({_pct(a.pattern.probability)} radicular)",
        )
    )
    if a.roots:
        roots = Table(title="Likely nerve root", show_edge=False, title_justify="left")
        for col in ("root", "side", "probability"):
            roots.add_column(col)
        for r in a.roots:
            roots.add_row(r.root, r.side, _pct(r.probability))
        console.print(roots)
    causes = Table(title="Likely cause", show_edge=False, title_justify="left")
    causes.add_column("cause")
    causes.add_column("probability")
    for c in a.causes[:4]:
        causes.add_row(c.label, _pct(c.probability))
    console.print(causes)
    for m in a.mimics:
        console.print(
            Panel(
                f"{m.explanation}\n[bold]What to do:[/] {m.action}",
                title=f"Could it be {m.label}? ({_pct(m.probability)})",
            )
        )
    if a.explanation:
        reasons = Table(title="Why (strongest findings first)", show_edge=False, title_justify="left")
        for col in ("finding", "for", "weight", "source"):
            reasons.add_column(col)
        for e in sorted(a.explanation, key=lambda e: -abs(e.weight))[:show_reasons]:
            target = f"{e.supports} {e.side}" if e.side else e.supports
            style = "green" if e.weight > 0 else "red"
            reasons.add_row(e.reason, target, Text(f"{e.weight:+.2f}", style=style), e.source)
        console.print(reasons)
    for section, texts in a.advice_sections.items():
        console.print(Text(section.replace("_", " ").capitalize(), style="bold underline"))
        for text in texts:
            console.print(f"  • {text}")
    console.print(Text("Seek help urgently if:", style="bold"))
    for item in a.safety_net:
        console.print(f"  • {item}")
    console.print(Text(a.notice, style="dim"))
