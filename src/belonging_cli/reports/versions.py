"""Where a report's sessions cross a change of rubric version that rewords the levels.

A session keeps the rubric version it was rated against; a level-3 rating under
rubric 1.x was given against other words than one under 2.0, so a report that
spans both says where the wording changed (a major version is a rewording; a
minor one keeps the levels' meaning).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from belonging_cli.reports.model import WordingChange


def wording_change(sessions: Iterable[tuple[dt.date, str, str]]) -> WordingChange | None:
    """The last change of major version among (day, rubric id, version) of the sessions,
    dated by the first session rated against the new one; None if they never change."""
    found: WordingChange | None = None
    previous: tuple[str, str] | None = None
    for day, rubric_id, version in sorted(sessions):
        major = (rubric_id, version.split(".", 1)[0])
        if previous is not None and major != previous:
            found = WordingChange(version=f"{major[1]}.0", on=day)
        previous = major
    return found
