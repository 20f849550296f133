"""Read-only, few-column queries for `belonging status`, the most-run command.

`Journal.sessions()` loads whole sessions with their answers and ratings; status
needs only the weeks reflected, the drafts, the open experiments, the
exercises still assigned, and what `next_flows` suggests from (the focus of the
last three weekly reflections, the day of the last monthly and deep dives).
This opens the file read-only (it never creates, migrates or locks it for
writing) and asks SQLite for just those columns, as the small records below
(the status model, `habits`, reads them; it does not import this module at run
time). A missing or empty journal reads as empty:
status must work before the first reflection.

The records are NamedTuples, not dataclasses: creating a frozen dataclass costs
~1 ms at import, and this module is on the path of the most-run command.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from belonging_cli.drafts import TYPED
from belonging_cli.errors import JournalError
from belonging_cli.journal.errors import (
    EncryptedJournal,
    database_errors,
    kind_of,
    sqlite_errors,
)
from belonging_cli.journal.file import inspect_file
from belonging_cli.next_flows import DEEP_DIVE, MONTHLY, RUNNING

BUSY_TIMEOUT_SECONDS = 5.0


class DraftInfo(NamedTuple):
    id: str
    flow_id: str
    week: str
    started_at: dt.datetime
    answered: int = 0
    assignment_id: str | None = None


class ExperimentInfo(NamedTuple):
    id: str
    behaviour_id: str
    title: str
    week: str


class AssignmentInfo(NamedTuple):
    id: str
    title: str
    behaviour_id: str
    due: dt.date | None = None
    cadence_weeks: int = 1
    times_done: int = 0


class FlowSession(NamedTuple):
    """A complete reflection of the kind `next_flows` suggests from."""

    flow_id: str
    focus_behaviour_id: str | None
    started_day: dt.date
    started_utc: str  # fixed-width UTC text: sorts as time


class StatusInputs(NamedTuple):
    """The few facts status needs, read without loading sessions."""

    reflection_weeks: frozenset[str] = frozenset()
    drafts: tuple[DraftInfo, ...] = ()
    open_experiments: tuple[ExperimentInfo, ...] = ()
    assignments: tuple[AssignmentInfo, ...] = ()  # those still assigned
    # The last weekly reflections, the last monthly, the last deep dive on each behaviour.
    flow_sessions: tuple[FlowSession, ...] = ()


# Each query names its columns as its record's fields, in their order (checked).
_WEEKS = "SELECT DISTINCT week FROM sessions WHERE status = 'complete' AND assignment_id IS NULL"
_DRAFTS = (
    "SELECT s.id, s.flow_id, s.week, s.started_at, "
    # Questions answered, as drafts.answered counts them: each answer but the words
    # half typed at Ctrl-C (drafts.TYPED), each rating and its "what happened?".
    "((SELECT count(*) FROM answers a WHERE a.session_id = s.id AND a.step_id NOT LIKE "
    f"'%{TYPED}') + (SELECT count(*) + count(evidence) FROM ratings r "
    "WHERE r.session_id = s.id)) AS answered, s.assignment_id "
    "FROM sessions s WHERE s.status = 'draft' ORDER BY s.started_utc DESC"
)
_EXPERIMENTS = (
    "SELECT id, behaviour_id, title, week FROM experiments WHERE status = 'open' "
    "ORDER BY created_utc, id"
)
# One query: the weekly ones through the index on started_utc (newest first, stopping
# at RUNNING), the monthly and the deep dives grouped to their latest.
_DONE = "status = 'complete' AND assignment_id IS NULL"
_FLOW_SESSIONS = (
    "SELECT * FROM (SELECT flow_id, focus_behaviour_id, started_day, started_utc "
    f"FROM sessions WHERE {_DONE} AND flow_id = :weekly "
    f"ORDER BY started_utc DESC LIMIT {RUNNING}) "
    "UNION ALL SELECT flow_id, CASE WHEN flow_id = :deep THEN focus_behaviour_id END, "
    f"max(started_day), max(started_utc) FROM sessions WHERE {_DONE} "
    "AND flow_id IN (:monthly, :deep) AND flow_id != :weekly GROUP BY 1, 2"
)
_ASSIGNMENTS = (
    "SELECT id, title, behaviour_id, due, cadence_weeks, times_done FROM assignments "
    "WHERE status = 'assigned' ORDER BY id"
)


class _NeedsRecovery(Exception):
    """A writer was killed mid-transaction: only a read-write open can roll it back."""


def read_status_inputs(path: Path, weekly_flow: str = "weekly") -> StatusInputs:
    """The facts status shows, from the journal at `path` (nothing if there is none).

    `weekly_flow` is the flow `belonging reflect` runs (the `default_flow` setting).
    """
    if not path.exists():
        return StatusInputs()
    key: bytes | None = None
    try:
        version = inspect_file(path)  # refuses other files and newer journals, reading 100 bytes
    except EncryptedJournal:
        # As every command's open: the key, and what a killed conversion left (a stopped
        # decryption's plain temporary file) removed, status being the command run most.
        from belonging_cli.journal.crypt.opening import key_for

        key, version = key_for(path), None
    if version == 0 or (version is None and key is None):
        return StatusInputs()
    try:
        return _read(path, weekly_flow, key)
    except _NeedsRecovery:
        from belonging_cli.journal.store import open_journal

        with open_journal(path):  # SQLite rolls the hot journal back on this open
            pass
        return _read(path, weekly_flow, key)


def _records(
    conn: sqlite3.Connection, query: str, record: Any, parameters: dict[str, str] | None = None
) -> tuple[Any, ...]:
    """The rows of `query` as `record`s, each column going to the field of its name."""
    cursor = conn.execute(query, parameters or {})
    names = tuple(column[0] for column in cursor.description)
    if names != record._fields:  # a query edited apart from its record
        raise TypeError(f"{record.__name__} has fields {record._fields}, the query gives {names}")
    reads = [_READ.get(name) for name in names]
    return tuple(
        record(
            *(
                value if read is None else read(value)
                for read, value in zip(reads, row, strict=True)
            )
        )
        for row in cursor
    )


def _read(path: Path, weekly_flow: str, key: bytes | None = None) -> StatusInputs:
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        if key is None:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        else:
            from belonging_cli.journal.crypt.cipher import open_keyed

            conn = open_keyed(uri, path, key, BUSY_TIMEOUT_SECONDS)
    except database_errors() as exc:
        raise JournalError(f"cannot read the journal {path}: {exc}") from None
    try:
        with sqlite_errors(path, "read"):
            try:
                conn.execute("BEGIN")  # one consistent state across the queries
                weeks = frozenset(row[0] for row in conn.execute(_WEEKS))
                drafts = _records(conn, _DRAFTS, DraftInfo)
                experiments = _records(conn, _EXPERIMENTS, ExperimentInfo)
                assignments = _records(conn, _ASSIGNMENTS, AssignmentInfo)
                flows = {"weekly": weekly_flow, "monthly": MONTHLY, "deep": DEEP_DIVE}
                flow_sessions = _records(conn, _FLOW_SESSIONS, FlowSession, flows)
                conn.execute("COMMIT")
            except database_errors() as exc:
                if kind_of(exc) == "read-only":
                    raise _NeedsRecovery from None
                raise
    except ValueError as exc:  # a date SQLite holds but Python cannot read
        raise JournalError(f"the journal {path} holds a bad date: {exc}") from None
    finally:
        conn.close()
    return StatusInputs(weeks, drafts, experiments, assignments, flow_sessions)


def _date(text: str | None) -> dt.date | None:
    return None if not text else dt.date.fromisoformat(text[:10])


# The columns that are not read as they are.
_READ: dict[str, Callable[[Any], Any]] = {
    "started_at": dt.datetime.fromisoformat,
    "due": _date,
    "started_day": _date,
}
