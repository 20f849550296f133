"""How levels move, one rule for the report, its charts and the coach's roll-up."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.reports.charts import weekly_average
from belonging_cli.reports.movement import average, movement

LEVELS = st.lists(st.integers(min_value=1, max_value=5), max_size=60)


def test_no_levels_have_no_movement() -> None:
    assert movement([]) == (None, None, None, None)


def test_change_is_latest_minus_first_and_the_average_has_two_places() -> None:
    assert movement([2, 1, 4]) == (2, 4, 2, 2.33)
    assert movement([5, 3]) == (5, 3, -2, 4.0)


@given(LEVELS)
def test_movement_of_any_levels(levels: list[int]) -> None:
    first, latest, change, mean = movement(levels)
    if not levels:
        assert mean is None
        return
    assert (first, latest, change) == (levels[0], levels[-1], levels[-1] - levels[0])
    assert mean is not None and min(levels) <= mean <= max(levels)
    assert mean == round(mean, 2)


def test_the_chart_of_several_behaviours_averages_each_week_the_same_way() -> None:
    series = [[("2026-W47", 2), ("2026-W48", 4)], [("2026-W47", 3)], [("2026-W47", 3)]]
    assert weekly_average(series) == [("2026-W47", average([2, 3, 3])), ("2026-W48", 4.0)]
    assert average([2, 3, 3]) == 2.67
