"""After the weekly reflection: a coach's due exercises are offered, and done in place."""

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
from support.weekly_keys import TO_THE_TAKEAWAY

ENTER = "\r"
UP = "\x1b[A"
PACK = example_pack(load_rubric(REPO / "rubrics"))

WEEKLY = TO_THE_TAKEAWAY + "Ask first\r" + ENTER  # the takeaway, then save
EXERCISE = (
    "They found the answer themselves\r"  # what-happened
    + "\r"  # who: skipped
    + "2\r"  # how-hard: somewhat hard
    + ENTER  # again: yes
    + ENTER  # save
)


@pytest.fixture(autouse=True)
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)


@pytest.fixture
def imported(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    # Imported two days ago: no exercise is due before its first week is over (8d), so
    # now they are due within the week, which is when a reflection offers them.
    earlier = clock.now() - dt.timedelta(days=2)
    with mock.patch.object(clock, "now", lambda zone=None: earlier.astimezone(zone)):
        assert cli("exercises", "import", str(path)).code == 0


@contextmanager
def typed(keys: str) -> Iterator[None]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()  # running out of keys ends the prompt instead of hanging
        yield


def reflect(cli: CliRunner, keys: str, *args: str) -> Result:
    with typed(keys):
        return cli("reflect", *args)


@pytest.mark.usefixtures("imported")
def test_a_due_exercise_is_offered_and_done_after_the_weekly(cli: CliRunner) -> None:
    # Offered most pressing first (the same day: by id), "not now" last: two up.
    result = reflect(cli, WEEKLY + UP + UP + ENTER + EXERCISE)
    assert result.code == 0, result.err
    with open_journal() as journal:
        sessions = {s.flow_id: s for s in journal.sessions()}
        done = journal.assignment("first-month/ask-dont-tell")
        later = journal.assignment("first-month/weekly-rhythm")
    assert set(sessions) == {"weekly", "exercise:first-month/ask-dont-tell"}
    exercise = sessions["exercise:first-month/ask-dont-tell"]
    assert exercise.status == "complete"
    answer = exercise.answer("how-hard")
    assert answer is not None and answer.value == "somewhat hard"
    assert done.status == "done" and done.times_done == 1
    assert later.times_done == 0  # offered too, but not the one picked


@pytest.mark.usefixtures("imported")
def test_not_now_leaves_the_exercise_waiting(cli: CliRunner) -> None:
    result = reflect(cli, WEEKLY + ENTER)  # the offer's default: not now
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
        assert journal.drafts() == []
        waiting = journal.assignment("first-month/ask-dont-tell")
    assert session.flow_id == "weekly"
    assert waiting.status == "assigned" and waiting.times_done == 0


@pytest.mark.usefixtures("imported")
def test_leaving_at_the_offer_keeps_the_saved_reflection(cli: CliRunner) -> None:
    result = reflect(cli, WEEKLY)  # the keys run out at the offer
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert session.status == "complete"


REAL_CHOOSE = ask.choose


def never_asked(message: str, choices: list[tuple[str, str]], default: str | None = None) -> str:
    if message == "Do one now?":
        raise AssertionError("asked to do an exercise")
    return REAL_CHOOSE(message, choices, default)  # the review screen before saving


def test_no_offer_without_exercises(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "choose", never_asked)
    result = reflect(cli, WEEKLY)
    assert result.code == 0, result.err


@pytest.mark.usefixtures("imported")
def test_an_answers_file_is_never_asked_and_mentions_the_exercise(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ask, "choose", never_asked)
    template = cli("reflect", "--answers-template")
    assert template.code == 0, template.err
    answers = tmp_path / "answers.yaml"
    answers.write_text(template.out, encoding="utf-8")
    result = cli("reflect", "--answers", str(answers))
    assert result.code == 0, result.err
    mentions = [line for line in result.err.splitlines() if "From your coach" in line]
    assert len(mentions) == 1
    assert "`belonging exercises do first-month/ask-dont-tell`" in mentions[0]
    with open_journal() as journal:
        assert [s.flow_id for s in journal.sessions()] == ["weekly"]
