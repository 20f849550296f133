"""The stretch of time a report covers: whole ISO weeks, from a name or from dates.

A session belongs to a period when the week it reflects on does, so periods are
counted in weeks: `month` is the last 4 weeks, `quarter` the last 12, `year` the
last 52, each ending with the week of `until` (today unless given).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from belonging_cli.clock import iso_week, week_monday
from belonging_cli.errors import UsageProblem

PERIOD_WEEKS: dict[str, int] = {"week": 1, "month": 4, "quarter": 12, "year": 52}
PERIOD_NAMES: tuple[str, ...] = (*PERIOD_WEEKS, "all")


@dataclass(frozen=True, slots=True)
class Period:
    name: str  # one of PERIOD_NAMES, or "custom" when --since chose the start
    first_week: str
    last_week: str

    @property
    def start(self) -> dt.date:
        return week_monday(self.first_week)

    @property
    def end(self) -> dt.date:
        return week_monday(self.last_week) + dt.timedelta(days=6)

    @property
    def weeks(self) -> int:
        return (week_monday(self.last_week) - self.start).days // 7 + 1

    def contains(self, week: str) -> bool:
        # ISO week strings are zero-padded, so they sort in time order.
        return self.first_week <= week <= self.last_week


def resolve_period(
    name: str,
    *,
    today: dt.date,
    since: dt.date | None = None,
    until: dt.date | None = None,
    journal_weeks: Iterable[str] = (),
) -> Period:
    """The period asked for; `journal_weeks` (the weeks reflected on) only matter for `all`."""
    if name not in PERIOD_NAMES:
        allowed = ", ".join(PERIOD_NAMES)
        raise UsageProblem(f"unknown period {name!r}", hint=f"use one of {allowed}")
    end = until or today
    if since is not None and since > end:
        raise UsageProblem(
            f"--since {since.isoformat()} is after the end of the period ({end.isoformat()})"
        )
    last_week = iso_week(end)
    if since is not None:
        return Period("custom", iso_week(since), last_week)
    if name == "all":
        earlier = [w for w in journal_weeks if w <= last_week]
        return Period("all", min(earlier, default=last_week), last_week)
    first = week_monday(last_week) - dt.timedelta(weeks=PERIOD_WEEKS[name] - 1)
    return Period(name, iso_week(first), last_week)
