"""`belonging exercises do`: an exercise answered in-process through prompt_toolkit's pipe input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from belonging_cli import ask, clock
from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from support.cli import REPO, CliRunner, Result

ENTER = "\r"
CTRL_C = "\x03"
PACK = example_pack(load_rubric(REPO / "rubrics"))


@pytest.fixture(autouse=True)
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)


@pytest.fixture
def imported(cli: CliRunner, tmp_path: Path) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    assert cli("exercises", "import", str(path)).code == 0
    return path


@contextmanager
def typed(keys: str) -> Iterator[None]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        yield


def do(cli: CliRunner, keys: str, *args: str) -> Result:
    with typed(keys):
        return cli("exercises", "do", *args)


ANSWERS = (
    "They found the answer themselves\r"  # what-happened (long text)
    + "Priya, who rarely speaks\r"  # who (private by the pack)
    + "2\r"  # how-hard: somewhat hard
    + ENTER  # again: yes
    + ENTER  # save
)


@pytest.mark.usefixtures("imported")
def test_doing_an_exercise_end_to_end(cli: CliRunner) -> None:
    result = do(cli, ANSWERS, "ask-dont-tell")
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
        assignment = journal.assignment("first-month/ask-dont-tell")
    assert session.flow_id == "exercise:first-month/ask-dont-tell"
    assert session.assignment_id == "first-month/ask-dont-tell"
    assert session.focus_behaviour_id == "prompt-insight"
    assert session.status == "complete"
    values = {a.step_id: a.value for a in session.answers}
    assert values == {
        "what-happened": "They found the answer themselves",
        "who": "Priya, who rarely speaks",
        "how-hard": "somewhat hard",
        "again": True,
    }
    who = session.answer("who")
    assert who is not None and who.private
    assert assignment.status == "done" and assignment.times_done == 1
    listed = cli("exercises", "list", "--json")
    assert '"state": "done"' in listed.out
    again = do(cli, "", "ask-dont-tell")
    assert again.code == 1
    assert "is done; nothing to do" in again.err


@pytest.mark.usefixtures("imported")
def test_an_interrupted_exercise_is_resumed(cli: CliRunner) -> None:
    first = do(cli, "Half an answer\r" + CTRL_C, "ask-dont-tell")
    assert first.code == 130
    assert "exercises do first-month/ask-dont-tell" in first.err
    with open_journal() as journal:
        (draft,) = journal.drafts()
    assert draft.assignment_id == "first-month/ask-dont-tell"
    assert [a.step_id for a in draft.answers] == ["what-happened"]
    rest = "\r" + "3\r" + ENTER + ENTER  # who: skipped (optional), very hard, yes, save
    second = do(cli, rest, "ask-dont-tell")
    assert second.code == 0, second.err
    with open_journal() as journal:
        (session,) = journal.sessions()
        assert journal.drafts() == []
    assert session.id == draft.id
    answer = session.answer("what-happened")
    assert answer is not None and answer.value == "Half an answer"
    how_hard = session.answer("how-hard")
    assert how_hard is not None and how_hard.value == "very hard"


@pytest.mark.usefixtures("imported")
def test_a_weekly_exercise_counts_each_time(cli: CliRunner) -> None:
    keys = "4\r" + ENTER + "Decided to say no to one meeting\r" + ENTER
    result = do(cli, keys, "weekly-rhythm")
    assert result.code == 0, result.err
    with open_journal() as journal:
        assignment = journal.assignment("first-month/weekly-rhythm")
        (session,) = journal.sessions()
    assert assignment.times_done == 1 and assignment.status == "assigned"
    kept = session.answer("kept-it")
    assert kept is not None and kept.value == 4
    first_due = dt.date.fromisoformat("2000-01-01")
    with open_journal() as journal:
        first_due = journal.assignment("first-month/weekly-rhythm").due or first_due
    # The next week: a weekly exercise counts once a week (a second time in the same
    # week is counted once: tests/cli/test_coach_trial_weekly.py).
    next_week = clock.now() + dt.timedelta(weeks=1)
    with mock.patch.object(clock, "now", lambda zone=None: next_week.astimezone(zone)):
        second = do(cli, keys, "weekly-rhythm")
    assert second.code == 0, second.err
    with open_journal() as journal:
        assignment = journal.assignment("first-month/weekly-rhythm")
        assert len(journal.sessions()) == 2
    assert assignment.times_done == 2
    # A week after it was done, never sooner than it was due (docs/packs.md).
    done_on = assignment.completed_at.date() if assignment.completed_at else first_due
    assert assignment.due == max(first_due, done_on + dt.timedelta(weeks=1))


def test_no_terminal_points_elsewhere(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)
    result = cli("exercises", "do", "anything")
    assert result.code == 2
    assert "not a terminal" in result.err


def test_rate_reflect_and_experiment_work_on_the_exercise_behaviour(
    cli: CliRunner, tmp_path: Path
) -> None:
    pack = tmp_path / "deep.yaml"
    pack.write_text(
        "id: deep\ntitle: Deep\nversion: 1\ncoach: {name: Sam}\nexercises:\n"
        "  - id: paradox\n    behaviour: navigate-paradox\n    title: Paradox week\n"
        "    instructions: Notice one tension and hold it.\n"
        "    questions:\n"
        "      - {id: now, kind: rate, evidence: never}\n"
        "      - {id: think, kind: reflect, count: 1}\n"
        "      - {id: next, kind: experiment}\n",
        encoding="utf-8",
    )
    assert cli("exercises", "import", str(pack)).code == 0
    result = do(cli, "2\r" + "Speed against care\r" + ENTER + ENTER, "paradox")
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
        (experiment,) = journal.experiments(status="open")
    assert [(r.behaviour_id, r.level) for r in session.ratings] == [("navigate-paradox", 2)]
    think = session.answer("think.1")
    assert think is not None and think.behaviour_id == "navigate-paradox" and think.prompt_id
    assert experiment.behaviour_id == "navigate-paradox"
    assert session.answer("exercise-focus") is None
