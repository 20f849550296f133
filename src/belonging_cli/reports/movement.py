"""How levels moved over a period: first, latest, change, average and the trend word.

One rule for the report (ratings and balance) and the coach's roll-up (which
recomputes them over a `--since` window): change is latest minus where the
period started (the level just before it when there is one, else its first), an
average is shown to two places wherever it appears, and the trend word is read
from the whole series, never from its two ends.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

ONE = "one week so far"
STEADY = "steady"
RISING = "rising"
FALLING = "falling"
UP_AND_DOWN = "up and down"
# Every word `trend` gives ("" for no levels at all).
TRENDS = ("", ONE, STEADY, RISING, FALLING, UP_AND_DOWN)


def movement(
    levels: Sequence[int], before: int | None = None
) -> tuple[int | None, int | None, int | None, float | None]:
    """First, latest, change and average of levels in time order (all None when empty).

    `before` is the level just before the period: a week's change is counted from
    the reflection before it, not from its own single rating."""
    if not levels:
        return None, None, None, None
    first, latest = levels[0], levels[-1]
    start = first if before is None else before
    return first, latest, latest - start, average(levels)


def trend(levels: Sequence[int]) -> str:
    """The word for a whole series: a 1-4-1-4 is up and down, never steady."""
    if not levels:
        return ""
    if len(levels) == 1:
        return ONE
    steps = [b - a for a, b in pairwise(levels)]
    if not any(steps):
        return STEADY
    if all(s >= 0 for s in steps):
        return RISING
    if all(s <= 0 for s in steps):
        return FALLING
    return UP_AND_DOWN


def average(values: Collection[float]) -> float:
    """The mean of some values (at least one), to two places."""
    return round(sum(values) / len(values), 2)
