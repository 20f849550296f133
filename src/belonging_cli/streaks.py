"""Streaks: consecutive ISO weeks with at least one completed reflection.

Pure and stdlib-only: `belonging status` (the most-run command) uses it.
"""

from __future__ import annotations

from collections.abc import Iterable

from belonging_cli.clock import week_monday


def _number(week: str) -> int:
    """A week as a number, the next week the next number: each week is read once, so a
    long journal's streaks cost one pass (no week text made or parsed per step)."""
    return week_monday(week).toordinal() // 7


def current_streak(weeks: Iterable[str], this_week: str) -> int:
    """Weeks in a row, ending this week or last week, with a completed reflection.

    A streak is still alive during the week after the last reflection: it only
    breaks once a whole week has passed without one.
    """
    done = {_number(w) for w in set(weeks)}
    week = _number(this_week)
    week = week if week in done else week - 1
    count = 0
    while week in done:
        count += 1
        week -= 1
    return count


def longest_streak(weeks: Iterable[str]) -> int:
    done = {_number(w) for w in set(weeks)}
    best = 0
    for week in done:
        if week - 1 in done:
            continue  # not the start of a run
        length = 0
        while week in done:
            length += 1
            week += 1
        best = max(best, length)
    return best


def in_a_row(weeks: int) -> str:
    """A running streak in words, as status and the recap after saving say it."""
    return f"{weeks} week{'s' if weeks != 1 else ''} in a row"
