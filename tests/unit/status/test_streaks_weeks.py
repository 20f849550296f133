"""Streaks over ISO weeks: year boundaries, gaps, duplicates."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.clock import iso_week, next_week, previous_week, week_monday
from belonging_cli.streaks import current_streak, longest_streak


def test_iso_year_boundaries() -> None:
    assert iso_week(dt.date(2024, 12, 30)) == "2025-W01"  # a Monday in December
    assert week_monday("2025-W01") == dt.date(2024, 12, 30)
    assert iso_week(dt.date(2027, 1, 1)) == "2026-W53"  # 2026 has 53 ISO weeks
    assert next_week("2026-W52") == "2026-W53"
    assert next_week("2026-W53") == "2027-W01"
    assert next_week("2025-W52") == "2026-W01"  # 2025 has only 52
    assert previous_week("2027-W01") == "2026-W53"


def test_a_streak_runs_across_new_year_and_week_53() -> None:
    weeks = ["2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    assert current_streak(weeks, "2027-W02") == 5
    assert longest_streak(weeks) == 5
    across_2025 = ["2024-W51", "2024-W52", "2025-W01"]
    assert current_streak(across_2025, "2025-W01") == 3


def test_the_streak_survives_the_week_after_but_not_a_whole_missed_week() -> None:
    weeks = ["2026-W45", "2026-W46", "2026-W47"]
    assert current_streak(weeks, "2026-W47") == 3
    assert current_streak(weeks, "2026-W48") == 3  # this week is not over yet
    assert current_streak(weeks, "2026-W49") == 0  # W48 passed without one
    assert longest_streak(weeks) == 3


def test_two_reflections_in_one_week_count_once() -> None:
    weeks = ["2026-W47", "2026-W47", "2026-W48"]
    assert current_streak(weeks, "2026-W48") == 2
    assert longest_streak(weeks) == 2


def test_longest_picks_the_longest_run() -> None:
    weeks = ["2026-W01", "2026-W02", "2026-W10", "2026-W11", "2026-W12", "2026-W20"]
    assert longest_streak(weeks) == 3
    assert longest_streak([]) == 0
    assert current_streak([], "2026-W20") == 0


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(dt.date(2015, 1, 1), dt.date(2035, 1, 1)),
    gaps=st.lists(st.booleans(), min_size=1, max_size=120),
)
def test_streaks_match_counting_monday_by_monday(start: dt.date, gaps: list[bool]) -> None:
    monday = start - dt.timedelta(days=start.weekday())
    days = [monday + dt.timedelta(weeks=i) for i, done in enumerate(gaps) if done]
    weeks = [iso_week(d) for d in days]
    # The reference: runs of consecutive Mondays, by plain date arithmetic.
    best = run = 0
    for done in gaps:
        run = run + 1 if done else 0
        best = max(best, run)
    assert longest_streak(weeks) == best
    this_week = iso_week(monday + dt.timedelta(weeks=len(gaps) - 1))
    trailing = 0
    for done in reversed(gaps if gaps[-1] else gaps[:-1]):
        if not done:
            break
        trailing += 1
    assert current_streak(weeks, this_week) == trailing
