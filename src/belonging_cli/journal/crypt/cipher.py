"""A connection to an encrypted journal: SQLCipher (sqlcipher3) with the raw key.

sqlcipher3 is imported here only, so only an encrypted journal loads it. Its log
is switched off once, at import: SQLCipher writes "hmac check failed" lines to the
process's stderr for a wrong key, and what the user sees is the one line this
module raises. Its connection and error classes are its own; `journal/errors.py`
treats its errors as SQLite's (same names and codes).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import cast

from sqlcipher3 import dbapi2 as sqlcipher

from belonging_cli.errors import JournalError
from belonging_cli.journal.crypt.keys import pragma_value
from belonging_cli.journal.errors import kind_of
from belonging_cli.journal.schema import ENCRYPTED_MAGIC

_quiet = sqlcipher.connect(":memory:")
_quiet.execute("PRAGMA cipher_log_level = NONE")  # process-wide: the log is global
_quiet.close()


class KeyedConnection(sqlcipher.Connection):  # type: ignore[misc]
    """A connection that knows its key, so that a copy of it is keyed alike."""

    key: bytes = b""

    def open_copy(self, target: Path) -> sqlite3.Connection:
        """A new database at `target` under the same key: `safekeeping.copy_database`
        writes a safety copy of an encrypted journal through it, encrypted as it is."""
        return new_database(target, self.key)

    def open_sibling(self, path: Path) -> sqlite3.Connection:
        """Another encrypted journal (a backup being restored), read-only, under this key."""
        return open_keyed(path.resolve().as_uri() + "?mode=ro", path, self.key)


def open_keyed(uri: str, path: Path, key: bytes, timeout: float = 5.0) -> sqlite3.Connection:
    """The encrypted file at `uri` opened with `key`, which is checked at once: a wrong
    key fails here, before anything is read or written, in one line."""
    conn = sqlcipher.connect(
        uri,
        uri=True,
        timeout=timeout,
        isolation_level=None,
        check_same_thread=False,
        factory=KeyedConnection,
    )
    conn.key = key
    try:
        conn.execute(f'PRAGMA key = "{pragma_value(key)}"')
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        if kind_of(exc) != "damaged":
            raise
        raise JournalError(
            f"the key does not open the encrypted journal {path} (it is another "
            "journal's key, or the file is damaged); nothing was changed"
        ) from None
    return cast(sqlite3.Connection, conn)


def new_database(target: Path, key: bytes) -> sqlite3.Connection:
    """A connection to a new (empty) encrypted database at `target`."""
    conn = sqlcipher.connect(str(target), factory=KeyedConnection)
    conn.key = key
    conn.execute(f'PRAGMA key = "{pragma_value(key, ENCRYPTED_MAGIC)}"')
    return cast(sqlite3.Connection, conn)


def plain_connection(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """SQLCipher's connection to a plain file (to export it into an encrypted one)."""
    conn = sqlcipher.connect(
        path.resolve().as_uri() + "?mode=ro", uri=True, timeout=timeout, isolation_level=None
    )
    return cast(sqlite3.Connection, conn)
