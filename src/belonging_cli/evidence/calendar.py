"""An exported calendar (.ics from Google, Outlook or Apple) read as the person's busy times.

Another program wrote the file, so it is hostile until checked: its size, its number
of events and the occurrences its rules make inside the window are bounded before
and while they are expanded, and any failure of the libraries becomes one line
with the file (and the line, where one is known). icalendar parses;
x-wr-timezone moves Google's calendar-wide zone onto its events; recurring-ical-events
expands RRULE, RDATE, EXDATE and RECURRENCE-ID overrides. They are imported here
only, by `belonging evidence calendar`.

Nothing of an event is kept but when it was and whether it was the person's own
protected block: never a title, an attendee or a description.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import zoneinfo
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from belonging_cli.errors import BelongingError
from belonging_cli.evidence.calendar_check import checked_text, problem
from belonging_cli.evidence.calendar_scan import Plain, occurrence, scan
from belonging_cli.evidence.figures import Occurrence, monday_of

MAX_BYTES = 20 * 1024 * 1024
MAX_EVENTS = 50_000
MAX_OCCURRENCES = 100_000  # inside the window: a rule that makes more is refused
# Rules that repeat within the hour make millions of instances to walk through before
# any window; no calendar a person keeps has them.
_TOO_FREQUENT = re.compile(rb"FREQ=(SECONDLY|MINUTELY|HOURLY)|BY(SECOND|MINUTE)=[^;\r\n]*,")
_VEVENT = re.compile(rb"^BEGIN:VEVENT", re.IGNORECASE | re.MULTILINE)
_EMAIL_NAME = re.compile(r"^[^@\s]+@[^@\s]+$")


class Person(NamedTuple):
    """Who the calendar belongs to, for declined meetings and protected blocks."""

    email: str | None
    protected: re.Pattern[str]
    zone: dt.tzinfo


class Read(NamedTuple):
    """What a calendar held inside the window."""

    occurrences: list[Occurrence]
    mondays: set[dt.date]  # the weeks the calendar had any event in
    owner: str | None  # the address declined meetings were looked for under
    declined: int
    cancelled: int


def not_read(path: Path, message: str) -> BelongingError:
    """The file could not be read at all: no place in it to point at."""
    return BelongingError(f"{path}: {message}")


def read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise not_read(path, "no such file") from None
    except IsADirectoryError:
        raise not_read(path, "is a folder, expected a calendar file (.ics)") from None
    except OSError as exc:
        raise not_read(path, f"cannot read: {exc.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise problem(path, f"too large for a calendar (at most {MAX_BYTES // 1_048_576} MB)")
    return raw


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def check_bounds(raw: bytes, path: Path) -> None:
    """Refuse what would take unbounded work before any library sees the file."""
    events = [m.start() for m, _ in zip(_VEVENT.finditer(raw), range(MAX_EVENTS + 1), strict=False)]
    if len(events) > MAX_EVENTS:  # at the first event over
        line = _line_of(raw, events[-1])
        raise problem(path, f"too many events for a calendar (at most {MAX_EVENTS:,})", line)
    frequent = _TOO_FREQUENT.search(raw.upper())
    if frequent is not None:
        raise problem(
            path,
            "a rule repeats more often than daily (FREQ=SECONDLY, MINUTELY or HOURLY, or "
            "several BYMINUTE/BYSECOND); belonging reads rules that repeat at most daily",
            _line_of(raw, frequent.start()),
        )


def _content_line(raw: bytes, message: str) -> int:
    """The line icalendar's message quotes (a line, or a value after "format"), else 1."""
    for quoted in (*re.findall(r"'([^']{4,})'", message), *re.findall(r"format (\S+)$", message)):
        found = raw.find(quoted.encode("utf-8", "replace"))
        if found >= 0:
            return _line_of(raw, found)
    return 1


def _plain(message: str) -> str:
    """icalendar's words for a line or value it cannot read, in plain ones (quoted)."""
    unreadable = re.match(r"Content line could not be parsed into parts: ('.*'):", message)
    if unreadable is not None:
        return f"not a calendar line (NAME:value): {unreadable.group(1)}"
    broken = re.search(r"broken property '([A-Z-]+)'.*Wrong date format (\S+)$", message)
    if broken is not None:
        return f"{broken.group(1)} is not a date or time: {broken.group(2)!r}"
    return "not a calendar file: " + re.sub(r" ?b'.*", "", message)  # no bytes repr


