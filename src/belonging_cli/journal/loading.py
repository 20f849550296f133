"""Reading many records at once: sessions with their children, experiments, assignments.

Sessions are read in four queries whatever their number (sessions, answers,
ratings, tags: no query per session), with the cycle collector paused while
~10^5 records are built. `SessionFilter` is the one list of what `journal list`
and the journal's readers may ask for.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from typing import Any, NamedTuple, TypedDict

from belonging_cli._gc import collector_paused
from belonging_cli.errors import JournalError
from belonging_cli.journal.rows import ANSWERS, ASSIGNMENTS, EXPERIMENTS, RATINGS, SESSIONS
from belonging_cli.records import Answer, Assignment, Experiment, Rating, Session


class SessionFilter(TypedDict, total=False):
    """Which sessions, as `Journal.sessions(**filters)` and `summaries` take them.

    `since`/`until` are inclusive days as the user lived them; `behaviour` matches
    the focus behaviour or any answer about that behaviour; `status` is
    "complete" unless given (None: every status). A TypedDict, so the one list
    of filters is also the keywords the journal's methods accept.
    """

    since: dt.date | None
    until: dt.date | None
    behaviour: str | None
    tag: str | None
    status: str | None


def where(filters: SessionFilter) -> tuple[str, list[Any]]:
    """A WHERE clause over sessions `s` for `filters`, and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    status = filters.get("status", "complete")
    if status is not None:
        clauses.append("s.status = ?")
        params.append(status)
    since, until = filters.get("since"), filters.get("until")
    if since is not None:
        clauses.append("s.started_day >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("s.started_day <= ?")
        params.append(until.isoformat())
    behaviour = filters.get("behaviour")
    if behaviour is not None:
        clauses.append(
            "(s.focus_behaviour_id = ? OR EXISTS (SELECT 1 FROM answers a "
            "WHERE a.session_id = s.id AND a.behaviour_id = ?))"
        )
        params += [behaviour, behaviour]
    tag = filters.get("tag")
    if tag is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM session_tags t WHERE t.session_id = s.id AND t.tag = ?)"
        )
        params.append(tag)
    return (" AND ".join(clauses) if clauses else "1"), params


class SessionSummary(NamedTuple):
    """One line of `journal list`: a session without its answers (a NamedTuple: cheap to
    define, and `journal list` is on a latency budget)."""

    id: str
    started_at: dt.datetime
    week: str
    flow_id: str
    status: str
    focus_behaviour_id: str | None
    average_rating: float | None
    tags: tuple[str, ...]


# Each field of a summary, as SQL over sessions `s`, in the summary's order (a test
# holds the two to the same names), and how the few that are not plain are read.
_SUMMARY_SQL = {
    "id": "s.id",
    "started_at": "s.started_at",
    "week": "s.week",
    "flow_id": "s.flow_id",
    "status": "s.status",
    "focus_behaviour_id": "s.focus_behaviour_id",
    "average_rating": "(SELECT avg(level) FROM ratings r WHERE r.session_id = s.id)",
    "tags": "(SELECT json_group_array(tag) FROM (SELECT tag FROM session_tags t "
    "WHERE t.session_id = s.id ORDER BY position))",
}
_SUMMARY_READ: dict[str, Any] = {
    "started_at": dt.datetime.fromisoformat,
    "tags": lambda text: tuple(json.loads(text)),
}


def summaries(
    conn: sqlite3.Connection, filters: SessionFilter, limit: int | None
) -> list[SessionSummary]:
    clause, params = where(filters)
    if limit is not None:
        params.append(max(limit, 0))
    query = (
        f"SELECT {', '.join(_SUMMARY_SQL.values())} "
        f"FROM sessions s WHERE {clause} ORDER BY s.started_utc DESC, s.id DESC"
        + (" LIMIT ?" if limit is not None else "")
    )
    reads = [_SUMMARY_READ.get(name) for name in _SUMMARY_SQL]
    return [
        SessionSummary(
            *(
                value if read is None else read(value)
                for read, value in zip(reads, row, strict=True)
            )
        )
        for row in conn.execute(query, params)
    ]


def session_id(conn: sqlite3.Connection, id_or_prefix: str) -> str:
    """The session with this id, or the only one whose id starts with it; else a
    JournalError that names the candidates (newest first)."""
    given = id_or_prefix.strip()
    key = given.lower()
    if not key:
        raise JournalError("give a session id (or its first few characters)")
    ids = [r[0] for r in conn.execute("SELECT id FROM sessions WHERE id = ?", (key,))] or [
        r[0]
        for r in conn.execute(
            "SELECT id FROM sessions WHERE substr(id, 1, ?) = ? ORDER BY started_utc DESC, id DESC",
            (len(key), key),
        )
    ]
    if not ids:
        raise JournalError(
            f"no session with an id starting {given!r}", hint="see `belonging journal list`"
        )
    if len(ids) > 1:
        more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        raise JournalError(
            f"{given!r} matches {len(ids)} sessions: {', '.join(ids[:10])}{more}",
            hint="give more characters of the id",
        )
    return str(ids[0])


