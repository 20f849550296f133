"""Rows straight from an import's checked dicts (import_check.py), with no records between.

The same columns in the same order as rows.py writes a record's (its `Table`s), the
same values: a checked time is already the text the journal stores (import_check
accepts only times written as Python writes them back), a yes/no is stored as 0/1 by
sqlite3 itself, and an answer's value is stored as rows.py encodes it. The columns
derived from a record (a session's UTC start, its day) come from rows.py's own rules,
given the record's times parsed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from operator import itemgetter
from typing import Any

from belonging_cli.journal.import_check import (
    EXPERIMENT_KEYS,
    Columns,
    QuickCheck,
    Record,
    SessionTables,
    columns,
    session_tables,
)
from belonging_cli.journal.rows import (
    ANSWERS,
    EXPERIMENTS,
    INSERT_TAG,
    RATINGS,
    SESSIONS,
    Table,
    json_text,
    tag_rows,
)


class _Parsed:
    """A checked dict seen as its record by rows.py's derived columns (which read only
    its times): its text parsed."""

    __slots__ = ("_record",)

    def __init__(self, record: Record) -> None:
        self._record = record

    def __getattr__(self, name: str) -> Any:
        value = self._record[name]
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def _rows(table: Table[Any], found: Columns, records: list[Record]) -> Iterator[tuple[Any, ...]]:
    """`table`'s rows (rows.Table.row's columns, then a child's position) from the
    columns of checked `records`: each field as json read it, but an answer's value
    (kept as JSON text). A time's encoder (rows.iso) would give back the checked text,
    a yes/no's sqlite3 does. Zipped from the columns: C loops, no tuple built in Python."""
    values = [
        tuple(map(json_text, found[name])) if encode is json_text else found[name]
        for name, encode in zip(table.fields, table.encoders, strict=True)
    ]
    seen = list(map(_Parsed, records)) if table.derived else []
    derived = [tuple(map(make, seen)) for _, make in table.derived]
    if table.parent:
        # In the order of the table's key (session id, position; the sort keeps each
        # session's positions in order): SQLite then appends to its b-tree instead of
        # inserting all over it, a quarter less time for answers and ratings.
        rows = zip(found["session_id"], *values, found["position"], strict=True)
        return iter(sorted(rows, key=itemgetter(0)))
    return zip(*values, *derived, strict=True)


def write(conn: sqlite3.Connection, checked: QuickCheck) -> tuple[int, int]:
    """The checked sessions (with their children) and experiments not in the journal
    yet, one statement a table for all of them; how many of each were added."""
    sessions = new(conn, "sessions", checked.sessions)
    tables: SessionTables | None = checked.session_tables
    if len(sessions) < len(checked.sessions):  # some were there: the columns of the others
        tables = session_tables(sessions)
    if tables is None:  # a part of checked sessions is checked too
        raise AssertionError("checked sessions no longer make columns")
    conn.executemany(SESSIONS.insert(), _rows(SESSIONS, tables.sessions, sessions))
    tags = zip(tables.sessions["id"], tables.sessions["tags"], strict=True)
    conn.executemany(INSERT_TAG, (row for id, given in tags for row in tag_rows(id, given)))
    conn.executemany(ANSWERS.insert(), _rows(ANSWERS, tables.answers, []))
    conn.executemany(RATINGS.insert(), _rows(RATINGS, tables.ratings, []))
    experiments = new(conn, "experiments", checked.experiments)
    found: Columns | None = checked.experiment_columns
    if len(experiments) < len(checked.experiments):
        found = columns(experiments, EXPERIMENT_KEYS)
    if found is None:
        raise AssertionError("checked experiments no longer make columns")
    conn.executemany(EXPERIMENTS.insert(), _rows(EXPERIMENTS, found, experiments))
    return len(sessions), len(experiments)


def new(conn: sqlite3.Connection, table: str, records: list[Record]) -> list[Record]:
    """The records whose id `table` does not hold yet: one query, however many."""
    if not records:
        return []
    known = {row[0] for row in conn.execute(f"SELECT id FROM {table}")}
    return [r for r in records if r["id"] not in known]
