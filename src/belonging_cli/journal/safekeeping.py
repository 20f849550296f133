"""The journal's files on disk: created private, kept private, copied whole, restored.

Safety copies (`journal.db.<label>-<time>.bak`, made before a migration or a
restore, and by `journal backup`) are written under a temporary name and renamed
once complete: a kill -9 mid-copy leaves at most a hidden `.NAME.*.tmp`, never
half a copy under a name that says it is a backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import NoReturn

from belonging_cli.errors import JournalError
from belonging_cli.journal.errors import EncryptedJournal, database_errors


def create_private_file(path: Path, default_location: bool) -> bool:
    """Create an empty journal file readable by the user only; False if another
    process created it first. A folder made for it is private (0700); one that
    existed keeps its mode."""
    folder = path.parent
    try:
        if default_location:
            from belonging_cli.paths import ensure_private_dir

            ensure_private_dir(folder)
        elif not folder.exists():
            folder.mkdir(parents=True, mode=0o700)
            folder.chmod(0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        if path.exists():
            return False  # another process created it first: fine, we will both migrate safely
        raise JournalError(f"cannot create the journal {path}: {folder} is not a folder") from None
    except OSError as exc:
        raise JournalError(
            f"cannot create the journal {path}: {exc.strerror or exc}",
            hint="check --home / BELONGING_HOME",
        ) from None
    os.close(fd)
    path.chmod(0o600)  # the umask may have removed bits we asked for; never added any
    return True


def remove_if_blank(path: Path) -> None:
    """Remove a journal file this process created, if nothing could be written to it:
    a 0-byte journal.db left by a full disk is only in the way."""
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()
            path.with_name(path.name + "-journal").unlink(missing_ok=True)


def keep_private(path: Path) -> None:
    """Make the user's own journal 0600 again if its mode got looser.

    Only the owner may chmod, and not on a read-only mount: a journal one can read
    but not change is still read, as it is.
    """
    from belonging_cli.files import is_mine

    info = path.stat()
    if info.st_mode & 0o077 and is_mine(info):
        with contextlib.suppress(OSError):
            path.chmod(0o600)


def backup_path(path: Path, label: str) -> Path:
    """A free name beside the journal for a safety copy, stamped with the time."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{n}.bak")
    return candidate


def copy_database(source: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of `source` to `target`, a new private file, whole or not
    at all (SQLite's backup API, into a temporary file that is synced, then renamed)."""
    import tempfile  # not on the start-up path: only a copy needs it

    if target.exists():
        raise FileExistsError(17, "File exists", str(target))
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)  # mkstemp: O_EXCL, 0600
    temp = Path(name)
    try:
        # An encrypted journal's copy is made through its keyed connection, encrypted alike.
        open_copy = getattr(source, "open_copy", None)
        dest = sqlite3.connect(temp) if open_copy is None else open_copy(temp)
        try:
            source.backup(dest)
            # The copy is one file, whatever mode the source was in (WAL needs -wal/-shm).
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        fsync(temp)
        temp.replace(target)
        fsync(target.parent)  # the rename itself survives a power cut
    except BaseException:
        temp.unlink(missing_ok=True)
        temp.with_name(temp.name + "-journal").unlink(missing_ok=True)
        raise
    return target


def fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder; the data itself was synced
        if not path.is_dir():
            raise
    finally:
        os.close(fd)


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent private copy of the open journal at `target` (which must not exist)."""
    from belonging_cli.files import refuse_own_file

    refuse_own_file(target, new_backup=True)  # a copy named journal.db-wal would be read
    if target.exists():
        raise JournalError(f"{target} already exists; choose another file")
    try:
        return copy_database(conn, target)
    except OSError as exc:
        raise JournalError(f"cannot write {target}: {exc.strerror}") from None
    except database_errors() as exc:
        raise JournalError(f"cannot write {target}: {exc}") from None


def restore_into(conn: sqlite3.Connection, path: Path, source: Path) -> Path:
    """Replace the contents of the open journal at `path` with the journal at `source`.

    `source` is checked first (and never written); a copy of what is replaced is
    kept beside the journal and its path returned. The restore is one transaction:
    all of it, or the journal as it was.
    """
    from belonging_cli.journal.errors import not_a_journal, sqlite_errors
    from belonging_cli.journal.file import check_readable, migrate

    if source.resolve() == path.resolve():
        raise JournalError(f"{source} is the journal itself; restore from a backup copy")
    src = _open_source(conn, source)
    try:
        with sqlite_errors(source, "read"):  # the source is only read, as status reads
            check_readable(src, source)
            if src.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise not_a_journal(source, "it is damaged")
        kept = backup_path(path, "before-restore")
        try:
            copy_database(conn, kept)
        except database_errors(OSError) as exc:
            raise JournalError(
                f"cannot keep a copy of the journal before restoring: {exc}; nothing changed"
            ) from None
        with sqlite_errors(path, "restore", source=source):
            src.backup(conn)
            # A backup in WAL mode would bring its mode along: the journal stays one file.
            conn.execute("PRAGMA journal_mode = DELETE")
            migrate(conn, path)
    finally:
        src.close()
    return kept


def _open_source(conn: sqlite3.Connection, source: Path) -> sqlite3.Connection:
    """The backup to restore from, read-only: a plain one into a plain journal, an
    encrypted one into the journal it was copied from (the same key)."""
    from belonging_cli.journal.errors import not_a_journal
    from belonging_cli.journal.file import inspect_file

    open_sibling = getattr(conn, "open_sibling", None)
    try:
        empty = inspect_file(source) is None
    except EncryptedJournal:
        if open_sibling is None:
            refuse_mixed(source, backup_encrypted=True)
        try:
            return open_sibling(source)  # type: ignore[no-any-return]
        except JournalError as exc:
            raise JournalError(
                exc.message,
                hint="a backup made under an earlier key opens with that key: copy it into "
                "a folder of its own as journal.db and use `belonging --home FOLDER` with "
                "its key file or recovery key",
            ) from None
    if empty:
        raise not_a_journal(source, "it is empty")
    if open_sibling is not None:
        refuse_mixed(source, backup_encrypted=False)
    return sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)


def refuse_mixed(source: Path, *, backup_encrypted: bool) -> NoReturn:
    """A plain backup into an encrypted journal, or the reverse: one line, and the way."""
    if backup_encrypted:
        raise JournalError(
            f"{source} is an encrypted belonging journal and this journal is not "
            "encrypted; nothing was changed",
            hint="encrypt the journal with that backup's key first (journal encrypt "
            "--key-file FILE, the file holding its key or recovery key)",
        )
    raise JournalError(
        f"{source} is not encrypted and this journal is; nothing was changed",
        hint="decrypt the journal first (journal decrypt), then restore, then encrypt it",
    )
