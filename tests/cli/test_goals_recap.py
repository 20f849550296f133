"""The weekly reflection's recap says where the person stands on a goal it rated, one line
a goal (the recap is drawn at a terminal only: its lines are asked for here)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from belonging_cli import settings as settings_module
from belonging_cli.cli.recap import wrap
from belonging_cli.clock import iso_week
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Rating
from support.cli import CliRunner
from support.places import REPO
from support.sessions import weekly_session

NOW = dt.datetime.now(dt.timezone.utc)


def _reflect(behaviour: str, level: int, when: dt.datetime) -> Any:
    with open_journal() as journal:
        session = weekly_session(
            when, week=iso_week(when.date()), ratings=(Rating(behaviour, level, when),)
        )
        journal.create_session(session)
    return session


def _lines(session: Any) -> list[str]:
    from belonging_cli.cli.goals import goal_lines

    engine = SimpleNamespace(rubric=load_rubric(REPO / "rubrics"))
    settings = settings_module.resolve(None)
    with open_journal() as journal:
        return goal_lines(settings, journal, engine, session)  # type: ignore[arg-type]


def test_the_recap_shows_progress_toward_a_goal_in_one_line(cli: CliRunner) -> None:
    _reflect("protect-time", 2, NOW - dt.timedelta(days=7))
    added = cli("goals", "add", "protect-time", "--target", "4", "--by", "2099-03-01",
                "--success", "Two free afternoons")  # fmt: skip
    assert added.code == 0, added.err
    this_week = _reflect("protect-time", 3, NOW + dt.timedelta(minutes=1))
    found = _lines(this_week)
    assert found == [
        "Goal: Protect time to reflect, experiment, engage and rest 2 -> 4 by 1 Mar 2099: "
        "now 3, rising"
    ]
    assert all(len(part) <= 58 for part in wrap(found[0]))


def test_no_goal_line_when_the_goal_was_not_rated(cli: CliRunner) -> None:
    assert cli("goals", "add", "1", "--target", "4", "--by", "8w", "--success", "x").code == 0
    assert _lines(_reflect("protect-time", 3, NOW)) == []
