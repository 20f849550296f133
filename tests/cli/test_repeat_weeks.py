"""Six weeks of weekly reflections through the real CLI (`reflect --answers`, one
`date:` a week): what the sixth week asks repeats nothing by accident."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner

FOCUS = "navigate-paradox"  # its prompts include ones that ask about control


def template(cli: CliRunner, day: dt.date) -> dict[str, Any]:
    """The answers template for `day`, as printed (valid as it stands), read back."""
    printed = cli("reflect", "--answers-template", "--behaviour", FOCUS, "--date", day.isoformat())
    assert printed.code == 0, printed.err
    data = yaml.safe_load(printed.out)
    assert isinstance(data, dict)
    return data


def a_week(cli: CliRunner, tmp_path: Path, day: dt.date) -> None:
    """One weekly reflection on `day`: the template's questions, answered."""
    data = template(cli, day)
    answers = data["answers"]
    for key, value in answers.items():
        if isinstance(value, dict):
            answers[key] = {**value, "text": f"week of {day}: {key}"}
    if "review" in answers:
        answers.update({"review": "tried", "review.happened": "ok", "review.learned": "ok"})
    path = tmp_path / f"{day}.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")  # date: as text
    result = cli("reflect", "--answers", str(path))
    assert result.code == 0, result.err


def five_weeks(cli: CliRunner, tmp_path: Path) -> dt.date:
    today = dt.date.today()
    for back in range(5, 0, -1):
        a_week(cli, tmp_path, today - dt.timedelta(weeks=back))
    return today


def test_the_sixth_week_asks_control_and_influence_in_words_not_used_for_four_weeks(
    cli: CliRunner, tmp_path: Path
) -> None:
    today = five_weeks(cli, tmp_path)
    with open_journal() as journal:
        sessions = sorted(journal.sessions(), key=lambda s: s.week)
    assert len(sessions) == 5
    sixth = template(cli, today)["answers"]
    for step in ("control", "influence"):
        used = [next(a.prompt_id for a in s.answers if a.step_id == step) for s in sessions]
        assert len(set(used)) == 5  # five weeks, five wordings
        assert sixth[step]["prompt"] not in used[-4:]
        assert sixth[step]["prompt"] not in used  # there are more than five: a new one


def test_no_focus_prompt_asks_what_the_control_question_asks(
    cli: CliRunner, tmp_path: Path
) -> None:
    five_weeks(cli, tmp_path)
    marked = {p.id for p in load_rubric().get(FOCUS).prompts if p.asks}
    with open_journal() as journal:
        asked = {a.prompt_id for s in journal.sessions() for a in s.answers}
    assert "navigate-paradox.authority-used" in marked
    assert not asked & marked


def test_the_report_keeps_the_control_notes_out_of_the_focus_reflections(
    cli: CliRunner, tmp_path: Path
) -> None:
    five_weeks(cli, tmp_path)
    report = json.loads(cli("report", "--format", "json", "--period", "all").out)
    questions = {r["prompt_id"] for r in report["focus_reflections"]}
    assert questions and all(q.startswith(f"{FOCUS}.") for q in questions)
    assert len(report["focus_reflections"]) == 15  # three a week


def test_the_experiment_menu_leaves_out_those_tried_in_eight_weeks(
    cli: CliRunner, tmp_path: Path
) -> None:
    # As many weeks as the behaviour has experiments, all within the eight.
    count = len(load_rubric().get(FOCUS).experiments)
    assert 1 < count <= 8
    today = dt.date.today()
    for back in range(count, 0, -1):
        a_week(cli, tmp_path, today - dt.timedelta(weeks=back))
    with open_journal() as journal:
        tried = {e.rubric_experiment_id or "" for e in journal.experiments()}
    assert len(tried) == count  # every week offered one not tried yet
    printed = cli("reflect", "--answers-template", "--behaviour", FOCUS).out
    comment = " ".join(printed.split("next-experiment:")[0].rsplit("\n\n", 1)[1].split())
    # All of the behaviour's experiments tried lately, so none is offered as new.
    assert "an experiment id (" not in comment
    listed = comment.split("one tried lately (", 1)[1].split(")")[0].replace("#", "")
    assert {i.strip() for i in listed.split(",")} == tried
    # The one offered is the one tried longest ago, and an answers file can take it.
    offered = template(cli, today)["answers"]["next-experiment"]
    with open_journal() as journal:
        oldest = min(journal.experiments(), key=lambda e: e.week)
    assert offered == oldest.rubric_experiment_id


def test_an_answers_file_answers_the_wording_it_names_or_is_told_it_has_none(
    cli: CliRunner, tmp_path: Path
) -> None:
    day = dt.date.today() - dt.timedelta(weeks=1)
    data = template(cli, day)
    data["answers"]["control"] = {"prompt": "control.stepped-in", "text": "Took over the demo"}
    data["answers"]["influence"] = {"prompt": "influence.no-such-one", "text": "Asked why"}
    path = tmp_path / "named.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    refused = cli("reflect", "--answers", str(path))
    assert refused.code == 1 and "Traceback" not in refused.err
    (line,) = [x for x in refused.err.splitlines() if "answers.influence" in x]
    assert line.startswith(f"{path}:") and "'influence.no-such-one'" in line
    assert "not a wording of this question" in line and "flows show weekly" in line
    data["answers"]["influence"] = "Asked why"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    assert cli("reflect", "--answers", str(path)).code == 0
    with open_journal() as journal:
        (session,) = journal.sessions()
    control = session.answer("control")
    assert control is not None and control.prompt_id == "control.stepped-in"
    assert control.question is not None and control.question.startswith("When did you overrule")
