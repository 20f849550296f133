"""The report model: what a report says, computed from hand-made journal records."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.errors import UsageProblem
from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.model import Report
from belonging_cli.reports.period import resolve_period
from belonging_cli.reports.scope import answer_text
from support.report_builders import (
    NOW,
    TODAY,
    answer,
    assignment,
    experiment,
    friday,
    rubric,
    sample_journal,
    session,
    weeks_back,
)


def report_of(data: JournalData, period: str = "quarter", **options: object) -> Report:
    weeks = [s.week for s in data.sessions]
    span = resolve_period(period, today=TODAY, journal_weeks=weeks)
    return build_report(data, rubric(), span, now=NOW, **options)  # type: ignore[arg-type]


# Periods ---------------------------------------------------------------------


def test_named_periods_are_whole_iso_weeks_ending_this_week() -> None:
    quarter = resolve_period("quarter", today=TODAY)
    assert (quarter.first_week, quarter.last_week, quarter.weeks) == ("2026-W37", "2026-W48", 12)
    assert quarter.start == dt.date(2026, 9, 7)  # a Monday
    assert quarter.end == dt.date(2026, 11, 29)  # a Sunday
    assert resolve_period("week", today=TODAY).weeks == 1
    assert resolve_period("month", today=TODAY).weeks == 4
    assert resolve_period("year", today=TODAY).weeks == 52


def test_all_starts_at_the_first_reflection_and_since_until_make_a_custom_period() -> None:
    everything = resolve_period("all", today=TODAY, journal_weeks=["2025-W02", "2026-W10"])
    assert everything.first_week == "2025-W02"
    assert resolve_period("all", today=TODAY).weeks == 1  # an empty journal: this week
    custom = resolve_period(
        "quarter", today=TODAY, since=dt.date(2026, 1, 1), until=dt.date(2026, 1, 31)
    )
    assert (custom.name, custom.first_week, custom.last_week) == ("custom", "2026-W01", "2026-W05")


def test_bad_periods_are_usage_errors() -> None:
    with pytest.raises(UsageProblem, match="unknown period"):
        resolve_period("decade", today=TODAY)
    with pytest.raises(UsageProblem, match="after the end"):
        resolve_period("all", today=TODAY, since=dt.date(2027, 1, 1))


@settings(max_examples=60, deadline=None)
@given(
    since=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
    length=st.integers(0, 3000),
)
def test_any_since_until_span_counts_its_weeks(since: dt.date, length: int) -> None:
    until = since + dt.timedelta(days=length)
    span = resolve_period("all", today=TODAY, since=since, until=until)
    assert span.start <= since <= until <= span.end
    assert span.weeks == (span.end - span.start).days // 7 + 1
    assert span.contains(span.first_week) and span.contains(span.last_week)


# Summary and ratings -----------------------------------------------------------


def test_summary_counts_reflections_weeks_and_streaks() -> None:
    report = report_of(sample_journal(), person="Sam")
    assert report.person.name == "Sam"
    summary = report.summary
    assert (summary.sessions_completed, summary.weeks_reflected, summary.weeks_in_period) == (
        6,
        6,
        12,
    )
    assert (summary.current_streak, summary.longest_streak) == (6, 6)
    assert summary.last_reflection == TODAY
    assert not report.is_empty


def test_drafts_and_weeks_outside_the_period_do_not_count() -> None:
    weeks = weeks_back(20)
    data = JournalData(
        sessions=(
            session(weeks[0], {"protect-time": 1}),  # 19 weeks ago: before the quarter
            session(weeks[-1], {"protect-time": 4}, status="draft"),
            session(weeks[-2], {"protect-time": 3}),
        )
    )
    report = report_of(data)
    assert report.summary.sessions_completed == 1
    trend = next(t for t in report.ratings if t.behaviour_id == "protect-time")
    assert (trend.first, trend.latest, trend.count) == (3, 3, 1)


def test_ratings_give_first_latest_change_average_and_the_rubric_words() -> None:
    trend = report_of(sample_journal()).ratings[0]
    assert trend.behaviour_id == "cultivate-belonging"
    assert (trend.first, trend.latest, trend.change, trend.average) == (2, 4, 2, 3.0)
    assert trend.latest_label == "Consistent"
    assert trend.latest_descriptor == rubric().behaviours[0].descriptor(4)
    assert [p.level for p in trend.series] == [2, 2, 3, 3, 4, 4]
    unrated = next(t for t in report_of(sample_journal()).ratings if t.count == 0)
    assert (unrated.first, unrated.latest, unrated.change, unrated.average) == (
        None,
        None,
        None,
        None,
    )


def test_the_latest_session_of_a_week_stands_for_that_week() -> None:
    week = weeks_back(1)[0]
    data = JournalData(
        sessions=(
            session(week, {"protect-time": 2}),
            session(week, {"protect-time": 4}, minutes_later=60),
        )
    )
    report = report_of(data)
    trend = report.ratings[1]
    assert [p.level for p in trend.series] == [4]
    assert report.summary.sessions_completed == 2
    assert report.summary.weeks_reflected == 1


def test_the_report_makes_one_suggestion_the_lowest_rating() -> None:
    # Strongest, growth edge and least explored named up to three behaviours (one of
    # them both strongest and least explored): the report now suggests one, with its reason.
    report = report_of(sample_journal())
    # The highlights stay in the JSON bundle (version 1 readers), shown by no report.
    highlights = report.highlights
    assert highlights.strongest and highlights.strongest.behaviour_id == "cultivate-belonging"
    assert highlights.growth_edge and highlights.growth_edge.behaviour_id == "navigate-paradox"
    assert highlights.growth_edge.label == "Not yet"
    assert highlights.most_improved and highlights.most_improved.change == 2
    # Cultivate belonging was the focus every week; the first one never chosen is next.
    assert highlights.least_explored and highlights.least_explored.behaviour_id == "protect-time"
    suggestion = report.suggested_next_focus
    assert suggestion is not None and suggestion.behaviour_id == "navigate-paradox"
    assert "lowest" in suggestion.reason
    assert report.top.focus == suggestion


def test_the_suggestion_is_what_the_next_reflection_suggests() -> None:
    # The reflection's own rule (engine/history.suggest_focus): the lowest rating, even
    # the one just explored; the report no longer rests it and names another.
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.engine.history import History, suggest_focus
    from support.places import REPO

    week = weeks_back(1)[0]
    data = JournalData(
        sessions=(session(week, {"protect-time": 1, "prompt-insight": 2}, focus="protect-time"),)
    )
    suggestion = report_of(data).suggested_next_focus
    engine = suggest_focus(load_rubric(REPO / "rubrics"), History(sessions=data.sessions), {})
    assert suggestion is not None and suggestion.behaviour_id == engine.behaviour_id
    assert suggestion.behaviour_id == "protect-time"


def test_behaviour_filter_narrows_ratings_reflections_and_experiments() -> None:
    report = report_of(sample_journal(), behaviours=["protect-time"])
    assert [t.behaviour_id for t in report.ratings] == ["protect-time"]
    assert report.focus_reflections == ()
    assert [e.behaviour_id for e in report.experiments.items] == ["protect-time"]
    assert report.experiments.open is None
    assert report.behaviour_filter == ("protect-time",)


# Reflections, experiments, balance, exercises ------------------------------------


def test_focus_reflections_quote_the_question_and_answer() -> None:
    reflections = report_of(sample_journal()).focus_reflections
    assert len(reflections) == 6
    first = reflections[0]
    assert first.behaviour_title == "Cultivate belonging"
    assert first.question == "Whose perspective did you not hear this week?"
    assert first.answer == "Week 0: I asked before I spoke."
    assert first.prompt_id == "cultivate-belonging.quietest-voice"


def test_experiments_are_counted_by_outcome_and_the_open_one_is_named() -> None:
    experiments = report_of(sample_journal()).experiments
    counts = experiments.counts
    assert (counts.tried, counts.partly, counts.not_tried, counts.open) == (1, 1, 0, 1)
    assert experiments.open is not None
    assert experiments.open.title == "Name the tension out loud"
    assert experiments.items[0].learned == "Silence is not agreement."


def test_balance_moves_from_control_towards_influence() -> None:
    balance = report_of(sample_journal()).balance
    assert [p.value for p in balance.series] == [2, 2, 3, 3, 4, 4]
    assert (balance.first, balance.latest, balance.change) == (2, 4, 2)
    assert balance.notes[-1].control == "I rewrote the plan myself in week 5."
    assert balance.notes[-1].influence == "I asked the team in week 5."


def test_exercises_are_absent_without_assignments_and_judged_against_today() -> None:
    assert report_of(sample_journal()).exercises is None
    week = weeks_back(1)[0]
    data = JournalData(
        sessions=(
            session(week, {"protect-time": 3}),
            session(
                week,
                assignment_id="coach-pack/late",
                answers=[answer("q1", "I listened first.", week, question="What did you try?")],
            ),
        ),
        assignments=(
            assignment("late", "protect-time", due=TODAY - dt.timedelta(days=1)),
            assignment("soon", "protect-time", due=TODAY + dt.timedelta(days=3)),
            assignment("open", "protect-time", due=None),
            assignment("finished", "protect-time", due=None, status="done"),
        ),
    )
    report = report_of(data)
    assert report.exercises is not None
    counts = report.exercises.counts
    assert (counts.done, counts.due, counts.overdue) == (1, 2, 1)
    late = next(i for i in report.exercises.items if i.id == "coach-pack/late")
    assert late.state == "overdue"
    assert [a.answer for a in late.answers] == ["I listened first."]
    # A session doing an exercise is not a weekly reflection.
    assert report.summary.sessions_completed == 1


# Privacy -------------------------------------------------------------------------


def private_journal() -> JournalData:
    week = weeks_back(1)[0]
    return JournalData(
        sessions=(
            session(
                week,
                {"protect-time": 3},
                evidence={"protect-time": ("SECRET-EVIDENCE", True)},
                answers=[
                    answer(
                        "reflect.1",
                        "SECRET-REFLECTION",
                        week,
                        prompt_id="protect-time.calendar",
                        behaviour_id="protect-time",
                        private=True,
                    ),
                    answer("control", "SECRET-CONTROL", week, private=True),
                    answer("influence", "Open words.", week),
                ],
            ),
        ),
        experiments=(experiment(week, "protect-time", "SECRET-EXPERIMENT", private=True),),
    )


def test_a_normal_report_shows_private_text_marked_private() -> None:
    report = report_of(private_journal())
    assert report.private_left_out == 0 and not report.shared
    assert report.focus_reflections[0].private
    assert report.ratings[1].series[0].evidence == "SECRET-EVIDENCE"
    assert report.experiments.items[0].title == "SECRET-EXPERIMENT"


def test_a_shared_report_leaves_out_every_private_text_and_counts_it() -> None:
    report = report_of(private_journal(), share=True)
    assert report.shared
    assert report.private_left_out == 4  # reflection, evidence, control note, experiment
    assert report.focus_reflections == ()
    assert report.ratings[1].series[0].evidence is None
    assert report.ratings[1].series[0].level == 3  # levels are not private
    item = report.experiments.items[0]
    assert (item.title, item.happened, item.learned, item.outcome) == (None, None, None, "tried")
    assert report.balance.notes[0].control is None
    assert report.balance.notes[0].influence == "Open words."


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("  words ", "words"),
        (["a", "b"], "a, b"),
        (True, "yes"),
        (False, "no"),
        (3, "3"),
        (None, ""),
    ],
)
def test_answer_text(value: object, text: str) -> None:
    assert answer_text(value) == text  # type: ignore[arg-type]


def test_the_experiment_set_for_next_week_is_the_open_one() -> None:
    week = "2026-W48"
    planned = experiment("2026-W49", "protect-time", "Block Friday afternoons", status="open")
    planned = replace(planned, created_at=friday(week))
    data = JournalData(sessions=(session(week, {"protect-time": 3}),), experiments=(planned,))
    experiments = report_of(data).experiments
    assert experiments.open is not None and experiments.open.title == "Block Friday afternoons"
    assert experiments.items == ()  # it is for a week after the period
