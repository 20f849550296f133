"""An aggregate from the collector (`belonging feedback import FILE`), read as hostile.

It comes from someone else's machine: bounded in size before it is read, strict
types (no "3" for 3), bounded strings and lists, no control characters (group
names and look-fors on one line, comments as paragraphs), and the anonymity
rules checked again (a group or a round of fewer than three raters, or a figure
from fewer answers, is refused: collect never writes one, so such a file was made
or edited by hand). Every failure is one `file:line:col` line, located with the
JSON decoder's positions: an anonymity refusal at the figure that breaks the rule.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from belonging_cli.content.source import format_loc
from belonging_cli.content.validation import ONE_LINE, PARAGRAPH
from belonging_cli.errors import BelongingError, Problem
from belonging_cli.feedback.round import KeyPath, first_breach
from belonging_cli.json_place import locate
from belonging_cli.safe_text import MAX_NAME, MAX_TEXT

# Ten behaviours of a dozen look-fors and a few hundred comments are ~100 KB.
MAX_BYTES = 2 * 1024 * 1024

Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME), ONE_LINE]
Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Words = Annotated[str, StringConstraints(max_length=MAX_TEXT), PARAGRAPH]
Count = Annotated[int, Field(ge=0, le=100_000)]
Level = Annotated[int, Field(ge=1, le=5)]
Mean = Annotated[float, Field(ge=1, le=5, allow_inf_nan=False)]
Often = Annotated[float, Field(ge=0, le=4, allow_inf_nan=False)]


class _Part(BaseModel):
    # Unknown keys are refused: a version 1 aggregate has exactly these.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class _Rubric(_Part):
    id: Name
    version: Name


class _Raters(_Part):
    total: Count
    groups: dict[Name, Count] = Field(max_length=8)


class _GroupLevel(_Part):
    mean: Mean
    n: Count


class _Level(_Part):
    mean: Mean
    min: Level
    max: Level
    n: Count
    by_group: dict[Name, _GroupLevel] = Field(max_length=8)


class _LookFor(_Part):
    text: Name
    mean: Often
    n: Count


class _Behaviour(_Part):
    id: Name
    level: _Level | None
    look_fors: list[_LookFor] = Field(max_length=50)


class _Comments(_Part):
    keep: list[Words] = Field(max_length=2000)
    change: list[Words] = Field(max_length=2000)


class Aggregate(_Part):
    format: Literal["belonging-feedback"]
    version: Literal[1]
    leader: Annotated[str, StringConstraints(max_length=MAX_NAME), ONE_LINE]
    rubric: _Rubric
    requested_on: Day
    collected_on: Day
    raters: _Raters
    behaviours: list[_Behaviour] = Field(max_length=100)
    comments: _Comments


def read_aggregate(path: Path) -> dict[str, Any]:
    """The checked aggregate at `path` as plain data; any failure is one located line."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            limit = MAX_BYTES // 1_048_576
            raise _bad(name, 1, 1, f"too large for a feedback aggregate (at most {limit} MB)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _bad(name, 1, 1, "no such file") from None
    except IsADirectoryError:
        raise _bad(name, 1, 1, "is a folder, expected a file") from None
    except OSError as exc:
        raise _bad(name, 1, 1, f"cannot read: {exc.strerror}") from None
    return parse_aggregate(raw, name)


def parse_aggregate(raw: bytes, name: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as bad:
        raise _bad(name, bad.lineno, bad.colno, f"not valid JSON: {bad.msg}") from None
    except (UnicodeDecodeError, RecursionError):
        raise _bad(name, 1, 1, "not valid JSON (or nested too deeply)") from None
    if not isinstance(data, dict) or data.get("format") != "belonging-feedback":
        raise _bad(
            name,
            1,
            1,
            "not a feedback aggregate (the collector makes one with `belonging feedback collect`)",
        )
    if data.get("version") != 1:
        raise _bad(name, 1, 1, "unknown aggregate version; this belonging reads version 1")
    try:
        checked = Aggregate.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        loc = tuple(errors[0]["loc"])
        line, column = locate(raw, loc)
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        message = str(errors[0]["msg"]).removeprefix("Value error, ")
        problem = Problem(name, line, column, format_loc(loc), message + more)
        raise BelongingError(str(problem)) from None
    plain = checked.model_dump()
    found = after_checks(plain)
    if found is not None:
        key, message = found
        # The checked data keeps the file's keys and their order, so the key path of
        # the figure at fault is where it is in the file (the last of a repeated key,
        # as the decoder read it).
        line, column = locate(raw, key)
        raise _bad(name, line, column, message)
    return plain


def after_checks(plain: dict[str, Any]) -> tuple[KeyPath, str] | None:
    """What the model's types cannot say: real dates, and the anonymity rules again.

    (the key path of the value at fault; the message), or None. The one check for an
    aggregate from a file and for a round in a journal export.
    """
    for day in ("requested_on", "collected_on"):
        if not _is_day(plain[day]):
            return (day,), f"{day}: not a date"
    unsafe = first_breach(plain)
    if unsafe is not None:
        key, why = unsafe
        return key, f"refused, it breaks the anonymity rules: {why}"
    return None


def _is_day(text: str) -> bool:
    import datetime as dt

    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return False
    return 2000 <= day.year <= 2100


def _bad(name: str, line: int, column: int, message: str) -> BelongingError:
    return BelongingError(str(Problem(name, line, column, "", message)))
