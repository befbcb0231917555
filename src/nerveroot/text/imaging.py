"""Imaging reports read into `imaging` findings: each with its level, side, zone, grade and what it presses on.

Where imaging is said: a report block (a line that starts with the scan's kind, "MRI LUMBAR SPINE", up to the
next blank line), an imaging section ("Imaging:", "Conclusion:"), or a sentence that names a scan ("the MRI
showed ..."). An old scan ("dated 2019") or one only asked for ("MRI requested") gives no current finding;
nor do a report's reasons for the scan ("Clinical details: ?CES").

Each finding (lexicon `imaging.findings`, not negated: "no central stenosis") takes the level last written
before it on its line ("L4-5: ..."), else the next in its sentence; the side and zone written just before it
("left paracentral disc extrusion"); and what a verb after it presses on ("compressing the traversing
left L5 root", "compression of the cauda equina").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from nerveroot.case import ImagingFinding
from nerveroot.text.compose import dropped
from nerveroot.text.context import Parsed
from nerveroot.text.lexicon import load_lexicon
from nerveroot.text.mentions import Found, Mention
from nerveroot.text.sections import Sections

_LEVEL = re.compile(
    r"(?<![A-Za-z\d])(?P<a>[CTLS])(?P<an>\d{1,2})(?:\s*(?:/|-|–|to|on)\s*(?P<b>[CTLS])?(?P<bn>\d{1,2}))?(?![\d])"
    r"(?![\s-]*(?:weighted|W\b|hypo|hyper|signal|sequence|images?|STIR|(?:nerve\s+)?roots?|nerves?))",
)
_ROOT = re.compile(
    r"(?:(?:traversing|exiting|descending|existing)\s+)?(?:(?:left|right|bilateral|both)\s+)?"
    r"(?:(?P<root>[LS][1-5])\s+(?:(?:nerve\s+)?roots?|nerves?)|(?P<ce>cauda\s+equina)|(?P<cord>(?:spinal\s+)?cord|conus))",
    re.I,
)
# "a large central L4-5 extrusion occupying most of the canal", "filling 80% of the thecal sac", "complete
# obliteration of CSF around the cauda equina"
_OCCUPIES = re.compile(
    r"\b(?:occupying|occupies|filling|fills|obliterating|obliterates|effacing\s+all\s+of)\s+(?:almost\s+|nearly\s+|"
    r"approximately\s+|about\s+|over\s+|more\s+than\s+)?(?:most|the\s+majority|all|the\s+whole|[5-9]\d\s*%|100\s*%)"
    r"\s+(?:of\s+)?(?:the\s+)?(?:spinal\s+|central\s+|thecal\s+|vertebral\s+)?(?:canal|sac|theca)\b"
    # "complete obliteration of CSF around the cauda equina", "no CSF left around the roots"
    r"|\b(?:complete|total)\s+(?:obliteration|effacement|loss)\s+of\s+(?:the\s+)?(?:all\s+)?CSF\b"
    r"|\bno\s+(?:residual\s+)?CSF\s+(?:signal\s+)?(?:left\s+|remaining\s+|visible\s+)?(?:around|surrounding)\b",
    re.I,
)
_NEGATED_VERB = re.compile(r"\b(?:no|without|not|nor|free\s+of)\s+(?:[\w/-]+\s+){0,5}$", re.I)
_SIDES = (("left", re.compile(r"\bleft\b", re.I)), ("right", re.compile(r"\bright\b", re.I)),
          ("both", re.compile(r"\b(?:bilateral(?:ly)?|both)\b", re.I)))  # fmt: skip
_CENTRAL = re.compile(r"\bcentral\b", re.I)
_GRADE = re.compile(r"\b(?:grade|meyerding(?:\s+grade)?)\s*(?P<g>[1-4]|I{1,3}|IV)\b", re.I)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_DISC = frozenset({"disc_bulge", "disc_protrusion", "disc_extrusion", "disc_sequestration"})
_HEADING_CHARS = 80  # a report's heading is a short line
_HEADING_TAIL = re.compile(r"\s+[—–-]+\s+|\s*\(")  # what a heading line says after its heading
_COMPARED = re.compile(r"\b(?:compared|comparison)\b", re.I)
_ON_SCAN = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:on|at|in)\s+(?:the\s+|an?\s+|her\s+|his\s+)?$", re.I)
_BLANK = re.compile(r"\n[ \t]*\n")
# a report's own parts, which go on after a blank line ("Indication: ...\n\nFindings: ...")
_REPORT_PART = re.compile(
    r"[ \t\n]*(?:findings|impression|conclusions?|comments?|opinion|summary|technique|report|result)\s*:",
    re.I,
)
_STATEMENT = re.compile(r"[.;](?=\s|$)|\n")
_EARLIER_EPISODE = re.compile(
    r"\b(?:MRI|CT|scan|x[\s-]*ray|imaging|films?)\b[^.\n]{0,80}\b(?:previous|earlier|prior|last|old)\s+episode"
    r"|\b(?:MRI|CT|scan|x[\s-]*ray|imaging|films?)\b[^.\n]{0,80}\bepisode\b[^.\n]{0,60}\b(?:settled|resolved|ago)\b",
    re.I,
)
# words that introduce a report's own wording, and how far back its scan may have been named
_QUOTED = re.compile(
    r"\b(?:report|letter|results?|it|scan|radiologist)\s+(?:\w+\s+)?(?:says|said|reads|read|states|stated|"
    r"showed|shows|mentions|mentioned)\b[^\n]{0,12}?[\"“‘']",
    re.I,
)
_QUOTE_REACH = 300
_VERB_ITSELF = re.compile(r"(?:touching|pressing|pushing|squashing|pinching)\b", re.I)
_LEVEL_JOIN = re.compile(r"^\s*(?:,|and|&|\+|/)?\s*(?:and\s+)?$", re.I)
_LEVEL_LEAD = re.compile(r"^\s*(?:at|of|from|in|on|involving|affecting)?\s*(?:the\s+)?(?:levels?\s+)?$", re.I)


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    modality: str


def possible(found: Found, sections: Sections) -> bool:
    """Could the text hold a scan's findings: finding words, and a scan named or an imaging section?"""
    return bool(found["imaging"]) and (bool(found["scans"]) or "imaging" in sections.kinds)


