"""`nerveroot interview`: the adaptive interview in the terminal, one question at a time.

Warning signs first, then the most informative question; "b" goes back, "?" is "not sure". "Not sure" about
a warning sign is kept as not sure (nerveroot.warning_signs), never taken as "no". An answer that makes it
an emergency stops the interview at once with what to do now, and nothing else (no self-care advice);
interactively, "b" can still take that answer back.

With ``--answers FILE`` the answers come from a JSON object {question_id: answer} (scripting; the format
is in docs/case-format.md); a question the file does not answer is taken as "not sure". Ends with the
full report, or ``--json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.prompt import Prompt
from rich.text import Text

from nerveroot.assessment import Assessment
from nerveroot.engine.interview import NOT_SURE, Question, Step, next_step
from nerveroot.errors import AnswerError, BadInput, Problem
from nerveroot.warning_signs import record_answer

BACK = "b"
_UNSURE_WORDS = {"?", "not sure", "not_sure", "ns", "dont know", "don't know"}
_YES_NO_WORDS = {"y": "yes", "yes": "yes", "n": "no", "no": "no"}


def _keys(q: Question) -> list[tuple[str, Any, str]]:
    """(what to type, answer value, label) for each option except "not sure"."""
    out: list[tuple[str, Any, str]] = []
    for i, option in enumerate(q.options, start=1):
        if option.value == NOT_SURE:
            continue
        if q.kind == "grade":
            key = "weak" if option.value is True else str(option.value)
        elif q.kind == "yes_no":
            key = "y" if option.value == "yes" else "n"
        else:
            key = str(i)
        out.append((key, option.value, option.label))
    return out


def parse_typed(q: Question, raw: str) -> Any:
    """Turn what was typed into an answer for apply_answer (which checks it)."""
    text = raw.strip()
    low = text.lower()
    if low in _UNSURE_WORDS:
        return NOT_SURE
    if q.kind == "regions":
        if ":" not in text:
            listed = [r.strip() for r in text.split(",") if r.strip()]
            return listed if "." in q.answers else {"": listed}
        sides: dict[str, list[str]] = {}
        for part in text.split(";"):
            side, _, items = part.partition(":")
            sides[side.strip().lower()] = [r.strip() for r in items.split(",") if r.strip()]
        return sides
    if q.kind == "yes_no" and low in _YES_NO_WORDS:
        return _YES_NO_WORDS[low]
    for key, value, _ in _keys(q):
        if low == key.lower():
            return value
    return text


def _show(console: Console, q: Question, step: Step, number: int) -> None:
    body = [Text(q.text, style="bold"), Text(f"Why we ask: {q.why}", style="dim")]
    if q.instructions:
        body.append(Text(f"How: {q.instructions}"))
    if q.safety:
        body.append(Text(f"Safety: {q.safety}", style="yellow"))
    if q.kind == "number":
        body.append(Text("Type a number."))
    elif q.kind == "regions":
        example = (
            "buttock, posterior_thigh"
            if "." in q.answers
            else "left: buttock, posterior_thigh; right: low_back"
        )
        body.append(Text(f"Type region ids, e.g. {example}."))
    else:
        body.extend(Text(f"  {key}  {label}") for key, _, label in _keys(q))
    body.append(Text(f"  ?  not sure      {BACK}  go back", style="dim"))
    bar = "#" * int(step.progress * 20)
    title = f"Question {number} · {q.phase.replace('_', ' ')} · [{bar:<20}] {step.progress:.0%}"
    console.print(Panel(Text("\n").join(body), title=title, title_align="left"))


def _refused(err: Console, exc: AnswerError) -> None:
    err.print(f"[bold red]refused:[/] {exc.message}")
    for p in exc.problems:
        err.print(f"  - {p}", markup=False, highlight=False)


def _emergency(step: Step) -> bool:
    return step.assessment.triage.level == "emergency"


def render_emergency(a: Assessment, console: Console) -> None:
    """What to do now, and why: no pattern, no causes, no self-care advice."""
    t = a.triage
    body = [
        Text(" EMERGENCY ", style="bold white on red") + Text("  " + t.headline, style="bold"),
        Text("Call your local emergency number, or go to an emergency department now.", style="bold"),
        Text(t.action),
        *(Text(f"• {r}") for r in t.reasons),
    ]
    console.print(Panel(Group(*body), title="Get emergency care now", border_style="red"))
    console.print(Text(a.notice, style="dim"))


def _ask(console: Console, err: Console) -> tuple[Step, int]:
    case: dict[str, Any] = {}
    asked: tuple[str, ...] = ()
    history: list[tuple[dict[str, Any], tuple[str, ...]]] = []
    while True:
        step = next_step(case, asked)
        if _emergency(step) and history:
            render_emergency(step.assessment, console)
            try:
                raw = Prompt.ask(
                    f"{BACK} to take the last answer back, Enter to finish", console=console, default=""
                )
            except EOFError:
                raw = ""
            if raw.strip().lower() != BACK:
                return step, len(history)
            case, asked = history.pop()
            continue
        if step.done or step.question is None:
            return step, len(history)
        q = step.question
        _show(console, q, step, len(history) + 1)
        try:
            raw = Prompt.ask("answer", console=console)
        except EOFError:
            err.print("input ended before the interview did; this is the assessment so far")
            return step, len(history)
        if raw.strip().lower() == BACK:
            if history:
                case, asked = history.pop()
            else:
                err.print("this is the first question; there is nothing to go back to")
            continue
        try:
            new = record_answer(case, q.id, parse_typed(q, raw), asked)
        except AnswerError as exc:
            _refused(err, exc)
            continue
        history.append((case, asked))
        case, asked = new


def _replay(answers: dict[str, Any], err: Console) -> tuple[Step, int, int]:
    case: dict[str, Any] = {}
    asked: tuple[str, ...] = ()
    refused = shown = 0
    while True:
        step = next_step(case, asked)
        if step.done or step.question is None or (shown and _emergency(step)):
            break
        shown += 1
        qid = step.question.id
        try:
            case, asked = record_answer(case, qid, answers.get(qid, NOT_SURE), asked)
        except AnswerError as exc:
            _refused(err, exc)
            refused += 1
            case, asked = record_answer(case, qid, NOT_SURE, asked)
    unused = sorted(set(answers) - set(asked))
    if unused:
        err.print(f"not asked (the interview did not need them): {', '.join(unused)}")
    return step, shown, refused


def _load_answers(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput("answers file not found", [Problem("--answers", "no such file", str(path))]) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadInput(
            "the answers file is not valid JSON", [Problem("--answers", str(exc), str(path))]
        ) from None
    if not isinstance(data, dict):
        raise BadInput(
            "the answers file must be a JSON object",
            [Problem("--answers", 'expected {"question_id": answer, ...}', type(data).__name__)],
        )
    return data


def register(app: typer.Typer) -> None:
    from nerveroot.cli import fail_on_errors

    @app.command("interview")
    @fail_on_errors
    def interview(
        answers: Annotated[
            Path | None,
            typer.Option(
                "--answers",
                help='Replay answers from a JSON object {"question_id": answer}, e.g. {"ces_screen": "no", '
                '"pain_map": {"left": ["buttock"]}, "great_toe_extension.left": 4}; a question not in the file '
                "is taken as not sure. See docs/case-format.md.",
            ),
        ] = None,
        as_json: Annotated[
            bool, typer.Option("--json", help="Print the final assessment as JSON (the contract).")
        ] = False,
    ) -> None:
        """Ask one question at a time (warning signs first) and end with the full assessment.

        It supports a clinician's judgement; it does not make a diagnosis. Exit code 2 when an answer in
        the --answers file was refused (the interview still goes on, taking it as "not sure").
        """
        from nerveroot.report_text import render_report

        err = Console(stderr=True)
        console = Console(stderr=as_json)  # with --json, the questions go to stderr and stdout stays JSON
        refused = 0
        if answers is not None:
            step, shown, refused = _replay(_load_answers(answers), err)
        else:
            step, shown = _ask(console, err)
        if as_json:
            sys.stdout.write(step.assessment.model_dump_json() + "\n")
        elif _emergency(step):
            if answers is not None:
                render_emergency(step.assessment, console)
        else:
            console.print(Text(f"{shown} question(s) asked.", style="dim"))
            render_report(step.assessment, console)
        if refused:
            raise typer.Exit(2)
