"""`nerveroot interview` in the terminal: replayed answers, --json, going back, refused answers."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from nerveroot.cli import app

runner = CliRunner()


def test_replayed_answers_end_in_the_assessment_as_json(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps(
            {
                "ces_screen": "no",
                "serious_screen": "no",
                "nerve_screen": "no",
                "pain_map": {
                    "left": ["low_back", "buttock", "posterior_thigh", "lateral_calf", "dorsum_foot"]
                },
                "great_toe_extension.left": 4,
                "heel_walk.left": "weak",
                "straight_leg_raise.left": "positive",
            }
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["interview", "--answers", str(answers), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["roots"][0]["root"] == "L5" and data["roots"][0]["side"] == "left"
    assert data["triage"]["level"] == "prompt"
    assert data["findings"]["history"]["saddle_numbness"] is False


def test_a_refused_answer_in_the_file_is_named_and_the_interview_goes_on(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"ces_screen": "perhaps", "serious_screen": "yes", "fever": "yes"}))
    result = runner.invoke(app, ["interview", "--answers", str(answers), "--json"])
    assert result.exit_code == 2
    assert "ces_screen" in result.stderr and "'yes', 'no', 'not_sure'" in result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["triage"]["level"] == "urgent"  # the fever answer still counted


def test_an_answers_file_that_is_not_an_object_is_refused(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("[1, 2]")
    result = runner.invoke(app, ["interview", "--answers", str(answers)])
    assert result.exit_code == 2 and "JSON object" in result.stderr


def test_interactive_one_question_at_a_time_with_going_back_and_a_refusal() -> None:
    typed = "\n".join(
        [
            "maybe",  # refused: not an option of the screen
            "y",  # ces_screen: yes, so its questions follow one by one
            "y",  # saddle numbness: yes
            "b",  # back to the saddle question
            "n",  # saddle numbness: no after all
        ]
    )
    result = runner.invoke(app, ["interview"], input=typed + "\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "refused" in result.stderr and "ces_screen" in result.stderr
    assert (
        out.count("Is there numbness or an odd feeling between your legs") == 2
    )  # asked, then again after "b"
    assert "Why we ask" in out and "%" in out  # the reason and the progress are shown
    assert "not a diagnosis" in out  # the report ends with the notice


def test_an_emergency_answer_stops_the_interview_with_no_self_care_advice(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"ces_screen": "yes", "saddle_numbness": "yes", "age": 40}))
    result = runner.invoke(app, ["interview", "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Get emergency care now" in out and "emergency department" in out
    for self_care in ("Stay as active", "What helps", "Helps now", "Recovery", "Likely cause"):
        assert self_care not in out
    assert "not asked (the interview did not need them): age" in result.stderr  # it stopped at once


def test_not_sure_to_a_screen_asks_its_signs_one_by_one_and_keeps_not_sure(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"ces_screen": "not_sure", "serious_screen": "no", "nerve_screen": "no"}))
    result = runner.invoke(app, ["interview", "--answers", str(answers), "--json"])
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["triage"]["level"] == "urgent"
    assert {"saddle", "bladder"} <= {u["topic"] for u in data["unresolved"]}
    assert "saddle_numbness" not in data["findings"].get("history", {})
