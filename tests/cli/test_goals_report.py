"""Goals in the report (md, html, json) and the shared bundle: where the person was when
it was set, where they are now, the trend; a person's words kept as words."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from belonging_cli.clock import iso_week
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Rating
from support.cli import CliRunner
from support.places import REPO
from support.sessions import weekly_session

NOW = dt.datetime.now(dt.timezone.utc)
HOSTILE = yaml.safe_load((REPO / "tests/hostile/goals/success_words.yaml").read_text())


def _reflect(level: int, when: dt.datetime) -> None:
    with open_journal() as journal:
        rating = Rating("protect-time", level, when)
        journal.create_session(weekly_session(when, week=iso_week(when.date()), ratings=(rating,)))


def _journal_with_a_goal(cli: CliRunner, success: str = "Two free afternoons") -> None:
    _reflect(2, NOW - dt.timedelta(days=14))
    added = cli("goals", "add", "protect-time", "--target", "4", "--by", "2099-03-01",
                "--success", success)  # fmt: skip
    assert added.code == 0, added.err
    _reflect(3, NOW + dt.timedelta(minutes=1))  # after the goal was set


def _report(cli: CliRunner, tmp_path: Path, fmt: str, *more: str) -> str:
    out = tmp_path / f"report.{fmt}"
    result = cli("report", "--format", fmt, "--out", str(out), "--period", "all", *more)
    assert result.code == 0, result.err
    return out.read_text(encoding="utf-8")


def test_every_format_shows_progress_against_the_goal(cli: CliRunner, tmp_path: Path) -> None:
    _journal_with_a_goal(cli)
    data = json.loads(_report(cli, tmp_path, "json"))
    assert data["format_minor"] >= 5
    [goal] = data["goals"]
    assert (goal["start"], goal["now"], goal["target"], goal["trend"]) == (2, 3, 4, "rising")
    assert goal["due"] == "2099-03-01" and goal["success"] == "Two free afternoons"
    assert goal["standing"] == "now 3, rising" and goal["status"] == "open"
    md = _report(cli, tmp_path, "md")
    assert "## Goals" in md
    assert "- Protect time to reflect, experiment, engage and rest: 2 -> 4 by 1 Mar 2099, " in md
    assert "now 3, rising. Success: Two free afternoons" in md
    html = _report(cli, tmp_path, "html")
    assert '<section id="goals">' in html and "2 &rarr; 4 by 1 Mar 2099, now 3, rising" in html


def test_the_shared_bundle_carries_the_goal(cli: CliRunner, tmp_path: Path) -> None:
    _journal_with_a_goal(cli)
    shared = json.loads(_report(cli, tmp_path, "json", "--share"))
    assert shared["shared"] is True
    assert [g["behaviour_id"] for g in shared["goals"]] == ["protect-time"]


def test_no_goals_section_without_goals(cli: CliRunner, tmp_path: Path) -> None:
    _reflect(3, NOW - dt.timedelta(days=1))
    assert "## Goals" not in _report(cli, tmp_path, "md")
    assert json.loads(_report(cli, tmp_path, "json"))["goals"] == []


@pytest.mark.parametrize("words", HOSTILE)
def test_a_persons_words_stay_words(cli: CliRunner, tmp_path: Path, words: str) -> None:
    _journal_with_a_goal(cli, words)
    stored = json.loads(_report(cli, tmp_path, "json"))["goals"][0]["success"]
    assert "\x00" not in stored
    html = _report(cli, tmp_path, "html")
    assert "<script>alert" not in html and 'href="javascript' not in html
    md = _report(cli, tmp_path, "md")
    line = next(x for x in md.splitlines() if "Success:" in x)
    # Markdown's own characters escaped: no raw tag, no link, no heading.
    assert not re.search(r"(?<!\\)<script|(?<!\\)\]\(javascript", line)
    assert line.startswith("- ")
