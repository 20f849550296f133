"""How levels moved over a period: first, latest, change and average.

One rule for the report (ratings and balance) and the coach's roll-up (which
recomputes them over a `--since` window): change is latest minus first, and an
average is shown to two places wherever it appears.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence


def movement(levels: Sequence[int]) -> tuple[int | None, int | None, int | None, float | None]:
    """First, latest, change and average of levels in time order (all None when empty)."""
    if not levels:
        return None, None, None, None
    first, latest = levels[0], levels[-1]
    return first, latest, latest - first, average(levels)


def average(values: Collection[float]) -> float:
    """The mean of some values (at least one), to two places."""
    return round(sum(values) / len(values), 2)
