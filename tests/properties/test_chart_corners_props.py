"""A chart's polyline keeps the line it draws when it leaves out points on a straight
run (reports/charts._corners): every point left out lies on the segment between the
points kept around it, in order, so the path, its length and its dashes are the same."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.reports.charts import _corners

# Few x and y positions, so that runs of one x (weeks a tenth of a pixel apart) and of
# one y (a level held week after week) are common.
STEPS = st.lists(st.tuples(st.integers(0, 2), st.integers(1, 4)), min_size=1, max_size=60)


def _points(steps: list[tuple[int, int]]) -> list[tuple[str, str, float]]:
    x, found = 0, []
    for step, level in steps:
        x += step  # never back: weeks go forward
        found.append((f"{x}.0", f"{level}.0", float(level)))
    return found


def _on(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float | None:
    """How far along segment a-b point p lies (0 at a, 1 at b), or None when off it."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    if (px - ax) * (by - ay) != (py - ay) * (bx - ax):
        return None  # not on the line through a and b
    length = (bx - ax) ** 2 + (by - ay) ** 2
    if length == 0:
        return 0.0 if p == a else None
    along = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length
    return along if 0 <= along <= 1 else None


@given(STEPS)
def test_the_line_kept_passes_every_point_in_order(steps: list[tuple[int, int]]) -> None:
    points = _points(steps)
    drawn = [(float(x), y) for x, _, y in points]
    kept = [tuple(map(float, k.split(","))) for k in _corners(points)]
    assert kept[0] == drawn[0] and kept[-1] == drawn[-1]
    # Walking the points, each lies on the kept segment reached so far or a later one,
    # never behind the one before on the same segment: the same path, the same way.
    segment, before = 0, 0.0
    for point in drawn[1:]:
        while True:
            a, b = kept[segment], kept[min(segment + 1, len(kept) - 1)]
            along = _on(point, a, b)  # type: ignore[arg-type]
            if along is not None and along >= before:
                before = along
                break
            segment, before = segment + 1, 0.0
            assert segment < len(kept), (drawn, kept)
    assert len(kept) <= len(drawn)


def test_a_level_held_for_weeks_is_one_segment() -> None:
    points = _points([(1, 3), (1, 3), (1, 3), (1, 3), (1, 4)])
    assert _corners(points) == ["1.0,3.0", "4.0,3.0", "5.0,4.0"]


def test_a_turn_within_one_x_is_kept() -> None:
    points = _points([(1, 1), (0, 3), (0, 2), (1, 2)])
    assert _corners(points) == ["1.0,1.0", "1.0,3.0", "1.0,2.0", "2.0,2.0"]
