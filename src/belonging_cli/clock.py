"""Time as users live it: aware datetimes, ISO weeks in the user's time zone."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from belonging_cli.config import Config

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def now(zone: dt.tzinfo | None = None) -> dt.datetime:
    """The current time, timezone-aware (the system's local zone unless given)."""
    return dt.datetime.now(dt.timezone.utc).astimezone(zone)


def system_zone() -> dt.tzinfo:
    """The machine's zone, as a real IANA zone when it can be found (DST-correct)."""
    from zoneinfo import ZoneInfo

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = Path("/etc/localtime").readlink()
        candidates.append(str(target).partition("zoneinfo/")[2])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                return ZoneInfo(name)
            except (KeyError, ValueError, OSError):
                continue
    # A fixed offset: right today, maybe an hour off across a DST change.
    return dt.datetime.now().astimezone().tzinfo or dt.timezone.utc


def zone_label(zone: dt.tzinfo) -> str:
    """A zone as users know it: its IANA name (Europe/Berlin), else its abbreviation."""
    return str(getattr(zone, "key", None) or zone.tzname(None) or zone)


def user_now(config: Config | None = None) -> dt.datetime:
    """Now in the user's zone (the `timezone` setting, else the system's): the one "now"
    every command dates things by, so a reflection lands in the week `status` counts."""
    if config is None:
        from belonging_cli.settings import current

        return current().now()
    return now(config.zone())


def iso_week(day: dt.date) -> str:
    """`2026-11-27` -> `2026-W48` (ISO 8601: weeks start Monday, week 1 holds a Thursday)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(text: str) -> tuple[int, int]:
    monday = week_monday(text)
    year, week, _ = monday.isocalendar()
    return year, week


@functools.lru_cache(maxsize=16384)
def week_monday(week: str) -> dt.date:
    """`2026-W48` -> its Monday. Remembered: a report of years asks for the same few
    thousand weeks again and again (charts, streaks, timelines), and parsing one costs
    ~30 times the look-up (issue 19). A bad week raises every time (errors are not kept)."""
    match = _WEEK.match(week)
    if not match:
        raise ValueError(f"not an ISO week like 2026-W48: {week!r}")
    # Raises ValueError for week 53 of a 52-week year.
    return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)


def previous_week(week: str) -> str:
    return iso_week(week_monday(week) - dt.timedelta(days=7))


def next_week(week: str) -> str:
    return iso_week(week_monday(week) + dt.timedelta(days=7))
