"""Read-only, few-column queries for `belonging status`, the most-run command.

`Journal.sessions()` loads whole sessions with their answers and ratings; status
needs only the weeks reflected, the drafts, the open experiments and the
exercises still assigned. This opens the file read-only (it never creates,
migrates or locks it for writing) and asks SQLite for just those columns.
A missing or empty journal reads as empty: status must work before the first
reflection.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from belonging_cli.errors import JournalError
from belonging_cli.habits import AssignmentInfo, DraftInfo, ExperimentInfo, StatusInputs
from belonging_cli.journal.store import inspect_file, not_a_journal

BUSY_TIMEOUT_SECONDS = 5.0

_WEEKS = "SELECT DISTINCT week FROM sessions WHERE status = 'complete' AND assignment_id IS NULL"
_DRAFTS = (
    "SELECT s.id, s.flow_id, s.week, s.started_at, s.assignment_id, "
    "(SELECT count(*) FROM answers a WHERE a.session_id = s.id) "
    "FROM sessions s WHERE s.status = 'draft' ORDER BY s.started_utc DESC"
)
_EXPERIMENTS = (
    "SELECT id, behaviour_id, title, week FROM experiments WHERE status = 'open' "
    "ORDER BY created_utc, id"
)
_ASSIGNMENTS = (
    "SELECT id, title, behaviour_id, due, cadence_weeks, times_done FROM assignments "
    "WHERE status = 'assigned' ORDER BY id"
)


class _NeedsRecovery(Exception):
    """A writer was killed mid-transaction: only a read-write open can roll it back."""


def read_status_inputs(path: Path) -> StatusInputs:
    """The facts status shows, from the journal at `path` (nothing if there is none)."""
    if not path.exists():
        return StatusInputs()
    version = inspect_file(path)  # refuses other files and newer journals, reading 100 bytes
    if not version:
        return StatusInputs()
    try:
        return _read(path)
    except _NeedsRecovery:
        from belonging_cli.journal.store import open_journal

        with open_journal(path):  # SQLite rolls the hot journal back on this open
            pass
        return _read(path)


def _read(path: Path) -> StatusInputs:
    try:
        conn = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
    except sqlite3.Error as exc:
        raise JournalError(f"cannot read the journal {path}: {exc}") from None
    try:
        conn.execute("BEGIN")  # one consistent state across the queries
        weeks = frozenset(row[0] for row in conn.execute(_WEEKS))
        drafts = tuple(
            DraftInfo(id_, flow, week, dt.datetime.fromisoformat(started), count, assignment)
            for id_, flow, week, started, assignment, count in conn.execute(_DRAFTS)
        )
        experiments = tuple(ExperimentInfo(*row) for row in conn.execute(_EXPERIMENTS))
        assignments = tuple(
            AssignmentInfo(id_, title, behaviour, _date(due), cadence, done)
            for id_, title, behaviour, due, cadence, done in conn.execute(_ASSIGNMENTS)
        )
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if "readonly" in str(exc):
            raise _NeedsRecovery from None
        if "locked" in str(exc) or "busy" in str(exc):
            raise JournalError(
                f"the journal {path} is busy: another belonging is writing to it",
                hint="try again in a moment",
            ) from None
        raise not_a_journal(path, f"SQLite says: {exc}") from None
    except ValueError as exc:  # a date SQLite holds but Python cannot read
        raise JournalError(f"the journal {path} holds a bad date: {exc}") from None
    finally:
        conn.close()
    return StatusInputs(weeks, drafts, experiments, assignments)


def _date(text: str | None) -> dt.date | None:
    return None if not text else dt.date.fromisoformat(text[:10])
