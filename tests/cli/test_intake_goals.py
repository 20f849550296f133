"""Week one's goals become goals (issue 15): the intake asks each in its parts (behaviour,
target level, by when, what success looks like; one to three, skippable), and saving
the intake opens them in the same transaction as the session, as `belonging goals add`
would, each starting from the intake's baseline rating of its behaviour. Answers files
give them too, a bad part refused at its `file:line:col` with nothing written."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml

from belonging_cli import ask
from belonging_cli.journal import goals_store
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.keys import ENTER, typed
from support.places import HOSTILE
from support.three_clients import frozen_at

TODAY = dt.date(2026, 11, 2)  # a Monday, the first week
DOWN = "\x1b[B"
BACK = "\x7f"
BAD_PARTS: list[dict[str, Any]] = yaml.safe_load(
    (HOSTILE / "intake_goals" / "bad_parts.yaml").read_text(encoding="utf-8")
)


def template(cli: CliRunner) -> str:
    made = cli("reflect", "--flow", "intake", "--answers-template")
    assert made.code == 0, made.err
    return made.out


def answers_file(cli: CliRunner, tmp_path: Path, goals: str, baseline: int = 2) -> Path:
    """The intake's template with every behaviour rated `baseline` and `goals` (lines
    of the answers mapping) in place of its skipped goal."""
    text = template(cli)
    skipped = '  goals.1.behaviour: "none"\n'
    assert skipped in text
    text = text.replace(skipped, goals)
    text = text.replace(": 3\n", f": {baseline}\n")  # every baseline rating
    path = tmp_path / "intake.yaml"
    path.write_text(text, encoding="utf-8")
    return path


THREE = """\
  goals.1.behaviour: protect-time
  goals.1.target: 4
  goals.1.by: 12w
  goals.1.success: Two mornings a week with no meetings, kept
  goals.2.behaviour: 6
  goals.2.target: 3
  goals.2.by: 2027-03-31
  goals.2.success: I ask two questions before I answer
  goals.3.behaviour: cultivate-belonging
  goals.3.target: 3
  goals.3.by: "2027-01-31"
  goals.3.success: Everyone speaks in the Monday meeting
