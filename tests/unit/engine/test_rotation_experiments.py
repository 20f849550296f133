"""The experiment menu offers what was not tried lately, once each; "Again: ..." opens
the tried ones; and the review shows what the chosen experiment asked."""

from __future__ import annotations

import datetime as dt

import pytest

from belonging_cli.clock import iso_week, week_monday
from belonging_cli.content.flows import Flow
from belonging_cli.content.rubrics import Behaviour, Rubric
from belonging_cli.engine.answers import coerce, fallback
from belonging_cli.engine.history import History
from belonging_cli.engine.questions import AGAIN_CHOICE, OWN_CHOICE, Question
from belonging_cli.engine.session import Engine
from belonging_cli.records import AnswerValue, Experiment
from support.packaged import packaged_flow, packaged_rubric

T0 = dt.datetime(2026, 6, 5, 16, 0, tzinfo=dt.timezone.utc)
WEEK = iso_week(T0.date())
FOCUS = "cultivate-belonging"


@pytest.fixture
def rubric() -> Rubric:
    return packaged_rubric()


@pytest.fixture
def weekly() -> Flow:
    return packaged_flow("weekly")


@pytest.fixture
def behaviour() -> Behaviour:
    return packaged_rubric().get(FOCUS)


def tried(behaviour: Behaviour, n: int, weeks_ago: int, **fields: object) -> Experiment:
    """The behaviour's n-th rubric experiment, chosen for the week `weeks_ago` back."""
    picked = behaviour.experiments[n]
    monday = week_monday(WEEK) - dt.timedelta(weeks=weeks_ago)
    created = dt.datetime.combine(monday, dt.time(9), dt.timezone.utc) - dt.timedelta(days=3)
    values: dict[str, object] = {
        "id": f"e{n}-{weeks_ago}",
        "behaviour_id": behaviour.id,
        "title": picked.title,
        "week": iso_week(monday),
        "created_at": created,
        "rubric_experiment_id": picked.id,
        "signal": picked.signal_text(),
        "status": "done",
        **fields,
    }
    return Experiment(**values)  # type: ignore[arg-type]


def menu(
    weekly: Flow, rubric: Rubric, history: History, answers: dict[str, AnswerValue]
) -> tuple[Engine, Question]:
    engine = Engine(weekly, rubric, history, WEEK, T0.date())
    answers = {"focus": FOCUS, **answers}
    while (q := engine.next_question()) is not None and q.id != "next-experiment":
        engine.answer(q, answers.get(q.id, fallback(q)), T0)
    assert q is not None
    return engine, q


def test_an_experiment_tried_in_the_last_eight_weeks_is_not_offered_as_new(
    rubric: Rubric, weekly: Flow, behaviour: Behaviour
) -> None:
    recent = tried(behaviour, 0, weeks_ago=7)  # within the eight weeks
    older = tried(behaviour, 1, weeks_ago=8)  # just outside them
    _, question = menu(weekly, rubric, History(past_experiments=(recent, older)), {})
    values = question.choice_values()
    assert behaviour.experiments[0].id not in values
    assert behaviour.experiments[1].id in values
    assert [c.value for c in question.again] == [behaviour.experiments[0].id]
    assert question.default != behaviour.experiments[0].id


def test_the_menu_lists_each_experiment_once_and_one_entry_opens_the_tried_ones(
    rubric: Rubric, weekly: Flow, behaviour: Behaviour
) -> None:
    last_week = tried(behaviour, 2, weeks_ago=1, status="open")
    history = History(open_experiments=(last_week,), past_experiments=(last_week,))
    _, question = menu(weekly, rubric, history, {"review": "not_tried"})
    titles = [c.title for c in question.choices]
    again = [c for c in question.choices if c.value == AGAIN_CHOICE]
    assert len(again) == 1 and again[0].title.startswith("Again: one you tried before")
    assert titles[-1] == "Something of my own" and question.choices[-1].value == OWN_CHOICE
    # Nothing is listed twice, in the menu or behind "Again":
    listed = [c.value for c in question.choices] + [c.value for c in question.again]
    assert len(listed) == len(set(listed))
    assert not any(behaviour.experiments[2].title in t for t in titles)
    assert [c.value for c in question.again] == [behaviour.experiments[2].id]
    # The details describe what is on the menu, not what it leaves out.
    assert not any(d.startswith(behaviour.experiments[2].title) for d in question.details)


def test_one_tried_again_is_the_same_experiment_and_keeps_its_privacy(
    rubric: Rubric, weekly: Flow, behaviour: Behaviour
) -> None:
    mine = tried(
        behaviour,
        0,
        weeks_ago=1,
        status="open",
        rubric_experiment_id=None,
        title="Ask Jonas first",
        private=True,
    )
    history = History(open_experiments=(mine,), past_experiments=(mine,))
    engine, question = menu(weekly, rubric, history, {"review": "partly"})
    assert [c.title for c in question.again] == ["Ask Jonas first"]
    engine.answer(question, question.again[0].value, T0)
    new = engine.outcome("s", T0, "n").new
    assert new is not None and (new.title, new.private) == ("Ask Jonas first", True)


def test_no_again_entry_when_nothing_was_tried(
    rubric: Rubric, weekly: Flow, behaviour: Behaviour
) -> None:
    _, question = menu(weekly, rubric, History(), {})
    assert AGAIN_CHOICE not in question.choice_values() and not question.again
    assert [c.value for c in question.choices][:-1] == [e.id for e in behaviour.experiments]


def test_an_answers_file_may_name_a_tried_one_but_not_the_again_entry(
    rubric: Rubric, weekly: Flow, behaviour: Behaviour
) -> None:
    recent = tried(behaviour, 0, weeks_ago=2)
    engine, question = menu(weekly, rubric, History(past_experiments=(recent,)), {})
    assert coerce(question, behaviour.experiments[0].id, engine)[0] == behaviour.experiments[0].id
    with pytest.raises(ValueError):
        coerce(question, AGAIN_CHOICE, engine)


def test_the_review_shows_what_the_chosen_experiment_asked(
    rubric: Rubric, weekly: Flow, behaviour: Behaviour
) -> None:
    picked = behaviour.experiments[3]
    due = tried(behaviour, 3, weeks_ago=0, status="open")
    own = tried(
        behaviour,
        4,
        weeks_ago=0,
        status="open",
        id="own",
        rubric_experiment_id=None,
        title="Lunch with the new hire",
        signal=None,
    )
    engine = Engine(weekly, rubric, History(open_experiments=(due, own)), WEEK, T0.date())
    reviews = [q for q in engine.questions() if q.kind == "review"]
    first, second = (" ".join(" ".join(q.details).split()) for q in reviews)
    assert picked.title in first
    assert " ".join(picked.practice.split()) in first  # what it asked, as chosen
    assert all(f"{label} {text}" in first for label, text in picked.signals())
    assert "Lunch with the new hire" in second
    assert second.count("Lunch with the new hire") == 1 and "It works if" not in second
