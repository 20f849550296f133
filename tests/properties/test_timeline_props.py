"""For any series of ratings, the timeline's story says its levels and weeks exactly:
every stretch told is one of the series', in order, and what is left out is counted
and dated, so told and left out together are the whole series."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.clock import iso_week
from belonging_cli.reports.model import BehaviourTrend, WeekLevel
from belonging_cli.reports.sections.timeline import stretches, timeline
from support.timeline_story import told

START = dt.date(2025, 12, 1)  # a year's end inside some series: W49 to 2026-W..


@given(
    st.lists(
        st.tuples(st.integers(1, 5), st.integers(1, 3)), min_size=1, max_size=40
    )  # (level, weeks after the one before)
)
def test_the_story_matches_the_series(points: list[tuple[int, int]]) -> None:
    day, series = START, []
    for level, gap in points:
        day += dt.timedelta(weeks=gap)
        series.append(WeekLevel(iso_week(day), level))
    levels = [p.level for p in series]
    trend = BehaviourTrend(
        "b", 1, "B", len(series), levels[0], levels[-1], 0, None, None, None, tuple(series)
    )
    path = timeline(trend)
    found = [(s.level, s.first_week, s.last_week) for s in stretches(series)]
    parts, left = told(path.story)
    if left is None:
        assert parts == found
    else:
        count, first, last = left
        assert parts[0] == found[0]
        assert parts[1:] == found[1 + count :]
        assert (first, last) == (found[1][1], found[count][2])
    if path.fell_back is not None:
        back = path.fell_back
        dropped = next(p for p in series if p.week == back.week)
        before = series[series.index(dropped) - 1]
        assert (before.level, dropped.level) == (back.high, back.to)
