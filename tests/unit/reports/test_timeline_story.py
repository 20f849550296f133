"""A behaviour's timeline says what happened: the fall back names the week it fell and
the level it fell to, and a long story leaves nothing out without saying so."""

from __future__ import annotations

from belonging_cli.reports.model import BehaviourTrend, WeekLevel
from belonging_cli.reports.sections.timeline import timeline
from support.timeline_story import told


def trend(levels: list[int], first_week: int = 38) -> BehaviourTrend:
    series = tuple(WeekLevel(f"2026-W{first_week + i:02d}", n) for i, n in enumerate(levels))
    return BehaviourTrend(
        "b", 1, "B", len(levels), levels[0], levels[-1], 0, None, None, None, series
    )


def test_a_fall_back_is_the_drop_in_the_week_it_happened() -> None:
    # ... 3 (W47), 1 (W48), 2 (W49): in W48 it fell from 3 to 1, not to 2.
    path = timeline(trend([1, 2, 3, 1, 2], first_week=45))
    assert path.fell_back is not None
    assert (path.fell_back.high, path.fell_back.to, path.fell_back.week) == (3, 1, "2026-W48")


def test_a_long_story_keeps_its_first_stretch_and_says_what_it_left_out() -> None:
    levels = [3, 2, 2, 1, 3, 1, 2, 1, 3, 2, 3]  # 10 stretches from W38
    path = timeline(trend(levels))
    assert path.story.startswith("3 in 2026-W38, then ")
    assert "1 earlier changes" not in path.story and "earlier changes" not in path.story
    parts, left = told(path.story)
    assert left == (2, "2026-W39", "2026-W41")
    assert [p[0] for p in parts] == [3, 3, 1, 2, 1, 3, 2, 3]


def test_one_stretch_too_many_is_told_whole() -> None:
    levels = [3, 2, 2, 1, 3, 1, 2, 1, 3, 2]  # 8 stretches + 1
    path = timeline(trend(levels))
    parts, left = told(path.story)
    assert left is None
    assert [(p[0], p[1]) for p in parts][:2] == [(3, "2026-W38"), (2, "2026-W39")]
    assert len(parts) == 9
