"""A reflection's History orders the journal once, however often a sitting asks it for
the latest rating or focus of a behaviour (issue 19: it re-sorted every session each
time, hundreds of times a run on a long journal)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from belonging_cli.clock import iso_week
from belonging_cli.engine.history import History
from belonging_cli.records import Rating, Session

UTC = dt.timezone.utc


class Counted:
    """A session that counts how often its week is read (sorting reads it once per pass)."""

    reads = 0

    def __init__(self, session: Session) -> None:
        self._session = session

    def __getattr__(self, name: str) -> Any:
        if name == "week":
            Counted.reads += 1
        return getattr(self._session, name)


def sessions(weeks: int) -> tuple[Session, ...]:
    made = []
    for n in range(weeks):
        at = dt.datetime(2025, 1, 6, 9, tzinfo=UTC) + dt.timedelta(weeks=n)
        made.append(
            Session(
                f"s{n}",
                "weekly",
                "belonging-core",
                "2.0.0",
                at,
                iso_week(at.date()),
                "complete",
                at,
                "protect-time" if n % 3 == 0 else None,
                (),
                (),
                (Rating("protect-time", 1 + n % 5, at),),
            )
        )
    return tuple(made)


def test_asking_many_times_orders_the_sessions_once() -> None:
    journal = sessions(50)
    history = History(sessions=cast(tuple[Session, ...], tuple(Counted(s) for s in journal)))
    Counted.reads = 0
    answers = [history.last_rating("protect-time") for _ in range(100)]
    explored = [history.last_explored("protect-time") for _ in range(100)]
    assert set(answers) == {journal[-1].ratings[0].level}
    assert set(explored) == {journal[48].started_at}  # the latest focus: week 49 of 50
    assert Counted.reads <= 2 * len(journal)  # one ordering, not one per question


def test_the_latest_rating_before_a_week_is_still_the_latest_of_those() -> None:
    journal = sessions(10)
    history = History(sessions=journal)
    assert history.last_rating("protect-time", before_week=journal[3].week) == 4
    assert history.last_rating("credit-to-others") is None
