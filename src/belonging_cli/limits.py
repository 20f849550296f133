"""The one range of values the journal holds, checked wherever outside input comes in.

Import files, answers files, edited sessions, packs and command-line options all
go through these checks, so that nothing stored can make a later command fail:

- dates from 1970-01-01 to 2100-12-31 (and the ISO weeks of those days): a journal of
  weekly reflections has no use for more, and near the ends of Python's dates (year 1,
  year 9999) the week, UTC and due-date arithmetic overflows;
- integers SQLite can store (signed 64 bits);
- finite numbers: JSON has no NaN or infinity, so the export could never be written;
- text without lone surrogates (`"\\ud800"` in JSON): it cannot be written as UTF-8.

Typer- and pydantic-free (options on the start-up path use it). Checks raise
ValueError with a message a user can act on; `day_option` raises a usage error.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from belonging_cli.clock import iso_week, parse_week

FIRST_DAY = dt.date(1970, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
DATE_RANGE = f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
# A reflection is for a day from here to today: an earlier one is a typo (1999 for 2029).
FIRST_REFLECTION_DAY = dt.date(2000, 1, 1)
FIRST_WEEK = iso_week(FIRST_DAY)
LAST_WEEK = iso_week(LAST_DAY)
MIN_INT = -(2**63)
MAX_INT = 2**63 - 1

_SURROGATE = re.compile("[\ud800-\udfff]")


def check_day(day: dt.date) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"expected a date from {DATE_RANGE}, found {day.isoformat()}")
    return day


def check_reflection_day(day: dt.date, today: dt.date) -> dt.date:
    """A day to reflect on: from FIRST_REFLECTION_DAY to `today` (ValueError if not; a day
    the journal cannot hold at all says so, with its range)."""
    if day > today:
        raise ValueError(f"{day.isoformat()} is in the future")
    check_day(day)
    if day < FIRST_REFLECTION_DAY:
        first = FIRST_REFLECTION_DAY.isoformat()
        raise ValueError(f"{day.isoformat()} is before {first}: a reflection is for a later day")
    return day


def check_time(when: dt.datetime) -> dt.datetime:
    """A time whose day, as written and in UTC, is in range (UTC is what the journal sorts by)."""
    day = when.date()
    if FIRST_DAY <= day <= LAST_DAY and when.tzinfo is not None:
        day = when.astimezone(dt.timezone.utc).date()  # cannot overflow: years 1970-2100
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(
            f"expected a time from {DATE_RANGE} (in UTC too), found {when.isoformat()}"
        )
    return when


def check_week(week: str) -> str:
    """An ISO week like 2026-W48 (ValueError if not one) holding a supported day."""
    year, number = parse_week(week)
    if not FIRST_WEEK <= f"{year:04d}-W{number:02d}" <= LAST_WEEK:
        raise ValueError(f"expected a week from {FIRST_WEEK} to {LAST_WEEK}, found {week}")
    return week


def check_int(number: int) -> int:
    if not MIN_INT <= number <= MAX_INT:
        raise ValueError(f"{number} is too large a number (the journal keeps 64-bit integers)")
    return number


def check_float(number: float) -> float:
    if not math.isfinite(number):
        raise ValueError(f"{number} is not a finite number (NaN and infinity cannot be saved)")
    return number


def check_text(text: str) -> str:
    found = None if text.isascii() else _SURROGATE.search(text)
    if found:
        raise ValueError(
            f"contains the lone surrogate U+{ord(found[0]):04X} at character {found.start() + 1}, "
            "which is not a character (the text cannot be saved as UTF-8)"
        )
    return text


def check_value(value: object) -> object:
    """Any JSON-like value: every number, text and item in it checked, recursively."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        check_int(value)
    elif isinstance(value, float):
        check_float(value)
    elif isinstance(value, str):
        check_text(value)
    elif isinstance(value, (list, tuple)):
        for item in value:
            check_value(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_value(key)
            check_value(item)
    return value


def day_option(
    text: str | None, option: str, *, not_after: dt.date | None = None
) -> dt.date | None:
    """A date option's value, or a usage error naming the option (exit 2); `not_after`
    (today) makes it a day to reflect on (check_reflection_day)."""
    if text is None:
        return None
    from belonging_cli.errors import UsageProblem

    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageProblem(f"{option} {text!r} is not a date like 2026-11-27") from None
    try:
        return check_day(day) if not_after is None else check_reflection_day(day, not_after)
    except ValueError as exc:
        raise UsageProblem(f"{option}: {exc}") from None
