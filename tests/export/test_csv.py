"""CSV for `nerveroot batch`: one column per case field (all documented), flattened results out, and a bad
value or unknown column giving an error row that names line and column while the other rows are assessed."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nerveroot.case import MOVEMENTS, REGIONS, WHERE, case_json, parse_case
from nerveroot.export.csvio import assess_rows, input_columns, output_columns
from nerveroot.service import assess_payload

DOC = Path(__file__).parents[2] / "docs" / "interoperability.md"
HEADER = "id,age,sex,pain.left,numbness.left,weakness.left.great_toe_extension,history.saddle_numbness,reflexes.left.achilles,imaging"
GOOD = "a1,45,female,low_back;buttock;lateral_calf;dorsum_foot,great_toe,4,false,normal,modality=mri finding=disc_extrusion level=L4/5 side=left compresses=L5"


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nerveroot", *args], input=stdin, capture_output=True,
                          text=True, timeout=180, check=False)  # fmt: skip


def _rows(text: str) -> list[dict[str, str]]:
    return list(assess_rows(text, "test.csv"))


def test_a_good_row_gives_the_same_assessment_as_the_json_case() -> None:
    (row,) = _rows(f"{HEADER}\n{GOOD}\n")
    case = {
        "age": 45, "sex": "female",
        "pain": {"left": ["low_back", "buttock", "lateral_calf", "dorsum_foot"]},
        "numbness": {"left": ["great_toe"]}, "weakness": {"left": {"great_toe_extension": 4}},
        "history": {"saddle_numbness": False}, "reflexes": {"left": {"achilles": "normal"}},
        "imaging": [{"modality": "mri", "finding": "disc_extrusion", "level": "L4-L5", "side": "left", "compresses": "L5"}],
    }  # fmt: skip
    a = assess_payload(case)
    assert row["line"] == "2" and row["id"] == "a1" and not row.get("error")
    assert row["triage.level"] == a.triage.level
    assert row["roots.1.root"] == a.roots[0].root and row["roots.1.side"] == "left"
    assert float(row["roots.1.probability"]) == pytest.approx(a.roots[0].probability, abs=1e-4)
    assert row["causes.1.cause"] == a.causes[0].cause
    assert row["recognised"] == "true"
    assert set(row) <= set(output_columns())


def test_bad_values_give_an_error_row_naming_line_and_column_and_the_rest_are_assessed() -> None:
    text = (
        "\n".join(
            [HEADER, "a1,abc,female,low_back,,,maybe,,", GOOD, "a3,50,male,sole;calf,,,,absentish,", GOOD]
        )
        + "\n"
    )
    rows = _rows(text)
    assert [r["line"] for r in rows] == ["2", "3", "4", "5"]
    first, second, third, fourth = rows
    assert first["column"] == "age;history.saddle_numbness"
    assert "'abc'" in first["error"] and "'maybe'" in first["error"]
    assert not first.get("triage.level")
    assert second["triage.level"] and fourth["triage.level"]
    assert third["column"] == "pain.left;reflexes.left.achilles"
    assert "'calf'" in third["error"] and "'absentish'" in third["error"]


def test_an_unknown_column_is_named_at_line_1_and_only_rows_using_it_are_held_back() -> None:
    text = "age,pain.left,history.fevr\n40,lateral_calf,\n41,lateral_calf,true\n"
    header, blank, used = _rows(text)
    assert (header["line"], header["column"]) == ("1", "history.fevr")
    assert "did you mean 'history.fever'" in header["error"]
    assert blank["line"] == "2" and blank["triage.level"]
    assert (used["line"], used["column"]) == ("3", "history.fevr") and not used.get("triage.level")


def test_not_sure_in_a_warning_sign_cell_is_unsure_never_no() -> None:
    (row,) = _rows("pain.left,history.saddle_numbness\nposterior_thigh,not_sure\n")
    a = assess_payload({"pain": {"left": ["posterior_thigh"]}, "unsure": ["history.saddle_numbness"]})
    assert row["triage.level"] == a.triage.level == "urgent"
    assert "saddle" in row["unresolved"].split(";")


def test_text_rows_are_read_and_may_not_carry_other_answers() -> None:
    ok, mixed = _rows(
        'text,age\n"Sharp pain down my left leg to the big toe, worse when I cough",\n"pain in the leg",50\n'
    )
    assert ok["recognised"] == "true" and ok["roots.1.side"] == "left"
    assert mixed["column"] == "age" and "text" in mixed["error"]


def test_cells_beyond_the_header_and_contradictions_are_named() -> None:
    rows = _rows("history.bladder_dysfunction,history.urinary_retention\nfalse,true\nfalse,false,extra\n")
    contradiction, extra = rows
    assert contradiction["column"] == "history.bladder_dysfunction;history.urinary_retention"
    assert extra["column"] == "column 3" and "'extra'" in extra["error"]


def test_every_case_field_is_a_column_and_every_column_is_documented() -> None:
    doc = DOC.read_text(encoding="utf-8")
    block = re.search(r"### Columns\n\n```text\n(.*?)```", doc, re.S)
    assert block, "docs/interoperability.md has a Columns block"
    expand = {"<side>": WHERE, "<region>": REGIONS, "<movement>": MOVEMENTS}
    documented: set[str] = set()
    for pattern in block.group(1).split():
        names = [pattern]
        for key, values in expand.items():
            names = [n.replace(key, v) for n in names for v in values] if key in pattern else names
        documented.update(names)
    assert documented == set(input_columns())
    out = re.search(r"### Output\n\n.*?```text\n(.*?)```", doc, re.S)
    assert out and out.group(1).split() == output_columns()


def test_a_row_per_leaf_round_trips_for_every_case_file_case() -> None:
    """Writing each core case as a CSV row (lists ;-joined) and reading it back gives the same assessment."""
    cases = [
        c["case"]
        for c in json.loads((Path(__file__).parents[1] / "cases" / "core.json").read_text())["cases"]
        if "case" in c
    ]
    columns = [c for c in input_columns() if c not in ("id", "text", "imaging", "unsure")]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*columns, "unsure"])
    writer.writeheader()
    for case in cases:
        data = case_json(parse_case(case))
        row: dict[str, str] = {}
        for column in columns:
            node: object = data
            for part in column.split("."):
                node = node.get(part) if isinstance(node, dict) else None
            if node is None:
                continue
            row[column] = (
                ";".join(node)
                if isinstance(node, list)
                else (
                    "weak"
                    if node is True and column.startswith("weakness")
                    else str(node).lower()
                    if isinstance(node, bool)
                    else str(node)
                )
            )
        row["unsure"] = ";".join(u["finding"] if isinstance(u, dict) else u for u in data.get("unsure", []))
        writer.writerow(row)
    rows = _rows(buffer.getvalue())
    assert len(rows) == len(cases)
    for case, row in zip(cases, rows, strict=True):
        a = assess_payload({k: v for k, v in case.items() if k != "imaging"})
        assert not row.get("error"), row
        assert row["triage.level"] == a.triage.level
        assert row["pattern.label"] == a.pattern.label


def test_batch_command_reads_and_writes_csv(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(f"{HEADER}\n{GOOD}\na2,x,,,,,,,\n", encoding="utf-8")
    r = _run("batch", str(path))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["line"] for row in rows] == ["2", "3"]
    assert rows[1]["column"] == "age"
    assert "1 assessed, 1 error row(s)" in r.stderr
    stdin = _run("batch", "-", "--csv", stdin=path.read_text())
    assert stdin.stdout == r.stdout


@pytest.mark.parametrize(
    ("content", "words"),
    [("", "empty"), ("foo,bar\n1,2\n", "no case columns")],
)
def test_an_unusable_csv_exits_2_without_a_traceback(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    r = _run("batch", str(path))
    assert r.returncode == 2 and words in r.stderr and "Traceback" not in r.stderr
    missing = _run("batch", str(tmp_path / "missing.csv"))
    assert missing.returncode == 2 and "not found" in missing.stderr
