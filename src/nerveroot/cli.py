"""The command line: assess one case, score a batch, inspect the knowledge base.

Every command reports bad input as a message naming the problem, with exit code 2 and no traceback.
Other command groups (serve, db, slots, interview) live in ``nerveroot.commands`` and register here.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from nerveroot.errors import BadInput, NerverootError, Problem

app = typer.Typer(
    name="nerveroot",
    help="Decision support for the pinched nerve in the lower back. It supports a clinician's judgement; "
    "it does not make a diagnosis.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True)
T = TypeVar("T")

PARALLEL_FROM_LINES = 5000


def fail_on_errors(fn: Callable[..., T]) -> Callable[..., T]:
    """Turn nerveroot's own errors into a message and their exit code; never a traceback."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        try:
            return fn(*args, **kwargs)
        except NerverootError as exc:
            err.print(f"[bold red]error:[/] {exc.message}")
            for p in exc.problems:
                err.print(f"  - {p}", markup=False, highlight=False)
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def _read_input(path: str, what: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"{what} not found", [Problem(what, "no such file", path)]) from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
        raise BadInput(f"{what} cannot be read", [Problem(what, str(exc), path)]) from None


def _read_lines(path: str) -> list[bytes]:
    """The batch file's lines as bytes: each is decoded on its own, so one bad byte spoils one line."""
    if path == "-":
        return sys.stdin.buffer.read().splitlines()
    try:
        return Path(path).read_bytes().splitlines()
    except FileNotFoundError:
        raise BadInput("batch file not found", [Problem("batch file", "no such file", path)]) from None
    except (IsADirectoryError, PermissionError) as exc:
        raise BadInput("batch file cannot be read", [Problem("batch file", str(exc), path)]) from None


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


@app.command()
@fail_on_errors
def assess(
    case_file: Annotated[
        str | None, typer.Argument(help="A case as JSON (docs/case-format.md); '-' reads stdin.")
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Free text: a person's own words or a clinician's note.")
    ] = None,
    text_file: Annotated[
        Path | None, typer.Option("--text-file", help="Read the free text from a file.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the assessment as JSON (the contract).")
    ] = False,
    out_format: Annotated[
        str,
        typer.Option("--format", help="text, json, or fhir (a FHIR R4 Bundle; docs/interoperability.md)."),
    ] = "text",
) -> None:
    """Assess one case: triage first, then pattern, root, cause, reasons and advice."""
    from nerveroot.safe_json import SURROGATE, loads_case
    from nerveroot.service import assess_payload, assess_text

    given = [x for x in (case_file, text, text_file) if x is not None]
    if len(given) != 1:
        raise BadInput(
            "give exactly one of a case file, --text or --text-file",
            [Problem("arguments", f"got {len(given)}; example: nerveroot assess case.json --json")],
        )
    if out_format not in ("text", "json", "fhir"):
        raise BadInput("unknown format", [Problem("--format", "expected text, json or fhir", out_format)])
    if text is not None and SURROGATE.search(text):  # bytes of the argument that were not UTF-8
        raise BadInput("--text is not UTF-8 text", [Problem("--text", "expected text in UTF-8")])
    if text is not None:
        assessment = assess_text(text)
    elif text_file is not None:
        text = _read_input(str(text_file), "text file")
        assessment = assess_text(text)
    else:
        assert case_file is not None
        payload = loads_case(_read_input(case_file, "case file"), where=case_file)
        assessment = assess_payload(payload)
    if out_format == "fhir":
        from nerveroot.export.cli import print_bundle

        print_bundle(payload if text is None else {"text": text}, assessment)
    elif as_json or out_format == "json":
        sys.stdout.write(assessment.model_dump_json() + "\n")
    else:
        from nerveroot.report_text import render_report

        render_report(assessment, Console())


def assess_line(numbered: tuple[int, str | bytes]) -> str:
    """One batch line to one JSON line: an assessment, or an error row naming the line and the problem.

    Whatever the line holds (bytes that are not UTF-8, a lone surrogate, a 5,000-digit number, nesting
    thousands deep), the answer is a row: one bad line never stops the run.
    """
    from nerveroot.safe_json import loads_case
    from nerveroot.service import assess_payload

    number, line = numbered
    try:
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise BadInput(
                    f"line {number} is not UTF-8",
                    [Problem(f"line {number}", f"byte {exc.start + 1} is not UTF-8 text", None)],
                ) from None
        return assess_payload(loads_case(line, where=f"line {number}")).model_dump_json()
    except NerverootError as exc:
        row = {"line": number, **exc.as_dict()}
        return json.dumps(row, ensure_ascii=True, default=str)
    except RecursionError:
        return json.dumps({"line": number, "error": f"line {number} is nested too deeply", "problems": []})


