"""Weeks of weekly reflections through the real CLI (`reflect --answers`, one `date:` a
week): what a later week asks repeats nothing by accident."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.packaged import packaged_flow
from support.weekly_answers import LENSES

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


def weeks(cli: CliRunner, tmp_path: Path, count: int) -> dt.date:
    today = dt.date.today()
    for back in range(count, 0, -1):
        a_week(cli, tmp_path, today - dt.timedelta(weeks=back))
    return today


def five_weeks(cli: CliRunner, tmp_path: Path) -> dt.date:
    return weeks(cli, tmp_path, 5)


def test_the_lenses_take_turns_and_a_lens_comes_back_in_words_not_used_yet(
    cli: CliRunner, tmp_path: Path
) -> None:
    # One lens a week: two rounds of the four, so control and influence come twice.
    today = weeks(cli, tmp_path, 2 * len(LENSES))
    with open_journal() as journal:
        sessions = sorted(journal.sessions(), key=lambda s: s.week)
    asked = [[lens for lens in LENSES if s.answer(lens) is not None] for s in sessions]
    assert asked == [[lens] for lens in LENSES * 2]
    used = {
        step: [a.prompt_id for s in sessions for a in s.answers if a.step_id == step]
        for step in ("control", "influence")
    }
    for step in ("control", "influence"):
        assert len(used[step]) == 2 and len(set(used[step])) == 2  # two weeks, two wordings
    ninth = template(cli, today)["answers"]
    assert [lens for lens in LENSES if lens in ninth] == ["control"]  # control's turn again
    assert ninth["control"]["prompt"] not in used["control"]  # and a wording not used yet


def test_no_focus_prompt_asks_what_the_control_question_asks(
    cli: CliRunner, tmp_path: Path
) -> None:
    five_weeks(cli, tmp_path)
    # What the weekly's steps ask, by role: its lenses' (control, influence), every week,
    # whichever lens the week asks (the 2.0 weekly has no balance step).
    roles = {step.role for step in packaged_flow("weekly").steps if step.role is not None}
    prompts = load_rubric().get(FOCUS).prompts
    marked = {p.id for p in prompts if roles.intersection(p.asks)}
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
    reflect = packaged_flow("weekly").step("reflect")
    assert reflect is not None and reflect.count == 1
    assert len(report["focus_reflections"]) == 5 * reflect.count  # one a week


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
    # A first week's lens is control.
    data["answers"]["control"] = {"prompt": "control.no-such-one", "text": "Took over the demo"}
    path = tmp_path / "named.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    refused = cli("reflect", "--answers", str(path))
    assert refused.code == 1 and "Traceback" not in refused.err
    (line,) = [x for x in refused.err.splitlines() if "answers.control" in x]
    assert line.startswith(f"{path}:") and "'control.no-such-one'" in line
    assert "not a wording of this question" in line and "flows show weekly" in line
    data["answers"]["control"] = {"prompt": "control.stepped-in", "text": "Took over the demo"}
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    assert cli("reflect", "--answers", str(path)).code == 0
    with open_journal() as journal:
        (session,) = journal.sessions()
    control = session.answer("control")
    assert control is not None and control.prompt_id == "control.stepped-in"
    assert control.question is not None and control.question.startswith("When did you overrule")
