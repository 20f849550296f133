"""A small weekly session to store directly, for tests of how sessions are written.

from support.sessions import a_session

draft = a_session(status="draft")   # `control` answered "first words"
"""

from __future__ import annotations

import datetime as dt
import uuid

from belonging_cli.records import Answer, Rating, Session

NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


def a_session(status: str = "complete") -> Session:
    return Session(
        id=str(uuid.uuid4()),
        flow_id="weekly",
        rubric_id="belonging-core",
        rubric_version="1.0.0",
        started_at=NOON,
        week="2026-W48",
        status="complete" if status == "complete" else "draft",
        completed_at=NOON + dt.timedelta(minutes=10) if status == "complete" else None,
        focus_behaviour_id="protect-time",
        answers=(
            Answer("control", "long_text", "first words", NOON),
            Answer("influence", "long_text", "asked why", NOON),
        ),
        ratings=(Rating("protect-time", 2, NOON),),
    )
