"""The engine builds a question once per sitting, not once per pass over the flow.

The demo and the benchmarks run the real weekly flow thousands of times
(`synthetic.generate`); a pass over a flow's questions happens several times a
sitting (the next question, what remains, the records), so a rating question,
which reads every level description of its behaviour, must not be rebuilt on each.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from belonging_cli.clock import iso_week
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine import kinds
from belonging_cli.engine.history import History
from belonging_cli.engine.kinds import rate
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import Engine
from belonging_cli.records import Rating, Session

AT = dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.timezone.utc)
WEEK = iso_week(AT.date())


def last_week(levels: dict[str, int]) -> History:
    rubric = load_rubric()
    before = AT - dt.timedelta(days=7)
    session = Session(
        id="s-1",
        flow_id="weekly",
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        started_at=before,
        week=iso_week(before.date()),
        status="complete",
        ratings=tuple(Rating(b, level, before) for b, level in levels.items()),
    )
    return History(sessions=(session,))


def count_ratings_built(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    built: Counter[str] = Counter()

    def counting(**fields: Any) -> Question:
        question = Question(**fields)
        if question.ask == "rate":
            built[question.id] += 1
        return question

    monkeypatch.setattr(rate, "Question", counting)
    return built


def answer_everything(engine: Engine) -> None:
    while (question := engine.next_question()) is not None:
        engine.answer(question, kinds.unit(question.kind).fallback(question), AT)
        engine.remaining()  # what `reflect` shows as it goes


@pytest.mark.parametrize("flow_id", ["weekly", "deep-dive"])
def test_a_sitting_builds_each_rating_question_once(
    flow_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = count_ratings_built(monkeypatch)
    engine = Engine(load_flows().get(flow_id), load_rubric(), History(), WEEK, AT.date())
    answer_everything(engine)
    engine.records()
    engine.summary()
    assert built, "the flow rates something"
    assert set(built.values()) == {1}, built


def test_a_rating_built_once_still_says_last_time_and_asks_what_happened() -> None:
    rubric = load_rubric()
    levels = {b.id: 2 for b in rubric.behaviours}
    engine = Engine(load_flows().get("weekly"), rubric, last_week(levels), WEEK, AT.date())
    first = rubric.behaviours[0]
    asked: list[Question] = []
    while (question := engine.next_question()) is not None:
        asked.append(question)
        moved = question.ask == "rate" and question.behaviour_id == first.id
        value = 4 if moved else kinds.unit(question.kind).fallback(question)
        engine.answer(question, value, AT)
    rating = next(q for q in asked if q.id == f"pulse.{first.id}")
    assert rating.message.endswith("(last time 2)") and rating.default == 2
    follow_up = next(q for q in asked if q.id == f"pulse.{first.id}.evidence")
    assert "2" in follow_up.message and "4" in follow_up.message
    assert not any(q.id.endswith(".evidence") and first.id not in q.id for q in asked)
