"""Evidence in the journal: one row of figures per ISO week and source (migration 8).

Importing a week again replaces what that source said about it, so reading the
same calendar twice, or a longer export later, never counts a meeting twice.
Figures are numbers and short labels (shareable); `examples` are the person's own
sentences (transcripts only) and stay private.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

from belonging_cli.journal.rows import iso

Source = Literal["calendar", "transcript"]
Figure = int | float | str


class WeekEvidence(NamedTuple):
    """What one source measured in one ISO week."""

    week: str  # "2024-W09"
    source: Source
    figures: Mapping[str, Figure]
    examples: tuple[str, ...] = ()
    imported_at: dt.datetime | None = None


def replace_weeks(
    conn: sqlite3.Connection, items: Iterable[WeekEvidence], imported_at: dt.datetime
) -> int:
    """Store each week's figures, replacing what its source said before; how many weeks."""
    count = 0
    for item in items:
        conn.execute(
            "INSERT OR REPLACE INTO evidence (week, source, figures, examples, imported_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                item.week,
                item.source,
                json.dumps(dict(item.figures), ensure_ascii=False, sort_keys=True),
                json.dumps(list(item.examples), ensure_ascii=False),
                iso(imported_at),
            ),
        )
        count += 1
    return count


def load(
    conn: sqlite3.Connection, source: Source | None = None, weeks: tuple[str, str] | None = None
) -> list[WeekEvidence]:
    """Every stored week (of one source, or all; from `weeks[0]` to `weeks[1]` only, when
    given: a report reads its period's rows by the key, never the whole table), the
    earliest week first."""
    query = "SELECT week, source, figures, examples, imported_at FROM evidence WHERE 1"
    params: tuple[str, ...] = ()
    if source is not None:
        query += " AND source = ?"
        params = (source,)
    if weeks is not None:  # ISO weeks sort as text: 2024-W09 < 2024-W10 < 2025-W01
        query += " AND week BETWEEN ? AND ?"
        params += weeks
    return [
        WeekEvidence(
            week,
            kind,
            json.loads(figures),
            tuple(json.loads(examples)),
            dt.datetime.fromisoformat(imported),
        )
        for week, kind, figures, examples, imported in conn.execute(
            query + " ORDER BY week, source", params
        )
    ]
