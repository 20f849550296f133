"""A complete session of any flow stored directly, for what status reads of the flows run.

from support.flow_sessions import record_session

record_session("2026-W47")                                  # a weekly on protect-time
record_session("2026-W49", flow="monthly", focus=None, zone=BERLIN)
"""

from __future__ import annotations

import datetime as dt
import uuid

from belonging_cli import clock
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Session


def record_session(
    week: str,
    flow: str = "weekly",
    focus: str | None = "protect-time",
    zone: dt.tzinfo = dt.timezone.utc,
) -> None:
    """A session of `flow` on `focus`, started Monday 17:00 of `week` in `zone`, done in ten
    minutes, written to the run's journal."""
    started = dt.datetime.combine(clock.week_monday(week), dt.time(17), tzinfo=zone)
    with open_journal() as journal:
        journal.create_session(
            Session(
                id=str(uuid.uuid4()),
                flow_id=flow,
                rubric_id="belonging-core",
                rubric_version="1.0",
                started_at=started,
                week=week,
                status="complete",
                completed_at=started + dt.timedelta(minutes=10),
                focus_behaviour_id=focus,
            )
        )