class Parsed(NamedTuple):
    calendar: Any  # icalendar's, after x_wr_timezone
    plain: list[Plain]  # the events the pre-scan read (calendar_scan.py)
    shift: dt.tzinfo | None  # the X-WR-TIMEZONE x_wr_timezone moved times into
    light: bool  # the fast path: occurrences without the library's copies


def parse(raw: bytes, path: Path, *, fast: bool = True) -> Parsed:
    """The calendar as icalendar reads it; with `fast`, its plain events read beside it."""
    import icalendar
    import x_wr_timezone
    from icalendar.parser_tools import to_unicode

    check_bounds(raw, path)
    scanned = scan(to_unicode(raw)) if fast else None
    try:
        calendar = icalendar.Calendar.from_ical(scanned.kept if scanned else raw)
        zone = calendar.get(x_wr_timezone.X_WR_TIMEZONE)
        standard = x_wr_timezone.to_standard(calendar)
        shift = zoneinfo.ZoneInfo(str(zone)) if zone is not None else None
        return Parsed(standard, scanned.plain if scanned else [], shift, fast)
    # Hostile bytes make these libraries raise nearly anything (ValueError, KeyError,
    # IndexError, TypeError, RecursionError...): each is this file's problem, one line.
    except Exception as exc:
        message = str(exc) or type(exc).__name__
        raise problem(path, _plain(message), _content_line(raw, message)) from None


def owner_of(calendar: Any, email: str | None) -> str | None:
    """The person's address: the `email` setting, else Google's X-WR-CALNAME when it is one."""
    if email:
        return email
    name = str(calendar.get("X-WR-CALNAME", "")).strip().lower()
    return name if _EMAIL_NAME.match(name) else None


def _address(value: Any) -> str:
    return str(value).strip().lower().removeprefix("mailto:")


def _attendees(event: Any) -> list[Any]:
    found = event.get("ATTENDEE", [])
    return list(found) if isinstance(found, list) else [found]


def _declined(event: Any, owner: str | None) -> bool:
    if owner is None:
        return False
    for attendee in _attendees(event):
        if _address(attendee) == owner:
            return str(attendee.params.get("PARTSTAT", "")).upper() == "DECLINED"
    return False


def _own(event: Any, owner: str | None) -> bool:
    """The person's own block: they organised it, or nobody else is on it."""
    organizer = event.get("ORGANIZER")
    if organizer is not None and owner is not None:
        return _address(organizer) == owner
    others = [a for a in _attendees(event) if owner is None or _address(a) != owner]
    return not others


def _instant(value: Any, zone: dt.tzinfo) -> float:
    if not isinstance(value, dt.datetime):
        raise TypeError("not a time")
    if value.tzinfo is None:  # a floating time is the person's own clock
        value = value.replace(tzinfo=zone)
    return float(value.timestamp())


CHUNK = dt.timedelta(weeks=13)  # expanded a quarter at a time, counted between quarters


Instance = tuple[dt.date, dt.date, Any]  # start, end, the event's properties (a mapping)


def occurrences_in(
    calendar: Any, start: dt.datetime, end: dt.datetime, *, light: bool = False
) -> Iterator[Instance]:
    """Every instance recurring-ical-events finds in [start, end).

    `between` over a quarter, not `after`: `after` queries every series again for each
    instance it yields (quadratic in the events: minutes for 10,000 of them). `light`:
    each instance is its start, end and source event, not the copy of the event the
    library makes for it (half the expansion's time); the reader asks the copy nothing
    the source does not hold.
    """
    import recurring_ical_events

    if light:
        query = recurring_ical_events.of(calendar, components=[_light_events()])
    else:
        query = recurring_ical_events.of(calendar)
    low = start
    while low < end:
        high = min(low + CHUNK, end)
        for event in query.between(low, high):
            item = event if light else (event.start, event.end, event)
            when = item[0]
            if isinstance(when, dt.datetime):
                when = when if when.tzinfo else when.replace(tzinfo=start.tzinfo)
                if start < low and when < low:  # yielded with the quarter before
                    continue
            elif isinstance(when, dt.date) and start < low and when < low.date():
                continue
            yield item
        low = high


