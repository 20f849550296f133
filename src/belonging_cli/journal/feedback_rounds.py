"""Feedback rounds in the journal: stored whole as their checked aggregate, read back typed.

A round's id is a hash of its aggregate (`feedback.round.round_id`), so importing
the same aggregate again finds it there and adds nothing. Only aggregates checked
by `feedback/aggregate_file.py` (or an export's import) are written here.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from belonging_cli.feedback.round import FeedbackRound, from_aggregate, to_aggregate
from belonging_cli.journal.rows import iso

_COLUMNS = "id, imported_at, aggregate_json"


def insert(conn: sqlite3.Connection, round: FeedbackRound) -> bool:
    """Add `round` unless a round with its id is there; True when it was added."""
    found = conn.execute("SELECT 1 FROM feedback_rounds WHERE id = ?", (round.id,)).fetchone()
    if found is not None:
        return False
    aggregate = to_aggregate(round)
    conn.execute(
        "INSERT INTO feedback_rounds (id, imported_at, requested_on, collected_on, raters_total,"
        " groups_json, aggregate_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            round.id,
            iso(round.imported_at),
            round.requested_on.isoformat(),
            round.collected_on.isoformat(),
            round.raters_total,
            json.dumps(dict(round.groups), ensure_ascii=False),
            json.dumps(aggregate, ensure_ascii=False),
        ),
    )
    return True


def rounds(conn: sqlite3.Connection) -> list[FeedbackRound]:
    """Every round, the earliest collected first."""
    query = f"SELECT {_COLUMNS} FROM feedback_rounds ORDER BY collected_on, imported_at, id"
    return [
        from_aggregate(json.loads(aggregate), dt.datetime.fromisoformat(imported), id=round_id)
        for round_id, imported, aggregate in conn.execute(query)
    ]
