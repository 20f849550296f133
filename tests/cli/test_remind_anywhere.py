"""`belonging remind` names a command that works from anywhere, and the event says what is open.

A reminder is read in week two, in a new terminal or by cron, where the shell that
installed belonging (an activated venv, a PATH) is gone: both reminders name the
running program by its absolute path and keep the home it was given. The calendar
event also carries the open experiment, as RFC 5545 text however it is written.
"""

from __future__ import annotations

import datetime as dt
import json
import shlex
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from belonging_cli import clock
from belonging_cli.habits import Schedule
from belonging_cli.journal.status_queries import ExperimentInfo
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Experiment
from belonging_cli.reminders import calendar_event
from support import places
from support.cli import CliRunner

BERLIN = ZoneInfo("Europe/Berlin")
# Wednesday 25 November 2026, 09:00 in Berlin: ISO week 2026-W48.
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=BERLIN)
TITLES = json.loads(
    (places.HOSTILE / "reminders" / "experiment-titles.json").read_text(encoding="utf-8")
)["titles"]
PROGRAM = "/opt/tools/bin/belonging"


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda zone=None: NOW.astimezone(zone))


@pytest.fixture
def installed_as(monkeypatch: pytest.MonkeyPatch) -> str:
    """Run as if the shell had started `belonging` from /opt/tools/bin."""
    monkeypatch.setattr(sys, "argv", [PROGRAM, "remind"])
    return PROGRAM


def description_of(data: bytes) -> str:
    calendar = icalendar.Calendar.from_ical(data)
    assert isinstance(calendar, icalendar.Calendar)
    (event,) = calendar.walk("VEVENT")
    return str(event.get("description"))


def add_experiment(title: str, week: str = "2026-W48") -> None:
    with open_journal() as journal:
        journal.add_experiment(
            Experiment(
                id=str(uuid.uuid4()),
                behaviour_id="protect-time",
                title=title,
                week=week,
                created_at=NOW,
            )
        )


def test_the_cron_line_names_the_running_program_and_keeps_the_home(
    cli: CliRunner, isolated_home: Path, installed_as: str
) -> None:
    result = cli("remind", "--cron")
    assert result.code == 0, result.err
    line = result.out.strip().splitlines()[1]
    home = shlex.quote(str(isolated_home.resolve()))
    assert f'"$({installed_as} --home {home} status 2>&1)"' in line
    # The suggested way to add it runs the same program on the same journal.
    assert f"(crontab -l; {installed_as} --home {home} remind --cron) | crontab -" in result.err


def test_the_calendar_event_names_the_running_program_and_keeps_the_home(
    cli: CliRunner, isolated_home: Path, installed_as: str
) -> None:
    result = cli("remind", "--ics")
    assert result.code == 0, result.err
    text = description_of(result.out.encode())
    home = shlex.quote(str(isolated_home.resolve()))
    assert f"    {installed_as} --home {home} reflect\n" in text
    assert f"    {installed_as} --home {home} status\n" in text
    assert "\n    belonging reflect" not in text  # the bare name is gone in a new terminal
    alarm = icalendar.Calendar.from_ical(result.out.encode()).walk("VALARM")[0]
    assert f"{installed_as} --home {home} reflect" in str(alarm.get("description"))


