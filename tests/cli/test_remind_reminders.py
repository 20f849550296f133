"""`belonging remind`: the calendar file parses back to a weekly event; the cron line is right."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from belonging_cli import clock
from belonging_cli.habits import Schedule
from belonging_cli.reminders import calendar_event, cron_line, next_due
from support.cli import CliRunner

BERLIN = ZoneInfo("Europe/Berlin")
# Wednesday 25 November 2026, 09:00 in Berlin.
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda zone=None: NOW.astimezone(zone))


def event_of(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    assert isinstance(calendar, icalendar.Calendar)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert isinstance(event, icalendar.Event)
    return event


def test_the_event_recurs_weekly_at_the_configured_time_in_the_zone() -> None:
    data = calendar_event(NOW, Schedule(2, dt.time(8, 15), BERLIN))
    event = event_of(data)
    start = event.decoded("dtstart")
    assert start == dt.datetime(2026, 12, 1, 8, 15, tzinfo=BERLIN)  # the next Tuesday
    assert getattr(start.tzinfo, "key", str(start.tzinfo)) == "Europe/Berlin"
    rule = event.get("rrule")
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"]
    assert "belonging reflect" in str(event.get("description"))
    assert event.walk("VALARM")  # it reminds
    assert b"TZID:Europe/Berlin" in data  # with the zone's rules (summer time included)
    assert b"TZOFFSETTO:+0200" in data


def test_the_first_event_is_this_week_when_still_ahead() -> None:
    assert next_due(NOW, Schedule(5, dt.time(16), BERLIN)) == dt.datetime(
        2026, 11, 27, 16, tzinfo=BERLIN
    )
    assert next_due(NOW, Schedule(3, dt.time(9), BERLIN)) == NOW  # due right now counts


def test_a_zone_without_a_name_gives_a_floating_time() -> None:
    fixed = dt.timezone(dt.timedelta(hours=2))
    start = event_of(calendar_event(NOW, Schedule(5, dt.time(16), fixed))).decoded("dtstart")
    assert start == dt.datetime(2026, 11, 27, 16, 0)


def test_remind_ics_writes_a_file_from_the_config(cli: CliRunner, tmp_path: Path) -> None:
    assert cli("config", "set", "reflection_weekday", "sunday").code == 0
    assert cli("config", "set", "reflection_time", "19:30").code == 0
    assert cli("config", "set", "timezone", "America/New_York").code == 0
    out = tmp_path / "belonging.ics"
    result = cli("remind", "--ics", "--out", str(out))
    assert result.code == 0, result.err
    assert f"wrote {out}" in result.err
    event = event_of(out.read_bytes())
    start = event.decoded("dtstart")
    assert start.replace(tzinfo=None) == dt.datetime(2026, 11, 29, 19, 30)
    assert getattr(start.tzinfo, "key", None) == "America/New_York"
    assert event.get("rrule")["BYDAY"] == ["SU"]


def test_remind_ics_to_standard_output(cli: CliRunner) -> None:
    result = cli("remind", "--ics")
    assert result.code == 0, result.err
    assert event_of(result.out.encode()).get("rrule")["BYDAY"] == ["FR"]


def test_remind_needs_one_kind(cli: CliRunner) -> None:
    for args in ((), ("--ics", "--cron"), ("--cron", "--out", "x.ics")):
        result = cli("remind", *args)
        assert result.code == 2
        assert "--ics" in result.err


def test_cron_line_in_the_system_zone() -> None:
    schedule = Schedule(5, dt.time(16, 0), BERLIN)
    line = cron_line(NOW, schedule, ZoneInfo("America/New_York"), ["/opt/bin/belonging"])
    assert line.startswith("0 10 * * 5 ")  # 16:00 in Berlin is 10:00 in New York
    assert "notify-send" in line
    assert '"$(/opt/bin/belonging status 2>&1)"' in line
    sunday = cron_line(NOW, Schedule(7, dt.time(7, 5), BERLIN), BERLIN, ["b"])
    assert sunday.startswith("5 7 * * 0 ")  # cron counts Sunday as 0


def test_cron_line_escapes_percent_and_quotes_paths() -> None:
    schedule = Schedule(1, dt.time(9), BERLIN)
    line = cron_line(NOW, schedule, BERLIN, ["env", "BELONGING_HOME=/tmp/100% mine", "b"])
    assert "'BELONGING_HOME=/tmp/100\\% mine'" in line
    assert "%" not in line.replace("\\%", "")


def test_cron_command_runs_in_a_shell(tmp_path: Path) -> None:
    # The part after the five time fields is valid sh: run it with a stand-in `status`.
    fake = tmp_path / "belonging"
    fake.write_text("#!/bin/sh\necho status-output\n")
    fake.chmod(0o755)
    line = cron_line(NOW, Schedule(1, dt.time(9), BERLIN), BERLIN, [str(fake)])
    command = line.split(" ", 5)[5]
    result = subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    if shutil.which("notify-send", path="/usr/bin:/bin") is None:
        assert result.stdout == "status-output\n"  # cron would mail it


def test_remind_cron_prints_a_crontab_entry(cli: CliRunner, isolated_home: Path) -> None:
    result = cli("remind", "--cron")
    assert result.code == 0, result.err
    comment, line = result.out.strip().splitlines()
    assert comment.startswith("# belonging: weekly reflection reminder, fridays at 16:00")
    assert line.startswith("0 16 * * 5 ")  # the defaults; the tests run with TZ=UTC
    assert f" --home {isolated_home.resolve()} status" in line  # cron reads the same home
    assert "crontab -e" in result.err
