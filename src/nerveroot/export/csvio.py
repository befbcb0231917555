"""CSV in and out for ``nerveroot batch``: one column per case field, one row of flattened results per case.

Columns are the case paths of export/schema.py (``age``, ``history.fever``, ``pain.left``,
``weakness.left.ankle_dorsiflexion``); lists are ``;``-separated; ``imaging`` holds scan findings as
``key=value`` words, ``;`` between findings; ``unsure`` the paths answered "not sure"; ``not_sure`` in a
yes/no warning-sign cell means the same. A blank cell is "not asked", never "no". ``text`` holds free text
(alone on its row); ``id`` is copied to the output so rows can be matched. docs/interoperability.md lists them.

A bad value gives an error row naming its line and column, and the other rows are still assessed. A column
nobody knows is named in an error row for line 1; a row with something in that column is not assessed (its
answer cannot be read, and a blank is safer than a guess), while rows that leave it blank are.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from nerveroot.assessment import Assessment
from nerveroot.case import put_value_at
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.errors import BadInput, NerverootError, Problem
from nerveroot.export.schema import Field, case_fields

LIST_SEPARATOR = ";"
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
_NOT_SURE = {"not_sure", "not sure", "unsure"}
SPECIAL = ("id", "text", "imaging", "unsure")
TOP_ROOTS = 3
TOP_CAUSES = 2


@cache
def input_columns() -> dict[str, Field | None]:
    """Every column a case CSV may have, in the case's order; ``None`` for id, text, imaging and unsure."""
    out: dict[str, Field | None] = {"id": None, "text": None}
    for top in case_fields():
        if top.path in ("imaging", "unsure"):
            out[top.path] = None
            continue
        for leaf in top.leaves():
            out[leaf.path] = leaf
    return out


def output_columns() -> list[str]:
    cols = ["line", "id", "error", "column", "triage.level", "triage.headline", "triage.timeframe",
            "triage.rules", "pattern.label", "pattern.probability"]  # fmt: skip
    for i in range(1, TOP_ROOTS + 1):
        cols += [f"roots.{i}.root", f"roots.{i}.side", f"roots.{i}.probability"]
    for i in range(1, TOP_CAUSES + 1):
        cols += [f"causes.{i}.cause", f"causes.{i}.probability"]
    return [*cols, "mimics", "codes", "codes.unverified", "unresolved", "not_asked", "recognised", "message"]


@dataclass
class Row:
    """One data row: its line in the file, its cells by column, and what was wrong while reading it."""

    line: int
    cells: dict[str, str]
    problems: list[Problem]


# ------------------------------------------------------------------------------------------------ reading
def _cell(field: Field, text: str, case: dict[str, Any]) -> Any:
    """The case value of one cell; a "not sure" is added to the case's unsure list and gives no value."""
    low = text.strip().lower()
    if field.kind == "boolean":
        if low in _TRUE or low in _FALSE:
            return low in _TRUE
        if low in _NOT_SURE and field.path.split(".")[0] in ("history", "exam"):
            case.setdefault("unsure", []).append({"finding": field.path})
            return None
        raise ValueError("expected true or false (yes/no), or not_sure for a warning sign")
    if field.kind == "decimal":
        return float(low)
    if field.kind == "integer":
        number = float(low)
        if not number.is_integer():
            raise ValueError("expected a whole number")
        return int(number)
    if field.grade:
        return True if low in ("weak", "true") else text.strip()
    if field.repeats:
        return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]
    if field.kind == "choice":
        return low
    return text.strip()


_PAIR = re.compile(r"([a-z_]+)\s*=\s*([^\s,]+)")


