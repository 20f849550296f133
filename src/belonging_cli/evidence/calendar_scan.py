"""A line-level pre-scan that keeps icalendar's work to the events only it can read.

icalendar builds objects for every line (about 60 µs a line: seconds for a year of a
busy calendar) and recurring-ical-events copies every event it yields. Most events in
an export are plain: one VEVENT directly in the calendar, no recurrence (RRULE, RDATE,
EXDATE, EXRULE, RECURRENCE-ID), no DURATION, no component inside it, a UID no other
event shares, a time zone zoneinfo knows by name. Those are read here, line by line,
with icalendar's own value types, and made into the occurrence recurring-ical-events
would yield with its own arithmetic (x_wr_timezone's shift, make_comparable, the
span test), so the figures are the same to the digit. Everything else (the header,
VTIMEZONE blocks, recurring series and their overrides, any line this module cannot
split exactly as icalendar does) is handed to icalendar as before, in its order.
Whatever looks odd about the file's structure sends the whole file down the full path.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from typing import Any, NamedTuple, cast

# icalendar's own unfolding and line split (parser/content_line.py UFOLD and NEWLINE),
# so that both paths read the same lines.
_UFOLD = re.compile(r"(?:(?<!\n)\r\n|(?<![\r\n])\n)(?:\r?\n)*[ \t]")
_NEWLINE = re.compile(r"\r?\n")
_NAME = re.compile(r"[A-Za-z0-9-]+(?=[;:])")
# A parameter section and value split here as icalendar splits them: no backslash
# (escapes), caret (RFC 6868) or percent (icalendar's own unescaping) anywhere, quotes
# only around a whole value, no list of values, no space beside a delimiter.
_VALUE_CHARS = r'[^";:,\\^%\x00-\x1f\x7f]'
_PARAMS = re.compile(
    rf'((?:;[A-Za-z0-9-]+=(?:"[^"\\^%\x00-\x1f\x7f]*"|{_VALUE_CHARS}*))*):([^\\]*)\Z', re.S
)
_PARAM = re.compile(r';([A-Za-z0-9-]+)=("[^"]*"|[^;]*)')
_OWS = re.compile(r"[ \t][;=]|[;=][ \t]")
_COMPONENT = re.compile(r"(BEGIN|END):([A-Za-z0-9-]+)\Z", re.IGNORECASE)
_ODD = re.compile(r"(?:BEGIN|END|UID)[;:]", re.IGNORECASE)

RECURRENCE = frozenset({"RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID", "DURATION"})
READ = frozenset({"DTSTART", "DTEND", "STATUS", "TRANSP", "SUMMARY", "ORGANIZER", "UID"})
TIMES = frozenset({"DTSTART", "DTEND"})


class Plain(NamedTuple):
    """A plain event: its start and end as icalendar reads them, and what the reader asks."""

    start: dt.date
    end: dt.date | None
    props: dict[str, Any]  # SUMMARY, STATUS, ... as icalendar's values; ATTENDEE a list


class Scan(NamedTuple):
    kept: str  # the calendar without its plain events, for icalendar
    plain: list[Plain]


class Valued(str):
    """An attendee's address with its parameters (PARTSTAT), as icalendar's vCalAddress."""

    params: dict[str, Any]


class _Complex(Exception):
    """This event goes to icalendar."""


@functools.cache
def _known_zones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


@functools.cache
def _factory(name: str, value_type: str | None) -> Any:
    import icalendar

    return icalendar.Calendar.types_factory.for_property(name, value_type)


def _split(line: str, after: int) -> tuple[dict[str, Any], str]:
    """The parameters and value of a line (its name `after` long), as Contentline.parts()."""
    if line[after] == ":" and "\\" not in line:  # no parameters: the most common line
        return {}, line[after + 1 :]
    found = _PARAMS.match(line, after)
    if found is not None and "^" not in line and not _OWS.search(found[1]):
        params = {key.upper(): value.strip('"') for key, value in _PARAM.findall(found[1])}
        return params, found[2]
    from icalendar.parser import Contentline

    try:  # icalendar's own reading, for the lines the pattern leaves
        _, parsed, value = Contentline(line).parts()  # type: ignore[no-untyped-call]
    except ValueError:
        raise _Complex from None
    return dict(parsed), value


@functools.cache
def _zone(tzid: str) -> dt.tzinfo | None:
    """icalendar's zone for a TZID zoneinfo knows (the same object every time)."""
    from icalendar.timezone import tzp

    return tzp.timezone(tzid)


_STAMP = re.compile(r"[0-9]{8}T[0-9]{6}Z?\Z")


