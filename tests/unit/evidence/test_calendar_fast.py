"""The calendar's fast path: plain events read beside icalendar, the same figures as before."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from belonging_cli.evidence import calendar_scan
from belonging_cli.evidence.calendar import Person, read
from support.calendar_paths import both

CORPUS = Path(__file__).parents[2] / "hostile" / "calendar_fast"
OLD = Path(__file__).parents[2] / "hostile" / "calendar"
BERLIN = Person("ana@example.com", re.compile("focus", re.IGNORECASE), ZoneInfo("Europe/Berlin"))
UTC = Person(None, re.compile("focus", re.IGNORECASE), dt.timezone.utc)
WINDOWS = [
    (dt.date(2024, 3, 4), dt.date(2024, 3, 10)),  # one week, events on both edges
    (dt.date(2024, 2, 1), dt.date(2024, 11, 30)),  # both daylight saving nights
]


@pytest.mark.parametrize("person", [BERLIN, UTC], ids=["berlin", "utc"])
@pytest.mark.parametrize("window", WINDOWS, ids=["week", "year"])
@pytest.mark.parametrize(
    "path",
    sorted(CORPUS.glob("*.ics")) + sorted(OLD.glob("*.ics")),
    ids=lambda path: f"{path.parent.name}/{path.name}",
)
def test_the_fast_path_reads_what_icalendar_alone_reads(
    path: Path, window: tuple[dt.date, dt.date], person: Person
) -> None:
    fast, full = both(path, *window, person)
    assert fast == full


def _busy_year(path: Path, singles: int, series: int) -> None:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    day = dt.date(2024, 1, 1)
    for n in range(singles):
        when = day + dt.timedelta(days=n % 360)
        lines += [
            "BEGIN:VEVENT",
            f"UID:single-{n}",
            f"DTSTART;TZID=Europe/Berlin:{when:%Y%m%d}T{9 + n % 8:02d}0000",
            f"DTEND;TZID=Europe/Berlin:{when:%Y%m%d}T{10 + n % 8:02d}0000",
            "END:VEVENT",
        ]
    for n in range(series):
        lines += [
            "BEGIN:VEVENT",
            f"UID:series-{n}",
            f"DTSTART:2024010{1 + n}T070000Z",
            f"DTEND:2024010{1 + n}T073000Z",
            "RRULE:FREQ=WEEKLY;COUNT=10",
            "END:VEVENT",
        ]
    path.write_text("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n")


def test_icalendar_parses_only_the_recurring_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cost the fast path removes: icalendar's objects for every plain event."""
    path = tmp_path / "year.ics"
    _busy_year(path, singles=300, series=3)
    seen: list[int] = []
    real = icalendar.Calendar.from_ical

    def counting(source: Any, *args: Any, **kwargs: Any) -> Any:
        text = source.decode() if isinstance(source, bytes) else str(source)
        seen.append(text.count("BEGIN:VEVENT"))
        return real(source, *args, **kwargs)

    monkeypatch.setattr(icalendar.Calendar, "from_ical", counting)
    found = read(path, dt.date(2024, 1, 1), dt.date(2024, 12, 31), BERLIN)
    assert seen == [3]
    assert len(found.occurrences) == 300 + 3 * 10


def test_a_plain_event_sharing_a_series_uid_stays_with_icalendar() -> None:
    scanned = calendar_scan.scan((CORPUS / "zones_and_uids.ics").read_text())
    assert scanned is not None
    kept = scanned.kept
    for left in ("UID:twice", "UID:series", "UID:a,b", "W. Europe Standard Time", "mozilla.org"):
        assert left in kept  # a shared UID, an override, a zone only icalendar can name
    assert "UID:focus" not in kept and [item.props["UID"] for item in scanned.plain] == ["focus"]


@pytest.mark.parametrize("name", ["structure.ics", "two_calendars.ics"])
def test_an_odd_structure_is_left_to_icalendar_whole(name: str) -> None:
    text = (CORPUS / name).read_text()
    scanned = calendar_scan.scan(text)
    assert scanned is None or not scanned.plain or name == "two_calendars.ics"
    fast, full = both(CORPUS / name, *WINDOWS[0], BERLIN)
    assert fast == full
