"""The calendar's fast path and icalendar alone read the same, on generated calendars.

Recurring series with moved and cancelled instances and EXDATEs, events just outside
the window and across its edges, daylight saving nights, every kind of time (a zone,
UTC, floating, a date, a Windows or vendor zone name), X-WR-TIMEZONE, shared UIDs,
folded lines and both line endings.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.evidence.calendar import Person
from support.calendar_paths import both

SINCE, UNTIL = dt.date(2024, 3, 11), dt.date(2024, 4, 7)  # the clocks change in both zones
DAY0 = dt.date(2024, 3, 1)
ZONES = [
    ";TZID=Europe/Berlin",
    ";TZID=America/New_York",
    ";TZID=UTC",
    "Z",
    "",
    ";TZID=W. Europe Standard Time",
    ";TZID=/mozilla.org/20050126_1/Europe/Berlin",
]
PEOPLE = [
    Person("ana@example.com", re.compile("focus", re.IGNORECASE), ZoneInfo("Europe/Berlin")),
    Person(None, re.compile("focus", re.IGNORECASE), ZoneInfo("America/New_York")),
]


def _when(day: int, minute: int, zone: str) -> str:
    stamp = dt.datetime.combine(DAY0 + dt.timedelta(days=day), dt.time()) + dt.timedelta(
        minutes=minute
    )
    if zone == "Z":
        return f":{stamp:%Y%m%dT%H%M%S}Z"
    return f"{zone}:{stamp:%Y%m%dT%H%M%S}"


extras = st.lists(
    st.sampled_from(
        [
            "STATUS:CANCELLED",
            "status:cancelled",
            "STATUS:CONFIRMED",
            "TRANSP:TRANSPARENT",
            "SUMMARY:Focus",
            "SUMMARY:Focus\\, deep work",
            "SUMMARY:Weekly sync",
            "ORGANIZER:mailto:ana@example.com",
            "ORGANIZER;CN=Ben:mailto:ben@example.com",
            "ATTENDEE;PARTSTAT=DECLINED:mailto:ana@example.com",
            'ATTENDEE;CN="Doe, Ana";PARTSTAT=ACCEPTED:MAILTO:Ana@Example.com',
            "ATTENDEE;PARTSTAT=ACCEPTED;CN=Ben Berg:mailto:ben@example.com",
            "DESCRIPTION:Agenda: one\\, two\\nthree",
            "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
            "SEQUENCE:2",
        ]
    ),
    max_size=4,
    unique=True,
)


@st.composite
def events(draw: st.DrawFn, n: int) -> list[str]:
    zone = draw(st.sampled_from(ZONES))
    day = draw(st.integers(min_value=0, max_value=45))
    # Whole hours, the DST nights' missing and repeated hours, and the minutes by midnight.
    minute = draw(st.sampled_from([0, 90, 150, 540, 600, 1020, 1410, 1439]))
    uid = draw(st.sampled_from([f"e{n}", "shared", None]))
    lines = ["BEGIN:VEVENT"] + ([f"UID:{uid}"] if uid else [])
    if draw(st.booleans()) and zone != "":
        lines.append(f"DTSTART;VALUE=DATE:{DAY0 + dt.timedelta(days=day):%Y%m%d}")
        if draw(st.booleans()):
            lines.append(f"DTEND;VALUE=DATE:{DAY0 + dt.timedelta(days=day + 2):%Y%m%d}")
    else:
        lines.append("DTSTART" + _when(day, minute, zone))
        length = draw(st.sampled_from([None, 0, 30, 60, 150, 1500]))
        if length is not None:
            end_zone = draw(st.sampled_from([zone, zone, "Z"]))
            lines.append("DTEND" + _when(day, minute + length, end_zone))
    repeats = draw(st.sampled_from(["", "RRULE:FREQ=WEEKLY;COUNT=4", "RRULE:FREQ=DAILY;COUNT=3"]))
    if repeats:
        lines.append(repeats)
        if draw(st.booleans()):
            skipped = day + 7 if "WEEKLY" in repeats else day + 1
            lines.append("EXDATE" + _when(skipped, minute, zone))
    lines += draw(extras)
    lines.append("END:VEVENT")
    if repeats and uid and draw(st.booleans()):  # an instance moved, or cancelled
        step = 7 if "WEEKLY" in repeats else 1
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            "RECURRENCE-ID" + _when(day + step, minute, zone),
            "DTSTART" + _when(day + step, minute + 60, zone),
            "DTEND" + _when(day + step, minute + 120, zone),
            *draw(st.sampled_from([[], ["STATUS:CANCELLED"]])),
            "END:VEVENT",
        ]
    return lines


VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:W. Europe Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]


def _fold(line: str, at: list[int]) -> str:
    """RFC 5545 folding at the given places (a space or a tab starts each next line)."""
    cuts = sorted({cut % len(line) for cut in at if cut % len(line) > 0})
    pieces = [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    folded = pieces[0]
    for n, piece in enumerate(pieces[1:]):
        folded += ("\r\n " if n % 2 == 0 else "\r\n\t") + piece
    return folded


@st.composite
def calendars(draw: st.DrawFn) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    lines += draw(
        st.sampled_from([[], ["X-WR-TIMEZONE:America/New_York"], ["X-WR-TIMEZONE:Europe/Berlin"]])
    )
    lines += draw(st.sampled_from([[], ["X-WR-CALNAME:ana@example.com"]]))
    if draw(st.booleans()):
        lines += VTIMEZONE
    for n in range(draw(st.integers(min_value=0, max_value=8))):
        lines += draw(events(n))
    lines.append("END:VCALENDAR")
    cuts = draw(st.lists(st.integers(min_value=1, max_value=80), max_size=3))
    folded = [_fold(line, cuts) if len(line) > 20 and cuts else line for line in lines]
    text = "\r\n".join(folded) + "\r\n"
    if draw(st.booleans()):
        text = text.replace("\r\n", "\n")
    return text.encode()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars(), st.sampled_from(PEOPLE))
def test_fast_and_full_paths_give_the_same_figures(raw: bytes, person: Person) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.ics"
        path.write_bytes(raw)
        fast, full = both(path, SINCE, UNTIL, person)
    assert fast == full
