"""Fixes from a fresh-eyes trial (issue 14, part F): outside input said where it is wrong.

An impossible date in an answers file is well-formed YAML: it is reported at the
value's line and column as a bad date, and nothing is saved.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.cli import CliRunner
from support.places import TESTS
from support.weekly_answers import weekly_answers

DATES: list[dict[str, Any]] = yaml.safe_load(
    (TESTS / "hostile" / "report_trial" / "impossible_dates.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", DATES, ids=[c["name"] for c in DATES])
def test_an_impossible_date_is_a_bad_date_at_its_place(
    cli: CliRunner, tmp_path: Path, case: dict[str, Any]
) -> None:
    answers = weekly_answers()["answers"]
    path = tmp_path / "answers.yaml"
    # The date is unquoted, as a person writes it, on line 2 after the flow.
    path.write_text(
        f"flow: weekly\ndate: {case['date']}\nanswers: {json.dumps(answers)}\n", encoding="utf-8"
    )
    result = cli("reflect", "--answers", str(path))
    assert result.code == 1
    assert result.err.startswith(f"{path}:2:7:"), result.err
    assert "not valid YAML" not in result.err
    assert case["date"] in result.err and "date" in result.err
    assert "Traceback" not in result.err
    assert "No reflections" in cli("journal", "list").out + cli("journal", "list").err


def test_an_empty_period_says_between_one_day_and_another(cli: CliRunner, tmp_path: Path) -> None:
    from support.weekly_answers import write_answers

    assert cli("reflect", "--answers", str(write_answers(tmp_path, weekly_answers()))).code == 0
    result = cli("report", "--since", "2020-01-01", "--until", "2020-02-01")
    said = result.out + result.err
    assert "No reflections between 30 Dec 2019 and 2 Feb 2020." in said, said


@pytest.mark.parametrize("command", ["report", "progress"])
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--period", ""], "unknown period ''"),
        (["--since", "2026-01-05", "--period", "week"], "--since and --period"),
    ],
)
def test_a_period_given_wrong_is_a_usage_error(
    cli: CliRunner, tmp_path: Path, command: str, args: list[str], said: str
) -> None:
    from support.weekly_answers import write_answers

    assert cli("reflect", "--answers", str(write_answers(tmp_path, weekly_answers()))).code == 0
    result = cli(command, *args)
    assert result.code == 2, result.out
    assert said in result.err and len(result.err.strip().splitlines()) == 1
    assert result.out == ""
