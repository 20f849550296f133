"""Reminders outside the tool: a weekly calendar event (iCalendar) and a crontab line.

Both only remind: the event says which command to run, and the cron line
shows `belonging status` in a desktop notification. Neither writes to the
journal. icalendar is imported inside `calendar_event` only: it costs ~130 ms.
"""

from __future__ import annotations

import datetime as dt
import shlex
import unicodedata

from belonging_cli.clock import iso_week, next_week
from belonging_cli.errors import BelongingError
from belonging_cli.habits import Schedule, due_at

ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
EVENT_UID = "weekly-reflection@belonging-cli"
SUMMARY = "Weekly leadership reflection (belonging)"
DESCRIPTION = (
    "Time for your weekly reflection: about ten minutes.\n\n"
    "In a terminal, run:\n    belonging reflect\n\n"
    "To see what is due first (last week's experiment, coach exercises):\n"
    "    belonging status\n\n"
    "This reminder runs nothing by itself."
)


def next_due(now: dt.datetime, schedule: Schedule) -> dt.datetime:
    """The first reflection time at or after `now`."""
    week = iso_week(now.astimezone(schedule.zone).date())
    due = due_at(week, schedule)
    return due if due >= now else due_at(next_week(week), schedule)


def calendar_event(now: dt.datetime, schedule: Schedule, *, minutes: int = 15) -> bytes:
    """An iCalendar file with one weekly recurring event at the reflection time.

    In a real IANA zone the event carries TZID and a VTIMEZONE, so it stays at
    the same wall time across DST. Without one (the system's zone could not be
    named) the time is floating: calendars show it in their own local time.
    """
    from icalendar import Alarm, Calendar, Event

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
    event.add("summary", SUMMARY)
    event.add("description", DESCRIPTION)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(0))
    alarm.add("description", "Weekly reflection: run `belonging reflect`")
    event.add_component(alarm)
    calendar.add_component(event)
    if named:
        calendar.add_missing_timezones(
            first_date=start.date() - dt.timedelta(days=7),
            last_date=start.date() + dt.timedelta(days=366 * 20),
        )
    return bytes(calendar.to_ical())


def cron_line(
    now: dt.datetime, schedule: Schedule, system_zone: dt.tzinfo, belonging: list[str]
) -> str:
    """A crontab entry: at the reflection time, `belonging status` in a notification.

    cron runs in the system's zone, so the configured time is converted to it.
    Where notify-send is missing, the status is printed, and cron mails it. A
    command with a control character in it (a home path with a line break) is refused.
    """
    for part in belonging:
        if any(unicodedata.category(ch) == "Cc" for ch in part):
            # cron ends an entry at a line break (the rest would be an entry of its
            # own), and other control characters hide what runs from whoever reads it.
            raise BelongingError(
                f"cannot put {part!r} in a crontab line: it holds a line break or "
                "another control character",
                hint="use a home folder whose path has none",
            )
    local = next_due(now, schedule).astimezone(system_zone)
    cron_weekday = local.isoweekday() % 7  # cron: 0 is Sunday
    status = " ".join(shlex.quote(part) for part in [*belonging, "status"])
    notify = (
        "DISPLAY=${DISPLAY:-:0} "
        "DBUS_SESSION_BUS_ADDRESS=${DBUS_SESSION_BUS_ADDRESS:-unix:path=/run/user/$(id -u)/bus} "
        f'notify-send "belonging: weekly reflection" "$({status} 2>&1)"'
    )
    command = f"if command -v notify-send >/dev/null 2>&1; then {notify}; else {status}; fi"
    # cron turns an unescaped % into a new line.
    command = command.replace("%", "\\%")
    return f"{local.minute} {local.hour} * * {cron_weekday} {command}"
