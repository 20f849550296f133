"""What followed an experiment is found by bisection over the trend's weeks (years of
weekly points, an experiment each week): it must say exactly what a pass over every
point said, for any series in week order and any experiment week, at a year's turn too."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.clock import iso_week, next_week
from belonging_cli.reports.model import BehaviourTrend, ExperimentItem, WeekLevel
from belonging_cli.reports.sections.links import WITHIN, links

FIRST = dt.date(2024, 12, 2)  # a few weeks before 2025-W01; 2026 has a week 53


def _week(n: int) -> str:
    return iso_week(FIRST + dt.timedelta(weeks=n))


def _scanned(week: str, series: tuple[WeekLevel, ...]) -> tuple[int | None, int | None]:
    """The rule as a pass over every point (what links.py did before bisection)."""
    window = {week}
    for _ in range(WITHIN - 1):
        window.add(next_week(max(window)))
    before: int | None = None
    after: int | None = None
    for point in series:
        if point.week < week:
            before = point.level
        elif point.week in window:
            if before is None:
                before = point.previous
            after = point.level if after is None else max(after, point.level)
    return before, after


def _trend(series: tuple[WeekLevel, ...]) -> BehaviourTrend:
    return BehaviourTrend(
        behaviour_id="b",
        number=1,
        title="B",
        count=len(series),
        first=None,
        latest=None,
        change=None,
        average=None,
        latest_label=None,
        latest_descriptor=None,
        series=series,
        previous=None,
        trend="steady",
    )


@given(
    st.lists(st.tuples(st.integers(0, 120), st.integers(1, 5)), max_size=40),
    st.integers(-2, 122),
    st.one_of(st.none(), st.integers(1, 5)),
)
def test_bisection_says_what_a_pass_over_every_point_says(
    points: list[tuple[int, int]], at: int, start: int | None
) -> None:
    by_week = dict(sorted(points))  # one point a week, in week order, as ratings.py makes
    series, previous = [], start
    for n, level in by_week.items():
        series.append(WeekLevel(_week(n), level, None, False, previous))
        previous = level
    week = _week(at)
    item = ExperimentItem(
        id="e",
        week=week,
        behaviour_id="b",
        behaviour_title="B",
        title="t",
        status="done",
        outcome="tried",
        happened=None,
        learned=None,
        private=False,
    )
    (found,) = links((_trend(tuple(series)),), (item,))
    assert (found.before, found.after) == _scanned(week, tuple(series))
