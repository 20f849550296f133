"""The settings: what each one is, how its value is read and checked, and `Config`.

`load_config()` is on the path of `belonging status`, the most-run command, so
settings are validated with plain code (no pydantic): one table says, for each
key, how to read it from the file or from the command line and what is allowed.
The file itself (reading it, placing a bad value at `file:line`, editing one
line) is `config_file.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from belonging_cli.clock import system_zone, zone_label
from belonging_cli.errors import UsageProblem
from belonging_cli.safe_text import MAX_NAME as SHARED_NAME
from belonging_cli.safe_text import text_problem

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
REPORT_PERIODS = ("week", "month", "quarter", "year", "all")
PULSES = ("few", "all")  # engine/pulse_plan.py's choices (not imported: start-up)
PULSE_TEXTS = ("compact", "full")

# A TOML value as this file holds it: every setting is a string or a boolean.
Value = str | bool


class Config(NamedTuple):  # not a frozen dataclass: ~1.5 ms less for every command
    name: str | None = None
    reflection_weekday: str = "friday"
    reflection_time: str = "16:00"
    timezone: str | None = None  # an IANA zone; None: the system's
    report_period: str = "quarter"  # week, month, quarter, year, all
    default_flow: str = "weekly"
    rubrics: Path | None = None
    flows: Path | None = None
    editor: str | None = None
    private_by_default: bool = False
    pulse: str = "few"  # few, all: which behaviours a weekly pulse rates
    pulse_text: str = "compact"  # compact, full: a returning rating's levels
    email: str | None = None  # the person in a calendar's ATTENDEE/ORGANIZER lines
    working_days: str = "mon-fri"
    working_hours: str = "09:00-17:00"
    protected_pattern: str = "focus|thinking|no meetings"  # titles of one's own blocks
    key_file: Path | None = None  # an encrypted journal's key (journal/crypt/finding.py)

    def zone(self) -> dt.tzinfo:
        """The zone weeks and due times are counted in."""
        if self.timezone:
            from zoneinfo import ZoneInfo

            return ZoneInfo(self.timezone)
        return system_zone()

    def zone_name(self) -> str:
        return self.timezone or zone_label(system_zone())

    def weekday_number(self) -> int:
        """ISO weekday of the reflection: Monday 1 .. Sunday 7."""
        return WEEKDAYS.index(self.reflection_weekday) + 1

    def time_of_day(self) -> dt.time:
        hours, minutes = self.reflection_time.split(":")
        return dt.time(int(hours), int(minutes))


# --- reading one setting ------------------------------------------------------


class BadValue(ValueError):
    """A value a setting does not allow; the message says what is allowed."""


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise BadValue(f"must be text in quotes, not {_toml_kind(value)}")
    text = value.strip()
    if not text:
        raise BadValue("must not be empty")
    if text_problem(text, one_line=True):  # the rule a coach's roll-up reads names by
        raise BadValue("must be one line of text, without control characters")
    return text


# A shared report carries the name, and a coach's roll-up reads as many characters.
MAX_NAME = SHARED_NAME


def _name(value: object) -> str:
    text = _text(value)
    if len(text) > MAX_NAME:
        raise BadValue(f"must be at most {MAX_NAME} characters, not {len(text)}")
    return text


def _one_of(choices: tuple[str, ...]) -> Callable[[object], str]:
    def parse(value: object) -> str:
        text = _text(value).lower()
        if text not in choices:
            raise BadValue(f"{value!r} is not allowed (allowed: {', '.join(choices)})")
        return text

    return parse


_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _time(value: object) -> str:
    if isinstance(value, dt.time) and not value.second and not value.microsecond:
        return f"{value.hour:02d}:{value.minute:02d}"  # an unquoted TOML time, 16:00:00
    match = _HHMM.match(_text(value)) if isinstance(value, str) else None
    if not match:
        shown = repr(value) if isinstance(value, str) else str(value)
        raise BadValue(f"{shown} is not a time (allowed: HH:MM, 24-hour, like 16:00)")
    return f"{int(match[1]):02d}:{match[2]}"


def _zone(value: object) -> str:
    from zoneinfo import ZoneInfo

    name = _text(value)
    try:
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # not found is a KeyError; "../x" a ValueError
        raise BadValue(
            f"{name!r} is not a known time zone (allowed: an IANA name like "
            "Europe/Berlin, America/New_York or UTC)"
        ) from None
    return name


_FLOW_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _flow_id(value: object) -> str:
    text = _text(value)
    if not _FLOW_ID.match(text):
        raise BadValue(f"{text!r} is not a flow id (allowed: lower-case letters, digits, -, _)")
    return text


def _folder(value: object) -> str:
    return _text(value)


DAY_NAMES = tuple(day[:3] for day in WEEKDAYS)


def _day_index(word: str) -> int:
    for names in (DAY_NAMES, WEEKDAYS):
        if word in names:
            return names.index(word)
    raise ValueError(word)


def day_numbers(text: str) -> frozenset[int]:
    """ISO weekdays of `mon-fri`, `sun-thu` (a range may wrap) or `mon,wed,fri`."""
    days: set[int] = set()
    for part in text.replace(" ", "").lower().split(","):
        first, dash, last = part.partition("-")
        try:
            start = _day_index(first)
            end = _day_index(last) if dash else start
        except ValueError:
            raise BadValue(
                f"{text!r} is not a set of days (allowed: days like mon-fri, sun-thu "
                "or mon,wed,fri)"
            ) from None
        days.update((start + step) % 7 + 1 for step in range((end - start) % 7 + 1))
    return frozenset(days)


def _days(value: object) -> str:
    text = _text(value)
    day_numbers(text)
    return text.replace(" ", "").lower()


def hours_span(text: str) -> tuple[dt.time, dt.time]:
    """The start and end of `09:00-17:00`: a working day within one calendar day."""
    start, _, end = text.partition("-")
    try:
        first, last = (dt.time.fromisoformat(_time(part.strip())) for part in (start, end))
    except BadValue:
        first = last = dt.time()
    if not first < last:
        raise BadValue(
            f"{text!r} is not a span of hours (allowed: HH:MM-HH:MM, start before end, "
            "like 09:00-17:00)"
        )
    return first, last


def _hours(value: object) -> str:
    first, last = hours_span(_text(value))
    return f"{first:%H:%M}-{last:%H:%M}"


MAX_PATTERN = 200


def _pattern(value: object) -> str:
    text = _text(value)
    try:
        re.compile(text)
    except re.error as exc:
        raise BadValue(
            f"{text!r} is not a pattern ({exc}; allowed: a regular expression like "
            "focus|thinking|no meetings)"
        ) from None
    if len(text) > MAX_PATTERN:
        raise BadValue(f"must be at most {MAX_PATTERN} characters, not {len(text)}")
    return text


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


def _email(value: object) -> str:
    text = _text(value).lower().removeprefix("mailto:")
    if not _EMAIL.match(text) or len(text) > 254:
        raise BadValue(f"{text!r} is not an email address (allowed: like ana@example.com)")
    return text


def _boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise BadValue(f"must be true or false, not {_toml_kind(value)}")


def _toml_kind(value: object) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a number"}
    names.update({list: "a list", dict: "a table", dt.datetime: "a date-time"})
    names.update({dt.date: "a date", dt.time: "a time"})
    return names.get(type(value), type(value).__name__)


_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def _boolean_from_text(text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise BadValue(f"{text!r} is not allowed (allowed: true, false)")


def existing_folder(text: str) -> str:
    """The one rule for a folder typed in (`config set`, BELONGING_RUBRICS/FLOWS,
    --rubrics/--flows): an existing folder, relative to where you are; made absolute."""
    try:
        folder = Path(_text(text)).expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop, an unknown ~user
        raise BadValue(f"{text!r} is not a folder (allowed: an existing folder)") from None
    if not folder.is_dir():
        raise BadValue(f"{str(folder)!r} is not a folder (allowed: an existing folder)")
    return str(folder)


def absolute_file(text: str) -> str:
    """A file typed in (`config set key_file`): relative to where you are; made absolute."""
    try:
        return str(Path(_text(text)).expanduser().resolve())
    except (OSError, RuntimeError):
        raise BadValue(f"{text!r} is not a file name") from None


class Setting(NamedTuple):
    key: str
    help: str
    parse: Callable[[object], Value]  # a value from the file -> the canonical value
    from_text: Callable[[str], object] = str  # `config set KEY TEXT` -> a value for `parse`


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("name", "your name, shown on reports", _name),
        Setting(
            "reflection_weekday",
            f"the day of the weekly reflection ({', '.join(WEEKDAYS)})",
            _one_of(WEEKDAYS),
        ),
        Setting("reflection_time", "the time of the weekly reflection (HH:MM)", _time),
        Setting(
            "timezone", "IANA time zone for weeks and reminders (default: the system's)", _zone
        ),
        Setting(
            "report_period",
            f"the default report period ({', '.join(REPORT_PERIODS)})",
            _one_of(REPORT_PERIODS),
        ),
        Setting("default_flow", "the flow `belonging reflect` runs", _flow_id),
        Setting("rubrics", "a folder with your own rubric set", _folder, existing_folder),
        Setting("flows", "a folder with your own reflection flows", _folder, existing_folder),
        Setting("editor", "the editor for long answers (default: $VISUAL, $EDITOR)", _text),
        Setting(
            "private_by_default",
            "mark every free-text answer private unless you say otherwise (true/false)",
            _boolean,
            _boolean_from_text,
        ),
        Setting(
            "pulse",
            "which behaviours a weekly pulse rates: few (your focus, a coach's, one in "
            "rotation; all of them in a month's first reflection) or all",
            _one_of(PULSES),
        ),
        Setting(
            "pulse_text",
            "a rating after week one shows last week's level and its neighbours "
            "(compact) or all five levels in full (full)",
            _one_of(PULSE_TEXTS),
        ),
        Setting(
            "email",
            "your address in calendar invitations: which attendee is you (evidence calendar)",
            _email,
        ),
        Setting("working_days", "your working days, like mon-fri or sun-thu", _days),
        Setting("working_hours", "your working hours, like 09:00-17:00", _hours),
        Setting(
            "protected_pattern",
            "a pattern on the titles of your own protected blocks (default: "
            "focus|thinking|no meetings)",
            _pattern,
        ),
        Setting(
            "key_file",
            "the file holding your encrypted journal's key (journal encrypt --key-file)",
            _folder,
            absolute_file,
        ),
    )
}
assert set(SETTINGS) == set(Config._fields), "every setting is a Config field"


def parse_setting(key: str, text: str) -> Value:
    """`config set KEY TEXT`: the canonical value, or an error naming the key."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise UsageProblem(f"unknown setting {key!r} (settings: {', '.join(SETTINGS)})")
    try:
        return setting.parse(setting.from_text(text))
    except BadValue as exc:
        raise UsageProblem(f"{key}: {exc}") from None


# --- the settings in effect --------------------------------------------------

# The settings that name a place: relative to the config folder in the file, to where
# you are in the environment.
PATHS = ("rubrics", "flows", "key_file")


def load_config() -> Config:
    """The settings in effect: the environment's over the file's over the defaults."""
    from belonging_cli.settings import current

    return current().read_config()


def config_from(values: Mapping[str, Value], base: Path) -> Config:
    """A Config from canonical values; folders relative to `base` (the config folder)."""
    known: dict[str, Any] = dict(values)
    for key in PATHS:
        if key in known:
            known[key] = base / Path(str(known[key])).expanduser()
    return Config(**known)
