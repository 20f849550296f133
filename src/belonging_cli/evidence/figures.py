"""A calendar week's figures from its busy times: pure interval arithmetic, no files.

Times are UTC seconds (floats), so a daylight-saving change inside a week is simply
an hour more or less of real time; working hours are laid out per local day in the
person's zone. Overlapping meetings count once: every figure is read from the union
of the meetings' intervals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

Span = tuple[float, float]  # start, end: UTC seconds, start <= end

HOUR = 3600.0
FREE_BLOCK = 2 * HOUR  # a free block worth counting: two hours or more
BACK_TO_BACK_GAP = 5 * 60.0  # meetings at most five minutes apart are back to back


class Occurrence(NamedTuple):
    """One timed, busy event of the person's (a recurring one: one of its instances)."""

    start: float
    end: float
    protected: bool  # the person's own protected block, not a meeting


class WorkTime(NamedTuple):
    """Where and when the person works: the settings, read once."""

    zone: dt.tzinfo
    days: frozenset[int]  # ISO weekdays
    start: dt.time
    end: dt.time


def union(spans: Iterable[Span], gap: float = 0.0) -> list[Span]:
    """The spans merged where they overlap or touch (or lie at most `gap` apart), in order."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + gap:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def length(spans: Iterable[Span]) -> float:
    return sum(end - start for start, end in spans)


def overlap(a: Sequence[Span], b: Sequence[Span]) -> float:
    """How long two merged, ordered lists of spans overlap."""
    total, i, j = 0.0, 0, 0
    while i < len(a) and j < len(b):
        low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        total += max(0.0, high - low)
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def gaps(window: Span, busy: Sequence[Span]) -> list[float]:
    """The lengths of the free stretches of `window` between merged `busy` spans."""
    free: list[float] = []
    cursor = window[0]
    for start, end in busy:
        if end <= cursor or start >= window[1]:
            continue
        if start > cursor:
            free.append(start - cursor)
        cursor = max(cursor, end)
    if cursor < window[1]:
        free.append(window[1] - cursor)
    return free


def stamp(day: dt.date, time: dt.time, zone: dt.tzinfo) -> float:
    return dt.datetime.combine(day, time, tzinfo=zone).timestamp()


def working_windows(monday: dt.date, work: WorkTime) -> list[Span]:
    days = (monday + dt.timedelta(days=n) for n in range(7))
    return [
        (stamp(day, work.start, work.zone), stamp(day, work.end, work.zone))
        for day in days
        if day.isoweekday() in work.days
    ]


def chains(meetings: Sequence[Span]) -> int:
    """Runs of two or more meetings, each starting at most five minutes after the run so
    far ends (overlapping ones included)."""
    runs, count, end = 0, 0, float("-inf")
    for start, finish in sorted(meetings):
        if start <= end + BACK_TO_BACK_GAP:
            count += 1
        else:
            runs += count >= 2
            count = 1
        end = max(end, finish)
    return runs + (count >= 2)


def _hours(seconds: float) -> float:
    return round(seconds / HOUR, 2)


def week_figures(
    monday: dt.date, occurrences: Sequence[Occurrence], work: WorkTime, started: int
) -> dict[str, float | int]:
    """The figures of the week starting `monday`; `occurrences` clipped to it already,
    `started` how many of its meetings began in it."""
    own_meetings = [(o.start, o.end) for o in occurrences if not o.protected]
    meetings = union(own_meetings)
    protected = union((o.start, o.end) for o in occurrences if o.protected)
    windows = working_windows(monday, work)
    free = [gap for window in windows for gap in gaps(window, meetings)]
    meeting_time = length(meetings)
    protected_time = length(protected)
    figures: dict[str, float | int] = {
        "meeting_hours": _hours(meeting_time),
        "meetings": started,
        "longest_free_hours": _hours(max(free, default=0.0)),
        "free_blocks_2h": sum(gap >= FREE_BLOCK for gap in free),
        "after_hours_hours": _hours(meeting_time - overlap(meetings, windows)),
        "back_to_back_chains": chains(own_meetings),
        "protected_hours": _hours(protected_time),
    }
    if protected_time > 0:  # no share of nothing: the key is left out
        kept = protected_time - overlap(protected, meetings)
        figures["protected_free_share"] = round(kept / protected_time, 2)
    return figures


def monday_of(when: float, zone: dt.tzinfo) -> dt.date:
    day = dt.datetime.fromtimestamp(when, zone).date()
    return day - dt.timedelta(days=day.weekday())


def by_week(
    occurrences: Iterable[Occurrence], work: WorkTime, mondays: Iterable[dt.date]
) -> dict[dt.date, dict[str, float | int]]:
    """The figures of each week in `mondays`; an occurrence across midnight on Sunday
    counts in both weeks for its time, and as a meeting in the week it began."""
    weeks: dict[dt.date, list[Occurrence]] = {monday: [] for monday in mondays}
    started = dict.fromkeys(weeks, 0)
    midnight = dt.time()
    for item in occurrences:
        monday = monday_of(item.start, work.zone)
        if monday in started and not item.protected:
            started[monday] += 1
        while True:
            low = stamp(monday, midnight, work.zone)
            high = stamp(monday + dt.timedelta(days=7), midnight, work.zone)
            if monday in weeks:
                clipped = item._replace(start=max(low, item.start), end=min(high, item.end))
                weeks[monday].append(clipped)
            if item.end <= high:
                break
            monday += dt.timedelta(days=7)
    return {
        monday: week_figures(monday, items, work, started[monday])
        for monday, items in sorted(weeks.items())
    }
