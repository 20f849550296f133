"""A resumed draft picks up where the person stopped: an optional question left blank
before that (it keeps no record: a week one's "what have you seen yourself do" after
each rating) is not asked again; one not reached yet still is (a trial resumed a week
one and was asked ten of them, unnamed, before its own place)."""

from __future__ import annotations

import datetime as dt

from belonging_cli.clock import iso_week
from belonging_cli.engine.answers import fallback
from belonging_cli.engine.history import History
from belonging_cli.engine.session import Engine
from belonging_cli.records import Session
from support.packaged import packaged_flow, packaged_rubric

AT = dt.datetime(2026, 11, 10, 16, 0, tzinfo=dt.timezone.utc)


def _engine() -> Engine:
    flow, rubric = packaged_flow("intake"), packaged_rubric()
    return Engine(flow, rubric, History(), iso_week(AT.date()), AT.date())


def _draft(stop_after: int) -> tuple[Session, list[str], str]:
    """A week one answered up to `stop_after` questions, every optional text left blank;
    the ids asked, and the id of the question it stopped at."""
    engine = _engine()
    asked: list[str] = []
    while (question := engine.next_question()) is not None and len(asked) < stop_after:
        asked.append(question.id)
        blank = question.optional and question.is_text
        engine.answer(question, None if blank else fallback(question), AT)
    assert question is not None
    draft = Session("d", "intake", "belonging-core", "1", AT, engine.week)
    return engine.completed(draft, AT), asked, question.id


def test_blank_optional_answers_before_the_stop_are_not_asked_again() -> None:
    draft, asked, stopped = _draft(stop_after=25)
    blanks = [qid for qid in asked if qid.endswith(".evidence")]
    assert len(blanks) >= 5, asked  # the "moments" left blank after each rating
    resumed = _engine()
    resumed.restore(draft)
    question = resumed.next_question()
    assert question is not None and question.id == stopped, (question, stopped)


def test_the_question_it_stopped_at_is_asked_even_when_optional() -> None:
    # Stopped at a rating's moment (answered the rating, then Ctrl-C): that is asked.
    engine = _engine()
    while (question := engine.next_question()) is not None and not question.id.endswith(
        ".evidence"
    ):
        engine.answer(question, fallback(question), AT)
    assert question is not None
    draft = engine.completed(Session("d", "intake", "belonging-core", "1", AT, engine.week), AT)
    resumed = _engine()
    resumed.restore(draft)
    again = resumed.next_question()
    assert again is not None and again.id == question.id
