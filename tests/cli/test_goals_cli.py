"""`belonging goals`: add, list, close and review a person's development goals."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml

from belonging_cli.clock import iso_week
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Rating
from support.cli import CliRunner
from support.places import REPO
from support.sessions import weekly_session

HOSTILE = REPO / "tests" / "hostile" / "goals"


def _add(cli: CliRunner, behaviour: str, target: str = "4", by: str = "12w") -> str:
    success = "Two free afternoons"
    result = cli("goals", "add", behaviour, "--target", target, "--by", by, "--success", success)
    assert result.code == 0, result.err
    return result.out.split()[1]  # "Goal 1a2b3c4d added: ..."


def _rate(behaviour: str, level: int, when: dt.datetime) -> None:
    """A reflection rating `behaviour` at `when`, in the home's journal."""
    with open_journal() as journal:
        rating = Rating(behaviour, level, when)
        journal.create_session(weekly_session(when, week=iso_week(when.date()), ratings=(rating,)))


def test_a_goal_added_is_listed_with_its_target_and_date(cli: CliRunner) -> None:
    goal_id = _add(cli, "protect-time", by="2099-03-01")
    listed = cli("goals")
    assert listed.code == 0
    assert goal_id in listed.out
    assert "Protect time" in listed.out and "-> 4 by 1 Mar 2099: not rated yet" in listed.out
    as_json = json.loads(cli("goals", "list", "--json").out)
    assert [g["behaviour_id"] for g in as_json] == ["protect-time"]
    assert as_json[0]["due"] == "2099-03-01" and as_json[0]["success"] == "Two free afternoons"


def test_a_fourth_open_goal_is_refused_in_one_line(cli: CliRunner) -> None:
    for behaviour in ("1", "2", "3"):
        _add(cli, behaviour)
    fourth = cli("goals", "add", "4", "--target", "3", "--by", "8w", "--success", "More")
    assert fourth.code == 1
    assert fourth.err.count("\n") == 1 and "3 open goals already" in fourth.err
    assert "Traceback" not in fourth.err
    assert len(json.loads(cli("goals", "list", "--json").out)) == 3


def test_a_closed_goal_makes_room_and_keeps_how_it_ended(cli: CliRunner) -> None:
    ids = [_add(cli, b) for b in ("1", "2", "3")]
    closed = cli("goals", "close", ids[0], "--achieved")
    assert closed.code == 0 and "achieved" in closed.out
    assert cli("goals", "add", "4", "--target", "3", "--by", "8w", "--success", "x").code == 0
    again = cli("goals", "close", ids[0], "--dropped")
    assert again.code == 1 and "closed already" in again.err
    statuses = {g["id"][:8]: g["status"] for g in json.loads(cli("goals", "--json").out)}
    assert statuses[ids[0]] == "achieved"


def test_close_needs_to_know_how_it_ended(cli: CliRunner) -> None:
    goal_id = _add(cli, "1")
    result = cli("goals", "close", goal_id)
    assert result.code == 2 and "--achieved or --dropped" in result.err
    assert cli("goals", "close", "ffffffff", "--dropped").code == 1


def test_one_open_goal_a_behaviour(cli: CliRunner) -> None:
    _add(cli, "protect-time")
    result = cli("goals", "add", "2", "--target", "5", "--by", "20w", "--success", "y")
    assert result.code == 1 and "already have an open goal" in result.err


@pytest.mark.parametrize("by", yaml.safe_load((HOSTILE / "by_dates.yaml").read_text()))
def test_a_date_that_is_not_ahead_is_refused_and_nothing_written(cli: CliRunner, by: str) -> None:
    result = cli("goals", "add", "1", "--target", "4", "--by", by, "--success", "x")
    assert result.code == 2, (by, result.err)
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert json.loads(cli("goals", "--json").out) == []


def test_bad_target_behaviour_and_missing_options(cli: CliRunner) -> None:
    assert cli("goals", "add", "1", "--target", "9", "--by", "8w", "--success", "x").code == 2
    unknown = cli("goals", "add", "no-such", "--target", "3", "--by", "8w", "--success", "x")
    assert unknown.code == 1 and "like cultivate-belonging" in unknown.err
    missing = cli("goals", "add", "1", "--target", "3")  # not a terminal: nothing is asked
    assert missing.code == 2 and "--by, --success" in missing.err
    blank = cli("goals", "add", "1", "--target", "3", "--by", "8w", "--success", " \t ")
    assert blank.code == 2 and "success" in blank.err


def test_review_shows_where_they_were_where_they_are_and_the_trend(cli: CliRunner) -> None:
    now = dt.datetime.now(dt.timezone.utc)
    _rate("protect-time", 2, now - dt.timedelta(days=7))
    goal_id = _add(cli, "protect-time")
    _rate("protect-time", 3, now + dt.timedelta(minutes=1))
    review = cli("goals", "review")
    assert review.code == 0, review.err
    assert goal_id in review.out
    assert "Success: Two free afternoons" in review.out
    assert "at 2; now 3, rising" in review.out
    assert "weeks left" in review.out
    line = cli("goals").out
    assert "Protect time to reflect, experiment, engage and rest 2 -> 4 by" in line
    assert line.rstrip().endswith("now 3, rising")
