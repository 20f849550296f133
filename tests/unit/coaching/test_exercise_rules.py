"""Every exercise rule has one home (coaching/progress.py), and everyone who asks agrees.

The reflection's "Do one now?" offer and `belonging status` read the same real
journal file here; the report, `exercises list` and status order the same
exercises the same way; doing a weekly exercise and re-importing its pack agree on
when it falls due next.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.cli.reflect_exercises import due_exercises as _due_exercises
from belonging_cli.coaching import progress
from belonging_cli.habits import Schedule, build_status, exercises_due
from belonging_cli.journal.status_queries import AssignmentInfo, read_status_inputs
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Assignment

BERLIN = ZoneInfo("Europe/Berlin")
FRIDAY_4PM = Schedule(5, dt.time(16, 0), BERLIN)
# A Sunday: the calendar week ends today, so "tomorrow" is already next ISO week.
SUNDAY = dt.date(2026, 11, 29)
OFFSETS = st.one_of(st.none(), st.integers(-10, 30))  # days from today; None: undated


def exercise(n: int, due: dt.date | None, **more: object) -> Assignment:
    return Assignment(
        id=f"pack/e{n:02d}",
        pack_id="pack",
        pack_version="1",
        exercise_id=f"e{n:02d}",
        behaviour_id="prompt-insight",
        title=f"Exercise {n}",
        instructions="Ask three questions before offering a view.",
        imported_at=dt.datetime(2026, 11, 1, 9, tzinfo=BERLIN),
        due=due,
        **more,  # type: ignore[arg-type]
    )


def _day(today: dt.date, offset: int | None) -> dt.date | None:
    return None if offset is None else today + dt.timedelta(days=offset)


def _info(a: Assignment) -> AssignmentInfo:
    return AssignmentInfo(a.id, a.title, a.behaviour_id, a.due, a.cadence_weeks, a.times_done)


def _status_lists(path: Path, today: dt.date) -> list[str]:
    """The exercises `belonging status` shows as lines (not "N more, due later")."""
    now = dt.datetime.combine(today, dt.time(9), tzinfo=BERLIN)
    status = build_status(read_status_inputs(path), now, FRIDAY_4PM)
    shown = {e.title: e.id for e in status.exercises}
    return [
        shown[line.text.split(" (")[0]]
        for line in status.lines(max_exercises=100)
        if line.label == "Exercise" and line.text.split(" (")[0] in shown
    ]


def test_an_exercise_due_tomorrow_on_a_sunday_is_due_soon_for_both(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    tomorrow = exercise(1, SUNDAY + dt.timedelta(days=1))
    far = exercise(2, SUNDAY + dt.timedelta(days=20))
    with open_journal(path) as journal:
        journal.upsert_assignments([tomorrow, far])
        offered = [a.id for a in _due_exercises(journal, SUNDAY)]
    assert offered == [tomorrow.id]
    assert _status_lists(path, SUNDAY) == [tomorrow.id]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    offsets=st.lists(OFFSETS, min_size=1, max_size=6),
    weekday=st.integers(0, 6),
)
def test_the_reflection_offers_what_status_lists_in_the_same_order(
    tmp_path_factory: pytest.TempPathFactory, offsets: list[int | None], weekday: int
) -> None:
    today = SUNDAY + dt.timedelta(days=weekday)
    path = tmp_path_factory.mktemp("j") / "journal.db"
    items = [exercise(n, _day(today, o)) for n, o in enumerate(offsets)]
    with open_journal(path) as journal:
        journal.upsert_assignments(items)
        offered = [a.id for a in _due_exercises(journal, today)]
    assert offered == _status_lists(path, today)


@settings(max_examples=100, deadline=None)
@given(offsets=st.lists(OFFSETS, min_size=1, max_size=8), weekday=st.integers(0, 6))
def test_most_pressing_first_is_one_order(offsets: list[int | None], weekday: int) -> None:
    today = SUNDAY + dt.timedelta(days=weekday)
    items = [exercise(n, _day(today, o)) for n, o in enumerate(offsets)]
    listing = [a.id for a in progress.sort_for_listing(items, today) if progress.is_open(a)]
    status = [e.id for e in exercises_due(tuple(_info(a) for a in items), today)]
    opened = [a.id for a in progress.open_assignments(items)]
    assert listing == status == opened
    soon = [a.id for a in progress.due_soon(items, today)]
    assert soon == [i for i in opened if i in soon]  # the offer keeps the order


@settings(max_examples=100, deadline=None)
@given(
    cadence=st.integers(1, 8),
    first=st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)),
    times=st.integers(0, 9),
)
def test_doing_and_reimporting_agree_on_the_next_due_day(
    cadence: int, first: dt.date, times: int
) -> None:
    """The weekly re-due date: `exercises do` moves it on; a newer pack recomputes it."""
    done = replace(exercise(1, first), cadence_weeks=cadence)
    when = dt.datetime(2026, 11, 27, tzinfo=BERLIN)
    for _ in range(times):
        if done.status == "assigned":
            done = progress.record_done(done, when)
    if done.status == "assigned":  # one done as often as asked keeps the date it had
        assert done.due == progress.next_due(first, done.times_done, when.date())
    assert (done.status == "done") == progress.all_done(done.times_done, cadence)