def experiments(
    conn: sqlite3.Connection, clause: str = "1", params: Sequence[Any] = ()
) -> list[Experiment]:
    """Experiments matching `clause`, oldest first."""
    query = f"SELECT {EXPERIMENTS.select} FROM experiments WHERE {clause} ORDER BY created_utc, id"
    return [EXPERIMENTS.from_row(row) for row in conn.execute(query, params)]


def assignments(
    conn: sqlite3.Connection, clause: str = "1", params: Sequence[Any] = ()
) -> list[Assignment]:
    query = f"SELECT {ASSIGNMENTS.select} FROM assignments WHERE {clause} ORDER BY imported_at, id"
    return [ASSIGNMENTS.from_row(row) for row in conn.execute(query, params)]


ROWS_A_BATCH = 2000  # answer rows read and parsed together


def sessions(
    conn: sqlite3.Connection,
    where: str,
    params: Sequence[Any],
    *,
    newest_first: bool = True,
    limit: int | None = None,
    answers: str | None = None,
) -> list[Session]:
    """Sessions matching `where` (over alias `s`) with their children; of their answers,
    only those matching `answers` (over alias `a`) when it is given."""
    with collector_paused():
        return _sessions(conn, where, params, newest_first, limit, answers)


def _sessions(
    conn: sqlite3.Connection,
    where: str,
    params: Sequence[Any],
    newest_first: bool,
    limit: int | None,
    answers_wanted: str | None = None,
) -> list[Session]:
    order = "DESC" if newest_first else "ASC"
    selection = f"FROM sessions s WHERE {where} ORDER BY s.started_utc {order}, s.id {order}"
    params = list(params)
    if limit is not None:
        selection += " LIMIT ?"
        params.append(max(limit, 0))
    rows = conn.execute(f"SELECT {SESSIONS.select} {selection}", params).fetchall()
    if not rows:
        return []
    # Children of exactly these sessions, in one query per table (no N+1).
    if where == "1" and limit is None:
        child_filter, child_params = "", []
    else:
        child_filter, child_params = f"WHERE session_id IN (SELECT s.id {selection})", params
    answer_filter = child_filter
    if answers_wanted is not None:
        joined = " AND " if child_filter else "WHERE "
        answer_filter = f"{child_filter}{joined}({answers_wanted})"
    answer_rows = conn.execute(
        f"SELECT {ANSWERS.select} FROM answers a {answer_filter} ORDER BY session_id, position",
        child_params,
    )
    # One JSON parse for a batch's values: a call per value costs more than the rest
    # together. Batches, not every row at once: years of rows held at once made the
    # peak of a report of every period (issue 19).
    value_at = ANSWERS.columns.index("value_json") + 1  # after the session id
    answers: dict[str, list[Answer]] = {}
    bucket: list[Answer] = []
    answer = ANSWERS.reader("value")
    while batch := answer_rows.fetchmany(ROWS_A_BATCH):
        values = json.loads("[" + ",".join(row[value_at] for row in batch) + "]")
        for row, value in zip(batch, values, strict=True):
            if row[0] not in answers:
                bucket = answers[row[0]] = []
            bucket.append(answer(row, value))
    ratings: dict[str, list[Rating]] = {}
    shelf: list[Rating] = []
    rating = RATINGS.reader()
    for row in conn.execute(
        f"SELECT {RATINGS.select} FROM ratings {child_filter} ORDER BY session_id, position",
        child_params,
    ):
        if row[0] not in ratings:
            shelf = ratings[row[0]] = []
        shelf.append(rating(row, None))
    tags: dict[str, list[str]] = {}
    for sid, tag in conn.execute(
        f"SELECT session_id, tag FROM session_tags {child_filter} ORDER BY session_id, position",
        child_params,
    ):
        tags.setdefault(sid, []).append(tag)
    empty: tuple[Any, ...] = ()
    at = SESSIONS.columns.index("id")
    return [
        SESSIONS.from_row(
            row,
            tags=tuple(tags.get(row[at], empty)),
            answers=tuple(answers.get(row[at], empty)),
            ratings=tuple(ratings.get(row[at], empty)),
        )
        for row in rows
    ]
