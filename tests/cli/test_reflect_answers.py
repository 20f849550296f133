"""`belonging reflect --answers FILE` and `--answers-template`: scripted reflections."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from belonging_cli.journal.store import open_journal
from support.cli import CliRunner

WEEKLY = {
    "flow": "weekly",
    "answers": {
        "wellbeing": "stretched",
        "win": {"text": "Shipped it", "private": False},
        **{
            f"pulse.{b}": 3
            for b in (
                "cultivate-belonging",
                "protect-time",
                "ambiguous-decisions",
                "credit-to-others",
                "navigate-paradox",
                "prompt-insight",
                "meaningful-vision",
                "energy-for-possibility",
                "focus-over-competition",
                "embrace-messiness",
            )
        },
        "focus": "protect-time",
        "reflect.1": {"text": "About Sam", "private": True},
        "levers": "relational",
        "control": "Set the deadline myself",
        "next-experiment": "Block one hour to think",
        "next-experiment.when": {"text": "Friday morning, with Sam", "private": False},
        "next-experiment.confidence": 7,
        "takeaway": {"text": "Ask before I decide", "private": True},
    },
}


def second_week(**changed: object) -> dict[str, object]:
    """WEEKLY for the week after a first reflection: its lens in turn is influence."""
    answers = {k: v for k, v in WEEKLY["answers"].items() if k != "control"}  # type: ignore[attr-defined]
    return {**WEEKLY, "answers": {**answers, "influence": "Asked why it mattered", **changed}}


def write_json(tmp_path: Path, data: object, name: str = "a.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_a_json_answers_file_saves_a_complete_session(cli: CliRunner, tmp_path: Path) -> None:
    result = cli("reflect", "--answers", str(write_json(tmp_path, WEEKLY)))
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
        (experiment,) = journal.experiments(status="open")
    assert result.out.strip() == session.id
    assert session.focus_behaviour_id == "protect-time"
    private = {a.step_id: a.private for a in session.answers}
    assert private["reflect.1"] and private["control"] and not private["win"]
    assert not private["next-experiment.when"]  # the plan is private unless shared
    assert session.answer("next-experiment.confidence").value == 7  # type: ignore[union-attr]
    assert private["wellbeing"] and private["takeaway"] and not private["levers"]
    assert session.answer("levers").value == "relational"  # type: ignore[union-attr]
    assert experiment.title == "Block one hour to think" and experiment.rubric_experiment_id is None


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--flow", "deep-dive", "--behaviour", "protect-time"),
        ("--flow", "five-concepts"),
        ("--flow", "mirror"),
        ("--flow", "monthly"),
    ],
)
def test_the_template_is_valid_as_printed(
    cli: CliRunner, tmp_path: Path, args: tuple[str, ...]
) -> None:
    template = cli("reflect", "--answers-template", *args)
    assert template.code == 0, template.err
    assert template.out.startswith("# Answers for the")
    path = tmp_path / "a.yaml"
    path.write_text(template.out, encoding="utf-8")
    result = cli("reflect", "--answers", str(path))
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert session.status == "complete"


def test_mistakes_are_all_reported_with_places_and_nothing_is_written(
    cli: CliRunner, tmp_path: Path
) -> None:
    template = cli("reflect", "--answers-template").out
    broken = (
        template.replace("pulse.protect-time: 3", "pulse.protect-time: 7")
        .replace('  wellbeing: "steady"\n', "")
        .replace('takeaway: ""', 'takeaway: ""\n  colour: blue')
    )
    path = tmp_path / "a.yaml"
    path.write_text(broken, encoding="utf-8")
    result = cli("reflect", "--answers", str(path))
    assert result.code == 1
    lines = result.err.splitlines()
    line_of = {
        key: broken[: broken.index(key)].count("\n") + 1
        for key in ("pulse.protect-time: 7", "colour")
    }
    assert f"{path}:{line_of['pulse.protect-time: 7']}:23: answers.pulse.protect-time: " in (
        lines[0] + lines[1]
    )
    assert any("expected a number 1 to 5, found 7" in line for line in lines)
    assert any(line.endswith("answers: wellbeing: required, but missing") for line in lines)
    assert any(
        line.startswith(f"{path}:{line_of['colour']}:3: answers.colour: not asked")
        for line in lines
    )
    with open_journal() as journal:
        assert journal.sessions(status=None) == []


def test_a_bad_header_is_located(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("flow: weekly\nanswer: {}\n", encoding="utf-8")
    result = cli("reflect", "--answers", str(path))
    assert result.code == 1
    assert result.err.startswith(f"{path}:2:1: answer: unknown key")


def _with_open_experiment(cli: CliRunner, tmp_path: Path) -> str:
    """A session last week, so that an experiment is open for this week."""
    last_week = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    first = write_json(tmp_path, {**WEEKLY, "date": last_week}, "first.json")
    assert cli("reflect", "--answers", str(first)).code == 0
    with open_journal() as journal:
        (experiment,) = journal.experiments(status="open")
    return experiment.id


def test_leaving_out_the_review_keeps_the_experiment_open(cli: CliRunner, tmp_path: Path) -> None:
    experiment_id = _with_open_experiment(cli, tmp_path)
    result = cli("reflect", "--answers", str(write_json(tmp_path, second_week())))
    assert result.code == 0, result.err
    with open_journal() as journal:
        still = [e.id for e in journal.experiments(status="open")]
    assert experiment_id in still


def test_a_review_closes_the_experiment(cli: CliRunner, tmp_path: Path) -> None:
    experiment_id = _with_open_experiment(cli, tmp_path)
    answers = second_week(
        review="not_tried",
        **{"review.happened": "A launch ate the week", "review.learned": "Book it before Monday"},
    )
    result = cli("reflect", "--answers", str(write_json(tmp_path, answers)))
    assert result.code == 0, result.err
    with open_journal() as journal:
        closed = next(e for e in journal.experiments() if e.id == experiment_id)
    assert (closed.status, closed.outcome, closed.learned) == (
        "dropped",
        "not_tried",
        "Book it before Monday",
    )


def test_follow_up_answers_without_their_question_are_refused(
    cli: CliRunner, tmp_path: Path
) -> None:
    answers = {**WEEKLY["answers"], "review.learned": "x"}  # type: ignore[dict-item]
    result = cli("reflect", "--answers", str(write_json(tmp_path, {**WEEKLY, "answers": answers})))
    assert result.code == 1
    assert "answers.review.learned: not asked" in result.err


@pytest.mark.slow
def test_scripted_reflections_can_run_at_once(tmp_path: Path, isolated_home: Path) -> None:
    path = write_json(tmp_path, WEEKLY)
    env = {**os.environ, "BELONGING_HOME": str(isolated_home)}
    command = [sys.executable, "-m", "belonging_cli", "reflect", "--answers", str(path), "--again"]
    runs = [subprocess.Popen(command, env=env, stderr=subprocess.PIPE) for _ in range(4)]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], errors
    with open_journal() as journal:
        assert len(journal.sessions()) == 4


def test_template_answers_keep_their_prompts_even_if_the_rotation_moves_on(
    cli: CliRunner, tmp_path: Path
) -> None:
    template = cli("reflect", "--answers-template", "--behaviour", "protect-time").out
    path = tmp_path / "later.yaml"
    path.write_text(template, encoding="utf-8")
    shown = [
        line.split("prompt: ")[1].split(",")[0]
        for line in template.splitlines()
        if line.lstrip().startswith("reflect.")
    ]
    # Another reflection on the same behaviour is saved before the template is used.
    assert cli("reflect", "--answers", str(write_json(tmp_path, WEEKLY))).code == 0
    result = cli("reflect", "--answers", str(path), "--again")  # a second one this week
    assert result.code == 0, result.err
    with open_journal() as journal:
        latest = journal.sessions()[0]
    assert [a.prompt_id for a in latest.answers if a.step_id.startswith("reflect.")] == shown


def test_changing_the_focus_under_a_templates_prompts_is_explained(
    cli: CliRunner, tmp_path: Path
) -> None:
    template = cli("reflect", "--answers-template", "--behaviour", "protect-time").out
    path = tmp_path / "a.yaml"
    path.write_text(template.replace("behaviour: protect-time", "behaviour: navigate-paradox"))
    result = cli("reflect", "--answers", str(path))
    assert result.code == 1
    assert "answers.reflect.1: answers prompt 'protect-time." in result.err
    assert "--behaviour" in result.err


def test_a_back_dated_template_records_that_week(cli: CliRunner, tmp_path: Path) -> None:
    day = dt.date.today() - dt.timedelta(days=14)
    template = cli("reflect", "--answers-template", "--date", day.isoformat()).out
    assert f"\ndate: {day.isoformat()}\n" in template
    path = tmp_path / "a.yaml"
    path.write_text(template, encoding="utf-8")
    assert cli("reflect", "--answers", str(path)).code == 0
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert session.started_at.date() == day


def test_a_1x_weekly_answers_file_is_refused_at_each_old_answer(
    cli: CliRunner, tmp_path: Path
) -> None:
    old = {**WEEKLY["answers"], "reflect.3": "Planning", "balance": 4, "tags": ["planning"]}  # type: ignore[dict-item]
    path = write_json(tmp_path, {"flow": "weekly", "answers": old})
    result = cli("reflect", "--answers", str(path))
    assert result.code == 1
    for key in ("reflect.3", "balance", "tags"):
        assert f"answers.{key}: not asked in this session" in result.err, key
    assert f"{path}:" in result.err  # located, as every problem in an answers file
    with open_journal() as journal:
        assert journal.sessions(status=None) == []
