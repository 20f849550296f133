"""`journal export` (JSON) straight from the journal's rows, a batch of sessions at a time.

The export's session objects are built from the stored text as it is (times and
days are stored as the ISO text the export writes), so no session record, no
parsed time and no whole-journal document is ever made: memory stays one batch
(issue 19). The bytes are those of `exchange.export_json(journal.load_all())`,
which a test holds for the demo and the known journal.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from belonging_cli.journal import feedback_rounds, goals_store, loading
from belonging_cli.journal.exchange import (
    ANSWER_KEYS,
    RATING_KEYS,
    SESSION_KEYS,
    export_chunks,
    plain_record,
    round_dict,
)

BATCH = 500  # sessions a batch: their children are ~20 rows each

# Ordered as `loading.sessions(newest_first=False)` orders them (oldest first).
_ORDER = "ORDER BY started_utc, id"
_AFTER = "(started_utc, id) > (?, ?)"


@dataclass
class Counted:
    """What an export held, known once it is written."""

    sessions: int = 0
    experiments: int = 0


def journal_chunks(conn: sqlite3.Connection, counted: Counted) -> Iterator[str]:
    """The whole journal as `exchange.export_json` writes it, in pieces; run inside one
    read transaction (the pieces are read as they are written)."""
    experiments = [plain_record(e) for e in loading.experiments(conn)]
    counted.experiments = len(experiments)
    yield from export_chunks(
        {
            "sessions": _sessions(conn, counted),
            "experiments": experiments,
            "assignments": [plain_record(a) for a in loading.assignments(conn)],
            "goals": [plain_record(g) for g in goals_store.load(conn)],
            "feedback_rounds": [round_dict(r) for r in feedback_rounds.rounds(conn)],
        }
    )


def _sessions(conn: sqlite3.Connection, counted: Counted) -> Iterator[dict[str, Any]]:
    after: tuple[str, str] | None = None
    while True:
        where, params = ("1", []) if after is None else (_AFTER, list(after))
        page = f"WHERE {where} {_ORDER} LIMIT {BATCH}"
        rows = conn.execute(
            f"SELECT {', '.join(SESSION_KEYS)}, started_utc FROM sessions {page}", params
        ).fetchall()
        if not rows:
            return
        batch = f"WHERE session_id IN (SELECT id FROM sessions {page})"
        yield from _batch(conn, rows, batch, params)
        counted.sessions += len(rows)
        after = (rows[-1][-1], rows[-1][0])


def _batch(
    conn: sqlite3.Connection, rows: list[Any], batch: str, params: list[Any]
) -> Iterator[dict[str, Any]]:
    def children(table: str, columns: str) -> dict[str, list[Any]]:
        found: dict[str, list[Any]] = {}
        query = f"SELECT session_id, {columns} FROM {table} {batch} ORDER BY session_id, position"
        for row in conn.execute(query, params):
            found.setdefault(row[0], []).append(row)
        return found

    tags = children("session_tags", "tag")
    ratings = children("ratings", ", ".join(RATING_KEYS))
    columns = ", ".join("value_json" if key == "value" else key for key in ANSWER_KEYS)
    answers = children("answers", columns)
    # One JSON parse for the batch's answer values: a call per value costs more.
    value_at = ANSWER_KEYS.index("value") + 1
    texts = [row[value_at] for found in answers.values() for row in found]
    values = iter(json.loads("[" + ",".join(texts) + "]"))
    parsed = {sid: [next(values) for _ in found] for sid, found in answers.items()}
    rating_bool = RATING_KEYS.index("evidence_private") + 1
    answer_bool = ANSWER_KEYS.index("private") + 1
    for row in rows:
        sid = row[0]
        session = dict(zip(SESSION_KEYS, row, strict=False))
        session["tags"] = [t[1] for t in tags.get(sid, ())]
        session["ratings"] = [
            {**dict(zip(RATING_KEYS, r[1:], strict=True)), "evidence_private": bool(r[rating_bool])}
            for r in ratings.get(sid, ())
        ]
        session["answers"] = [
            {
                **dict(zip(ANSWER_KEYS, a[1:], strict=True)),
                "value": value,
                "private": bool(a[answer_bool]),
            }
            for a, value in zip(answers.get(sid, ()), parsed.get(sid, ()), strict=True)
        ]
        yield session