def read_imaging(text: str, found: Found, parsed: Parsed, sections: Sections) -> list[dict[str, Any]]:
    """The current scans' findings, one per (scan, finding, level)."""
    if not possible(found, sections):
        return []
    blocks = _blocks(text, sections)
    out: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    prev_end = 0
    old = _old_scan_said(text)
    for m in found["imaging"]:
        after, prev_end = prev_end, m.end
        if m.flags.negated or m.flags.uncertain or dropped(m):
            continue
        block = next((b for b in blocks if b.start <= m.start < b.end), None)
        modality = _modality(text, m, block, old)
        if modality is None or _reason_line(text, m.start):
            continue
        for item in _findings(text, m, modality, after, in_block=block is not None):
            key = (item["modality"], item["finding"], item.get("level"))
            out[key] = {**item, **out[key]} if key in out else item
    items = [i for i in out.values() if i["finding"] != "normal"] or list(out.values())[:1]
    return [i for i in items if _valid(i)]


def _valid(item: dict[str, Any]) -> bool:
    try:
        ImagingFinding.model_validate(item)
    except ValidationError:
        return False  # a level the case does not know ("L6"): the finding is still read without it
    return True


def _blocks(text: str, sections: Sections) -> list[_Block]:
    """Report blocks: from a heading line that names a scan to the next blank line; imaging sections."""
    out: list[_Block] = []
    pos = 0
    old = _old_scan_said(text)
    for line in text.splitlines(keepends=True):
        kind = _heading(line, old) or _title_sentence(line, old)
        if kind:
            blank = _BLANK.search(text, pos)
            while blank is not None and _REPORT_PART.match(text, blank.end()):
                blank = _BLANK.search(text, blank.end())
            out.append(_Block(pos, blank.start() if blank else len(text), kind))
        pos += len(line)
    for start, kind, end in zip(
        sections.starts, sections.kinds, [*sections.starts[1:], len(text)], strict=True
    ):
        if kind == "imaging":
            out.append(_Block(start, end, _kind_in(text[start:end]) or "mri"))
    return out


def _heading(line: str, old: bool) -> str | None:
    """The scan a report's heading line names ("MRI LUMBAR SPINE", "LUMBAR SPINE X-RAY (AP + LAT)"), if current.

    The heading is the line's lead, up to a dash or bracket: "EMERGENCY MRI L/S SPINE — requested by ED 21:05"
    heads a report, and "MRI REQUESTED — awaiting slot" names a scan not yet done."""
    stripped = line.strip()
    lead = _HEADING_TAIL.split(stripped, maxsplit=1)[0]
    if not lead or len(lead) > _HEADING_CHARS or len(stripped) > 2 * _HEADING_CHARS or stripped.endswith("."):
        return None
    kind = _kind_in(lead)
    if kind is None or (lead.upper() != lead and _kind_at_start(lead) is None):
        return None
    lexicon = load_lexicon().imaging
    if lexicon["planned"][0][1].search(lead):
        return None
    compared = _COMPARED.split(stripped)[0]  # "compared with MRI of 2016" dates the older scan
    if old and lexicon["old"][0][1].search(compared):
        return None
    return kind


