"""Any experiment title survives the calendar file as text, and never becomes structure.

The title is the user's own (or an import's) and goes into the .ics verbatim but
for control characters: whatever it holds, the file parses back to one event whose
description carries it, every line folded to 75 octets.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.habits import Schedule
from belonging_cli.journal.status_queries import ExperimentInfo
from belonging_cli.reminders import calendar_event, ics_text
from belonging_cli.safe_text import strip_controls

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
SCHEDULE = Schedule(5, dt.time(16), ZoneInfo("Europe/Berlin"))
# Text with what iCalendar gives a meaning to, well represented.
PIECES = st.sampled_from(["\\", ";", ",", ":", "\n", "\r", "\t", "\\N", "\r\nEND:VEVENT\r\n"])
TITLES = st.lists(PIECES | st.text(max_size=8), max_size=30).map("".join) | st.text(max_size=300)


@settings(max_examples=150, deadline=None)
@given(TITLES)
def test_a_title_comes_back_as_written(title: str) -> None:
    experiment = ExperimentInfo("e1", "protect-time", title, "2026-W48")
    data = calendar_event(NOW, SCHEDULE, experiment=experiment)
    calendar = icalendar.Calendar.from_ical(data)
    assert isinstance(calendar, icalendar.Calendar)
    (event,) = calendar.walk("VEVENT")
    text = str(event.get("description"))
    assert f"for 2026-W48: {strip_controls(title)} (protect-time)." in text
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


@given(st.text())
def test_escaped_text_holds_no_line_break_or_bare_separator(text: str) -> None:
    escaped = ics_text(text)
    assert "\n" not in escaped and "\r" not in escaped
    unescaped = escaped.replace("\\\\", "").replace("\\;", "").replace("\\,", "")
    assert ";" not in unescaped and "," not in unescaped
