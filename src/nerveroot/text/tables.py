"""Strength charted in a table: a row per movement, a column per side or per examination; or in a line under a
pair of sides ("Motor R/L: hip flex 4/4, ankle DF 2/3": right 2, left 3).

    | Movement      | Right | Left |        | R   | IA | Today |
    |---------------|-------|------|        |-----|----|-------|
    | Ankle DF      | 3     | 5    |        | EHL | 4  | 3     |

A column headed by a side holds that side's grades; columns headed by examinations (an initial assessment,
"today") hold one side's grades over time, the side named in the corner cell: the last is today's, and a
grade lower than the first is weakness getting worse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from nerveroot.case import grade_value
from nerveroot.text.compose import Contribution, mrc
from nerveroot.text.mentions import Found

_LINE = re.compile(r"^.*$", re.MULTILINE)
SIDES = {"r": "right", "rt": "right", "right": "right", "l": "left", "lt": "left", "left": "left"}
_THEN = re.compile(
    r"^(?:IA|Ax\b|assess\w*|Rv\b|R/v\b|initial|first|1st|previous|prev\.?|before|then|baseline|last|\d+/\d+\s+ago|"
    r"(?:week|wk)\s*\d+)",
    re.I,
)
_NOW = re.compile(r"^(?:today|now|current|this\s+(?:visit|review)|review|latest)", re.I)
_GRADE = re.compile(r"([0-5])\s*([+-]?)\s*(?:/\s*5)?")


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


def table_grades(charts: list[list[list[Cell]]], found: Found) -> Iterator[Contribution]:
    """Weakness findings (and weakness getting worse) from tables of grades (`charts`: the text's `grids`)."""
    for grid in charts:
        header = grid[0]
        heads = [c.text.strip().lower() for c in header]
        sides = [SIDES.get(h) for h in heads]
        then = next((k for k, c in enumerate(header) if k and _THEN.match(c.text.strip())), None)
        now = next(
            (k for k, c in reversed(list(enumerate(header))) if k and _NOW.match(c.text.strip())), None
        )
        corner = SIDES.get(heads[0]) if heads else None
        for cells in grid[1:]:
            if not cells or set(cells[0].text) <= set("-: "):
                continue  # the line under the header
            movement = next(
                (m for m in found["movements"] if cells[0].start <= m.start < cells[0].end and m.entry.value),
                None,
            )
            if movement is None:
                continue
            where = f"weakness.{{}}.{movement.entry.value}"
            own = corner or _row_side(cells[0].text)
            for k, cell in enumerate(cells[1:], start=1):
                grade = _grade(cell.text)
                side = sides[k] if k < len(sides) else None
                if grade is not None and side is not None:
                    yield Contribution(
                        where.format(side), grade, [(movement.start, movement.end), (cell.start, cell.end)]
                    )
            if own is None or now is None or now >= len(cells):
                continue
            today = _grade(cells[now].text)
            if today is None:
                continue
            yield Contribution(
                where.format(own),
                today,
                [(movement.start, movement.end), (cells[now].start, cells[now].end)],
            )
            if then is None or then >= len(cells):
                continue
            before = _grade(cells[then].text)
            if before is not None and grade_value(today) < grade_value(before):
                yield Contribution(
                    "history.progressive_weakness", True, [(cells[then].start, cells[now].end)]
                )


def grids(text: str) -> list[list[list[Cell]]]:
    """Every table in the text, barred or lined up by spaces: rows of cells, the header first."""
    return _barred(text) + _aligned(text)


def _barred(text: str) -> list[list[list[Cell]]]:
    """Runs of consecutive lines parted into cells by "|", with or without a bar at each end ("| EHL | 4 | 5 |",
    "EHL | 4 | 5"), each line with as many cells as the first."""
    grids: list[list[list[Cell]]] = []
    if "|" not in text:
        return grids
    last_end = -2
    for line in _LINE.finditer(text):
        cells = _cells(line) if "|" in line.group() else []
        if len(cells) < 3:
            last_end = -2
            continue
        if grids and line.start() == last_end + 1 and len(cells) == len(grids[-1][0]):
            grids[-1].append(cells)
        else:
            grids.append([cells])
        last_end = line.end()
    return [g for g in grids if len(g) >= 2]


# a column lined up by spaces: two or more, or a tab, part the cells of a line
_GAP = re.compile(r"[ ]{2,}|\t+")
_DATED_HEAD = re.compile(r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$")


def _aligned(text: str) -> list[list[list[Cell]]]:
    """Tables lined up by spaces, one column per examination ("            IA 12/05   R/v   Today" over
    "DF L        5          4     3") or per side ("Neuro:   R   L" over "Knee ext   3   4"): a header naming
    today's column and an earlier one, or both sides, then the rows that have as many cells as it has, each a
    movement and its grades."""
    grids: list[list[list[Cell]]] = []
    if "  " not in text and "\t" not in text:
        return grids  # no column lined up anywhere (most texts)
    lines = list(_LINE.finditer(text))
    k = 0
    while k < len(lines):
        header, head_at = _spaced(lines[k]), lines[k].start()
        heads = [c.text for c in header[1:]]
        timed = any(_NOW.match(h) for h in heads) and any(
            _THEN.match(h) or _DATED_HEAD.match(h) for h in heads
        )
        sided = {SIDES.get(h.strip().lower()) for h in heads} == {"left", "right"}
        if not (len(header) >= 3 and (timed or sided)):
            k += 1
            continue
        grid = [[replace(c, text="ia") if _DATED_HEAD.match(c.text) else c for c in header]]
        k += 1
        while k < len(lines):
            cells = _spaced(lines[k])
            if len(cells) != len(header):
                break
            # a row of grades, or one whose cells stand under the header's ("SLR   80 -ve   40 +ve"); not a line
            # that happens to have as many cells ("KJ ++/++  AJ ++/++  Plantars ↓ bilat.")
            if all(_grade(c.text) is None for c in cells[1:]) and not _under(
                header, head_at, cells, lines[k].start()
            ):
                break
            grid.append(cells)
            k += 1
        if len(grid) > 1:
            grids.append(grid)
    return grids


def _under(header: list[Cell], head_at: int, cells: list[Cell], row_at: int) -> bool:
    """Does each cell after the first overlap its header cell's column (give or take two characters)?"""
    return all(
        c.start - row_at < h.end - head_at + 2 and h.start - head_at - 2 < c.end - row_at
        for c, h in zip(cells[1:], header[1:], strict=True)
    )


def _spaced(line: re.Match[str]) -> list[Cell]:
    """A line's cells, parted by runs of spaces; a line that opens with spaces has an empty first cell."""
    cells: list[Cell] = []
    pos = line.start()
    end = line.end()
    indent = re.match(r"[ \t]*", line.group()).end()  # type: ignore[union-attr]
    if indent >= 2:
        cells.append(Cell("", pos, pos))
    pos += indent
    for gap in _GAP.finditer(text := line.string, pos, end):
        if gap.start() > pos:
            cells.append(Cell(text[pos : gap.start()], pos, gap.start()))
        pos = gap.end()
    stripped = text[pos:end].rstrip()
    if stripped:
        cells.append(Cell(stripped, pos, pos + len(stripped)))
    return cells


def _row_side(label: str) -> str | None:
    """The side a row's own label names ("DF L", "R EHL"), when the corner names none."""
    words = re.findall(r"[A-Za-z]+", label)
    sides = {SIDES[w.lower()] for w in words if w.lower() in SIDES and (len(w) > 1 or w.isupper())}
    return sides.pop() if len(sides) == 1 else None


def _cells(line: re.Match[str]) -> list[Cell]:
    """A line's cells between its bars; the empty ends of "| a | b |" are not cells."""
    out: list[Cell] = []
    pos = line.start()
    for part in line.group().split("|"):
        out.append(Cell(part, pos, pos + len(part)))
        pos += len(part) + 1
    written = line.group().strip()
    if written.startswith("|"):
        out.pop(0)
    if written.endswith("|") and len(out) > 1:
        out.pop()
    return out


def _grade(cell: str) -> int | str | None:
    m = _GRADE.fullmatch(cell.strip())
    return None if m is None else mrc(m.group(1) + m.group(2))


# "Motor R/L:", "Power (L/R)", "Myotomes R | L:": the grades that follow on the line come in pairs, one per side, in
# that order
_PAIRED_HEAD = re.compile(
    r"(?:\b|\()(?P<a>right|left|(?-i:R|L|Rt|Lt))\s*[/|]\s*(?P<b>right|left|(?-i:R|L|Rt|Lt))\b\s*\)?\s*:", re.I
)
# "4/5" under "R/L", "4 | 5" under "R | L" (the bar: not a grade out of five)
_PAIR = re.compile(
    r"(?<![\d/.])([0-5][+-]?)\s*/\s*([0-5][+-]?)(?![\d/.])|(?<![\d/.|])([0-5][+-]?)\s*\|\s*([0-5][+-]?)(?![\d/.|])"
)
_LINE_END = re.compile(r"\n|\.(?:\s|$)")
_PAIR_REACH = 20  # characters between a movement and its pair of grades


def with_pairs(text: str, found: Found, contributions: list[Contribution]) -> list[Contribution]:
    """The weakness read from lines of grade pairs under a pair of sides; where the pairs are barred, in place of
    what was read there before: in "Myotomes R | L: quads 4 | 5" a grade is half a pair, not the nearest side's."""
    lines = []
    for head in _PAIRED_HEAD.finditer(text):
        stop = _LINE_END.search(text, head.end())
        end = stop.start() if stop else len(text)
        # "4 | 5": the bare grades are the pairs' ("5/5 and 3/5" is not)
        if any(p.group(1) is None for p in _PAIR.finditer(text, head.end(), end)):
            lines.append((head.start(), end))
    if not lines:
        return [*contributions, *paired_grades(text, found)]
    kept = [
        c for c in contributions
        if not (c.path.startswith("weakness.") and any(lo < e and s < hi for s, e in c.spans for lo, hi in lines))
    ]  # fmt: skip
    return kept + list(paired_grades(text, found))


def paired_grades(text: str, found: Found) -> Iterator[Contribution]:
    """Weakness findings from a line of grade pairs under a pair of sides."""
    for head in _PAIRED_HEAD.finditer(text):
        first, second = SIDES[head.group("a").lower()], SIDES[head.group("b").lower()]
        if first == second:
            continue
        stop = _LINE_END.search(text, head.end())
        end = stop.start() if stop else len(text)
        movements = [m for m in found["movements"] if head.end() <= m.start < end and m.entry.value]
        for k, m in enumerate(movements):
            limit = min(m.end + _PAIR_REACH, movements[k + 1].start if k + 1 < len(movements) else end)
            pair = _PAIR.search(text, m.end, limit)
            if pair is None:
                continue
            spans = [(m.start, m.end), (pair.start(), pair.end())]
            barred = pair.group(1) is None
            for side, grade in (
                (first, pair.group(3 if barred else 1)),
                (second, pair.group(4 if barred else 2)),
            ):
                value = mrc(grade)
                if value is not None:
                    yield Contribution(f"weakness.{side}.{m.entry.value}", value, spans)
