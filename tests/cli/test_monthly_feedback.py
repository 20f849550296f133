"""The monthly asks what the person makes of others' view (issue 17): one optional,
private step at its end, asked only when a feedback round was collected within
about six months of the month's last week (`when: {feedback: recent}`, a condition on
a fact that is not a step); a flow file may use it, and a mistake in it is told at
its place with the tests a condition may use."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from belonging_cli.content.flows import load_flows
from support.cli import CliRunner
from support.feedback_journal import import_round, reflect_on
from support.feedback_samples import five_raters_three_groups
from support.three_clients import frozen_at

ASKS = "What do you make of how others see you?"
DAY = dt.date(2026, 12, 1)  # eleven days after the sample round was collected


def _template(cli: CliRunner, day: dt.date = DAY) -> str:
    with frozen_at(day):
        made = cli("reflect", "--flow", "monthly", "--answers-template")
    assert made.code == 0, made.err
    return made.out


def _with_round(cli: CliRunner, tmp_path: Path, collected_on: str = "2026-11-20") -> None:
    reflect_on(dt.date(2026, 11, 18), {"cultivate-belonging": 4, "protect-time": 3})
    sample = five_raters_three_groups(requested_on="2026-05-01", collected_on=collected_on)
    import_round(cli, tmp_path, sample)


def test_the_monthly_asks_about_a_recent_round_at_its_end(cli: CliRunner, tmp_path: Path) -> None:
    _with_round(cli, tmp_path)
    template = _template(cli)
    assert ASKS in template
    answers = yaml.safe_load(template)["answers"]
    assert list(answers)[-1] == "others-view"  # the last step
    step = load_flows().get("monthly").step("others-view")
    assert step is not None and step.optional and step.private


def test_no_round_no_question(cli: CliRunner) -> None:
    assert ASKS not in _template(cli)


def test_a_round_older_than_six_months_is_not_asked_about(cli: CliRunner, tmp_path: Path) -> None:
    _with_round(cli, tmp_path, collected_on="2026-05-20")  # 195 days before DAY's week ends
    assert ASKS not in _template(cli)
    assert ASKS in _template(cli, dt.date(2026, 10, 1))  # a month counted as of October


def test_the_answer_is_kept_private(cli: CliRunner, tmp_path: Path) -> None:
    _with_round(cli, tmp_path)
    data: dict[str, Any] = yaml.safe_load(_template(cli))
    data["answers"].update(
        {"others-view": "They want me to ask before I answer", "focus": "cultivate-belonging"}
    )
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with frozen_at(DAY):
        saved = cli("reflect", "--answers", str(path))
        assert saved.code == 0, saved.err
        shown = cli("journal", "export", "--format", "json")
        shared = cli("report", "--share", "--format", "json", "--period", "month")
    (answer,) = [
        a
        for s in json.loads(shown.out)["sessions"]
        for a in s["answers"]
        if a["step_id"] == "others-view"
    ]
    assert answer["value"] == "They want me to ask before I answer" and answer["private"]
    assert "ask before I answer" not in shared.out


FLOW = """\
id: mine
title: Mine
description: A flow of my own.
minutes: 5
steps:
  - id: first
    kind: text
    question: Anything?
  - id: view
    kind: text
    question: What do you make of it?
    when: {when}
"""


def _validate(cli: CliRunner, tmp_path: Path, when: str) -> Any:
    folder = tmp_path / "flows"
    folder.mkdir(exist_ok=True)
    (folder / "mine.yaml").write_text(FLOW.replace("{when}", when), encoding="utf-8")
    return cli("flows", "validate", str(folder / "mine.yaml"))


def test_a_flow_may_ask_on_a_recent_round(cli: CliRunner, tmp_path: Path) -> None:
    done = _validate(cli, tmp_path, "{feedback: recent}")
    assert done.code == 0, done.err


@pytest.mark.parametrize(
    ("when", "says"),
    [
        ("{feedback: lately}", "recent"),
        ("{feedback: recent, step: first}", "feedback"),
        ("{step: first}", "feedback"),  # the tests it may use name the new one
    ],
)
def test_a_mistake_in_a_feedback_condition_is_told_at_its_place(
    cli: CliRunner, tmp_path: Path, when: str, says: str
) -> None:
    done = _validate(cli, tmp_path, when)
    assert done.code == 1, done.out
    assert "Traceback" not in done.err
    assert "mine.yaml:12:" in done.err and says in done.err, done.err
