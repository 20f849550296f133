"""Streaks: consecutive ISO weeks with at least one completed reflection.

Pure and stdlib-only: `belonging status` (the most-run command) uses it.
"""

from __future__ import annotations

from collections.abc import Iterable

from belonging_cli.clock import next_week, previous_week


def current_streak(weeks: Iterable[str], this_week: str) -> int:
    """Weeks in a row, ending this week or last week, with a completed reflection.

    A streak is still alive during the week after the last reflection: it only
    breaks once a whole week has passed without one.
    """
    done = set(weeks)
    week = this_week if this_week in done else previous_week(this_week)
    count = 0
    while week in done:
        count += 1
        week = previous_week(week)
    return count


def longest_streak(weeks: Iterable[str]) -> int:
    done = set(weeks)
    best = 0
    for week in done:
        if previous_week(week) in done:
            continue  # not the start of a run
        length = 0
        while week in done:
            length += 1
            week = next_week(week)
        best = max(best, length)
    return best


def in_a_row(weeks: int) -> str:
    """A running streak in words, as status and the recap after saving say it."""
    return f"{weeks} week{'s' if weeks != 1 else ''} in a row"
