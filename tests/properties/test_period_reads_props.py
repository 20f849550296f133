"""Hypothesis: for any journal and any period, the report read from the period's sessions
(journal/period_read.py) is the report read from the whole journal, figure for figure.

Journals are drawn to reach every figure that reads outside the period: ratings of a
few behaviours now and then (the level before the period, the latest rating and focus),
back-dated sittings (a rating saved long after its week), reviews, a coach's exercise
done in a session of its own, goals set and closed at any time, and a feedback round
collected before, in or after the period (the self-rating nearest it).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.clock import iso_week
from belonging_cli.feedback.round import FeedbackRound, from_aggregate
from belonging_cli.journal.store import open_journal
from belonging_cli.records import (
    Answer,
    Assignment,
    Experiment,
    ExperimentStatus,
    Goal,
    JournalData,
    Rating,
    Session,
)
from belonging_cli.reports.build import build_report
from belonging_cli.reports.data import report_data
from belonging_cli.reports.period import Period
from belonging_cli.reports.rubric_facts import rubric_facts
from support.feedback_samples import five_raters_three_groups

BEHAVIOURS = ("cultivate-belonging", "protect-time", "credit-to-others", "embrace-messiness")
START = dt.date(2025, 1, 6)  # a Monday
WEEKS = 30
UTC = dt.timezone.utc
PLUS5 = dt.timezone(dt.timedelta(hours=5))
ASSIGNMENT = Assignment(
    "pack/ex",
    "pack",
    "1",
    "ex",
    "protect-time",
    "Block an hour",
    "Do it.",
    dt.datetime(2025, 1, 6, 9, tzinfo=UTC),
)

sitting = st.fixed_dictionaries(
    {
        "day": st.integers(0, WEEKS * 7 - 1),
        "late": st.sampled_from([0, 0, 0, 3, 60]),  # days its ratings were saved after it
        "rated": st.dictionaries(st.sampled_from(BEHAVIOURS), st.integers(1, 5), max_size=4),
        "focus": st.none() | st.sampled_from(BEHAVIOURS),
        "review": st.booleans(),
        "exercise": st.integers(0, 5).map(lambda n: n == 0),
        "draft": st.integers(0, 7).map(lambda n: n == 0),
        "zone": st.sampled_from([UTC, PLUS5]),
    }
)
goal = st.tuples(
    st.sampled_from(BEHAVIOURS), st.integers(0, WEEKS * 7), st.none() | st.integers(0, 120)
)
experiment = st.tuples(st.integers(0, WEEKS - 1), st.sampled_from(["open", "done", "dropped"]))


def journal(
    sittings: list[dict[str, Any]],
    goals: list[tuple[str, int, int | None]],
    experiments: list[tuple[int, ExperimentStatus]],
    round_day: int | None,
) -> JournalData:
    sessions = []
    for i, s in enumerate(sittings):
        day = START + dt.timedelta(days=s["day"])
        at = dt.datetime.combine(day, dt.time(9, i % 60), s["zone"])
        saved = at + dt.timedelta(days=s["late"])
        answers = (Answer("review.1", "review", "yes", saved),) if s["review"] else ()
        sessions.append(
            Session(
                f"00000000-0000-4000-8000-{i:012d}",
                "weekly",
                "belonging-core",
                "2.0.0",
                at,
                iso_week(day),
                "draft" if s["draft"] else "complete",
                saved,
                s["focus"],
                (),
                answers,
                tuple(Rating(b, level, saved) for b, level in s["rated"].items()),
                ASSIGNMENT.id if s["exercise"] else None,
            )
        )
    made = [
        Goal(
            f"goal-{i}",
            b,
            4,
            dt.date(2030, 1, 1),
            "Better.",
            dt.datetime.combine(START + dt.timedelta(days=set_on), dt.time(12), UTC),
            "open" if closed is None else "achieved",
            None
            if closed is None
            else dt.datetime.combine(START + dt.timedelta(days=set_on + closed), dt.time(12), UTC),
        )
        for i, (b, set_on, closed) in enumerate(goals)
    ]
    tried = [
        Experiment(
            f"exp-{i}",
            "protect-time",
            "Try it",
            iso_week(START + dt.timedelta(weeks=w)),
            dt.datetime.combine(START + dt.timedelta(weeks=w), dt.time(10), UTC),
            status=status,
        )
        for i, (w, status) in enumerate(experiments)
    ]
    rounds: tuple[FeedbackRound, ...] = ()
    if round_day is not None:
        collected = (START + dt.timedelta(days=round_day)).isoformat()
        aggregate = five_raters_three_groups(requested_on=START.isoformat(), collected_on=collected)
        rounds = (from_aggregate(aggregate, dt.datetime(2025, 1, 1, tzinfo=UTC)),)
    return JournalData(tuple(sessions), tuple(tried), (ASSIGNMENT,), rounds, tuple(made))


def shown(data: JournalData, period: Period, weeks: list[str] | None = None) -> Any:
    now = dt.datetime.combine(START + dt.timedelta(weeks=WEEKS + 2), dt.time(12), UTC)
    report = build_report(data, rubric_facts(), period, now=now, zone=PLUS5, reflection_weeks=weeks)
    return json.loads(json.dumps(report_data(report), default=str))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(sitting, max_size=40),
    st.lists(goal, max_size=2),
    st.lists(experiment, max_size=4),
    st.none() | st.integers(0, WEEKS * 7 + 30),
    st.integers(0, WEEKS + 2),
    st.integers(0, 12),
)
def test_the_period_read_reports_what_the_whole_journal_reports(
    sittings: list[dict[str, Any]],
    goals: list[tuple[str, int, int | None]],
    experiments: list[tuple[int, ExperimentStatus]],
    round_day: int | None,
    last: int,
    length: int,
) -> None:
    first = max(last - length, 0)
    period = Period(
        "custom",
        iso_week(START + dt.timedelta(weeks=first)),
        iso_week(START + dt.timedelta(weeks=last)),
    )
    with tempfile.TemporaryDirectory() as folder, open_journal(Path(folder) / "j.db") as opened:
        opened.import_data(journal(sittings, goals, experiments, round_day))
        whole = opened.load_all()
        weeks = opened.reflection_weeks()
        part = opened.period_data(
            period.first_week, period.last_week, behaviours=BEHAVIOURS, until=period.end
        )
    assert shown(part, period, weeks) == shown(whole, period)
    assert len(part.sessions) <= len(whole.sessions)
