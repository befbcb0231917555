"""An examination charted in a table with a column per side, read row by row and cell by cell.

    Test     | R               | L                      R        L
    SLR      | 40°, +ve        | 85°, -ve      SLR      80 -ve   40 +ve
    AJ       | ↓               | N             KJ / AJ  N / N    N / ↓

Read as a whole, such a table gives a sign the side nearest in the text, which is the wrong one half the time.
Each cell is instead read with its row's label ("SLR 40°, +ve", "AJ ↓"), by the same reader, and what is read
is the column's side; "KJ / AJ" over "N / ↓" is two rows. Grades in these tables are tables.py's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from nerveroot.case import SIDES as SIDES_OF_A_CASE
from nerveroot.text.compose import Contribution
from nerveroot.text.tables import SIDES, Cell

_SIDED = frozenset({*SIDES_OF_A_CASE, "unknown"})  # the sides a case path can have
_EMPTY = re.compile(r"[-–—/?*.\s]*|n/?a|NT|not\s+(?:tested|done|assessed)", re.I)
_NORMAL = re.compile(r"(?-i:N)|NAD|WNL|nml|normal|intact|=", re.I)
_BRACKETED = re.compile(r"\s*\([^)]*\)")
_PARTS = re.compile(r"\s+/\s+")


@dataclass(frozen=True)
class _Piece:
    """A run of the made-up line and where its words are in the text (`exact`: character for character)."""

    lo: int
    hi: int
    start: int
    end: int
    exact: bool


def table_rows(
    charts: list[list[list[Cell]]],
    contributions: list[Contribution],
    read: Callable[[str], Sequence[Contribution]],
) -> list[Contribution]:
    """The findings of side-column tables (`charts`: the text's tables.grids), in place of what was read from
    their rows as prose; `read` is the reader's own (for a line of its label and one cell)."""
    for grid in charts:
        sides = [SIDES.get(c.text.strip().lower()) for c in grid[0]]
        if {s for s in sides[1:] if s} != {"left", "right"}:
            continue
        lines: list[str] = []
        pieces: list[list[_Piece]] = []
        owners: list[str] = []
        at = 0
        for row in grid[1:]:
            for k, cell in enumerate(row[1:], start=1):
                side = sides[k] if k < len(sides) else None
                if side is None:
                    continue
                for label, value in _pairs(row[0], cell):
                    line, made = _line(label, value, at)
                    lines.append(line)
                    pieces.append(made)
                    owners.append(side)
                    at += len(line) + 1
        if not lines:
            continue
        lo, hi = grid[1][0].start, grid[-1][-1].end
        contributions = [c for c in contributions if not all(lo <= s and e <= hi for s, e in c.spans)]
        starts = [p[0].lo for p in pieces]
        for c in read("\n".join(lines)):
            parts = c.path.split(".")
            if len(parts) < 3 or parts[1] not in _SIDED:
                continue  # only what a side's column can say
            k = bisect.bisect_right(starts, c.spans[0][0]) - 1 if c.spans else 0
            parts[1] = owners[k]
            spans = [_back(pieces[k], s, e) for s, e in c.spans]
            contributions.append(replace(c, path=".".join(parts), spans=spans))
    return contributions


def _pairs(label: Cell, cell: Cell) -> list[tuple[Cell, Cell]]:
    """ "KJ / AJ" over "N / ↓": two label-and-value pairs; anything else, one (none for an empty cell)."""
    if _EMPTY.fullmatch(cell.text.strip()):
        return []
    names, values = _split(label), _split(cell)
    if len(names) > 1 and len(names) == len(values):
        return [(n, v) for n, v in zip(names, values, strict=True) if not _EMPTY.fullmatch(v.text.strip())]
    return [(label, cell)]


def _split(cell: Cell) -> list[Cell]:
    out, pos = [], cell.start
    for part in _PARTS.split(cell.text):
        at = cell.text.find(part, pos - cell.start) + cell.start
        out.append(Cell(part, at, at + len(part)))
        pos = at + len(part)
    return out


def _line(label: Cell, value: Cell, at: int) -> tuple[str, list[_Piece]]:
    """ "SLR 40°, +ve.": the row's label (without its brackets: "PF (MRC)") and the cell, with "N" said as
    "normal"; each piece remembers where it came from."""
    name = _BRACKETED.sub("", label.text).strip()
    said = value.text.strip()
    exact = not _NORMAL.fullmatch(said)
    if not exact:
        said = "normal"
    name_at = label.start + label.text.find(name[:1]) if name else label.start
    said_at = value.start + len(value.text) - len(value.text.lstrip())
    line = f"{name} {said}."
    return line, [
        _Piece(at, at + len(name), name_at, name_at + len(name), name == label.text.strip()),
        _Piece(at + len(name) + 1, at + len(line), said_at, said_at + len(value.text.strip()), exact),
    ]


def _back(pieces: list[_Piece], lo: int, hi: int) -> tuple[int, int]:
    """A span of the made-up line as a span of the text: the words it covers, as near as they can be told."""
    first = next((p for p in pieces if lo < p.hi), pieces[-1])
    last = next((p for p in reversed(pieces) if hi > p.lo), pieces[0])
    start = first.start + (lo - first.lo if first.exact and lo >= first.lo else 0)
    end = last.start + (hi - last.lo) if last.exact and hi <= last.hi else last.end
    return start, max(min(end, last.end), start)
