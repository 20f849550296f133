"""Print how long `belonging evidence calendar` takes on a 10,000-event calendar.

Run: python benchmarks/evidence.py [--events N] [--runs R]
Target (2-core machine): 10,000 events (a year of a busy calendar: single meetings,
weekly series with overrides and exceptions, all-day events) measured in under 1 s,
in-process (read, expand, measure and store), for the whole year (`--since` a year
back) and for the weeks `evidence calendar FILE` reads by default (the last 13).
Printed beside a reference measured in the same run, icalendar's own parse of the same
file, as a ratio, so that a slower machine shows as the same ratio; and whether the
target holds. Exit code 1 when the whole year misses it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

TARGET_S = 1.0


def make_calendar(path: Path, events: int, seed: int = 0) -> None:
    """A year of a busy calendar: one event in 20 a weekly series (with an override and
    an exception), one in 50 an all-day event, the rest single meetings in working hours."""
    rng = random.Random(seed)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN"]
    day0 = dt.date(2024, 1, 1)
    for n in range(events):
        day = day0 + dt.timedelta(days=rng.randrange(364))
        hour, minute = rng.randrange(8, 18), rng.choice((0, 15, 30, 45))
        start = dt.datetime.combine(day, dt.time(hour, minute))
        end = start + dt.timedelta(minutes=rng.choice((25, 30, 45, 60, 90)))
        lines += ["BEGIN:VEVENT", f"UID:e{n}", f"SUMMARY:Meeting {n}"]
        if n % 50 == 0:
            lines += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}"]
        else:
            lines += [
                f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}",
                f"DTEND;TZID=Europe/Berlin:{end:%Y%m%dT%H%M%S}",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@example.com",
            ]
        if n % 20 == 1:
            lines += [
                "RRULE:FREQ=WEEKLY;COUNT=8",
                f"EXDATE;TZID=Europe/Berlin:{start + dt.timedelta(weeks=2):%Y%m%dT%H%M%S}",
            ]
        lines += ["END:VEVENT"]
        if n % 20 == 1:
            moved = start + dt.timedelta(weeks=1)
            lines += [
                "BEGIN:VEVENT",
                f"UID:e{n}",
                f"RECURRENCE-ID;TZID=Europe/Berlin:{moved:%Y%m%dT%H%M%S}",
                f"DTSTART;TZID=Europe/Berlin:{moved + dt.timedelta(hours=1):%Y%m%dT%H%M%S}",
                f"DTEND;TZID=Europe/Berlin:{end + dt.timedelta(weeks=1, hours=1):%Y%m%dT%H%M%S}",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def reference(path: Path) -> float:
    import icalendar

    start = time.perf_counter()
    icalendar.Calendar.from_ical(path.read_bytes())
    return time.perf_counter() - start


YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
DEFAULT = (dt.date(2024, 12, 31) - dt.timedelta(weeks=12), dt.date(2024, 12, 31))


def ours(path: Path, home: Path, window: tuple[dt.date, dt.date]) -> float:
    from zoneinfo import ZoneInfo

    from belonging_cli.config import day_numbers
    from belonging_cli.evidence.calendar import Person, read
    from belonging_cli.evidence.figures import WorkTime, by_week
    from belonging_cli.journal.evidence_store import WeekEvidence
    from belonging_cli.journal.store import open_journal

    zone = ZoneInfo("Europe/Berlin")
    person = Person("ana@example.com", re.compile("focus", re.IGNORECASE), zone)
    work = WorkTime(zone, day_numbers("mon-fri"), dt.time(9), dt.time(17))
    start = time.perf_counter()
    found = read(path, *window, person)
    weeks = by_week(found.occurrences, work, found.mondays)
    rows = [WeekEvidence(f"{m:%G-W%V}", "calendar", f) for m, f in weeks.items()]
    with open_journal(home / "journal.db") as journal:
        journal.save_evidence(rows, dt.datetime.now(dt.timezone.utc))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["BELONGING_HOME"] = str(folder / "home")
        path = folder / "busy.ics"
        make_calendar(path, args.events)
        base = statistics.median(reference(path) for _ in range(args.runs))
        took = {
            name: statistics.median(ours(path, folder, window) for _ in range(args.runs))
            for name, window in (("the whole year", YEAR), ("the last 13 weeks", DEFAULT))
        }
    print(f"evidence calendar, {args.events:,} events; icalendar's parse alone {base:.3f} s")
    for name, seconds in took.items():
        verdict = "target met" if seconds < TARGET_S else "SLOWER THAN THE TARGET"
        print(
            f"  {name}: {seconds:.3f} s, ratio {seconds / base:.2f}x icalendar's parse"
            f" (target < {TARGET_S:g} s: {verdict})"
        )
    return 0 if took["the whole year"] < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
