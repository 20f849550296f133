"""Hostile calendars: every problem is one line naming the file (and line), nothing stored."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from belonging_cli.errors import BelongingError
from belonging_cli.evidence import calendar
from belonging_cli.evidence.calendar import Person, read
from support.cli import CliRunner

HOSTILE = Path(__file__).parents[2] / "hostile" / "calendar"
PERSON = Person(None, re.compile("focus", re.IGNORECASE), dt.timezone.utc)
SINCE, UNTIL = dt.date(2024, 1, 1), dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("name", "where", "says"),
    [
        ("secondly.ics", "secondly.ics:7:1: ", "repeats more often than daily"),
        ("bad_line.ics", "bad_line.ics:3:1: ", "not a calendar line (NAME:value)"),
        ("bad_date.ics", "bad_date.ics:5:1: ", "cannot expand its events"),
        ("vcard.ics", "vcard.ics:1:1: ", "BEGIN:VCALENDAR"),
        ("missing.ics", "missing.ics: ", "no such file"),
    ],
)
def test_a_bad_calendar_is_one_line_at_the_command_line(
    cli: CliRunner, isolated_home: Path, name: str, where: str, says: str
) -> None:
    result = cli("evidence", "calendar", str(HOSTILE / name), "--since", "2024-01-01")
    assert result.code == 1
    [line] = result.err.strip().splitlines()
    assert where in line and says in line and "Traceback" not in result.err
    assert not (isolated_home / "journal.db").exists()  # nothing half-written


def test_a_folder_is_not_a_calendar() -> None:
    with pytest.raises(BelongingError, match="is a folder"):
        read(HOSTILE, SINCE, UNTIL, PERSON)


def test_size_and_event_count_are_bounded_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = "".join(
        f"BEGIN:VEVENT\nUID:{n}\nDTSTART:20240102T09{n:02d}00Z\nEND:VEVENT\n" for n in range(4)
    )
    path = tmp_path / "many.ics"
    path.write_text(f"BEGIN:VCALENDAR\n{events}END:VCALENDAR\n")
    monkeypatch.setattr(calendar, "MAX_EVENTS", 3)
    with pytest.raises(BelongingError, match=r"too many events for a calendar \(at most 3\)"):
        read(path, SINCE, UNTIL, PERSON)
    monkeypatch.setattr(calendar, "MAX_BYTES", 100)
    with pytest.raises(BelongingError, match="too large for a calendar"):
        read(path, SINCE, UNTIL, PERSON)


def test_occurrences_inside_the_window_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar, "MAX_OCCURRENCES", 50)  # the file makes 15 a day
    with pytest.raises(BelongingError, match="more than 50 events in these weeks"):
        read(HOSTILE / "dense_daily.ics", SINCE, UNTIL, PERSON)


def test_control_characters_never_reach_the_terminal(cli: CliRunner) -> None:
    # Not UTF-8: refused at its first bad byte, as a transcript is (a valid file's
    # escapes: tests/cli/test_evidence_trial_calendar_errors.py).
    result = cli("evidence", "calendar", str(HOSTILE / "not_utf8.ics"), "--since", "2024-01-01")
    assert result.code == 1
    assert result.err.endswith("not_utf8.ics:2:8: not valid UTF-8 text (save the file as UTF-8)\n")
    assert "\x1b" not in result.out + result.err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--since", "2024-03-01", "--until", "2024-01-01"), "is after --until"),
        (("--since", "2000-01-01", "--until", "2024-01-01"), "at most 260 weeks"),
        (("--since", "yesterday"), "is not a date"),
    ],
)
def test_a_bad_window_is_a_usage_mistake(cli: CliRunner, args: tuple[str, ...], says: str) -> None:
    result = cli("evidence", "calendar", str(HOSTILE / "mixed.ics"), *args)
    assert result.code == 2 and says in result.err
