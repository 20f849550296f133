"""Weekly session records to store directly, for tests of how sessions are written and read.

from support.sessions import a_session, weekly_session

draft = a_session(status="draft")   # `control` answered "first words"
other = weekly_session(started, week="2026-W48", status="draft", tags=("x",))
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from belonging_cli.records import Answer, Rating, Session

NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


def weekly_session(
    started: dt.datetime, *, week: str, status: str = "complete", **fields: Any
) -> Session:
    """A weekly reflection started at `started`: complete ten minutes later, or a draft.
    `fields` are the Session's other fields (focus, answers, ratings, tags...)."""
    complete = status == "complete"
    fields.setdefault("rubric_version", "1.0.0")
    return Session(
        id=str(uuid.uuid4()),
        flow_id="weekly",
        rubric_id="belonging-core",
        started_at=started,
        week=week,
        status="complete" if complete else "draft",
        completed_at=started + dt.timedelta(minutes=10) if complete else None,
        **fields,
    )


def a_session(status: str = "complete") -> Session:
    return weekly_session(
        NOON,
        week="2026-W48",
        status=status,
        focus_behaviour_id="protect-time",
        answers=(
            Answer("control", "long_text", "first words", NOON),
            Answer("influence", "long_text", "asked why", NOON),
        ),
        ratings=(Rating("protect-time", 2, NOON),),
    )
