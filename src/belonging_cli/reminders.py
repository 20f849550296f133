"""Reminders outside the tool: a weekly calendar event (iCalendar) and a crontab line.

Both only remind: the event says which command to run, and the cron line
shows `belonging status` in a desktop notification. Neither writes to the
journal. icalendar is imported inside `calendar_event` only: it costs ~130 ms.

Both are read where the shell that installed belonging is gone (cron's short
PATH, a new terminal in week two), so both name the running program by its
absolute path and keep the home it was given (`program_command`).
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from belonging_cli.clock import iso_week, next_week
from belonging_cli.errors import BelongingError
from belonging_cli.habits import Schedule, due_at
from belonging_cli.safe_text import strip_controls  # all but tab and line feed

if TYPE_CHECKING:
    from belonging_cli.journal.status_queries import ExperimentInfo

ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
EVENT_UID = "weekly-reflection@belonging-cli"
SUMMARY = "Weekly leadership reflection (belonging)"


def running_program() -> list[str]:
    """The words that start the belonging running now, from any folder.

    The script's path as the shell found it, made absolute but not resolved: a
    link in ~/.local/bin (the README's install, pipx, uv) is the name that
    survives a reinstall, where the venv's file behind it may not. Run as
    `python -m belonging_cli`, the same interpreter and module.
    """
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path()
    if script.name in ("belonging", "belonging.exe"):
        return [str(script.absolute())]
    module = [sys.executable, "-m", "belonging_cli"]
    if script.name == "__main__.py" and script.parent.name == "belonging_cli":
        return module
    found = shutil.which("belonging")
    return [found] if found else module


def program_command(home: Path | None, where: str) -> list[str]:
    """`running_program()`, with `--home` when one was given: the same journal and settings.

    A command with a control character in it (a home path with a line break) is
    refused: `where` (a crontab line, a calendar event) could not show it as run.
    """
    command = running_program()
    if home is not None:
        command += ["--home", str(home.resolve())]
    for part in command:
        if any(unicodedata.category(ch) == "Cc" for ch in part):
            # cron ends an entry at a line break (the rest would be an entry of its
            # own), and other control characters hide what runs from whoever reads it.
            raise BelongingError(
                f"cannot put {part!r} in {where}: it holds a line break or "
                "another control character",
                hint="use a home folder whose path has none",
            )
    return command


def shell_words(command: Sequence[str]) -> str:
    return " ".join(shlex.quote(part) for part in command)


def suggested(home: Path | None, *args: str) -> str:
    """A command the tool tells a person to type next, `belonging --home X report ...`:
    with the home this run was given, so it opens the same journal (the demo's too)."""
    return shell_words(["belonging", *(["--home", str(home)] if home is not None else []), *args])


def description(command: Sequence[str], experiment: ExperimentInfo | None) -> str:
    """What the event says: the commands to run, and the experiment open when it was made."""
    run = shell_words(command)
    text = (
        "Time for your weekly reflection: about ten minutes.\n\n"
        f"In a terminal, run:\n    {run} reflect\n\n"
        "To see what is due first (last week's experiment, coach exercises):\n"
        f"    {run} status\n\n"
    )
    if experiment is not None:
        text += (
            f"Your open experiment, for {experiment.week}: {experiment.title} "
            f"({experiment.behaviour_id}). To bring this up to date, run "
            f"`{run} remind --ics` again and import it: it replaces this event.\n\n"
        )
    return text + "This reminder runs nothing by itself."


# RFC 5545 3.3.11: TEXT escapes backslash, semicolon, comma and line feed, and holds
# no control character but tab. icalendar's own escaping turns a written `\N` into a
# line break (C:\Notes loses its N) and passes control characters through.
_ICS_ESCAPES = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}
_ICS_SPECIAL = re.compile(r"[\\;,\n]")


def ics_text(text: str) -> str:
    """`text` as an iCalendar TEXT value: control characters gone, the rest escaped."""
    return _ICS_SPECIAL.sub(lambda m: _ICS_ESCAPES[m.group()], strip_controls(text))


def next_due(now: dt.datetime, schedule: Schedule) -> dt.datetime:
    """The first reflection time at or after `now`."""
    week = iso_week(now.astimezone(schedule.zone).date())
    due = due_at(week, schedule)
    return due if due >= now else due_at(next_week(week), schedule)


def calendar_event(
    now: dt.datetime,
    schedule: Schedule,
    *,
    command: Sequence[str] = ("belonging",),
    experiment: ExperimentInfo | None = None,
    minutes: int = 15,
) -> bytes:
    """An iCalendar file with one weekly recurring event at the reflection time.

    It names `command` (`program_command`) to run, and `experiment` if one is open.

    In a real IANA zone the event carries TZID and a VTIMEZONE, so it stays at
    the same wall time across DST. Without one (the system's zone could not be
    named) the time is floating: calendars show it in their own local time.
    """
    from icalendar import Alarm, Calendar, Event, vText

    class Text(vText):
        """A TEXT value escaped by `ics_text`."""

        def to_ical(self) -> bytes:
            return ics_text(str(self)).encode("utf-8")

    start = next_due(now, schedule)
    named = getattr(schedule.zone, "key", None) is not None
    calendar = Calendar()
    calendar.add("prodid", "-//belonging-cli//weekly reflection//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    event = Event()
    event.add("uid", EVENT_UID)  # stable: importing again updates rather than duplicates
    event.add("dtstamp", now.astimezone(dt.timezone.utc))
    event.add("dtstart", start if named else start.replace(tzinfo=None))
    event.add("duration", dt.timedelta(minutes=minutes))
    event.add("rrule", {"freq": "weekly", "byday": ICAL_DAYS[schedule.weekday - 1]})
    event.add("summary", Text(SUMMARY))
    event.add("description", Text(description(command, experiment)))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(0))
    alarm.add("description", Text(f"Weekly reflection: run `{shell_words(command)} reflect`"))
    event.add_component(alarm)
    calendar.add_component(event)
    if named:
        calendar.add_missing_timezones(
            first_date=start.date() - dt.timedelta(days=7),
            last_date=start.date() + dt.timedelta(days=366 * 20),
        )
    return bytes(calendar.to_ical())


def cron_line(
    now: dt.datetime, schedule: Schedule, system_zone: dt.tzinfo, belonging: Sequence[str]
) -> str:
    """A crontab entry: at the reflection time, `belonging status` in a notification.

    cron runs in the system's zone, so the configured time is converted to it.
    Where notify-send is missing, the status is printed, and cron mails it.
    `belonging` is the command to run (`program_command`, which refuses a
    control character in it).
    """
    local = next_due(now, schedule).astimezone(system_zone)
    cron_weekday = local.isoweekday() % 7  # cron: 0 is Sunday
    status = shell_words([*belonging, "status"])
    notify = (
        "DISPLAY=${DISPLAY:-:0} "
        "DBUS_SESSION_BUS_ADDRESS=${DBUS_SESSION_BUS_ADDRESS:-unix:path=/run/user/$(id -u)/bus} "
        f'notify-send "belonging: weekly reflection" "$({status} 2>&1)"'
    )
    command = f"if command -v notify-send >/dev/null 2>&1; then {notify}; else {status}; fi"
    # cron turns an unescaped % into a new line.
    command = command.replace("%", "\\%")
    return f"{local.minute} {local.hour} * * {cron_weekday} {command}"
