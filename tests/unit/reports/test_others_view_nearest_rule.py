"""Which self-rating stands beside others' view (sections/feedback.nearest_ratings): the
one of the reflection whose week is nearest the round (the day it is for, not the day it
was saved), ties to the later; `self_rated_on` is that reflection's day."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from belonging_cli.clock import iso_week
from belonging_cli.records import Rating, Session
from belonging_cli.reports.sections.feedback import nearest_ratings
from support.sessions import weekly_session

UTC = dt.timezone.utc
SAVED = dt.datetime(2026, 12, 1, 17, tzinfo=UTC)  # every rating saved on one day


def _for(day: dt.date, level: int, *, saved: dt.datetime = SAVED, week: str = "") -> Session:
    """A reflection for `day` (started then, as `reflect --date` starts one), saved later."""
    started = dt.datetime.combine(day, dt.time(17), UTC)
    made = weekly_session(
        started, week=week or iso_week(day), ratings=(Rating("protect-time", level, saved),)
    )
    return replace(made, completed_at=saved)


def test_the_week_it_is_for_counts_not_when_it_was_saved() -> None:
    sessions = [_for(dt.date(2026, 11, 6), 2), _for(dt.date(2026, 11, 27), 4)]
    assert nearest_ratings(sessions, dt.date(2026, 12, 1), UTC) == {
        "protect-time": (4, dt.date(2026, 11, 27))
    }


def test_a_tie_goes_to_the_later_reflection_in_either_order() -> None:
    before, after = _for(dt.date(2026, 11, 20), 3), _for(dt.date(2026, 11, 24), 4)
    for sessions in ([before, after], [after, before]):
        found = nearest_ratings(sessions, dt.date(2026, 11, 22), UTC)
        assert found == {"protect-time": (4, dt.date(2026, 11, 24))}


def test_two_reflections_of_one_day_the_later_saved_stands() -> None:
    day = dt.date(2026, 11, 27)
    first = _for(day, 3, saved=SAVED)
    second = _for(day, 5, saved=SAVED + dt.timedelta(hours=1))
    for sessions in ([first, second], [second, first]):
        assert nearest_ratings(sessions, day, UTC) == {"protect-time": (5, day)}


def test_a_start_outside_its_week_is_read_as_its_week() -> None:
    # A journal's session whose start is not in the week it is for (edited, imported):
    # the week decides: its day nearest the start (here its Monday).
    odd = _for(dt.date(2026, 6, 1), 2, week="2026-W48")  # W48: 23 to 29 November
    assert nearest_ratings([odd], dt.date(2026, 12, 1), UTC) == {
        "protect-time": (2, dt.date(2026, 11, 23))
    }


def test_the_day_is_the_reflection_s_own_in_the_person_s_zone() -> None:
    # Started 23:30 UTC on Friday 27 November is Saturday the 28th in Auckland.
    from zoneinfo import ZoneInfo

    late = replace(
        _for(dt.date(2026, 11, 27), 4), started_at=dt.datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
    )
    found = nearest_ratings([late], dt.date(2026, 12, 1), ZoneInfo("Pacific/Auckland"))
    assert found == {"protect-time": (4, dt.date(2026, 11, 28))}
