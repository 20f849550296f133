"""Properties of the calendar's figures and its reader, over arbitrary input."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.errors import BelongingError
from belonging_cli.evidence.calendar import Person, read
from belonging_cli.evidence.figures import Occurrence, WorkTime, by_week, union

UTC = dt.timezone.utc
MONDAY = dt.date(2024, 1, 1)
WORK = WorkTime(UTC, frozenset(range(1, 6)), dt.time(9), dt.time(17))
BASE = dt.datetime.combine(MONDAY, dt.time(), tzinfo=UTC).timestamp()
WEEK = 7 * 24 * 3600

minutes = st.integers(min_value=0, max_value=7 * 24 * 60 - 1)
events = st.lists(
    st.tuples(minutes, st.integers(min_value=1, max_value=600)).map(
        lambda m: (BASE + m[0] * 60.0, min(BASE + WEEK, BASE + (m[0] + m[1]) * 60.0))
    ),
    max_size=40,
)


def _covered_minutes(spans: list[tuple[float, float]]) -> int:
    """The brute-force answer: every minute of the week that some event covers."""
    covered = {
        minute
        for start, end in spans
        for minute in range(int((start - BASE) // 60), int((end - BASE) // 60))
    }
    return len(covered)


@given(events)
def test_meeting_hours_are_the_length_of_the_union(spans: list[tuple[float, float]]) -> None:
    occurrences = [Occurrence(start, end, False) for start, end in spans]
    figures = by_week(occurrences, WORK, [MONDAY])[MONDAY]
    assert abs(figures["meeting_hours"] - _covered_minutes(spans) / 60) < 0.006
    assert figures["meetings"] == len(spans)
    merged = union(spans)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(merged))


@given(events)
def test_free_time_and_after_hours_never_exceed_the_week(spans: list[tuple[float, float]]) -> None:
    figures = by_week([Occurrence(s, e, False) for s, e in spans], WORK, [MONDAY])[MONDAY]
    assert 0 <= figures["longest_free_hours"] <= 8
    assert 0 <= figures["after_hours_hours"] <= figures["meeting_hours"]
    assert 0 <= figures["free_blocks_2h"] <= 20


PERSON = Person("ana@example.com", re.compile("focus", re.IGNORECASE), UTC)
LINES = st.sampled_from(
    [
        "BEGIN:VCALENDAR",
        "END:VCALENDAR",
        "BEGIN:VEVENT",
        "END:VEVENT",
        "DTSTART:20240102T090000Z",
        "DTEND:20240102T100000Z",
        "DTSTART;VALUE=DATE:20240103",
        "DTSTART;TZID=Nowhere/Else:20240102T090000",
        "RRULE:FREQ=WEEKLY;COUNT=3",
        "RRULE:FREQ=DAILY;UNTIL=19000101",
        "RECURRENCE-ID:20240109T090000Z",
        "EXDATE:20240116T090000Z",
        "STATUS:CANCELLED",
        "DURATION:PT1H",
        "DURATION:-P9999W",
        "ATTENDEE;PARTSTAT=DECLINED:mailto:ana@example.com",
        "SUMMARY:Focus",
        "UID:a",
    ]
)


def _read(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.ics"
        path.write_bytes(raw)
        try:
            read(path, dt.date(2024, 1, 1), dt.date(2024, 1, 31), PERSON)
        except BelongingError as problem:
            assert "\n" not in problem.message
            assert problem.message.startswith(str(path))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash_the_reader(raw: bytes) -> None:
    _read(b"BEGIN:VCALENDAR\r\n" + raw)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=30)), max_size=30))
def test_shuffled_calendar_lines_never_crash_the_reader(lines: list[str]) -> None:
    _read("\r\n".join(lines).encode("utf-8", "surrogatepass"))
