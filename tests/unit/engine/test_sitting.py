"""One sitting runs any flow: Ctrl-C is kept in one place, one loop asks in order.

A person is played by replacing `ask.ask` / `ask.confirm` (the terminal's only
entry points), so every test runs the real command and the real journal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from belonging_cli import ask
from belonging_cli.coaching.example import example_pack
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.answers import fallback
from belonging_cli.engine.history import History
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import Engine
from belonging_cli.engine.sources import Reply, run_flow
from belonging_cli.journal.store import open_journal
from belonging_cli.records import AnswerValue, Experiment
from support.cli import REPO, CliRunner

RUBRIC = load_rubric(REPO / "rubrics")
FLOWS = load_flows(REPO / "prompts")
AT = dt.datetime(2026, 11, 27, 12, tzinfo=dt.timezone.utc)
KEPT = "your answers so far are kept"


class Person:
    """Answers every question with its default, and presses Ctrl-C when told to."""

    def __init__(self, stop_after: int | None = None, *, at_save: bool = False) -> None:
        self.asked: list[str] = []
        self.stop_after = stop_after
        self.at_save = at_save

    def ask(self, question: Question) -> Reply:
        if question.ask == "info":
            return None, None
        if self.stop_after is not None and len(self.asked) == self.stop_after:
            raise KeyboardInterrupt  # between two prompts: not a prompt's own Ctrl-C
        self.asked.append(question.id)
        value: AnswerValue = fallback(question)
        if question.ask == "experiment":
            value = question.choices[0].value
        return value, None

    def confirm(self, message: str, default: bool = True, **titles: str) -> bool:
        return True

    def choose(
        self, message: str, choices: list[tuple[str, str]], default: str | None = None
    ) -> str:
        if message.startswith("Save it"):  # the review screen: saved, blank or not
            if self.at_save:
                raise KeyboardInterrupt
            return next(value for value, title in choices if title.startswith("Save"))
        return default or choices[0][0]


@pytest.fixture
def person(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Person]:
    def play(*args: Any, **kwargs: Any) -> Person:
        who = Person(*args, **kwargs)
        monkeypatch.setattr(ask, "terminal_available", lambda: True)
        monkeypatch.setattr(ask, "ask", who.ask)
        monkeypatch.setattr(ask, "confirm", who.confirm)
        monkeypatch.setattr(ask, "say", lambda *a, **k: None)
        monkeypatch.setattr(ask, "choose", who.choose)
        return who

    return play


def drafts() -> list[Any]:
    with open_journal() as journal:
        return journal.drafts()


def test_ctrl_c_between_two_prompts_keeps_a_reflection_and_says_so(
    cli: CliRunner, person: Callable[..., Person]
) -> None:
    person(stop_after=5)  # how you are, the win, three ratings
    result = cli("reflect")
    assert result.code == 130
    assert KEPT in result.err and "`belonging reflect` resumes them" in result.err
    (draft,) = drafts()
    assert len(draft.ratings) == 3
    # The next run resumes it and asks only what is left.
    who = person()
    assert cli("reflect", "--resume").code == 0
    assert who.asked[0] == f"pulse.{RUBRIC.ids()[3]}"
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert session.id == draft.id and len(session.ratings) == len(RUBRIC.ids())


def test_ctrl_c_at_save_it_keeps_a_reflection_and_says_so(
    cli: CliRunner, person: Callable[..., Person]
) -> None:
    person(at_save=True)
    result = cli("reflect")
    assert result.code == 130 and KEPT in result.err
    (draft,) = drafts()
    assert draft.status == "draft" and len(draft.ratings) == len(RUBRIC.ids())


@pytest.fixture
def imported(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(example_pack(RUBRIC), encoding="utf-8")
    assert cli("exercises", "import", str(path)).code == 0


@pytest.mark.usefixtures("imported")
def test_ctrl_c_at_save_it_keeps_an_exercise_and_says_so(
    cli: CliRunner, person: Callable[..., Person]
) -> None:
    person(at_save=True)
    result = cli("exercises", "do", "ask-dont-tell")
    assert result.code == 130 and KEPT in result.err
    assert "`belonging exercises do first-month/ask-dont-tell` resumes them" in result.err
    (draft,) = drafts()
    assert draft.assignment_id == "first-month/ask-dont-tell"
    assert "_focus" not in {a.step_id for a in draft.answers}  # given up front, never saved


def next_question_order(engine: Engine, answer: Callable[[Question], Reply]) -> list[str]:
    """The order the engine's own `next_question` gives, one question at a time."""
    asked = []
    while (question := engine.next_question()) is not None:
        value, private = answer(question)
        engine.answer(question, value, AT, private)
        asked.append(question.id)
    return asked


class Scripted:
    """Answers that bring follow-ups: ratings that moved, a review tried, a low balance."""

    def known(self, question: Question) -> Reply | None:
        return None

    def show(self, question: Question) -> None:
        self.seen.append(question.id)

    def __init__(self) -> None:
        self.seen: list[str] = []

    def ask(self, question: Question) -> Reply:
        self.seen.append(question.id)
        return scripted(question)


def scripted(question: Question) -> Reply:
    if question.kind == "review":
        return "tried", None
    if question.ask in ("rate", "scale"):
        return 1, None
    if question.ask == "experiment":
        return question.choices[-2].value, None
    return fallback(question), None


def history() -> History:
    """Last week rated 3 everywhere, with an experiment to review now."""
    from support.sessions import a_session

    behaviour = RUBRIC.behaviours[0]
    experiment = Experiment(
        id="e1",
        behaviour_id=behaviour.id,
        title=behaviour.experiments[0].title,
        week="2026-W48",
        created_at=AT - dt.timedelta(days=7),
    )
    return History(sessions=(a_session(),), open_experiments=(experiment,))


@pytest.mark.parametrize("flow_id", FLOWS.ids())
def test_the_one_loop_asks_in_the_order_the_engine_gives(flow_id: str) -> None:
    def make() -> Engine:
        return Engine(FLOWS.get(flow_id), RUBRIC, history(), "2026-W48", AT.date())

    expected = next_question_order(make(), scripted)
    assert any(q.endswith(".evidence") for q in expected) or flow_id != "weekly"
    assert "review.happened" in expected or flow_id != "weekly"
    source = Scripted()
    engine = make()
    run_flow(engine, source, lambda: AT)
    assert source.seen == expected
    assert engine.next_question() is None
