"""What `evidence calendar` reads from a file by the fast path and by icalendar alone.

The pre-scan (evidence/calendar_scan.py) must change nothing a person sees: the same
occurrences, weeks, owner and counts, or the same one-line problem.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from belonging_cli.errors import BelongingError
from belonging_cli.evidence.calendar import Person, read

Outcome = tuple[object, ...]


def outcome(path: Path, since: dt.date, until: dt.date, person: Person, *, fast: bool) -> Outcome:
    try:
        found = read(path, since, until, person, fast=fast)
    except BelongingError as problem:
        return ("refused", problem.message)
    return (
        sorted(found.occurrences),
        sorted(found.mondays),
        found.owner,
        found.declined,
        found.cancelled,
    )


def both(path: Path, since: dt.date, until: dt.date, person: Person) -> tuple[Outcome, Outcome]:
    """The fast path's outcome and the full path's."""
    return (
        outcome(path, since, until, person, fast=True),
        outcome(path, since, until, person, fast=False),
    )
