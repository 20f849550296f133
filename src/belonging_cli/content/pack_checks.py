"""A pack's problems in a coach's words, and the warnings that do not stop a pack.

Pydantic says "Input should be a valid string"; a coach needs "use the behaviour's
id, like protect-time". `reword` turns the errors a coach is likely to make into
what to write instead (the rest keep pydantic's wording, which is plain enough);
`warnings` finds what is allowed but probably a slip (a due date already past).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from belonging_cli.errors import Problem

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from belonging_cli.content.packs import Pack
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.content.source import Document

# Numbers a pack field takes, as a coach reads them.
_RANGES = {"minutes": (1, 600), "count": (1, 10), "days": (7, 366)}
_NUMBER_ERRORS = ("greater_than_equal", "less_than_equal", "greater_than", "less_than")
_WHAT = {"labels": "labels (one per point, lowest first)", "choices": "choices"}


def reword(rubric: Rubric, kinds: tuple[str, ...]) -> Callable[[ErrorDetails], str | None]:
    """The coach's wording of one pydantic error in a pack read against `rubric`, where a
    question may be of `kinds`."""
    ids = rubric.ids()
    example = "protect-time" if "protect-time" in ids else (ids[0] if ids else "protect-time")

    def words(error: ErrorDetails) -> str | None:
        loc = [part for part in error["loc"] if isinstance(part, str)]
        name = loc[-1] if loc else ""
        kind = error["type"]
        given = error.get("input")
        if name == "behaviour" and kind in ("string_type", "string_pattern_mismatch"):
            return f"use the behaviour's id, like {example}, not {given!r}"
        if name == "kind" and kind == "literal_error":
            return f"no question kind {given!r}; an exercise can use: {', '.join(kinds)}"
        if name == "format_version" and kind == "literal_error":
            return "1 is the only pack format so far: write format_version: 1, or leave it out"
        if kind in _NUMBER_ERRORS or kind in ("int_type", "int_parsing", "int_from_float"):
            low, high = _RANGES.get(name, (None, None))
            if low is not None:
                return f"write a whole number from {low} to {high}, not {given!r}"
            return "write a whole number" if kind.startswith("int") else None
        if kind in ("too_short", "too_long") and isinstance(given, list):
            ctx = error.get("ctx") or {}
            what = _WHAT.get(name, "items")
            if kind == "too_short":
                return f"give at least {ctx.get('min_length')} {what}; found {len(given)}"
            return f"give at most {ctx.get('max_length')} {what}; found {len(given)}"
        if kind == "string_too_short":
            return "write something here: it cannot be empty"
        if kind == "string_too_long":
            limit = (error.get("ctx") or {}).get("max_length")
            return f"too long: at most {limit} characters"
        if kind == "string_type":
            return f"write this as text (in quotes if it looks like a number), not {given!r}"
        if kind in ("bool_type", "bool_parsing"):
            return f"write true or false, not {given!r}"
        if kind in ("list_type",):
            return "write a list: one `- item` a line, or [a, b]"
        if kind in ("model_type", "dict_type", "model_attributes_type"):
            return "write this as `key: value` lines"
        return None

    return words


def warnings(doc: Document, pack: Pack, today: dt.date) -> list[Problem]:
    """What is allowed but likely a slip, located: a due date already past (the exercise
    would be overdue the day it is imported)."""
    found: list[Problem] = []
    for i, exercise in enumerate(pack.exercises):
        if isinstance(exercise.due, dt.date) and exercise.due < today:
            found.append(
                doc.problem(
                    ("exercises", i, "due"),
                    f"warning: {exercise.due.isoformat()} has already passed: the exercise "
                    "is overdue the day it is imported (a time like 7d counts from the import)",
                )
            )
    return found


__all__ = ["reword", "warnings"]
