"""`nerveroot batch` and `assess`: a bad line is an error row for that line, the rest are assessed;
nothing a file holds ends the run with a traceback (issue 10)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

NERVEROOT = [sys.executable, "-m", "nerveroot"]
GOOD = b'{"age": 45, "pain": {"left": ["buttock", "lateral_calf", "dorsum_foot"]}}'
BAD_LINES = {
    "lone surrogate": b'{"age": 45, "pain": {"left\\ud800": ["heel"]}}',
    "surrogate in text": b'{"text": "pain in my leg \\udc00"}',
    "5000-digit integer": b'{"age": ' + b"9" * 5000 + b"}",
    "deep nesting": b'{"a": ' * 5000 + b"1" + b"}" * 5000,
    "invalid UTF-8": b'{"age": 45, "sex": "\xff\xfe"}',
    "not JSON": b"{age: 45",
}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*NERVEROOT, *args], check=False, input=stdin, capture_output=True, timeout=180)


def test_each_bad_line_is_an_error_row_and_the_rest_are_assessed(tmp_path: Path) -> None:
    lines = [GOOD]
    for bad in BAD_LINES.values():
        lines += [bad, GOOD]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = run("batch", str(path), "--json", "--no-progress")
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    rows = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(rows) == len(lines)
    errors = {row["line"] for row in rows if "line" in row}
    assert errors == {2 * i + 2 for i in range(len(BAD_LINES))}
    assert all("triage" in row for row in rows if "line" not in row)
    assert f"{len(BAD_LINES) + 1} assessed, {len(BAD_LINES)} error row(s)" in result.stderr.decode()


@pytest.mark.parametrize("name", sorted(BAD_LINES))
def test_assess_names_the_problem_without_a_traceback(tmp_path: Path, name: str) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(BAD_LINES[name])
    result = run("assess", str(path), "--json")
    assert result.returncode == 2, (result.returncode, result.stderr.decode())
    assert b"Traceback" not in result.stderr and b"error:" in result.stderr
