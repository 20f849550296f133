"""The weekly pulse a returning person meets (issue 13): the few rated most weeks, every
behaviour at least monthly and in week one; "not seen this week"; a note for a rating
that did not move; nothing preselected and no "Enter keeps last week's" in week one."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from belonging_cli.clock import iso_week
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.answers import fallback
from belonging_cli.engine.history import History
from belonging_cli.engine.kinds.rate import NOTE
from belonging_cli.engine.pulse_plan import NOT_SEEN, plan_pulse
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import Engine
from belonging_cli.records import AnswerValue, Rating, Session
from support.sessions import weekly_session

# Fri 20 Nov 2026 (W47): neither a month's first week nor a first week.
DAY = dt.datetime(2026, 11, 20, 16, tzinfo=dt.timezone.utc)


RUBRIC = load_rubric()
WEEKLY = load_flows().get("weekly")


def past(weeks_ago: int, rated: list[str], focus: str | None = None, level: int = 3) -> Session:
    at = DAY - dt.timedelta(weeks=weeks_ago)
    ratings = tuple(Rating(b, level, at) for b in rated)
    return weekly_session(at, week=iso_week(at.date()), focus_behaviour_id=focus, ratings=ratings)


def engine(*sessions: Session, **more: object) -> Engine:
    history = History(sessions=sessions, **more)  # type: ignore[arg-type]
    return Engine(WEEKLY, RUBRIC, history, iso_week(DAY.date()), DAY.date())


def ratings_asked(e: Engine, answers: dict[str, AnswerValue] | None = None) -> list[Question]:
    """Answer the flow (defaults, else `answers`) and return the rating questions asked."""
    asked: list[Question] = []
    while (q := e.next_question()) is not None:
        if q.ask == "rate":
            asked.append(q)
        e.answer(q, (answers or {}).get(q.id, fallback(q)), DAY)
    return asked


def test_a_returning_week_rates_the_focus_the_coachs_and_one_in_rotation() -> None:
    ids = RUBRIC.ids()
    last_week = past(1, ids, focus="protect-time")
    e = engine(last_week, assigned_behaviours=("embrace-messiness",))
    asked = ratings_asked(e)
    rated = [q.behaviour_id for q in asked]
    # The focus, the coach's, and the one rated longest ago (all equal: rubric order).
    assert rated == ["cultivate-belonging", "protect-time", "embrace-messiness"]
    assert asked[0].help is not None
    words = "This week you rate 3 behaviours (your focus, your coach's, one in rotation)"
    assert words in asked[0].help
    assert "Enter keeps last week's rating." in asked[0].help
    assert all(q.help is None for q in asked[1:])  # said once, at the pulse's start


def test_the_one_in_rotation_is_the_one_rated_longest_ago() -> None:
    ids = RUBRIC.ids()
    history = (
        past(3, ids, focus="protect-time"),
        past(2, ["protect-time", "cultivate-belonging"], focus="protect-time"),
        past(1, ["protect-time", "ambiguous-decisions"], focus="protect-time"),
    )
    plan = plan_pulse(RUBRIC, History(sessions=history), iso_week(DAY.date()))
    assert not plan.full
    assert plan.behaviours == ("protect-time", "credit-to-others")


@pytest.mark.parametrize(
    ("history", "day", "why"),
    [
        ((), DAY, "your first week"),
        # 2 Dec 2026 is in W49, the first week of December with a reflection.
        ((1,), dt.datetime(2026, 12, 2, tzinfo=dt.timezone.utc), "the month's first reflection"),
        # Only the few since a full pulse four weeks ago (all in November).
        ((4, 3, 2, 1), DAY, "4 weeks since you last rated them all"),
    ],
)
def test_every_behaviour_is_rated_in_week_one_a_months_first_and_after_four_weeks(
    history: tuple[int, ...], day: dt.datetime, why: str
) -> None:
    ids = RUBRIC.ids()
    sessions = [
        past(n, ids if n == max(history) else ids[:2], focus="protect-time") for n in history
    ]
    if day != DAY:  # the session a week before `day`, in November
        sessions = [
            dataclasses.replace(s, week=iso_week((day - dt.timedelta(weeks=1)).date()))
            for s in sessions
        ]
    plan = plan_pulse(RUBRIC, History(sessions=tuple(sessions)), iso_week(day.date()))
    assert plan.full and plan.behaviours == tuple(ids)
    assert plan.line == f"This week you rate all 10 behaviours: {why}."


def test_pulse_all_rates_every_behaviour_every_week() -> None:
    e = engine(past(1, RUBRIC.ids(), focus="protect-time"))
    e.pulse = "all"  # the `pulse` setting, or `reflect --all`
    assert len(ratings_asked(e)) == 10


def test_week_one_preselects_nothing_and_shows_every_level() -> None:
    asked = ratings_asked(engine())
    assert len(asked) == 10
    first = asked[0]
    assert first.default is None and not first.compact
    assert first.help is not None and "Enter keeps" not in first.help
    assert first.about[0] == "Cultivate belonging" and len(first.details) == 5
    assert NOTE not in first.choice_values()  # no last level to keep with a note
    assert first.choice_values()[-1] == NOT_SEEN


def test_a_returning_rating_is_compact_and_offers_not_seen_and_a_note() -> None:
    e = engine(past(1, RUBRIC.ids(), focus="protect-time"))
    first = ratings_asked(e)[0]
    assert first.compact and first.default == 3
    titles = [c.title for c in first.choices]
    assert titles[5:] == ["Not seen this week", "Still Intentional, and a note on why"]
    e.pulse_text = "full"  # the `pulse_text` setting keeps every level in full
    e.built.clear()
    assert not next(q for q in e.questions() if q.ask == "rate").compact


def test_not_seen_records_no_rating_but_an_answer_a_draft_keeps() -> None:
    e = engine(past(1, RUBRIC.ids(), focus="protect-time"))
    ratings_asked(e, {"pulse.cultivate-belonging": NOT_SEEN})
    answers, ratings = e.records()
    assert "cultivate-belonging" not in {r.behaviour_id for r in ratings}
    (unseen,) = [a for a in answers if a.step_id == "pulse.cultivate-belonging"]
    assert unseen.value == NOT_SEEN and unseen.behaviour_id == "cultivate-belonging"
    assert unseen.question == "Cultivate belonging"  # what journal show heads it with
    assert "  not seen       Cultivate belonging" in e.summary()
    assert not any(q.id == "pulse.cultivate-belonging.evidence" for q in e.questions())
    # A draft holding it resumes with it answered.
    draft = e.completed(Session("d", "weekly", "belonging-core", "1", DAY, e.week), DAY)
    again = engine(past(1, RUBRIC.ids(), focus="protect-time"))
    again.restore(dataclasses.replace(draft, status="draft"))
    assert "pulse.cultivate-belonging" not in [q.id for q in ratings_asked(again)]


def test_a_note_on_a_rating_that_did_not_move_is_asked_and_kept() -> None:
    e = engine(past(1, RUBRIC.ids(), focus="protect-time"))
    first = e.next_question()
    while first is not None and first.ask != "rate":  # how you are, the win
        e.answer(first, fallback(first), DAY)
        first = e.next_question()
    assert first is not None and first.id == "pulse.cultivate-belonging"
    e.answer(first, NOTE, DAY)
    note = e.next_question()
    assert note is not None and note.id == "pulse.cultivate-belonging.evidence"
    assert note.message == "What have you seen yourself do that puts you at 3 Intentional?"
    saved = e.answer(note, "Stayed at 3 despite a brutal week", DAY)
    assert saved.rating is not None and saved.rating.level == 3
    assert saved.rating.evidence == "Stayed at 3 despite a brutal week"
    # An unchanged rating without the note asks nothing more.
    nxt = e.next_question()
    assert nxt is not None and nxt.id == "pulse.protect-time"
    e.answer(nxt, 3, DAY)
    assert e.next_question() is not None and e.next_question().id == "focus"  # type: ignore[union-attr]
