"""The journal file: recognised from its header, opened, checked and migrated.

One SQLite file in rollback-journal mode with `synchronous=FULL`: a commit is on
disk when it returns, and the file is a single file that backup and restore can
copy. Anything that is not one of our journals is refused and never changed; a
journal from a newer version of the tool is refused too. Creating the file and
copying it whole live in `safekeeping.py`; SQLite's errors become messages in
`errors.py`.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from belonging_cli.errors import JournalError
from belonging_cli.journal import schema
from belonging_cli.journal.errors import (
    UPGRADE_HINT,
    Doing,
    EncryptedJournal,
    not_a_journal,
    translate,
)
from belonging_cli.journal.safekeeping import (
    backup_path,
    copy_database,
    create_private_file,
    keep_private,
    remove_if_blank,
)

BUSY_TIMEOUT_SECONDS = 15.0


def inspect_file(path: Path) -> int | None:
    """The schema version of the journal at `path`; None for an empty file.

    Reads only the 100-byte SQLite header, so nothing is opened or changed:
    raises JournalError for anything that is not one of our journals, or is
    from a newer version of the tool.
    """
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except IsADirectoryError:
        raise JournalError(f"{path} is a folder, not a journal file") from None
    except OSError as exc:
        raise JournalError(f"cannot read {path}: {exc.strerror}") from None
    if not head:
        return None
    if head.startswith(schema.ENCRYPTED_MAGIC):  # the key opens it: `open_file`, status
        raise EncryptedJournal(path)
    if not head.startswith(schema.SQLITE_MAGIC) or len(head) < 100:
        raise not_a_journal(path, "it is not an SQLite database, or it is truncated")
    if int.from_bytes(head[68:72], "big") != schema.APPLICATION_ID:
        raise not_a_journal(path, "it is another program's SQLite database")
    version = int.from_bytes(head[60:64], "big")
    if version > schema.LATEST_VERSION:
        raise JournalError(
            f"{path} was written by a newer version of belonging (journal version "
            f"{version}; this version reads up to {schema.LATEST_VERSION}); nothing was changed",
            hint=UPGRADE_HINT,
        )
    return version


def _inspect_settled(path: Path) -> int | None:
    """`inspect_file`, waiting out another process that is writing the file right now.

    The header is read without SQLite's locks, so while another belonging creates
    the journal it can look half-written; its rollback journal (`-journal`) shows
    a write in progress. Only then is it worth asking again.
    """
    in_progress = path.with_name(path.name + "-journal")
    deadline = time.monotonic() + 2.0
    while True:
        try:
            return inspect_file(path)
        except JournalError:
            if not in_progress.exists() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def connect(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """A read-write connection to the journal; through SQLCipher with `key` when encrypted."""
    # mode=rw: SQLite must never create a file; we create it with the right mode.
    uri = path.resolve().as_uri() + "?mode=rw"
    if key is not None:
        from belonging_cli.journal.crypt.cipher import open_keyed

        conn = open_keyed(uri, path, key, BUSY_TIMEOUT_SECONDS)
    else:
        conn = sqlite3.connect(
            uri,
            uri=True,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=False,
        )
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def open_file(path: Path, default_location: bool) -> sqlite3.Connection:
    """A connection to the journal at `path`, created, backed up and migrated as needed.

    A file this process created and could not write to is removed again, and
    every failure is said in one line (what stage failed, and why)."""
    created = not path.exists() and create_private_file(path, default_location)
    key: bytes | None = None
    try:
        version = _inspect_settled(path)
    except EncryptedJournal:
        from belonging_cli.journal.crypt.opening import key_for

        key, version = key_for(path), None  # its version is read once it is open
    conn: sqlite3.Connection | None = None
    stage: Doing = "open"
    try:
        conn = connect(path, key)
        check_readable(conn, path)
        if key is not None:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version is not None:
            keep_private(path)
        if version is not None and 0 < version < schema.LATEST_VERSION:
            stage = "back up"
            copy_database(conn, backup_path(path, f"v{version}"))
        stage = "upgrade" if version else "create"
        migrate(conn, path)
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if created:
            remove_if_blank(path)
        raise translate(exc, path, stage) from None
    return conn


def check_readable(conn: sqlite3.Connection, path: Path) -> None:
    """Make SQLite read the header and schema: a damaged or truncated file fails here."""
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.execute("COMMIT")
    if app_id not in (0, schema.APPLICATION_ID):
        raise not_a_journal(path, "it is another program's SQLite database")
    if version > schema.LATEST_VERSION:
        raise JournalError(
            f"{path} was written by a newer version of belonging; nothing was changed",
            hint=UPGRADE_HINT,
        )


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def migrate(conn: sqlite3.Connection, path: Path, *, upto: int | None = None) -> None:
    """Bring the schema to version `upto` (default: the latest).

    A blank file gets every migration in one transaction, so no other process
    ever sees a half-created journal (and mistakes it for an old one). An
    existing journal takes each missing migration in its own transaction; the
    version is re-read inside each, as another process may have migrated it.
    """
    upto = schema.LATEST_VERSION if upto is None else upto
    if conn.execute("PRAGMA user_version").fetchone()[0] >= upto:
        return  # the usual case: no write lock needed just to open the journal
    # Migration 3 files old answers under the role their step id meant, in SQL.
    conn.create_function("legacy_role", 3, schema.legacy_role, deterministic=True)
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current >= upto:
                conn.execute("COMMIT")
                return
            if current == 0:
                _require_blank(conn, path)
            steps = range(1, upto + 1) if current == 0 else range(current + 1, current + 2)
            for step in steps:
                for statement in _statements(schema.MIGRATIONS[step - 1]):
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {steps[-1]}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite rolls back by itself on a full disk
                conn.execute("ROLLBACK")
            raise


def _require_blank(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id not in (0, schema.APPLICATION_ID) or tables:
        raise not_a_journal(path, "it already holds other tables")