"""


def listed(cli: CliRunner) -> list[dict[str, Any]]:
    with frozen_at(TODAY):
        shown = cli("goals", "--json")
    assert shown.code == 0, shown.err
    found: list[dict[str, Any]] = json.loads(shown.out)
    return found


def nothing_written() -> None:
    with open_journal() as journal:
        assert journal.sessions() == [] and journal.drafts() == []
        assert journal.goals() == []


def test_an_answers_file_sets_three_goals_that_start_at_the_baseline(
    cli: CliRunner, tmp_path: Path
) -> None:
    path = answers_file(cli, tmp_path, THREE, baseline=2)
    with frozen_at(TODAY):
        saved = cli("reflect", "--flow", "intake", "--answers", str(path))
    assert saved.code == 0, saved.err
    goals = {g["behaviour_id"]: g for g in listed(cli)}
    assert list(goals) == ["protect-time", "prompt-insight", "cultivate-belonging"]
    protect = goals["protect-time"]
    assert (protect["target"], protect["due"]) == (4, "2027-01-25")  # 12 weeks from 2 Nov
    assert protect["success"] == "Two mornings a week with no meetings, kept"
    assert protect["status"] == "open" and protect["by_coach"] is False
    assert all(g["start"] == 2 for g in goals.values())  # the intake's own ratings
    assert goals["prompt-insight"]["due"] == "2027-03-31"
    with frozen_at(TODAY):
        shown = cli("goals")
    assert "Protect time to reflect, experiment, engage and rest 2 -> 4 by 25 Jan" in shown.out
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert session.flow_id == "intake"
    kept = {a.step_id: a.value for a in session.answers if a.step_id.startswith("goals.")}
    assert kept["goals.1.by"] == "2027-01-25"  # the day itself, not "12w"


def test_the_goals_are_skippable(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "intake.yaml"
    path.write_text(template(cli), encoding="utf-8")  # as printed: no goal
    with frozen_at(TODAY):
        assert cli("reflect", "--flow", "intake", "--answers", str(path)).code == 0
    assert listed(cli) == []


@pytest.mark.parametrize("case", BAD_PARTS, ids=[c["name"] for c in BAD_PARTS])
def test_a_bad_part_is_refused_at_its_line_and_nothing_is_written(
    cli: CliRunner, tmp_path: Path, case: dict[str, Any]
) -> None:
    text = THREE.replace(case["old"], case["new"], 1)
    assert text != THREE, case["name"]
    path = answers_file(cli, tmp_path, text)
    with frozen_at(TODAY):
        refused = cli("reflect", "--flow", "intake", "--answers", str(path))
    assert refused.code == 1
    written = path.read_text(encoding="utf-8")
    line = written[: written.index(case["at"])].count("\n") + 1
    (problem,) = refused.err.splitlines()
    assert problem.startswith(f"{path}:{line}:"), refused.err
    assert case["says"] in problem
    assert "Traceback" not in refused.err
    nothing_written()


def test_three_goals_at_most(cli: CliRunner, tmp_path: Path) -> None:
    fourth = THREE + "  goals.4.behaviour: credit-to-others\n"
    path = answers_file(cli, tmp_path, fourth)
    with frozen_at(TODAY):
        refused = cli("reflect", "--flow", "intake", "--answers", str(path))
    assert refused.code == 1
    assert "goals.4.behaviour: you have 3 open goals already, the most there can be" in refused.err
    nothing_written()


def test_open_goals_leave_room_for_the_rest_only(cli: CliRunner, tmp_path: Path) -> None:
    with frozen_at(TODAY):
        for behaviour in ("protect-time", "embrace-messiness"):
            added = cli("goals", "add", behaviour, "--target", "4", "--by", "8w", "--success", "x")
            assert added.code == 0, added.err
    again = answers_file(cli, tmp_path, THREE)
    with frozen_at(TODAY):
        refused = cli("reflect", "--flow", "intake", "--answers", str(again))
    assert refused.code == 1
    assert "goals.1.behaviour: you already have an open goal for Protect time" in refused.err
    assert "goals.3.behaviour: you have 3 open goals already" in refused.err
    assert "not asked" not in refused.err  # each goal's parts are checked all the same
    one = "  goals.1.behaviour: 6\n  goals.1.target: 3\n  goals.1.by: 12w\n"
    path = answers_file(cli, tmp_path, one + "  goals.1.success: I ask first\n")
    with frozen_at(TODAY):
        saved = cli("reflect", "--flow", "intake", "--answers", str(path))
    assert saved.code == 0, saved.err
    assert len(listed(cli)) == 3


def test_a_failure_while_saving_writes_neither_the_session_nor_a_goal(
    cli: CliRunner, tmp_path: Path
) -> None:
    path = answers_file(cli, tmp_path, THREE)
    real = goals_store.add
    opened: list[str] = []

    def the_disk_fails_at_the_third(conn: sqlite3.Connection, goal: Any, title: str) -> None:
        if len(opened) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        real(conn, goal, title)
        opened.append(goal.id)

    with frozen_at(TODAY), mock.patch.object(goals_store, "add", the_disk_fails_at_the_third):
        failed = cli("reflect", "--flow", "intake", "--answers", str(path))
    assert failed.code == 1 and "Traceback" not in failed.err
    assert len(opened) == 2  # two were written inside the transaction, then rolled back
    nothing_written()
    with frozen_at(TODAY):  # and the same file simply works the next time
        assert cli("reflect", "--flow", "intake", "--answers", str(path)).code == 0
    assert len(listed(cli)) == 3


def intake_keys(goals: str) -> str:
    return (
        "A team of six\r"  # role
        + "Ana, my manager\r"  # stakeholders
        + "They decide without me\r"  # success in three months
        + ("2\r" + "Moved the stand-up so Ana leads it\r") * 10  # baseline, with evidence
        + goals
        + ENTER  # tags: none
        + ENTER  # save
    )


def test_at_a_terminal_goals_are_asked_part_by_part_and_a_bad_date_is_refused(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)
    goals = (
        DOWN + ENTER  # the second behaviour: protect time
        + "4\r"  # target: 4 (the default is one above the baseline: 3)
        + BACK * 3 + "next spring\r"  # over the default 12w: refused, the prompt stays
        + BACK * 11 + "2027-04-30\r"  # by when
        + "Two mornings a week kept free\r"  # success
        + ENTER  # another goal? the highlighted "That's all"
    )  # fmt: skip
    with frozen_at(TODAY), typed(intake_keys(goals)):
        done = cli("reflect", "--flow", "intake")
    assert done.code == 0, done.err
    (goal,) = listed(cli)
    assert (goal["behaviour_id"], goal["target"], goal["due"]) == ("protect-time", 4, "2027-04-30")
    assert goal["success"] == "Two mornings a week kept free"
    assert goal["start"] == 2  # the baseline just given


def test_at_a_terminal_no_goal_for_now_sets_none(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)
    none_for_now = "\x1b[A" + ENTER  # up from the first behaviour: the last, "No goal for now"
    with frozen_at(TODAY), typed(intake_keys(none_for_now)):
        done = cli("reflect", "--flow", "intake")
    assert done.code == 0, done.err
    assert listed(cli) == []
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert session.flow_id == "intake" and len(session.ratings) == 10
