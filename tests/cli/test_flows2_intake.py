"""Week one (issue 15): the intake flow rates every behaviour with an example, asks
who sees the person's leadership and what three months should change, sets the goals
it asks for (tests/cli/test_intake_goals.py) and ends by saying where they are, and
`status` (or a bare `belonging`) suggests it to someone new, once: after any
reflection, never again."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from belonging_cli.content.flows import load_flows
from support.cli import CliRunner


def _run_intake(cli: CliRunner, tmp_path: Path) -> None:
    made = cli("reflect", "--flow", "intake", "--answers-template")
    assert made.code == 0, made.err
    data = yaml.safe_load(made.out)
    answers = data["answers"]
    rated = [key for key in answers if key.startswith("baseline.") and "." not in key[9:]]
    assert len(rated) == 10  # week one: every behaviour
    for key in rated:
        answers[key] = 3
        answers[f"{key}.evidence"] = "Moved the stand-up so Ana could lead it"
    answers.update(role="A team of six", stakeholders="Ana, my manager", success="They decide")
    path = tmp_path / "intake.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    saved = cli("reflect", "--answers", str(path), "--flow", "intake")
    assert saved.code == 0, saved.err


def test_intake_ends_by_saying_where_the_goals_are(cli: CliRunner) -> None:
    outro = " ".join((load_flows().get("intake").outro or "").split())  # shown last
    assert "`belonging goals` lists them" in outro
    assert "`belonging goals add` sets one later" in outro


def test_intake_saves_a_baseline_of_every_behaviour_with_evidence(
    cli: CliRunner, tmp_path: Path
) -> None:
    _run_intake(cli, tmp_path)
    exported = json.loads(cli("journal", "export", "--format", "json").out)
    (session,) = exported["sessions"]
    assert session["flow_id"] == "intake"
    ratings = session["ratings"]
    assert len(ratings) == 10 and all(r["evidence"] for r in ratings)
    answers = {a["step_id"]: a for a in session["answers"]}
    assert answers["stakeholders"]["private"] is True
    assert answers["success"]["private"] is False


def test_someone_new_is_offered_week_one_and_only_until_they_reflect(
    cli: CliRunner, tmp_path: Path
) -> None:
    for shown in (cli("status"), cli()):
        assert shown.code == 0, shown.err
        assert "belonging reflect --flow intake" in shown.out
    _run_intake(cli, tmp_path)
    assert "--flow intake" not in cli("status").out
    assert "--flow intake" not in cli().out
