"""The pulse's words (issue 13's leftover): the line at its start says how many
behaviours this week rates out of the rubric's ten, and each rating names the
behaviour's own number, so read together they never look like a counter of screens
("Rating 2 of 10 this week" beside "? 1/10 ...")."""

from __future__ import annotations

import datetime as dt
import re

from belonging_cli.clock import iso_week
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.answers import fallback
from belonging_cli.engine.history import History
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import Engine
from belonging_cli.records import Rating, Session
from support.sessions import weekly_session

DAY = dt.datetime(2026, 11, 20, 16, tzinfo=dt.timezone.utc)  # W47: an ordinary week
RUBRIC = load_rubric()
WEEKLY = load_flows().get("weekly")
# "2 of 10", "1/10": a position among so many, what a progress counter says.
COUNTER = re.compile(r"\b\d+\s*(?:of|/)\s*\d+\b")


def rated(*sessions: Session) -> list[Question]:
    engine = Engine(WEEKLY, RUBRIC, History(sessions=sessions), iso_week(DAY.date()), DAY.date())
    asked = []
    while (q := engine.next_question()) is not None:
        if q.ask == "rate":
            asked.append(q)
        engine.answer(q, fallback(q), DAY)
    return asked


def last_week(rated_ids: list[str]) -> Session:
    at = DAY - dt.timedelta(weeks=1)
    ratings = tuple(Rating(b, 3, at) for b in rated_ids)
    return weekly_session(
        at, week=iso_week(at.date()), focus_behaviour_id="protect-time", ratings=ratings
    )


def test_a_few_weeks_pulse_says_how_many_of_the_ten_without_a_counter() -> None:
    asked = rated(last_week(RUBRIC.ids()))
    assert len(asked) == 2
    help_line = asked[0].help or ""
    assert "you rate 2 behaviours" in help_line and "all 10" in help_line
    for question in asked:
        assert not COUNTER.search(f"{help_line} {question.message}"), question.message


def test_each_rating_names_the_behaviours_own_number() -> None:
    asked = rated(last_week(RUBRIC.ids()))
    numbers = {b.id: b.number for b in RUBRIC.behaviours}
    for question in asked:
        assert question.message.startswith(f"#{numbers[question.behaviour_id or '']} ")


def test_a_first_weeks_pulse_rates_all_ten_in_words_too() -> None:
    asked = rated()
    assert len(asked) == 10
    help_line = asked[0].help or ""
    assert "you rate all 10 behaviours: your first week" in help_line
    assert [q.message.split(" ")[0] for q in asked] == [f"#{n}" for n in range(1, 11)]
    assert not any(COUNTER.search(q.message) for q in asked)