@functools.cache
def _light_events() -> Any:
    """recurring-ical-events' VEVENT selection whose occurrences are (start, end, source).

    Through the library's own extension points (an adapter, an occurrence class). A
    start and end icalendar would refuse on the copy (not dates or times, or one a date
    and the other a time) take the copy, so that its error is icalendar's own.
    """
    from recurring_ical_events.adapters.event import EventAdapter
    from recurring_ical_events.occurrence import Occurrence
    from recurring_ical_events.selection.name import ComponentsWithName

    class Source(EventAdapter):  # type: ignore[misc]
        def __init__(self, component: Any) -> None:
            super().__init__(component)
            self.source = component

    class Light(Occurrence):  # type: ignore[misc]
        def __init__(self, adapter: Any, *args: Any, **kwargs: Any) -> None:
            super().__init__(adapter, *args, **kwargs)
            self.source = adapter.source

        def as_component(self, keep_recurrence_attributes: bool) -> Any:
            begins, ends = self.start, self.end
            same = isinstance(begins, dt.datetime) == isinstance(ends, dt.datetime)
            if isinstance(begins, dt.date) and isinstance(ends, dt.date) and same:
                return (begins, ends, self.source)
            copy = super().as_component(keep_recurrence_attributes)
            return (copy.start, copy.end, copy)

    return ComponentsWithName("VEVENT", adapter=Source, occurrence=Light)


def instances(parsed: Parsed, start: dt.datetime, end: dt.datetime) -> Iterator[Instance]:
    """The pre-scan's plain events and icalendar's occurrences in [start, end), bounded."""
    spans = ((occurrence(item, parsed.shift, start, end), item.props) for item in parsed.plain)
    found = ((*span, props) for span, props in spans if span is not None)
    light = parsed.light
    expanded = occurrences_in(parsed.calendar, start, end, light=light)
    yield from _bounded(itertools.chain(found, expanded))


def _bounded(items: Iterable[Instance]) -> Iterator[Instance]:
    for count, item in enumerate(items, 1):
        if count > MAX_OCCURRENCES:
            raise ValueError(
                f"more than {MAX_OCCURRENCES:,} events in these weeks: give a shorter "
                "--since/--until"
            )
        yield item


def read(path: Path, since: dt.date, until: dt.date, person: Person, *, fast: bool = True) -> Read:
    """The busy times of the weeks from `since`'s to `until`'s, in the person's zone.

    `fast` reads plain events with the pre-scan (calendar_scan.py); without it every
    event goes through icalendar, the reference the pre-scan is tested against. A file
    the fast path refuses is read again whole, so that its problem is told in the words
    (and at the line) icalendar finds on the whole file.
    """
    raw = read_bytes(path)
    checked_text(raw, path)
    try:
        return _read(raw, path, since, until, person, fast=fast)
    except BelongingError:
        if not fast:
            raise
    return _read(raw, path, since, until, person, fast=False)


def _read(
    raw: bytes, path: Path, since: dt.date, until: dt.date, person: Person, *, fast: bool
) -> Read:
    parsed = parse(raw, path, fast=fast)
    owner = owner_of(parsed.calendar, person.email)
    zone = person.zone
    first = since - dt.timedelta(days=since.weekday())
    after = until + dt.timedelta(days=7 - until.weekday())
    start = dt.datetime.combine(first, dt.time(), tzinfo=zone)
    end = dt.datetime.combine(after, dt.time(), tzinfo=zone)
    found: list[Occurrence] = []
    mondays: set[dt.date] = set()
    declined = cancelled = 0
    try:
        for begins, ends, event in instances(parsed, start, end):
            if not isinstance(begins, dt.datetime):  # an all-day event: not a meeting
                if first <= begins < after:
                    mondays.add(begins - dt.timedelta(days=begins.weekday()))
                continue
            low, high = _instant(begins, zone), _instant(ends, zone)
            monday = monday_of(low, zone)
            if first <= monday < after:
                mondays.add(monday)
            if str(event.get("STATUS", "")).upper() == "CANCELLED":
                cancelled += 1
            elif _declined(event, owner):
                declined += 1
            elif str(event.get("TRANSP", "")).upper() != "TRANSPARENT" and high > low:
                title = str(event.get("SUMMARY", ""))
                own = bool(person.protected.search(title)) and _own(event, owner)
                found.append(Occurrence(low, high, own))
    except BelongingError:
        raise
    # As in `parse`: whatever a hostile rule or date makes the libraries raise.
    except Exception as exc:
        message = str(exc) or type(exc).__name__
        line = _content_line(raw, message)
        raise problem(path, f"cannot expand its events: {_plain(message)}", line) from None
    return Read(found, mondays, owner, declined, cancelled)
