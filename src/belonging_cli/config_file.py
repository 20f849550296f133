"""The settings file, config.toml: read and checked at `file:line:col`, edited a line at a time.

Only the user's own file counts (settings can name a command to run). Writes
(`config set/unset`) edit the one line concerned, so a user's comments survive,
and replace the file atomically with mode 0600. tomllib is imported only when
there is a file to read: `belonging status` without one never loads it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any

from belonging_cli import paths
from belonging_cli.config import SETTINGS, BadValue, Value
from belonging_cli.errors import BelongingError, ContentError, Problem
from belonging_cli.located import decode_text


def read_values(path: Path, skip: Collection[str] = ()) -> dict[str, Value]:
    """The settings written in the file (canonical), or {} when there is none.

    A broken or invalid file is a ContentError naming `file:line:col` and the key.
    The keys in `skip` are neither checked nor returned: an option or the environment
    sets them, and a value that loses must not stop the command.
    """
    return _read(path, skip)[1]


def _read(path: Path, skip: Collection[str] = ()) -> tuple[str | None, dict[str, Value]]:
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
    return text, _parse(text, str(path), skip)


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


def _parse(text: str, path: str, skip: Collection[str] = ()) -> dict[str, Value]:
    """The settings in TOML text, checked; a ContentError at `file:line:col` if not."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([_syntax_problem(path, text, exc)]) from None
    except RecursionError:  # thousands of nested brackets
        raise ContentError([Problem(path, 1, 1, "", "nested too deeply")]) from None
    return _validate({k: v for k, v in data.items() if k not in skip}, text, path)


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _syntax_problem(path: str, text: str, exc: ValueError) -> Problem:  # a TOMLDecodeError
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


def locate(path: Path, key: str) -> tuple[int, int]:
    """Where the file at `path` sets `key` (line, column; 1, 1 if it cannot tell)."""
    text = _read(path, skip=set(SETTINGS))[0]
    return _locate(text, key) if text is not None else (1, 1)


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
    try:
        # The key being set may hold the mistake being fixed: it is not checked.
        text, values = _read(path, skip=(key,))
    except ContentError as exc:  # TOML it cannot read, or another key's mistake
        raise ContentError([*exc.problems[:-1], _with_hint(exc.problems[-1], key, path)]) from None
    if text is None:
        text = _HEADER
    if value is None:
        values.pop(key, None)
    else:
        values[key] = value
    write_atomic(path, _edited(text, key, value, values))
    return path


def _with_hint(problem: Problem, key: str, path: Path) -> Problem:
    hint = (
        f"{problem.message} (`config set {key}` edits only a file it can read: "
        f"fix that line in {path} by hand, or `config set` that key)"
    )
    return problem._replace(message=hint)


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
        if _parse(result, "") == expected:
            return result
    except ContentError:
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