def _imaging(text: str) -> list[dict[str, Any]]:
    """``modality=mri finding=disc_extrusion level=L4-L5 side=left; modality=xray finding=spondylolisthesis grade=1``"""
    out = []
    for part in text.split(LIST_SEPARATOR):
        if not part.strip():
            continue
        pairs = _PAIR.findall(part)
        leftover = _PAIR.sub("", part).replace(",", " ").strip()
        if leftover or not pairs:
            raise ValueError(
                f"expected key=value words such as 'modality=mri finding=disc_bulge', got {part.strip()!r}"
            )
        item: dict[str, Any] = {k: (int(v) if k == "grade" and v.isdigit() else v) for k, v in pairs}
        out.append(item)
    return out


def case_of(row: Row) -> dict[str, Any] | None:
    """The row as a case (or ``{"text": ...}``); problems are added to ``row.problems``."""
    columns = input_columns()
    case: dict[str, Any] = {}
    for column, text in row.cells.items():
        if not text.strip() or column == "id":
            continue
        field = columns.get(column)
        try:
            if column == "text":
                continue
            if column == "imaging":
                case["imaging"] = _imaging(text)
            elif column == "unsure":
                items = [{"finding": p.strip()} for p in text.split(LIST_SEPARATOR) if p.strip()]
                case.setdefault("unsure", []).extend(items)
            elif field is not None:
                value = _cell(field, text, case)
                if value is not None:
                    put_value_at(case, column, value)
        except ValueError as exc:
            message = str(exc) if "expected" in str(exc) else f"expected {_expected(field)}"
            row.problems.append(Problem(column, message, text))
    text = row.cells.get("text", "").strip()
    if text:
        others = [c for c, v in row.cells.items() if v.strip() and c not in ("id", "text")]
        row.problems += [
            Problem(c, "a row with text has no other answers; put them in the text", None) for c in others
        ]
        return {"text": text}
    return case


def _expected(field: Field | None) -> str:
    if field is None:
        return "a known column"
    return {"decimal": "a number", "integer": "a whole number"}.get(field.kind, "a valid value")