def _stamp(raw: str, tzid: str | None) -> dt.datetime:
    """A DATE-TIME as icalendar's vDatetime.from_ical reads it, without its detours:
    in the TZID's zone when there is one (a Z beside it is ignored, as there), else
    UTC with a Z, else floating."""
    from icalendar.timezone import tzp

    if not tzp.uses_zoneinfo():  # pytz localizes its own way: icalendar's then
        from icalendar.prop import vDDDTypes

        return cast("dt.datetime", vDDDTypes.from_ical(raw, tzid))  # type: ignore[no-untyped-call]
    naive = dt.datetime(
        int(raw[:4]), int(raw[4:6]), int(raw[6:8]), int(raw[9:11]), int(raw[11:13]), int(raw[13:15])
    )
    zone = _zone(tzid) if tzid else None
    if zone is not None:
        return naive.replace(tzinfo=zone)
    return tzp.localize_utc(naive) if raw[15:] == "Z" else naive


# Of the values the reader asks for, the texts (vText, vCalAddress) are their line's own
# characters when the line has no backslash: icalendar's objects for them are not built.
_TEXTS = frozenset({"STATUS", "TRANSP", "SUMMARY", "UID", "ORGANIZER", "ATTENDEE"})


def _value(name: str, params: dict[str, Any], raw: str) -> Any:
    """The value icalendar gives the property."""
    if name in _TEXTS and "\\" not in raw:
        if name != "ATTENDEE":
            return raw
        text = Valued(raw)
        text.params = params
        return text
    value_type = params.get("VALUE")
    value_type = value_type.upper() if isinstance(value_type, str) else None
    tzid = params.get("TZID") if name in TIMES else None
    if tzid is not None and (not isinstance(tzid, str) or tzid.strip("/") not in _known_zones()):
        raise _Complex  # a VTIMEZONE's or a Windows name: its meaning depends on the file
    factory = _factory(name, value_type)
    try:
        if name in TIMES and _STAMP.match(raw):
            return _stamp(raw, tzid)
        parsed = factory.from_ical(raw, tzid) if tzid else factory.from_ical(raw)
    except (ValueError, TypeError):
        raise _Complex from None  # icalendar keeps it as broken: its message is the full path's
    if name in TIMES:
        return parsed
    text = Valued(factory(parsed))
    text.params = params
    return text if name == "ATTENDEE" else str(text)


_BARE = _TEXTS - {"ATTENDEE"}  # texts that need no parameters
_REPEATED = TIMES | {"ATTENDEE"}  # lines a calendar repeats: the same people, the same hours


def _line_value(name: str, line: str, seen: dict[str, Any]) -> Any:
    """The value of the line's property; a line read once (`seen`) is not read again."""
    value = seen.get(line)
    if value is None:
        value = _value(name, *_split(line, len(name)))
        if name in _REPEATED:
            seen[line] = value
    return value


Named = tuple[str, str]  # a line's name (upper case; "" when it is not plain) and the line


def _plain(lines: list[Named], seen: dict[str, Any]) -> Plain:
    props: dict[str, Any] = {"ATTENDEE": []}
    for name, line in lines:
        if not name or name in RECURRENCE or name in ("BEGIN", "END"):
            raise _Complex
        if name in _BARE and line[len(name)] == ":" and "\\" not in line:
            if name in props:  # icalendar would make it a list
                raise _Complex
            props[name] = line[len(name) + 1 :]  # a text, as icalendar reads it
        elif name == "ATTENDEE":
            props["ATTENDEE"].append(_line_value(name, line, seen))
        elif name in READ:
            if name in props:  # icalendar would make it a list
                raise _Complex
            props[name] = _line_value(name, line, seen)
    start, end = props.pop("DTSTART", None), props.pop("DTEND", None)
    if not isinstance(start, dt.date) or (end is not None and type(end) is not type(start)):
        raise _Complex  # no start, or a date with a time: recurring-ical-events decides
    zoned = {x.tzinfo is None for x in (start, end) if isinstance(x, dt.datetime)}
    if len(zoned) > 1:
        raise _Complex  # a floating time beside a zoned one
    if not props["ATTENDEE"]:
        del props["ATTENDEE"]
    elif len(props["ATTENDEE"]) == 1:
        props["ATTENDEE"] = props["ATTENDEE"][0]  # as icalendar gives one
    return Plain(start, end, props)


def _uid(lines: list[str]) -> str | None:
    """The key recurring-ical-events groups an event under, from its UID lines (None: none)."""
    if len(lines) > 1:
        raise _Complex
    if not lines:
        return None
    return str(_value("UID", *_split(lines[0], 3)))


