"""A report of a long journal holds the latest 150 of each long list, in every format,
and says how many there are: a report is for reading, `journal export` keeps them all."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.reports.model import SHOWN
from belonging_cli.synthetic import generate
from support.cli import CliRunner

WEEKS = 110
PER_WEEK = 2  # 220 reflections: more than SHOWN of each long list


@pytest.fixture
def long_journal(isolated_home: Path) -> Path:
    data = generate(
        load_rubric(), weeks=WEEKS, end=dt.date.today(), seed=5, sessions_per_week=PER_WEEK
    )
    path = isolated_home / "journal.db"
    with open_journal(path) as journal:
        journal.import_data(data)
    return path


def test_json_holds_the_latest_150_and_counts_them_all(cli: CliRunner, long_journal: Path) -> None:
    result = cli("report", "--period", "all", "--format", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    listed = report["listed"]
    assert listed["focus_reflections"] > SHOWN and listed["experiments"] > SHOWN
    assert listed["takeaways"] > SHOWN
    assert len(report["focus_reflections"]) == SHOWN
    assert len(report["experiments"]["items"]) == SHOWN
    assert len(report["writing"]["takeaways"]) == SHOWN
    weeks = [f["week"] for f in report["focus_reflections"]]
    assert weeks == sorted(weeks) and weeks[-1] == report["period"]["last_week"]
    # What followed an experiment is said of the experiments held.
    held = {(x["week"], x["title"]) for x in report["experiments"]["items"]}
    assert len(report["experiment_links"]) <= SHOWN
    assert all(link["week"] >= min(w for w, _ in held) for link in report["experiment_links"])


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_md_and_html_say_the_latest_150_of_how_many(
    cli: CliRunner, long_journal: Path, fmt: str
) -> None:
    listed = json.loads(cli("report", "--period", "all", "--format", "json").out)["listed"]
    result = cli("report", "--period", "all", "--format", fmt)
    assert result.code == 0, result.err
    text = result.out
    assert f"The latest {SHOWN} of {listed['focus_reflections']} reflections" in text
    assert f"The latest {SHOWN} of {listed['experiments']} experiments" in text