# a scan's title said as a sentence of its own at the start of a line ("MRI lumbar spine. L4-5 disc protrusion
# ..."): the scan and where, nothing else (not "MRI was normal.", not "MRI requested.")
_TITLE = re.compile(
    r"\s*(?P<title>(?:(?:urgent|emergency|repeat|new|today['’]?s)\s+)?(?:MRI|MR|CT|x[\s-]*ray|XR|radiograph)"
    r"(?:\s+(?:of|the|whole|full|lumbar|lumbosacral|thoracic|thoracolumbar|cervical|spine|L[\s/-]*S|L[\s-]*spine|"
    r"T[\s-]*spine|sacrum|pelvis|scan|with|without|contrast|gadolinium|and|&|\+))*)\.\s+(?=\S)",
    re.I,
)


def _title_sentence(line: str, old: bool) -> str | None:
    m = _TITLE.match(line)
    return _heading(m.group("title"), old) if m is not None else None


def _old_scan_said(text: str) -> bool:
    """Does the text say a dated scan was for an earlier episode ("the 2016 scan was for a previous episode")?"""
    return _EARLIER_EPISODE.search(text) is not None


def _kind_at_start(line: str) -> str | None:
    stripped = line.lstrip(" \t*#-")
    for kind, regex in load_lexicon().imaging["modality"]:
        m = regex.match(stripped)
        if m is not None:
            return kind
    return None


def _kind_in(text: str) -> str | None:
    best: tuple[int, str] | None = None
    for kind, regex in load_lexicon().imaging["modality"]:
        m = regex.search(text)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best else None


