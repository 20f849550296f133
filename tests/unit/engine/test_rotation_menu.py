"""The experiment menu at a terminal: "Again: one you tried before..." opens the tried
ones, and "Back to the new ones" returns to the menu (prompt_toolkit's pipe input)."""

from __future__ import annotations

import datetime as dt

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from belonging_cli import ask
from belonging_cli.clock import iso_week
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.answers import fallback
from belonging_cli.engine.history import History
from belonging_cli.engine.questions import AGAIN_CHOICE, Question
from belonging_cli.engine.session import Engine
from belonging_cli.records import AnswerValue, Experiment

T0 = dt.datetime(2026, 6, 5, 16, 0, tzinfo=dt.timezone.utc)
ENTER, DOWN = "\r", "\x1b[B"


def the_menu() -> Question:
    rubric = load_rubric()
    behaviour = rubric.get("cultivate-belonging")
    done = behaviour.experiments[1]
    last = Experiment(
        id="x",
        behaviour_id=behaviour.id,
        title=done.title,
        week=iso_week((T0 - dt.timedelta(weeks=2)).date()),
        created_at=T0 - dt.timedelta(weeks=3),
        rubric_experiment_id=done.id,
        status="done",
    )
    engine = Engine(
        load_flows().get("weekly"),
        rubric,
        History(past_experiments=(last,)),
        iso_week(T0.date()),
        T0.date(),
    )
    while (q := engine.next_question()) is not None and q.kind != "experiment":
        engine.answer(q, {"focus": behaviour.id}.get(q.id, fallback(q)), T0)
    assert q is not None
    return q


def answered(question: Question, keys: str) -> AnswerValue:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        return ask.ask(question)[0]


def test_again_opens_the_tried_ones() -> None:
    question = the_menu()
    at = question.choice_values().index(AGAIN_CHOICE) + 1
    assert answered(question, f"{at}{ENTER}{ENTER}") == question.again[0].value


def test_back_returns_to_the_menu() -> None:
    question = the_menu()
    at = question.choice_values().index(AGAIN_CHOICE) + 1
    keys = f"{at}{ENTER}" + DOWN * len(question.again) + ENTER + ENTER
    assert answered(question, keys) == question.default
