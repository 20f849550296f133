"""status points to the other flows when they fit: the monthly look back in the week that
holds the month's last day, a deep dive when one behaviour was the focus three times running."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from belonging_cli.habits import Schedule, build_status
from belonging_cli.journal.status_queries import FlowSession, StatusInputs

BERLIN = ZoneInfo("Europe/Berlin")
FRIDAY_4PM = Schedule(5, dt.time(16, 0), BERLIN)
MONTHLY = "belonging reflect --flow monthly"


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=BERLIN)


def session(flow: str, day: str, focus: str | None = None) -> FlowSession:
    return FlowSession(flow, focus, dt.date.fromisoformat(day), f"{day}T16:00:00.000000Z")


def inputs(*sessions: FlowSession, weeks: tuple[str, ...] = ("2026-W47",)) -> StatusInputs:
    return StatusInputs(frozenset(weeks), flow_sessions=sessions)


def commands(status: object) -> list[str | None]:
    return [line.command for line in status.lines()]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("now", "month_end"),
    [
        ("2026-11-25 09:00", False),  # W48: Mon 23 .. Sun 29 Nov; the 30th is next week's
        ("2026-11-30 09:00", True),  # W49: Mon 30 Nov .. Sun 6 Dec holds the 30th
        ("2026-12-04 18:00", True),  # the same week, already December
        ("2026-11-18 09:00", False),  # W47: a week earlier
        ("2026-12-07 09:00", False),  # W50: the week after
        ("2027-01-31 12:00", True),  # a Sunday that is the month's last day
        ("2027-02-01 12:00", False),  # and the Monday after: a new week
        ("2028-02-29 12:00", True),  # a leap year's February
    ],
)
def test_the_monthly_is_suggested_in_the_week_that_holds_the_months_last_day(
    now: str, month_end: bool
) -> None:
    status = build_status(inputs(), at(now), FRIDAY_4PM)
    assert (MONTHLY in commands(status)) is month_end


def test_the_monthly_line_names_the_day_the_month_ends() -> None:
    status = build_status(inputs(), at("2026-12-01 09:00"), FRIDAY_4PM)
    (line,) = [x for x in status.lines() if x.command == MONTHLY]
    assert line.label == "Monthly"
    assert line.text == "November ends Mon 30 Nov: look back over the month"
    assert status.to_json()["suggestions"] == [
        {"flow_id": "monthly", "behaviour_id": None, "text": line.text, "command": MONTHLY}
    ]


@pytest.mark.parametrize(
    ("done", "suggested"),
    [
        ("2026-11-02", False),  # done that month
        ("2026-11-27", False),
        ("2026-12-01", False),  # done in the week, the day after the month ended
        ("2026-10-30", True),  # last month's does not count
    ],
)
def test_not_when_a_monthly_was_done_that_month(done: str, suggested: bool) -> None:
    status = build_status(inputs(session("monthly", done)), at("2026-12-02 09:00"), FRIDAY_4PM)
    assert (MONTHLY in commands(status)) is suggested


def test_not_before_the_first_reflection() -> None:
    status = build_status(inputs(weeks=()), at("2026-12-02 09:00"), FRIDAY_4PM)
    assert MONTHLY not in commands(status)
    assert status.next_command() == "belonging reflect"


def test_this_weeks_reflection_comes_first_then_the_monthly() -> None:
    due = build_status(inputs(), at("2026-12-02 09:00"), FRIDAY_4PM)
    assert due.next_command() == "belonging reflect"
    done = build_status(inputs(weeks=("2026-W49",)), at("2026-12-05 09:00"), FRIDAY_4PM)
    assert done.next_command() == MONTHLY


NOW = at("2026-11-18 09:00")  # W47: no month ends
THREE = (
    session("weekly", "2026-11-13", "protect-time"),
    session("weekly", "2026-11-06", "protect-time"),
    session("weekly", "2026-10-30", "protect-time"),
)
DEEP = "belonging reflect --flow deep-dive --behaviour protect-time"


def test_a_deep_dive_after_three_reflections_on_one_focus() -> None:
    status = build_status(inputs(*THREE), NOW, FRIDAY_4PM)
    (line,) = [x for x in status.lines() if x.label == "Deep dive"]
    assert line.command == DEEP
    assert line.text == "protect-time was the focus of your last three reflections: go deeper"
    done = build_status(inputs(*THREE, weeks=("2026-W47",)), NOW, FRIDAY_4PM)
    assert done.reflection.state == "done" and done.next_command() == DEEP
    assert done.to_json()["suggestions"][0]["behaviour_id"] == "protect-time"


@pytest.mark.parametrize(
    "recent",
    [
        THREE[:2],  # only two
        (*THREE[:2], session("weekly", "2026-10-30", "cultivate-belonging")),
        (*THREE[:2], session("weekly", "2026-10-30", None)),  # no focus chosen
        (*THREE, session("deep-dive", "2026-11-14", "protect-time")),  # done since
        (*THREE, session("deep-dive", "2026-11-06", "protect-time")),  # during them
    ],
)
def test_no_deep_dive_otherwise(recent: tuple[FlowSession, ...]) -> None:
    status = build_status(inputs(*recent), NOW, FRIDAY_4PM)
    assert not [x for x in status.lines() if x.label == "Deep dive"]


def test_a_deep_dive_before_the_three_or_on_another_behaviour_does_not_count() -> None:
    older = session("deep-dive", "2026-10-01", "protect-time")
    other = session("deep-dive", "2026-11-14", "cultivate-belonging")
    status = build_status(inputs(*THREE, older, other), NOW, FRIDAY_4PM)
    assert DEEP in commands(status)


def test_a_hostile_focus_id_stays_one_word() -> None:
    weird = tuple(s._replace(focus_behaviour_id="x; rm -rf ~") for s in THREE)
    status = build_status(inputs(*weird), NOW, FRIDAY_4PM)
    assert "belonging reflect --flow deep-dive --behaviour 'x; rm -rf ~'" in commands(status)