class _Block(NamedTuple):
    lines: list[str]
    plain: Plain | None
    uid: str | None


class _Open(NamedTuple):
    uids: list[str] | None  # a VEVENT's own UID lines (not its alarms'); None for others


def _name(line: str) -> str:
    """The line's name as icalendar reads it, or "" when only icalendar can tell.

    A name written another way (spaces inside, which icalendar drops) that could be
    BEGIN, END or UID changes what the file is made of: then the file is read whole.
    """
    found = _NAME.match(line)
    if found is not None:
        return found[0].upper()
    if _ODD.match(line.replace(" ", "").replace("\t", "")):
        raise _Complex
    return ""


def scan(text: str) -> Scan | None:
    """The plain events, and the rest of the calendar for icalendar; None to read it whole."""
    if "\n " in text or "\n\t" in text:  # else there is nothing to unfold
        text = _UFOLD.sub("", text)
    lines = [line for line in _NEWLINE.split(text) if line]
    if any(line[0] in " \t" for line in lines):
        return None  # joined again, such a line would fold into the one before
    pieces: list[list[str] | _Block] = [[]]
    uids: Counter[str] = Counter()
    stack: list[_Open] = []
    tops = 0
    seen: dict[str, Any] = {}
    event: list[str] | None = None  # an event directly in the first calendar
    named: list[Named] = []  # its lines between BEGIN and END
    try:
        for line in lines:
            name = _name(line)
            if name in ("BEGIN", "END"):
                component = _COMPONENT.match(line)
                if component is None:
                    return None  # BEGIN;X=1:... or BEGIN:V_X: icalendar's structure decides
                kind = component[2].upper()
                if name == "BEGIN":
                    tops += not stack
                    stack.append(_Open([] if kind == "VEVENT" else None))
                    if kind == "VEVENT" and len(stack) == 2 and tops == 1 and event is None:
                        event, named = [line], []
                        continue
                else:  # END closes whatever is open, as in icalendar
                    if not stack:
                        return None
                    own = stack.pop().uids
                    uid = _uid(own) if own is not None else None
                    if uid is not None:
                        uids[uid] += 1
                    if event is not None and len(stack) == 1:
                        event.append(line)
                        block = _block(event, named, kind == "VEVENT", uid, seen)
                        pieces += [block, []]
                        event = None
                        continue
            elif name == "UID" and stack and (own := stack[-1].uids) is not None:
                own.append(line)
            if event is not None:
                event.append(line)
                named.append((name, line))
            else:
                piece = pieces[-1]
                assert isinstance(piece, list)
                piece.append(line)
    except _Complex:
        return None
    if stack:
        return None
    kept: list[str] = []
    plain: list[Plain] = []
    for piece in pieces:
        if isinstance(piece, list):
            kept += piece
        elif piece.plain is not None and (piece.uid is None or uids[piece.uid] == 1):
            plain.append(piece.plain)
        else:
            kept += piece.lines
    return Scan("\r\n".join(kept) + "\r\n", plain)


def _block(
    lines: list[str],
    named: list[Named],
    closed_as_event: bool,
    uid: str | None,
    seen: dict[str, Any],
) -> _Block:
    if not closed_as_event:
        return _Block(lines, None, uid)
    try:
        return _Block(lines, _plain(named, seen), uid)
    except _Complex:
        return _Block(lines, None, uid)


def occurrence(
    item: Plain, shift: dt.tzinfo | None, low: dt.datetime, high: dt.datetime
) -> tuple[dt.date, dt.date] | None:
    """The plain event as recurring-ical-events yields it for [low, high), or None.

    Each step is the libraries' own: x_wr_timezone moves UTC and floating times into
    the calendar's X-WR-TIMEZONE, the span is put in order (make_comparable has nothing
    to do: `_plain` let through only a start and end both dates, both zoned or both
    floating), the occurrence starts at its start plus nothing and lasts its duration
    (which drops a fold, as the libraries' addition does), and it is kept when the span
    test says so.
    """
    from recurring_ical_events.util import time_span_contains_event

    start, end = item.start, item.end
    if shift is not None:
        import x_wr_timezone

        walker = x_wr_timezone.UTCChangingWalker(shift)
        start = walker.walk_value(start)
        end = walker.walk_value(end) if end is not None else None
    if end is None:
        end = start if isinstance(start, dt.datetime) else start + dt.timedelta(days=1)
    if start > end:
        start, end = end, start
    zoned = False
    if isinstance(start, dt.datetime):
        start, end = start + dt.timedelta(), start + (end - start)
        zoned = start.tzinfo is not None  # comparable with the window as they are
    return (start, end) if time_span_contains_event(low, high, start, end, zoned) else None