def _line(text: str, pos: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, hi if hi >= 0 else len(text)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    lo, hi = _line(text, pos)
    before = [m.end() for m in _STATEMENT.finditer(text, lo, pos)]
    after = _STATEMENT.search(text, pos, hi)
    return (before[-1] if before else lo), (after.start() if after else hi)


def _modality(text: str, m: Mention, block: _Block | None, old: bool) -> str | None:
    """The scan a finding was seen on; None when it is not a finding of a current scan."""
    lexicon = load_lexicon().imaging
    lo, _ = _line(text, m.start)
    if block is not None:
        return _last_kind(text, lo, m.start) or block.modality
    # outside a report: the sentence must give the result of a current scan ("the MRI showed ...")
    s_lo, s_hi = _sentence(text, m.start)
    if old and lexicon["old"][0][1].search(text, s_lo, s_hi):
        return None
    before = _last_kind_match(text, s_lo, m.start)
    results = lexicon["results"][0][1]
    given = before is not None and (
        results.search(text, before[0], m.start) or ":" in text[before[0] : m.start]
    )
    if (
        before is not None
        and given
        and (
            not lexicon["planned"][0][1].search(text, s_lo, before[0]) or results.search(text, s_lo, m.start)
        )
    ):
        return before[1]
    after = _first_kind_match(text, m.end, min(s_hi, m.end + 40))
    if after is not None and _ON_SCAN.match(text[m.end : after[0]]):
        return after[1]
    # a report quoted in a person's words: 'I had an MRI on Tuesday ... It says "large disc extrusion ..."'
    if _QUOTED.search(text, s_lo, m.start):
        earlier = _last_kind_match(text, max(0, s_lo - _QUOTE_REACH), s_lo)
        if earlier is not None and not lexicon["old"][0][1].search(text, earlier[0], s_lo):
            return earlier[1]
    return None


def _last_kind_match(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """Where the last scan named before `hi` ends, and its kind."""
    best: tuple[int, str] | None = None
    for kind, regex in (*load_lexicon().imaging["modality"], *load_lexicon().imaging["generic"]):
        for m in regex.finditer(text, lo, hi):
            if best is None or m.end() > best[0]:
                best = (m.end(), kind)
    return best


def _first_kind_match(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for kind, regex in (*load_lexicon().imaging["modality"], *load_lexicon().imaging["generic"]):
        m = regex.search(text, lo, hi)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best


def _last_kind(text: str, lo: int, hi: int) -> str | None:
    best: tuple[int, str] | None = None
    for kind, regex in load_lexicon().imaging["modality"]:
        for m in regex.finditer(text, lo, hi):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best[1] if best else None


def _reason_line(text: str, pos: int) -> bool:
    lo, _ = _line(text, pos)
    return load_lexicon().imaging["not_findings"][0][1].match(text[lo:pos].lstrip(" \t*-")) is not None


def _findings(text: str, m: Mention, modality: str, prev_end: int, *, in_block: bool) -> list[dict[str, Any]]:
    """The finding at each of its levels ("bulges at L3-L4, L4-L5 and L5-S1" is three findings)."""
    item = _finding(text, m, modality, prev_end, in_block=in_block)
    s_lo, s_hi = _sentence(text, m.start)
    lo = _line(text, m.start)[0] if in_block else s_lo  # in a report, "L4-5:" heads its whole line
    levels = (
        _levels_after(text, m.end, s_hi) or _levels_before(text, lo, m.start) or _any_after(text, m.end, s_hi)
    )
    items = [{**item, "level": level} for level in levels] if levels else [item]
    if "compresses" not in item and _OCCUPIES.search(text, m.end, s_hi):
        # a mass filling most of the canal presses on what runs in it: the cord above L1, the cauda equina below
        for one in items:
            one["compresses"] = (
                "cord" if str(one.get("level", "L")).startswith(("C", "T")) else "cauda_equina"
            )
    return items


def _finding(text: str, m: Mention, modality: str, prev_end: int, *, in_block: bool) -> dict[str, Any]:
    finding = m.entry.kind or "normal"
    item: dict[str, Any] = {"modality": modality, "finding": finding}
    s_lo, s_hi = _sentence(text, m.start)
    colon = text.rfind(":", s_lo, m.start)
    window = text[max(s_lo, colon + 1, prev_end, m.start - 60) : m.start]
    side = next((s for s, rx in _SIDES if rx.search(window + " " + m.text)), None)
    if (
        side is None
        and _CENTRAL.search(window + " " + m.text)
        and (finding in _DISC or finding == "central_stenosis")
    ):
        side = "central"
    if side:
        item["side"] = side
    if finding in _DISC:
        zone = _zone(window + " " + m.text, side)
        if zone:
            item["zone"] = zone
    if finding == "spondylolisthesis":
        g = _GRADE.search(text, s_lo, s_hi)
        if g:
            raw = g.group("g").upper()
            item["grade"] = _ROMAN.get(raw) or int(raw)
    # a finding told by its verb ("disc touching the S1 nerve") presses on what follows it
    pressed = _compresses(text, m.start if _VERB_ITSELF.match(m.text) else m.end, s_hi)
    if pressed:
        item["compresses"] = pressed
    return item


def _zone(words: str, side: str | None) -> str | None:
    """The zone named with the side ("left foraminal and extraforaminal" is foraminal), else the last named."""
    found: list[tuple[int, str]] = []
    for zone, regex in load_lexicon().imaging["zone"]:
        found.extend((m.start(), zone) for m in regex.finditer(words))
    if not found:
        return None
    found.sort()
    if side in ("left", "right"):
        at = re.search(rf"\b{side}\s+", words, re.I)
        if at is not None:
            own = [z for pos, z in found if pos == at.end()]
            if own:
                return own[0]
    return found[-1][1]


def _level(m: re.Match[str]) -> str:
    a, an, b, bn = m.group("a"), m.group("an"), m.group("b"), m.group("bn")
    if bn is None:
        return f"{a}{an}".upper()
    return f"{a}{an}-{b or a}{bn}".upper()


def _levels_before(text: str, lo: int, pos: int) -> list[str]:
    """The last level (or list of levels: "L3-4 and L4-5:") written before a finding on its line."""
    found = list(_LEVEL.finditer(text, lo, pos))
    if not found:
        return []
    group = [found[-1]]
    for m in reversed(found[:-1]):
        if not _LEVEL_JOIN.match(text[m.end() : group[0].start()]):
            break
        group.insert(0, m)
    return [_level(m) for m in group]


def _levels_after(text: str, pos: int, hi: int) -> list[str]:
    """Levels written just after a finding ("at L3-L4, L4-L5 and L5-S1")."""
    out: list[re.Match[str]] = []
    for m in _LEVEL.finditer(text, pos, hi):
        gap = text[out[-1].end() if out else pos : m.start()]
        if not (_LEVEL_JOIN.match(gap) if out else _LEVEL_LEAD.match(gap)):
            break
        out.append(m)
    return [_level(m) for m in out]


def _any_after(text: str, pos: int, hi: int) -> list[str]:
    m = _LEVEL.search(text, pos, hi)
    return [_level(m)] if m else []


def _compresses(text: str, pos: int, hi: int) -> str | None:
    """What a verb after the finding presses on, within its sentence ("displacing the left S1 root", "the
    cord compressed")."""
    verbs = load_lexicon().imaging["compresses"][0][1]
    for v in verbs.finditer(text, pos, hi):
        if _NEGATED_VERB.search(text, max(pos, v.start() - 45), v.start()):
            continue
        r = _ROOT.search(text, v.end(), min(hi, v.end() + 60))
        if r is None:
            before = [b for b in _ROOT.finditer(text, max(pos, v.start() - 40), v.start())]
            if not before or not re.fullmatch(
                r"\s*(?:(?:is|was|are|were)\s+)?", text[before[-1].end() : v.start()]
            ):
                continue
            r = before[-1]
        if r.group("root"):
            return r.group("root").upper()
        return "cauda_equina" if r.group("ce") else "cord"
    return None
