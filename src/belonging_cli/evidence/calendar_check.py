"""A calendar file checked as text before icalendar reads it, so that its problems
read in plain words at their line (`cal.ics:20:1: the file ends before END:VEVENT
...`), not in the parser's words with a Python bytes repr.

What is checked: UTF-8 (as every file a person gives: located.decode_text), that it
begins with BEGIN:VCALENDAR, and that every BEGIN: has its END: in order up to the
calendar's own END:VCALENDAR (a file cut short, an END that closes the wrong part).
The problems a parser finds after these checks are told as `problem` builds them:
at the line its message quotes, `FILE:LINE:1: ...`. Stdlib only.
"""

from __future__ import annotations

import re
from pathlib import Path

from belonging_cli.errors import ContentError, Problem
from belonging_cli.located import decode_text

_PART = re.compile(r"(BEGIN|END):([A-Za-z0-9-]+)[ \t\r]*$", re.IGNORECASE)


def problem(path: Path, message: str, line: int = 1) -> ContentError:
    """A problem in the calendar at `line`, one line in plain words."""
    return ContentError([Problem(str(path), line, 1, "", " ".join(message.split()))])


def checked_text(raw: bytes, path: Path) -> str:
    """The calendar as text, its parts each ended in order; else a problem at its line."""
    text = decode_text(raw, str(path))
    lines = text.split("\n")
    first = next((n for n, line in enumerate(lines, 1) if line.strip()), 1)
    if lines[first - 1].strip().upper() != "BEGIN:VCALENDAR":
        raise problem(path, "a calendar file begins with BEGIN:VCALENDAR", first)
    open_parts: list[tuple[str, int]] = []
    for number, line in enumerate(lines[first - 1 :], first):
        found = _PART.match(line)
        if found is None:
            continue
        kind, name = found.group(1).upper(), found.group(2).upper()
        if kind == "BEGIN":
            open_parts.append((name, number))
            continue
        if not open_parts:
            raise problem(path, f"END:{name} without a BEGIN:{name} before it", number)
        began, at = open_parts.pop()
        if began != name:
            raise problem(path, f"END:{name}, but BEGIN:{began} at line {at} is not ended", number)
        if not open_parts:  # the calendar's own end: what follows is the parser's to read
            return text
    last = max((n for n, line in enumerate(lines, 1) if line.strip()), default=1)
    began, at = open_parts[-1]
    rest = [name for name, _ in reversed(open_parts[:-1])]
    also = "".join(f" and END:{name}" for name in rest)
    raise problem(
        path,
        f"the file ends before END:{began} (BEGIN:{began} at line {at}){also}: was it cut short?",
        last,
    )