def _numbered(lines: Iterable[str | bytes]) -> Iterator[tuple[int, str | bytes]]:
    """Each line with its number in the file; blank lines (a trailing newline, a gap) are not cases."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield number, line.rstrip(b"\r\n") if isinstance(line, bytes) else line.rstrip("\n")


@app.command()
@fail_on_errors
def batch(
    file: Annotated[
        str, typer.Argument(help="JSON Lines: one case, or {\"text\": ...}, per line; '-' reads stdin.")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="One assessment (or error row) per line, as JSON.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=0, help="Worker processes; 0 picks one per core for large files.")
    ] = 0,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Progress bar on stderr.")
    ] = True,
    csv_in: Annotated[
        bool,
        typer.Option(
            "--csv",
            help="The file is CSV, one case per row (implied by a .csv name); "
            "the output is CSV too (docs/interoperability.md).",
        ),
    ] = False,
) -> None:
    """Assess many cases, in order; a bad line gives an error row and the rest are still assessed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    if csv_in or file.lower().endswith(".csv"):
        from nerveroot.export.cli import csv_batch

        csv_batch(_read_input(file, "batch file"), file, err)
        return
    lines = _read_lines(file)
    if not any(line.strip() for line in lines):
        raise BadInput("the batch file is empty", [Problem(file, "expected one JSON case per line")])
    chosen = workers or (os.cpu_count() or 1 if len(lines) >= PARALLEL_FROM_LINES else 1)
    bar = Progress(
        TextColumn("assessing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, disable=not progress, transient=False,
    )  # fmt: skip
    errors = 0
    out = sys.stdout
    with bar:
        total = sum(1 for line in lines if line.strip())
        task = bar.add_task("batch", total=total)
        for row in _map(assess_line, _numbered(lines), chosen):
            if row.startswith('{"line"'):
                errors += 1
            out.write((row if as_json else _summary(row)) + "\n")
            bar.advance(task)
    err.print(f"{total - errors} assessed, {errors} error row(s)")


def _map(
    fn: Callable[[tuple[int, str | bytes]], str], items: Iterator[tuple[int, str | bytes]], workers: int
) -> Iterator[str]:
    if workers <= 1:
        yield from map(fn, items)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(fn, items, chunksize=256)


def _summary(row: str) -> str:
    data = json.loads(row)
    if "line" in data:
        named = "; ".join(
            f"{p['path'] or 'case'}: {p['message']}"
            + (f" (got {p['value']!r})" if p.get("value") is not None else "")
            for p in data.get("problems", [])
        )
        return f"line {data['line']}: error: {data['error']}" + (f" — {named}" if named else "")
    top = data["roots"][0] if data["roots"] else {"root": "-", "side": "-"}
    return f"{data['triage']['level']}\t{data['pattern']['label']}\t{top['root']}\t{top['side']}"


@app.command()
@fail_on_errors
def knowledge(
    check: Annotated[
        bool, typer.Option("--check", help="Validate the knowledge base and its sources.")
    ] = False,
) -> None:
    """Summarise the knowledge base: roots, findings, rules and sources."""
    from rich.table import Table

    from nerveroot.engine.knowledge import load_knowledge
    from nerveroot.engine.knowledge_common import CONSENSUS

    kb = load_knowledge()
    console = Console()
    items = list(kb.sourced_items())
    consensus = sum(1 for _, source, _ in items if source == CONSENSUS)
    if check:
        console.print(
            f"knowledge base valid: {len(kb.findings)} findings, {len(kb.red_flags.rules)} red-flag rules, "
            f"{len(items)} sourced values ({consensus} clinical consensus with reasons), {len(kb.sources)} sources"
        )
        return
    roots = Table(title="Roots")
    for col in ("root", "core sensory territory", "key muscles", "reflex"):
        roots.add_column(col)
    for root_id, root in kb.roots.items():
        core = ", ".join(kb.regions[r].label for r, w in root.dermatome.items() if w >= 0.8)
        roots.add_row(root_id, core, root.key_muscles, root.reflex or "-")
    console.print(roots)
    findings = Table(title="Findings")
    for col in ("finding", "fact", "moves", "source"):
        findings.add_column(col)
    for f in kb.findings:
        for e in f.effects:
            moves = ", ".join(f"{k} x{v:g}" for k, v in e.lr.items())
            findings.add_row(f.id, f.fact, f"{e.target}: {moves}", e.source)
    console.print(findings)
    sources = Table(title="Sources")
    for col in ("id", "status", "citation"):
        sources.add_column(col)
    for source_id, source in kb.sources.items():
        sources.add_row(source_id, source.status, source.citation)
    console.print(sources)
    console.print(
        f"{len(items)} sourced values, {consensus} of them clinical consensus with a stated reason."
    )


def _register_commands() -> None:
    from nerveroot import commands

    for module in pkgutil.iter_modules(commands.__path__):
        register = getattr(importlib.import_module(f"nerveroot.commands.{module.name}"), "register", None)
        if register is not None:
            register(app)


# The commands of this module, run from the command line, need none of the others (they import the database
# layer: about a quarter of a second of a cold `nerveroot assess --text`).
_OWN = frozenset({"assess", "batch", "knowledge"})
if not (len(sys.argv) > 1 and sys.argv[1] in _OWN and Path(sys.argv[0]).name == "nerveroot"):
    _register_commands()


def main() -> None:
    app()
