"""The user's settings: config.toml in the config folder (or under --home).

`load_config()` is on the path of `belonging status`, the most-run command, so
it validates with plain code (no pydantic): one table of settings says, for
each key, how to read it from the file or from the command line and what is
allowed. A bad value names the key, the allowed values and `file:line`.
Writes (`config set/unset`) edit the one line concerned, so a user's comments
survive, and replace the file atomically with mode 0600.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, NamedTuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from belonging_cli import paths
from belonging_cli.errors import BelongingError, ContentError, Problem, UsageProblem
from belonging_cli.located import decode_text
from belonging_cli.safe_text import MAX_NAME as SHARED_NAME
from belonging_cli.safe_text import text_problem

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
REPORT_PERIODS = ("week", "month", "quarter", "year", "all")

# A TOML value as this file holds it: every setting is a string or a boolean.
Value = str | bool


@dataclass(frozen=True)
class Config:
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


def system_zone() -> dt.tzinfo:
    """The machine's zone, as a real IANA zone when it can be found (DST-correct)."""
    from zoneinfo import ZoneInfo

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = Path("/etc/localtime").readlink()
        candidates.append(str(target).partition("zoneinfo/")[2])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                return ZoneInfo(name)
            except (KeyError, ValueError, OSError):
                continue
    # A fixed offset: right today, maybe an hour off across a DST change.
    return dt.datetime.now().astimezone().tzinfo or dt.timezone.utc


def zone_label(zone: dt.tzinfo) -> str:
    return str(getattr(zone, "key", None) or zone.tzname(None) or zone)


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


def _folder_from_text(text: str) -> str:
    # A folder given on the command line means one relative to where you are.
    try:
        folder = Path(_text(text)).expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop, an unknown ~user
        raise BadValue(f"{text!r} is not a folder (allowed: an existing folder)") from None
    if not folder.is_dir():
        raise BadValue(f"{str(folder)!r} is not a folder (allowed: an existing folder)")
    return str(folder)


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
        Setting("rubrics", "a folder with your own rubric set", _folder, _folder_from_text),
        Setting("flows", "a folder with your own reflection flows", _folder, _folder_from_text),
        Setting("editor", "the editor for long answers (default: $VISUAL, $EDITOR)", _text),
        Setting(
            "private_by_default",
            "mark every free-text answer private unless you say otherwise (true/false)",
            _boolean,
            _boolean_from_text,
        ),
    )
}
assert set(SETTINGS) == {f.name for f in fields(Config)}, "every setting is a Config field"


