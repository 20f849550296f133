"""A journal with four weeks of ratings and evidence imported through the real
`belonging evidence calendar` and `evidence transcript` commands, for the report's
Evidence section (tests/hostile/evidence_reports holds the files).

The calendar: 2, 4, 6, 8 meeting hours in 2026-W06 .. W09 (rose three weeks running).
The transcripts: W08 and W09 stand-ups where Dana Reyes asks; W08 holds her marker
sentence (MARKER), which the journal keeps privately and no report may show.
"""

from __future__ import annotations

import datetime as dt

from support.cli import CliRunner
from support.feedback_journal import reflect_on
from support.places import HOSTILE

FILES = HOSTILE / "evidence_reports"
CALENDAR = FILES / "rising-meetings.ics"
TRANSCRIPTS = (FILES / "standup-2026-02-17.txt", FILES / "standup-2026-02-24.txt")
MARKER = "quokka ledger"
FRIDAYS = tuple(dt.date(2026, 2, 6) + dt.timedelta(weeks=n) for n in range(4))  # W06..W09
PERIOD = ("--since", "2026-02-02", "--until", "2026-03-01")
DISAGREEING = (3, 3, 3, 4)  # protect time held and rose while meeting hours rose
AGREEING = (4, 3, 3, 2)  # protect time fell as meeting hours rose


def evidence_journal(cli: CliRunner, protect_time: tuple[int, ...] = DISAGREEING) -> None:
    """Four weekly reflections rating protect time `protect_time`, and the evidence."""
    for day, level in zip(FRIDAYS, protect_time, strict=True):
        reflect_on(day, {"protect-time": level, "prompt-insight": 2, "cultivate-belonging": 3})
    done = cli(
        "evidence", "calendar", str(CALENDAR), "--since", "2026-02-02", "--until", "2026-03-01"
    )
    assert done.code == 0, done.err
    done = cli("evidence", "transcript", *map(str, TRANSCRIPTS), "--me", "Dana Reyes")
    assert done.code == 0, done.err