def test_run_as_a_module_the_reminder_runs_the_module(
    cli: CliRunner, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import belonging_cli

    entry = Path(belonging_cli.__file__).parent / "__main__.py"  # as `python -m` sets it
    monkeypatch.setattr(sys, "argv", [str(entry), "remind"])
    text = description_of(cli("remind", "--ics").out.encode())
    assert f"{shlex.quote(sys.executable)} -m belonging_cli --home " in text


def test_the_event_carries_the_open_experiment_and_its_week(
    cli: CliRunner, installed_as: str
) -> None:
    add_experiment("Block a thinking hour", week="2026-W47")
    add_experiment("Walk meeting")
    text = description_of(cli("remind", "--ics").out.encode())
    # The one status shows: this week's wins over the one waiting for review.
    assert "Your open experiment, for 2026-W48: Walk meeting (protect-time)" in text
    assert "Block a thinking hour" not in text
    assert "remind --ics" in text  # how to bring it up to date


def test_no_journal_no_experiment_line(
    cli: CliRunner, isolated_home: Path, installed_as: str
) -> None:
    text = description_of(cli("remind", "--ics").out.encode())
    assert "experiment, for" not in text
    assert not (isolated_home / "journal.db").exists()  # a reminder never makes a journal


@pytest.mark.parametrize("case", sorted(TITLES))
def test_an_experiment_title_is_text_in_the_calendar(case: str) -> None:
    title, expected = TITLES[case]["title"], TITLES[case]["expected"]
    experiment = ExperimentInfo("e1", "protect-time", title, "2026-W48")
    data = calendar_event(NOW, Schedule(5, dt.time(16), BERLIN), experiment=experiment)
    calendar = icalendar.Calendar.from_ical(data)
    assert isinstance(calendar, icalendar.Calendar)
    (event,) = calendar.walk("VEVENT")  # no event of its own
    assert f"for 2026-W48: {expected} (protect-time)" in str(event.get("description"))
    assert str(event.get("summary")) == "Weekly leadership reflection (belonging)"
    assert "URL" not in event
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)  # folded, as RFC 5545 asks
    assert not any(32 > byte != 9 for line in lines for byte in line)  # no raw control


def test_a_home_with_a_line_break_is_refused_for_the_calendar_too(
    cli: CliRunner, tmp_path: Path
) -> None:
    result = cli("--home", str(tmp_path / "home\nSUMMARY:x"), "remind", "--ics")
    assert result.code == 1
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "calendar" in lines[0], result.err


def test_the_commands_in_both_reminders_run_from_anywhere(tmp_path: Path) -> None:
    # As installed by the README: a link in ~/.local/bin to the program in its venv.
    home, elsewhere = tmp_path / "journal home", tmp_path / "elsewhere"
    links = tmp_path / ".local" / "bin"
    for folder in (links, elsewhere):
        folder.mkdir(parents=True)
    program = shutil.which("belonging", path=str(Path(sys.executable).parent))
    assert program is not None
    (links / "belonging").symlink_to(program)
    home.mkdir(mode=0o700)
    with open_journal(home / "journal.db") as journal:
        journal.add_experiment(
            Experiment(str(uuid.uuid4()), "protect-time", "Walk meeting", "2026-W48", NOW)
        )
    env = {"HOME": str(tmp_path), "PATH": f"{links}:/usr/bin:/bin", "TZ": "UTC"}

    def belonging(*args: str) -> str:
        done = subprocess.run(
            ["belonging", "--home", str(home), *args],
            env=env,
            cwd=elsewhere,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    belonging("config", "set", "reflection_weekday", "monday")
    # A new shell, elsewhere, with none of this shell's PATH: what cron and a person have.
    bare = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    cron = belonging("remind", "--cron").splitlines()[1].split(" ", 5)[5]
    assert cron.startswith("if command -v notify-send")
    if shutil.which("notify-send", path=bare["PATH"]) is None:  # else it shows, not prints
        ran = subprocess.run(["sh", "-c", cron], env=bare, cwd="/", capture_output=True, text=True)
        assert ran.returncode == 0, ran.stderr
        shown = " ".join(ran.stdout.split())  # that home's, its title from the rubric
        assert (
            "Walk meeting (Protect time to reflect, experiment, engage and rest), for 2026-W48"
            in shown
        )
    text = description_of(belonging("remind", "--ics").encode())
    (reflect,) = [x.strip() for x in text.splitlines() if x.strip().endswith(" reflect")]
    # The link, not what it points to: it survives a reinstall of the venv.
    assert reflect.startswith(f"{links / 'belonging'} --home ")
    status = reflect.removesuffix(" reflect") + " status --json"
    ran = subprocess.run(["sh", "-c", status], env=bare, cwd="/", capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    due = dt.datetime.fromisoformat(json.loads(ran.stdout)["reflection"]["due"])
    assert due.isoweekday() == 1  # that home's settings
