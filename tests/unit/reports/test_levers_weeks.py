"""The levers week by week: every week of a quarter, the latest half year of a longer
period, saying how many weeks there were (a ten-year report's line of every week was
most of the report)."""

from __future__ import annotations

import datetime as dt

from belonging_cli.clock import iso_week
from belonging_cli.reports.model import LeversPoint
from belonging_cli.reports.words import levers_weeks


def _points(count: int) -> list[LeversPoint]:
    first = dt.date(2026, 1, 5)
    return [
        LeversPoint(iso_week(first + dt.timedelta(weeks=n)), "relational") for n in range(count)
    ]


def test_a_quarter_says_every_week() -> None:
    said = levers_weeks({"levers": _points(13)})
    assert said.startswith("2026-W02 mostly relational, 2026-W03 mostly relational")
    assert said.count("mostly relational") == 13
    assert "latest" not in said


def test_a_longer_period_says_its_latest_half_year_and_how_many_weeks_it_had() -> None:
    points = _points(200)
    said = levers_weeks({"levers": points})
    assert said.count("mostly relational") == 26
    assert said.startswith(f"{points[-26].week} mostly relational, ")
    assert said.endswith(
        f"{points[-1].week} mostly relational (the latest 26 of 200 weeks answered)"
    )


def test_no_levers_say_nothing() -> None:
    assert levers_weeks({"levers": None}) == ""
    assert levers_weeks({}) == ""
