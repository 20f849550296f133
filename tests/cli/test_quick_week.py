"""Issue 13, "A quick week": `belonging reflect --quick` runs the quick flow (last
week's experiment, the few ratings, next week's experiment, the takeaway), and a quick
week is the week's reflection as the weekly one is: once a week, the streak, status.
`--all` rates every behaviour. A person is played by replacing `ask.ask` (every
question of a flow) and `ask.choose` (the review screen: save)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from belonging_cli import ask
from belonging_cli.engine.answers import fallback
from belonging_cli.engine.questions import Question
from belonging_cli.engine.sources import Reply
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Session
from support.cli import CliRunner
from support.reflecting import answers_file

WEEK_STEPS = {"focus", "reflect", "control", "influence", "balance", "tip", "tags"}


class Person:
    """Answers every question with its default (a few words for text), and saves."""

    def __init__(self) -> None:
        self.asked: list[Question] = []

    def ask(self, question: Question) -> Reply:
        if question.ask == "info":
            return None, None
        self.asked.append(question)
        if question.is_text:
            return "A hard week", None
        if question.kind == "review":
            return "tried", None
        if question.ask in ("experiment", "rate") and question.default is None:
            return question.choices[0].value, None
        return fallback(question), None

    def choose(
        self, message: str, choices: list[tuple[str, str]], default: str | None = None
    ) -> str:
        if message.startswith("Save it"):
            return next(value for value, title in choices if title.startswith("Save"))
        return default or choices[0][0]

    def steps(self) -> set[str]:
        return {q.id.split(".")[0] for q in self.asked}


@pytest.fixture
def person(monkeypatch: pytest.MonkeyPatch) -> Callable[[], Person]:
    def play() -> Person:
        who = Person()
        monkeypatch.setattr(ask, "terminal_available", lambda: True)
        monkeypatch.setattr(ask, "ask", who.ask)
        monkeypatch.setattr(ask, "choose", who.choose)
        monkeypatch.setattr(ask, "say", lambda *a, **k: None)
        return who

    return play


def sessions() -> list[Session]:
    with open_journal() as journal:
        return journal.sessions()


def a_week_ago() -> str:
    return (dt.date.today() - dt.timedelta(days=7)).isoformat()


def test_a_quick_week_asks_the_review_ratings_experiment_and_takeaway(
    cli: CliRunner, person: Callable[[], Person]
) -> None:
    person()
    assert cli("reflect", "--date", a_week_ago()).code == 0  # a weekly, with an experiment
    who = person()
    result = cli("reflect", "--quick")
    assert result.code == 0, result.err
    assert not who.steps() & WEEK_STEPS, who.steps()
    assert {"review", "pulse", "next-experiment", "takeaway"} <= who.steps()
    quick = sessions()[0]
    assert quick.flow_id == "quick" and quick.focus_behaviour_id is not None
    assert quick.answer("takeaway") is not None
    with open_journal() as journal:
        (open_one,) = journal.experiments(status="open")
    assert open_one.created_session_id == quick.id
    words = [q for q in who.asked if q.ask != "rate"]
    assert len(words) <= 5  # the review and its two notes, the experiment, the takeaway


def test_quick_with_flow_is_a_usage_error(cli: CliRunner) -> None:
    result = cli("reflect", "--quick", "--flow", "weekly")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "--quick" in result.err


def test_a_quick_week_is_the_weeks_reflection_for_the_once_a_week_guard(
    cli: CliRunner, tmp_path: Path
) -> None:
    weekly, quick = answers_file(cli, tmp_path), answers_file(cli, tmp_path, "--quick")
    assert "flow: quick" in quick.read_text("utf-8")
    assert cli("reflect", "--answers", str(quick)).code == 0
    second = cli("reflect", "--answers", str(weekly))
    assert second.code == 1 and "--again" in second.err  # a weekly after a quick week
    # This week's few have moved on (one in rotation): a file made for them now.
    again = cli("reflect", "--answers", str(answers_file(cli, tmp_path, "--quick")))
    assert again.code == 1 and "--again" in again.err
    assert cli("reflect", "--answers", str(weekly), "--again").code == 0


def test_a_quick_week_after_the_weekly_asks_first_at_the_terminal(
    cli: CliRunner, tmp_path: Path, person: Callable[[], Person], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("reflect", "--answers", str(answers_file(cli, tmp_path))).code == 0
    asked: list[str] = []
    who = person()

    def choose(message: str, choices: list[tuple[str, str]], default: str | None = None) -> str:
        asked.append(message)
        return "stop" if message.startswith("Edit that one") else who.choose(message, choices)

    monkeypatch.setattr(ask, "choose", choose)
    result = cli("reflect", "--quick")
    assert result.code == 0, result.err
    assert asked == ["Edit that one, or start another?"]
    assert [s.flow_id for s in sessions()] == ["weekly"]


def test_a_quick_week_keeps_the_streak_and_is_the_week_done(cli: CliRunner, tmp_path: Path) -> None:
    for args in (("--date", a_week_ago()), ("--quick",)):
        path = answers_file(cli, tmp_path, *args)
        assert cli("reflect", "--answers", str(path)).code == 0
    status: dict[str, Any] = json.loads(cli("status", "--json").out)
    assert status["streak"]["current"] == 2
    assert status["reflection"]["state"] == "done"


def test_all_rates_every_behaviour(cli: CliRunner, person: Callable[[], Person]) -> None:
    person()
    assert cli("reflect", "--date", a_week_ago()).code == 0
    few = person()
    assert cli("reflect", "--quick").code == 0
    every = person()
    assert cli("reflect", "--all", "--again").code == 0
    rated = [q for q in every.asked if q.ask == "rate"]
    assert len(rated) == 10
    assert len([q for q in few.asked if q.ask == "rate"]) <= 10


def test_a_first_quick_week_rates_the_few_and_asks_at_most_eight(
    cli: CliRunner, person: Callable[[], Person]
) -> None:
    who = person()  # no journal yet: a first week, which in the weekly flow rates all ten
    assert cli("reflect", "--quick").code == 0
    ratings = [q for q in who.asked if q.ask == "rate"]
    assert 1 <= len(ratings) <= 3, [q.id for q in ratings]
    assert len(who.asked) <= 8, [q.id for q in who.asked]


def test_a_quick_week_rates_all_ten_only_when_asked(
    cli: CliRunner, person: Callable[[], Person]
) -> None:
    who = person()
    assert cli("reflect", "--quick", "--all").code == 0
    assert len([q for q in who.asked if q.ask == "rate"]) == 10
