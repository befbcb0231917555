"""PDF reports rendered by WeasyPrint from the pages' own templates: what the result page shows, on paper.

The person's report is check/result.html itself (with the pages' stylesheet and a print layout on top:
A4, the urgency heading every page, no Book button). The clinician's adds the findings, every reason with
its source and likelihood ratio, and the codes with their marks; it has places for the examination, the
outcome scores with a chart and the referral letter, which the clinic workspace passes in
:class:`ClinicianExtras` once it records them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from nerveroot import __version__
from nerveroot.assessment import Assessment
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.errors import BadInput, Problem

Audience = Literal["person", "clinician"]
AUDIENCES: tuple[Audience, Audience] = ("person", "clinician")
_CONCLUSION_WORDS = {"pattern": "Pinched nerve or not", "root": "Which root", "cause": "Which cause"}


@dataclass(frozen=True)
class Score:
    name: str  # "NPRS (leg)", "ODI"
    value: str  # as shown: "6 of 10", "34%"
    when: str


@dataclass(frozen=True)
class ClinicianExtras:
    """What the clinic workspace adds to the clinician's report (issue 11); all optional."""

    examination: Sequence[tuple[str, str]] = ()  # (test, finding) in the order examined
    scores: Sequence[Score] = ()
    chart_svg: Markup | None = None  # an SVG drawn by the workspace, trusted markup
    referral: str | None = None  # the letter, paragraphs separated by a blank line
    extra: Mapping[str, Any] = field(default_factory=dict)


def _static() -> str:
    return str(resources.files("nerveroot") / "web" / "static")


@cache
def _environment() -> jinja2.Environment:
    """The pages' templates (and the report's own), with the pages' helpers; static files read from disk."""
    from nerveroot.web import words
    from nerveroot.web.carry import dump_case

    here = resources.files("nerveroot") / "export" / "templates"
    pages = resources.files("nerveroot") / "web" / "templates"
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(here)), jinja2.FileSystemLoader(str(pages))]),
        autoescape=True,
    )
    env.globals.update(
        dump_case=dump_case,
        words=words,
        level_words=words.LEVEL_WORDS,
        static_url=lambda _request, path: f"file://{_static()}/{path}",
    )
    return env


def _ratio(weight: float) -> str:
    lr = math.exp(weight)
    return f"×{lr:.1f}" if lr >= 1 else f"×{lr:.2f}"


def _source(source_id: str) -> str:
    kb = load_knowledge()
    if source_id == "consensus":
        return "clinical consensus (stated in the knowledge base)"
    source = kb.sources.get(source_id)
    return source.citation if source is not None else source_id


def clinician_context(case: Mapping[str, Any], a: Assessment) -> dict[str, Any]:
    """What the clinician's report shows beyond the result page."""
    from nerveroot.web import carry, words

    kb = load_knowledge()
    leaves = carry.flatten(case)
    findings = [words.describe(p, v) for p, v in leaves.items() if "#" not in p]
    findings += [
        "Scan: " + ", ".join(f"{k} {v}" for k, v in item.items()) for p, item in leaves.items() if "#" in p
    ]
    reasons = [
        {
            "conclusion": f"{_CONCLUSION_WORDS.get(e.conclusion, e.conclusion)}: {e.supports.replace('_', ' ')}",
            "reason": e.reason + (f" ({e.side})" if e.side and f"({e.side})" not in e.reason else ""),
            "ratio": _ratio(e.weight),
            "source": _source(e.source),
        }
        for e in a.explanation
    ]
    short = {uri: key for key, uri in kb.codes.systems.items()}
    codes = [
        {
            "system": short.get(c.system, c.system),
            "code": c.code,
            "display": c.display if c.verified else f"{c.display} (not checked)",
            "status": getattr(c, "status", "read" if c.verified else "unverified"),
        }
        for c in a.codes
    ]
    topics = kb.red_flags.topics
    not_asked = [getattr(topics.get(t), "label", t) for t in a.not_asked]
    return {"findings": findings, "reasons": reasons, "codes": codes, "not_asked": not_asked}


def report_html(
    case: Mapping[str, Any],
    audience: Audience = "person",
    *,
    extras: ClinicianExtras | None = None,
    made: datetime | None = None,
) -> str:
    """The report as HTML, from the same context as the result page (web/views.py result_context)."""
    from nerveroot.web.views import result_context

    if audience not in AUDIENCES:
        raise BadInput("unknown report", [Problem("--for", "expected person or clinician", audience)])
    context = result_context(dict(case))
    context.update(
        notice=load_knowledge().advice.notice,
        made=(made or datetime.now(UTC)).strftime("%d %B %Y, %H:%M UTC"),
        version=__version__,
        extras=extras or ClinicianExtras(),
    )
    if audience == "clinician":
        context.update(clinician_context(context["case"], context["a"]))
    html = _environment().get_template(f"report/{audience}.html").render(context)
    # the print layout goes after the pages' stylesheet (base.html has no place for a second one)
    link = f'<link rel="stylesheet" href="file://{_report_css()}">'
    html = html.replace("</head>", f"  {link}\n</head>", 1)
    # WeasyPrint draws an inline SVG with the SVG's own styles only: give each map the pages' colours
    return _MAP_TAG.sub(lambda m: f"{m.group(0)}<style>{_map_style()}</style>", html)


_MAP_TAG = re.compile(r'<svg class="bodymap-svg[^"]*"[^>]*>')
_MAP_RULE = re.compile(r"^\.bodymap-svg ([^\s{][^{]*)\{([^}]*)\}", re.MULTILINE)
_VARIABLE = re.compile(r"--([a-z-]+)\s*:\s*([^;]+);")


@cache
def _map_style() -> str:
    """The body map's rules of the pages' style.css, written for inside the SVG (one source of colours)."""
    css = (resources.files("nerveroot") / "web" / "static" / "style.css").read_text(encoding="utf-8")
    root = css[css.find(":root") : css.find("}", css.find(":root"))]
    variables = dict(_VARIABLE.findall(root))
    rules = []
    for selectors, body in _MAP_RULE.findall(css):
        inner = ", ".join(s.strip().removeprefix(".bodymap-svg ").strip() for s in selectors.split(","))
        resolved = re.sub(r"var\(--([a-z-]+)\)", lambda m: variables.get(m.group(1), "#000"), body)
        rules.append(f"{inner} {{{resolved}}}")
    return " ".join(rules)


def _report_css() -> str:
    return str(resources.files("nerveroot") / "export" / "templates" / "report" / "report.css")


def render_pdf(
    case: Mapping[str, Any],
    audience: Audience = "person",
    *,
    extras: ClinicianExtras | None = None,
    made: datetime | None = None,
    base_url: str | None = None,
) -> bytes:
    """The report as PDF bytes. ``base_url`` makes the page's links absolute (the site's address)."""
    import weasyprint

    html = report_html(case, audience, extras=extras, made=made)
    document = weasyprint.HTML(string=html, base_url=base_url or f"file://{_static()}/")
    pdf: bytes = document.write_pdf()
    return pdf