def parse_setting(key: str, text: str) -> Value:
    """`config set KEY TEXT`: the canonical value, or an error naming the key."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise UsageProblem(f"unknown setting {key!r} (settings: {', '.join(SETTINGS)})")
    try:
        return setting.parse(setting.from_text(text))
    except BadValue as exc:
        raise UsageProblem(f"{key}: {exc}") from None


# --- reading the file ---------------------------------------------------------


def load_config() -> Config:
    """The settings in effect: the environment's over the file's over the defaults."""
    from belonging_cli.settings import current

    return current().read_config()


def config_from(values: Mapping[str, Value], base: Path) -> Config:
    """A Config from canonical values; folders relative to `base` (the config folder)."""
    known: dict[str, Any] = dict(values)
    for key in ("rubrics", "flows"):
        if key in known:
            known[key] = base / Path(str(known[key])).expanduser()
    return Config(**known)


def read_values(path: Path) -> dict[str, Value]:
    """The settings written in the file (canonical), or {} when there is none.

    A broken or invalid file is a ContentError naming `file:line:col` and the key.
    """
    return _read(path)[1]


def _read(path: Path) -> tuple[str | None, dict[str, Value]]:
    """The file's text (None: no file of the user's) and its settings."""
    try:
        raw = path.read_bytes()
        info = path.stat()
    except FileNotFoundError:
        return None, {}
    except OSError as exc:
        raise BelongingError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not _trusted(path, info):
        return None, {}
    text = decode_text(raw, str(path))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([_syntax_problem(str(path), text, exc)]) from None
    except RecursionError:  # thousands of nested brackets
        raise ContentError([Problem(str(path), 1, 1, "", "nested too deeply")]) from None
    return text, _validate(data, text, str(path))


def _trusted(path: Path, info: os.stat_result) -> bool:
    """Settings run commands (`editor`) and choose content: only the user's own file counts.

    A config.toml that another user put in a shared home is ignored, with a warning.
    """
    from belonging_cli.files import is_mine

    if is_mine(info):
        return True
    if path not in _WARNED_FOREIGN:
        _WARNED_FOREIGN.add(path)
        print(
            f"belonging: warning: ignoring {path}: it belongs to another user "
            f"(uid {info.st_uid}), and settings can name a command to run",
            file=sys.stderr,
        )
    return False


_WARNED_FOREIGN: set[Path] = set()


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _syntax_problem(path: str, text: str, exc: tomllib.TOMLDecodeError) -> Problem:
    message = str(exc)
    found = _AT.search(message)
    if found:
        return Problem(path, int(found[1]), int(found[2]), "", message[: found.start()])
    # "(at end of document)": point at the last line.
    line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    return Problem(path, line, 1, "", re.sub(r"\s*\(at end of document\)$", "", message))


def _validate(data: dict[str, Any], text: str, path: str) -> dict[str, Value]:
    values: dict[str, Value] = {}
    problems: list[Problem] = []
    for key, value in data.items():
        line, column = _locate(text, key)
        setting = SETTINGS.get(key)
        if setting is None:
            message = f"unknown setting (allowed: {', '.join(SETTINGS)})"
            problems.append(Problem(path, line, column, key, message))
            continue
        try:
            values[key] = setting.parse(value)
        except BadValue as exc:
            problems.append(Problem(path, line, column, key, str(exc)))
    if problems:
        raise ContentError(problems)
    return values


def _key_line(key: str) -> re.Pattern[str]:
    """A line that sets `key` (bare or quoted), or opens a table of that name."""
    quoted = re.escape(key)
    return re.compile(rf"""^\s*(\[+\s*)?(["']?){quoted}\2\s*[.=\]]""")


def _locate(text: str, key: str) -> tuple[int, int]:
    pattern = _key_line(key)
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number, len(line) - len(line.lstrip()) + 1
    return 1, 1


# --- writing ------------------------------------------------------------------


def set_value(key: str, value: Value | None, path: Path | None = None) -> Path:
    """Write one setting (None removes it) to the config file; returns the file."""
    path = path if path is not None else paths.config_path()
    text, values = _read(path)  # refuses to rewrite a broken file: it names the line
    if text is None:
        text = _HEADER
    if value is None:
        values.pop(key, None)
    else:
        values[key] = value
    write_atomic(path, _edited(text, key, value, values))
    return path


_HEADER = (
    "# belonging settings. `belonging config show` lists them all;\n"
    "# `belonging config set KEY VALUE` and `config unset KEY` edit this file.\n"
)


def _edited(text: str, key: str, value: Value | None, expected: dict[str, Value]) -> str:
    """`text` with the line for `key` replaced, added or removed; comments survive.

    A file too unusual for a line edit (say, a multi-line string) is written
    afresh from the values, so the result always reads back as `expected`.
    """
    lines = text.splitlines(keepends=True)
    pattern = _key_line(key)
    new_line = [] if value is None else [f"{key} = {render_toml(value)}\n"]
    index = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
    if index is None:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines += new_line
    else:
        lines[index : index + 1] = new_line
    result = "".join(lines)
    try:
        if _validate(tomllib.loads(result), result, "") == expected:
            return result
    except (tomllib.TOMLDecodeError, ContentError):
        pass
    return _HEADER + "".join(f"{k} = {render_toml(v)}\n" for k, v in expected.items())


def render_toml(value: Value) -> str:
    """A TOML literal for a setting: `true`/`false` or a basic string, escaped."""
    if isinstance(value, bool):
        return "true" if value else "false"
    out = []
    for char in value:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` all at once, readable by the user only."""
    from belonging_cli.files import write_private

    try:
        paths.ensure_private_dir(path.parent)
    except OSError as exc:
        raise BelongingError(f"cannot write {path}: {exc.strerror or exc}") from None
    write_private(path, [text], own_file=True)  # the one writer of the config itself