def read_rows(text: str, source: str) -> tuple[list[Problem], Iterator[Row]]:
    """(problems with the header, the data rows). An empty file or one without a header is refused."""
    if not text.strip():
        raise BadInput(
            f"{source} is empty",
            [Problem(source, "expected a header row of case columns, then one case per row")],
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise BadInput(f"{source} is not a readable CSV", [Problem("line 1", str(exc))]) from None
    known = input_columns()
    seen: set[str] = set()
    bad: list[Problem] = []
    for i, name in enumerate(header, start=1):
        if name in seen:
            bad.append(Problem(name, f"column {i} repeats a column given before; only the first is read"))
        elif name not in known:
            bad.append(Problem(name or f"column {i}", _unknown(name)))
        seen.add(name)
    if not any(name in known for name in header):
        raise BadInput(
            f"{source} has no case columns",
            [*bad, Problem("line 1", "expected a header such as 'age,sex,pain.left,history.fever'")],
        )
    return bad, _rows(reader, header, known, {p.path for p in bad})


def _unknown(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(input_columns()), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"is not a case column (docs/interoperability.md lists them){hint}"


def _rows(reader: Any, header: Sequence[str], known: Mapping[str, Any], bad: set[str]) -> Iterator[Row]:
    first_seen: dict[str, int] = {}
    for i, name in enumerate(header):
        first_seen.setdefault(name, i)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Row(reader.line_num, {}, [Problem("line", f"not readable as CSV: {exc}")])
            continue
        if not any(c.strip() for c in cells):
            continue
        row = Row(reader.line_num, {}, [])
        for i, value in enumerate(cells):
            if i >= len(header):
                if value.strip():
                    row.problems.append(
                        Problem(f"column {i + 1}", "has no header: a cell beyond the last column", value)
                    )
                continue
            name = header[i]
            if name in bad or first_seen[name] != i:
                if value.strip():
                    row.problems.append(
                        Problem(name or f"column {i + 1}", "cannot be read: the column is not known", value)
                    )
                continue
            row.cells[name] = value
        yield row


# ------------------------------------------------------------------------------------------------ writing
def _p(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _short_systems() -> dict[str, str]:
    return {uri: key for key, uri in load_knowledge().codes.systems.items()}


def result_row(line: int, row_id: str, a: Assessment) -> dict[str, str]:
    """An assessment flattened to the output columns."""
    short = _short_systems()
    out = {"line": str(line), "id": row_id, "triage.level": a.triage.level, "triage.headline": a.triage.headline,
           "triage.timeframe": a.triage.timeframe, "triage.rules": LIST_SEPARATOR.join(a.triage.rules),
           "pattern.label": a.pattern.label, "pattern.probability": _p(a.pattern.probability)}  # fmt: skip
    for i, r in enumerate(a.roots[:TOP_ROOTS], start=1):
        out |= {
            f"roots.{i}.root": r.root,
            f"roots.{i}.side": r.side,
            f"roots.{i}.probability": _p(r.probability),
        }
    for i, c in enumerate(a.causes[:TOP_CAUSES], start=1):
        out |= {f"causes.{i}.cause": c.cause, f"causes.{i}.probability": _p(c.probability)}
    named = [f"{short.get(c.system, c.system)}:{c.code}" for c in a.codes]
    unverified = [n for n, c in zip(named, a.codes, strict=True) if not c.verified]
    out |= {
        "mimics": LIST_SEPARATOR.join(m.mimic for m in a.mimics),
        "codes": LIST_SEPARATOR.join(named),
        "codes.unverified": LIST_SEPARATOR.join(unverified),
        "unresolved": LIST_SEPARATOR.join(u.topic for u in a.unresolved),
        "not_asked": LIST_SEPARATOR.join(a.not_asked),
        "recognised": "true" if a.recognised else "false",
        "message": a.message or "",
    }
    return out


def error_row(line: int, row_id: str, problems: Sequence[Problem], message: str = "") -> dict[str, str]:
    """An error row: the line, every column at fault, and what was wrong with each."""
    columns = list(dict.fromkeys(_column_of(p) for p in problems))
    said = "; ".join(
        f"{_column_of(p) or 'case'}: {p.message}"
        + (f" (got {p.value!r})" if p.value not in (None, "") else "")
        for p in problems
    )
    return {
        "line": str(line),
        "id": row_id,
        "error": said or message,
        "column": LIST_SEPARATOR.join(c for c in columns if c),
    }


def _column_of(problem: Problem) -> str:
    """The CSV column a problem belongs to: the longest column its path starts with, or one its words name."""
    path = problem.path or ""
    columns = input_columns()
    parts = path.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in columns:
            return ".".join(parts[:n])
    if path:
        return path
    named = [c for c in columns if "." in c and c in problem.message]
    return LIST_SEPARATOR.join(named)


def assess_rows(text: str, source: str) -> Iterator[dict[str, str]]:
    """Read a case CSV and give one output row per input row (and one for a header at fault), in order."""
    from nerveroot.service import assess_payload

    header_problems, rows = read_rows(text, source)
    if header_problems:
        yield error_row(1, "", header_problems)
    for row in rows:
        row_id = row.cells.get("id", "").strip()
        case = case_of(row)
        if row.problems or case is None:
            yield error_row(row.line, row_id, row.problems)
            continue
        try:
            yield result_row(row.line, row_id, assess_payload(case))
        except NerverootError as exc:
            yield error_row(row.line, row_id, exc.problems, exc.message)


def write_rows(rows: Iterator[dict[str, str]], out: io.TextIOBase | Any) -> tuple[int, int]:
    """Write the output CSV; (rows assessed, error rows)."""
    writer = csv.DictWriter(out, fieldnames=output_columns(), lineterminator="\n")
    writer.writeheader()
    done = errors = 0
    for r in rows:
        writer.writerow(r)
        if r.get("error"):
            errors += 1
        else:
            done += 1
    return done, errors
