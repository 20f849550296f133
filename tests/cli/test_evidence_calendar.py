"""`belonging evidence calendar`: hand-made calendars with known answers, figures stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from belonging_cli.journal.store import open_journal
from support.cli import CliRunner

CALENDARS = Path(__file__).parents[1] / "hostile" / "calendar"
FREE_WEEK = {  # Berlin, mon-fri 09:00-17:00, a one-hour meeting
    "meeting_hours": 1.0,
    "meetings": 1,
    "longest_free_hours": 8.0,
    "free_blocks_2h": 5,
    "after_hours_hours": 0.0,
    "back_to_back_chains": 0,
    "protected_hours": 0.0,
}


def _stored(home: Path) -> dict[str, dict[str, object]]:
    with open_journal(home / "journal.db") as journal:
        return {item.week: dict(item.figures) for item in journal.evidence("calendar")}


@pytest.fixture
def berlin(cli: CliRunner) -> CliRunner:
    assert cli("config", "set", "timezone", "Europe/Berlin").code == 0
    return cli


def test_a_weekly_meeting_moved_once_and_cancelled_once(
    berlin: CliRunner, isolated_home: Path
) -> None:
    result = berlin(
        "evidence",
        "calendar",
        str(CALENDARS / "recurring.ics"),
        "--since",
        "2024-01-08",
        "--until",
        "2024-02-04",
    )
    assert result.code == 0, result.err
    assert "Left out 1 cancelled event" in result.err
    stored = _stored(isolated_home)
    # W03: moved from Monday 10:00 to Tuesday 14:00, which splits Tuesday into 5 h and 2 h.
    # W04: the cancelled instance, W05: an EXDATE (no event at all: no week stored).
    assert stored == {
        "2024-W02": FREE_WEEK,
        "2024-W03": {**FREE_WEEK, "free_blocks_2h": 6},
        "2024-W04": {**FREE_WEEK, "meeting_hours": 0.0, "meetings": 0},
    }


def test_time_zones_x_wr_timezone_and_a_daylight_saving_night(
    berlin: CliRunner, isolated_home: Path
) -> None:
    result = berlin(
        "evidence",
        "calendar",
        str(CALENDARS / "dst.ics"),
        "--since",
        "2024-03-04",
        "--until",
        "2024-03-31",
    )
    assert result.code == 0, result.err
    # 11:00 New York is 17:00 in Berlin, but 16:00 in the weeks the US is on summer
    # time and Europe not yet (the rule is New York's, by X-WR-TIMEZONE); 01:30-03:30
    # on the night the clocks go forward is one hour.
    assert _stored(isolated_home) == {
        "2024-W10": {**FREE_WEEK, "after_hours_hours": 1.0},
        "2024-W11": FREE_WEEK,
        "2024-W13": {**FREE_WEEK, "after_hours_hours": 1.0},
    }


def test_all_day_declined_free_overlapping_back_to_back_and_protected(
    berlin: CliRunner, isolated_home: Path
) -> None:
    result = berlin(
        "evidence",
        "calendar",
        str(CALENDARS / "mixed.ics"),
        "--since",
        "2024-02-05",
        "--until",
        "2024-02-11",
    )
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "2024-W06  6.45 h of meetings (7 meetings), longest free stretch 8 h, 6 free blocks "
        "of 2 h or more, 0.5 h after hours, 2 back-to-back chains, protected 3 h, 67% kept free",
    ]
    assert result.err.splitlines() == [
        "Kept the figures of 1 week (no titles, attendees or notes). Left out 1 declined meeting.",
    ]
    assert _stored(isolated_home) == {
        "2024-W06": {
            "meeting_hours": 6.45,  # 10:00-11:30 and 11:00-12:00 and 12:00-12:30 count 2.5 h
            "meetings": 7,
            "longest_free_hours": 8.0,  # Monday's all-day event and Tuesday's decline: free
            "free_blocks_2h": 6,
            "after_hours_hours": 0.5,
            "back_to_back_chains": 2,
            "protected_hours": 3.0,
            "protected_free_share": 0.67,  # an hour of the focus block went to a meeting
        }
    }
    with open_journal(isolated_home / "journal.db") as journal:
        kept = repr(journal.evidence())
    for private in ("Focus", "Planning", "example.com", "Vendor"):
        assert private not in kept


def test_importing_a_week_again_replaces_it(berlin: CliRunner, isolated_home: Path) -> None:
    args = ("evidence", "calendar", str(CALENDARS / "mixed.ics"), "--since", "2024-02-07")
    assert berlin(*args, "--until", "2024-02-07").code == 0
    assert berlin(*args, "--until", "2024-02-07").code == 0
    assert list(_stored(isolated_home)) == ["2024-W06"]


def test_the_working_hours_and_the_address_are_settings(
    berlin: CliRunner, isolated_home: Path
) -> None:
    assert berlin("config", "set", "working_hours", "08:00-17:30").code == 0
    assert berlin("config", "set", "email", "someone@else.org").code == 0
    path = str(CALENDARS / "mixed.ics")
    result = berlin("evidence", "calendar", path, "--since", "2024-02-05", "--until", "2024-02-05")
    assert result.code == 0, result.err
    figures = _stored(isolated_home)["2024-W06"]
    assert figures["after_hours_hours"] == 0.0  # Thursday's 17:30 is inside the day now
    assert figures["meetings"] == 8  # not ana's calendar: the declined one is a meeting


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("working_days", "weekdays", "allowed: days like mon-fri"),
        ("working_hours", "17:00-09:00", "allowed: HH:MM-HH:MM, start before end"),
        ("protected_pattern", "focus(", "allowed: a regular expression"),
        ("email", "ana", "allowed: like ana@example.com"),
    ],
)
def test_a_bad_setting_says_what_is_allowed(
    cli: CliRunner, key: str, value: str, allowed: str
) -> None:
    result = cli("config", "set", key, value)
    assert result.code == 2
    assert allowed in result.err and len(result.err.strip().splitlines()) == 1
