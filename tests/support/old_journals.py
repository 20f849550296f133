"""Journals as an older belonging left them, holding real data.

from support.old_journals import write_old_journal

write_old_journal(path, version=2, data=generate(...))

Today's store cannot write into an older schema (it writes columns added since), so
the data goes into a fresh journal first and is copied across, column by column, into
the columns the old version had: what an old version would have stored, no more.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from belonging_cli.journal.file import connect as _connect
from belonging_cli.journal.file import migrate
from belonging_cli.journal.store import open_journal
from belonging_cli.records import JournalData


def write_old_journal(path: Path, version: int, data: JournalData | None = None) -> None:
    """A journal at schema `version` (only its first migrations), holding `data`."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.touch(mode=0o600)
    conn = _connect(path)
    migrate(conn, path, upto=version)
    if data is not None:
        _copy_into(conn, path.with_name(path.name + ".staging"), data)
    conn.close()


def _copy_into(conn: sqlite3.Connection, staging: Path, data: JournalData) -> None:
    with open_journal(staging) as fresh:
        fresh.import_data(data)
    conn.execute("ATTACH DATABASE ? AS fresh", (str(staging),))
    conn.execute("BEGIN")
    # sqlite_master lists tables in creation order: parents before the rows that refer to them.
    tables = [
        name for (name,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")
    ]
    for table in tables:
        columns = ", ".join(row[1] for row in conn.execute(f"PRAGMA main.table_info({table})"))
        conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM fresh.{table}")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE fresh")
    for leftover in staging.parent.glob(staging.name + "*"):
        leftover.unlink()
