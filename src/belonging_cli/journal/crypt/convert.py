"""Encrypt or decrypt the journal in place, so that a kill at any point leaves either
the old file or the new one.

The new file is written beside the journal under a hidden temporary name
(SQLCipher's `sqlcipher_export` through an attached database, the schema version
and our application id copied after it), synced, checked, then renamed over the
journal and the folder synced. A write lock on the journal is held throughout, so
no other belonging writes into the old file meanwhile; one that had the journal
open before is refused its next write (store.py: the file was replaced). Encrypting
writes only ciphertext to the temporary file; decrypting writes plain text there by
design (it becomes the journal): a decryption killed midway leaves that file, and
the next opening of the still-encrypted journal removes it (its name carries the pid
of the process that wrote it, so a conversion running right now is left alone).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from belonging_cli.errors import JournalError
from belonging_cli.journal import schema
from belonging_cli.journal.crypt import cipher, keys, sidecar
from belonging_cli.journal.crypt.opening import remove_stale, remove_temporary, temporary_prefix
from belonging_cli.journal.errors import database_errors
from belonging_cli.journal.safekeeping import fsync


@contextlib.contextmanager
def _write_locked(conn: sqlite3.Connection) -> Iterator[None]:
    """No other belonging writes the old file while it is converted (it waits, then
    finds the file replaced)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def _export(reader: sqlite3.Connection, temp: Path, target_key: str, version: int) -> None:
    """Everything the journal holds into the new file at `temp`, keyed by `target_key`
    (an empty key: plain)."""
    try:
        reader.execute("ATTACH DATABASE ? AS converted KEY ?", (str(temp), target_key))
        reader.execute("SELECT sqlcipher_export('converted')")
        # sqlcipher_export copies the schema and rows, not the header's numbers.
        reader.execute(f"PRAGMA converted.user_version = {int(version)}")
        reader.execute(f"PRAGMA converted.application_id = {schema.APPLICATION_ID}")
        reader.execute("DETACH DATABASE converted")
    finally:
        reader.close()


def _replace(path: Path, direction: str, write: Callable[[Path], None]) -> None:
    """Write the converted journal to a temporary file by `write(temp)`, then rename it."""
    fd, name = tempfile.mkstemp(
        dir=path.parent, prefix=temporary_prefix(path, direction), suffix=".tmp"
    )
    os.close(fd)  # mkstemp: O_EXCL, 0600
    temp = Path(name)
    try:
        write(temp)
        fsync(temp)
        temp.replace(path)
        fsync(path.parent)
    except BaseException:
        remove_temporary(temp)
        raise


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def encrypt(path: Path, key: bytes, info: sidecar.KeyInfo) -> None:
    """Encrypt the (plain, migrated) journal at `path` with `key`; `info` goes beside it."""
    from belonging_cli.journal.file import connect

    remove_stale(path)
    lock = connect(path)
    with _converting(path, "encrypt"), _write_locked(lock):
        version = _version(lock)

        def write(temp: Path) -> None:
            target = keys.pragma_value(key, schema.ENCRYPTED_MAGIC)
            _export(cipher.plain_connection(path), temp, target, version)
            _check(cipher.open_keyed(_read_only(temp), temp, key))
            # The sidecar is in place before the encrypted file is: the journal is never
            # encrypted without what unlocks it by passphrase.
            sidecar.write(path, info)

        try:
            _replace(path, "encrypting", write)
        except BaseException:
            with contextlib.suppress(OSError), path.open("rb") as f:
                if f.read(16) != schema.ENCRYPTED_MAGIC:
                    sidecar.remove(path)
            raise


def decrypt(path: Path, key: bytes) -> None:
    """Decrypt the encrypted journal at `path` (opened with `key`) back to plain SQLite."""
    from belonging_cli.journal.file import connect

    remove_stale(path)
    lock = connect(path, key)
    with _converting(path, "decrypt"), _write_locked(lock):
        version = _version(lock)

        def write(temp: Path) -> None:
            _export(cipher.open_keyed(_read_only(path), path, key), temp, "", version)
            _check(sqlite3.connect(_read_only(temp), uri=True))

        _replace(path, "decrypting", write)
    sidecar.remove(path)


def rewrap(path: Path, key: bytes, info: sidecar.KeyInfo) -> None:
    """Write `info` (what unlocks `key` by passphrase) beside the encrypted journal at
    `path`, under its write lock: the journal's own bytes are not touched, and no
    conversion removes or replaces the sidecar meanwhile."""
    from belonging_cli.journal.file import connect

    with _converting(path, "change the passphrase of"), _write_locked(connect(path, key)):
        sidecar.write(path, info)


def _read_only(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _check(conn: sqlite3.Connection) -> None:
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()
    if result != "ok":
        raise JournalError(f"the converted copy did not check out ({result}); nothing changed")


@contextlib.contextmanager
def _converting(path: Path, doing: str) -> Iterator[None]:
    """The disk's and SQLite's failures while converting, each in one line."""
    from belonging_cli.journal.errors import kind_of

    try:
        yield
    except OSError as exc:
        raise JournalError(
            f"cannot {doing} the journal {path}: {exc.strerror or exc}; it was left as it was"
        ) from None
    except database_errors() as exc:
        if kind_of(exc) == "busy":
            raise JournalError(
                f"the journal {path} is busy (another belonging is writing to it); "
                "it was left as it was",
                hint="try again in a moment",
            ) from None
        why = "the disk is full" if kind_of(exc) == "full" else str(exc)
        raise JournalError(
            f"cannot {doing} the journal {path}: {why}; it was left as it was"
        ) from None
