"""The command line, run as a person runs it: real processes, real files, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

NERVEROOT = [sys.executable, "-m", "nerveroot"]
L5_CASE = {
    "age": 45,
    "pain": {"left": ["low_back", "buttock", "lateral_calf", "dorsum_foot"]},
    "numbness": {"left": ["dorsum_foot", "great_toe"]},
    "weakness": {"left": {"great_toe_extension": 4}},
    "tests": {"left": {"straight_leg_raise": "positive"}},
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*NERVEROOT, *args], check=False, input=stdin, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(L5_CASE), encoding="utf-8")
    return path


def test_assess_json_is_the_contract(case_file: Path) -> None:
    result = run("assess", str(case_file), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert {
        "pattern",
        "roots",
        "causes",
        "triage",
        "mimics",
        "explanation",
        "advice",
        "codes",
        "findings",
    } <= set(out)
    assert out["roots"][0]["root"] == "L5" and out["roots"][0]["side"] == "left"
    assert out["triage"]["level"] == "prompt"  # weakness graded 4/5: at least prompt, no red flag above it


def test_assess_report_puts_triage_first_and_says_it_is_not_a_diagnosis(case_file: Path) -> None:
    result = run("assess", str(case_file))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "L5" in text and "not a diagnosis" in text
    assert text.lower().index("prompt") < text.index("L5")


def test_assess_reads_stdin() -> None:
    result = run("assess", "-", "--json", stdin=json.dumps(L5_CASE))
    assert result.returncode == 0 and json.loads(result.stdout)["pattern"]["label"] == "radicular"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "JSON"),
        ('{"pain": {"left": ["big_toe"]}}', "pain.left"),
        ('{"weakness": {"left": {"great_toe_extension": 7}}}', "great_toe_extension"),
        ('{"age": -3}', "age"),
        ("", "empty"),
    ],
)
def test_bad_case_file_exits_2_with_a_message(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run("assess", str(path), "--json")
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_missing_file_exits_2() -> None:
    result = run("assess", "/nonexistent/case.json")
    assert result.returncode == 2 and "no such file" in result.stderr


def test_batch_keeps_order_and_gives_error_rows(tmp_path: Path) -> None:
    lines = [
        json.dumps(L5_CASE),
        "{oops",
        json.dumps({"age": -3}),
        json.dumps({"pain": {"right": ["low_back", "buttock", "posterior_thigh", "posterior_calf", "heel"]}}),
    ]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("batch", str(path), "--json", "--no-progress")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    assert rows[0]["roots"][0]["root"] == "L5"
    assert rows[1]["line"] == 2 and rows[2]["line"] == 3 and "age" in json.dumps(rows[2])
    assert rows[3]["roots"][0]["side"] == "right"
    assert "2 error row(s)" in result.stderr


def test_batch_in_parallel_matches_serial(tmp_path: Path) -> None:
    cases = [
        L5_CASE,
        {"pain": {"left": ["anterior_thigh", "medial_shin"]}, "reflexes": {"left": {"patellar": "absent"}}},
    ]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps(cases[i % 2]) for i in range(300)) + "\n", encoding="utf-8")
    serial = run("batch", str(path), "--json", "--no-progress", "--workers", "1")
    parallel = run("batch", str(path), "--json", "--no-progress", "--workers", "2")
    assert serial.returncode == parallel.returncode == 0
    assert serial.stdout == parallel.stdout


def test_empty_batch_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    result = run("batch", str(path), "--json")
    assert result.returncode == 2 and "empty" in result.stderr


def test_knowledge_check_and_summary() -> None:
    check = run("knowledge", "--check")
    assert check.returncode == 0 and "valid" in check.stdout
    summary = run("knowledge")
    assert summary.returncode == 0 and "L5" in summary.stdout and "suri_2011" in summary.stdout


def test_batch_ignores_blank_lines_and_its_readable_error_rows_name_the_field(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    good = json.dumps({"pain": {"left": ["lateral_calf"]}})
    path.write_text(f"{good}\n\n{json.dumps({'age': 300})}\n{good}\n\n", encoding="utf-8")
    as_json = run("batch", str(path), "--json", "--no-progress")
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert len(rows) == 3  # the blank lines are not cases, and not error rows
    assert rows[1]["line"] == 3 and rows[1]["problems"][0]["path"] == "age"
    readable = run("batch", str(path), "--no-progress")
    error_line = readable.stdout.splitlines()[1]
    assert error_line.startswith("line 3: error:") and "age:" in error_line and "300" in error_line
    assert "2 assessed, 1 error row(s)" in readable.stderr
