"""Each behaviour's path through the period: its stretches, highs and lows, and a fall back.

First -> latest hides a relapse: 1-2-3-1 reads "0". A timeline keeps the whole
series as stretches of weeks at one level, so a report shows when a behaviour
was high, when low, and when it fell back from a high it had climbed to.
Pure over the report's trends (reports/sections/ratings.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from belonging_cli.reports.words import plural

if TYPE_CHECKING:
    from belonging_cli.reports.model import BehaviourTrend


@dataclass(slots=True)
class Stretch:
    """Weeks rated in a row at one level (a week not rated does not break it)."""

    level: int
    first_week: str
    last_week: str
    weeks: int  # ratings in the stretch


@dataclass(slots=True)
class FallBack:
    """A climb to a high, then a drop below it: where a relapse shows."""

    high: int
    to: int  # the level it fell to in `week` (where it is now is the series' latest)
    week: str  # the first week back down


@dataclass(slots=True)
class Timeline:
    behaviour_id: str
    title: str
    stretches: tuple[Stretch, ...]
    high: int
    high_weeks: tuple[str, ...]
    low: int
    low_weeks: tuple[str, ...]
    fell_back: FallBack | None
    story: str  # the stretches in words: "1 in W42, 2 in W43-W44, 3 in W45-W48, 1 in W49"


def timelines(ratings: Sequence[BehaviourTrend]) -> tuple[Timeline, ...]:
    """A timeline for each behaviour rated in the period, in rubric order."""
    return tuple(timeline(t) for t in ratings if t.series)


def timeline(trend: BehaviourTrend) -> Timeline:
    series = trend.series
    found = stretches(series)
    levels = [p.level for p in series]
    high, low = max(levels), min(levels)
    return Timeline(
        behaviour_id=trend.behaviour_id,
        title=trend.title,
        stretches=found,
        high=high,
        high_weeks=tuple(p.week for p in series if p.level == high),
        low=low,
        low_weeks=tuple(p.week for p in series if p.level == low),
        fell_back=fell_back(found),
        story=story(found),
    )


class Rated(Protocol):
    """A week's level: the report's `WeekLevel`, or a bundle's point as a roll-up reads it."""

    @property
    def week(self) -> str: ...
    @property
    def level(self) -> int: ...


def stretches(series: Sequence[Rated]) -> tuple[Stretch, ...]:
    found: list[Stretch] = []
    for point in series:
        if found and found[-1].level == point.level:
            last = found[-1]
            last.last_week, last.weeks = point.week, last.weeks + 1
        else:
            found.append(Stretch(point.level, point.week, point.week, 1))
    return tuple(found)


def fell_back(found: Sequence[Stretch]) -> FallBack | None:
    """The latest drop from the highest level reached after a climb, if it ends below it.

    A behaviour that only falls (4-3-2) or only rises is not a relapse: its trend
    word says so. One that climbed and is now lower than its high is.
    """
    if len(found) < 3:
        return None
    high = max(s.level for s in found)
    peak = max(i for i, s in enumerate(found) if s.level == high)
    climbed = any(s.level < high for s in found[:peak])
    if not climbed or peak == len(found) - 1:
        return None
    after = found[peak + 1]
    return FallBack(high, after.level, after.first_week)


def story(found: Sequence[Stretch]) -> str:
    """`1 in 2026-W42, 2 in 2026-W43 to W44, 3 in 2026-W45 to W48, back to 1 in 2026-W49`.

    A long, restless series says its first stretch, how many it leaves out and
    their weeks, then its latest: a report line, not a year of weeks, and every
    level and week said is the series' own."""
    if len(found) <= STORY_STRETCHES + 1:  # one left out would save nothing
        return ", ".join(_told(found, range(len(found))))
    tail = len(found) - (STORY_STRETCHES - 1)
    told = _told(found, range(tail, len(found)), first=True)
    skipped = found[1:tail]
    gap = _weeks(skipped[0].first_week, skipped[-1].last_week)
    latest = ", ".join(told[1:])
    left = plural(len(skipped), "stretch", "stretches")
    return f"{told[0]}, then {left} left out ({gap}), then {latest}"


def _told(found: Sequence[Stretch], said: range, *, first: bool = False) -> list[str]:
    """The stretches at `said` (and the first, with `first`) in words, `back to` a level
    an earlier stretch was at: one pass, and words only for the stretches said (a
    roll-up tells ten behaviours' stories for each of thousands of clients)."""
    seen: set[int] = set()
    told = []
    for at, s in enumerate(found):
        if at in said or (first and at == 0):
            when = _weeks(s.first_week, s.last_week)
            told.append(
                f"back to {s.level} in {when}" if s.level in seen else f"{s.level} in {when}"
            )
        seen.add(s.level)
    return told


STORY_STRETCHES = 8


def _weeks(first: str, last: str) -> str:
    """`2026-W45 to W48` (the year said once when it is the same), or one week."""
    if first == last:
        return first
    year, _, week = last.partition("-")
    return f"{first} to {week if first.startswith(year + '-') else last}"
