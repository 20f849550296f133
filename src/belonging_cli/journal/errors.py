"""One translator of SQLite's errors into messages a user can act on.

Every place that talks to the journal file says what it is doing (opening it,
upgrading it, using it, reading it for status, restoring into it) and lets
`sqlite_errors` turn whatever SQLite or the disk raised into one `JournalError`,
in the style of httpx's `map_exceptions`. What went wrong is classified once,
by SQLite's own error name (`sqlite_errorname`, Python 3.11+), and by its words
only when there is no name (Python 3.10, or an error raised by hand):

    busy        SQLITE_BUSY, SQLITE_LOCKED: another belonging holds the lock
    read-only   SQLITE_READONLY*: the file, its folder or the mount refuses writes
    full        SQLITE_FULL: the disk is full
    io          SQLITE_IOERR*: the disk failed a read or a write
    damaged     SQLITE_CORRUPT*, SQLITE_NOTADB: not (or no longer) a database
    refused     SQLITE_CONSTRAINT*: the schema refused the change
    other       anything else
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from belonging_cli.errors import JournalError

Kind = Literal["busy", "read-only", "full", "io", "damaged", "refused", "other"]
# What the caller was doing: the stages of opening, then the journal's transactions
# ("use"), the read-only queries of `status` ("read") and `journal restore`.
Doing = Literal["open", "back up", "upgrade", "create", "use", "read", "restore"]
OPENING: frozenset[Doing] = frozenset({"open", "back up", "upgrade", "create"})

UPGRADE_HINT = "upgrade belonging (python3 -m pip install -U belonging-cli) to open it"
AGAIN = "try again in a moment"

_BY_NAME: tuple[tuple[str, Kind], ...] = (
    ("SQLITE_BUSY", "busy"),
    ("SQLITE_LOCKED", "busy"),
    ("SQLITE_READONLY", "read-only"),
    ("SQLITE_FULL", "full"),
    ("SQLITE_IOERR", "io"),
    ("SQLITE_CORRUPT", "damaged"),
    ("SQLITE_NOTADB", "damaged"),
    ("SQLITE_CONSTRAINT", "refused"),
)
_BY_WORDS: tuple[tuple[str, Kind], ...] = (
    ("locked", "busy"),
    ("busy", "busy"),
    ("readonly", "read-only"),
    ("full", "full"),
    ("I/O error", "io"),
    ("malformed", "damaged"),
    ("not a database", "damaged"),
)


def database_errors(*also: type[Exception]) -> tuple[type[Exception], ...]:
    """SQLite's error classes (and `also`): the standard module's, and SQLCipher's (its
    own classes, sharing the names and codes) once an encrypted journal has loaded it."""
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error, *also) if cipher is None else (sqlite3.Error, cipher.Error, *also)


def kind_of(exc: Exception) -> Kind:
    """What went wrong, by SQLite's error name (extended names share the prefix)."""
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        for prefix, kind in _BY_NAME:
            if name == prefix or name.startswith(prefix + "_"):
                return kind
        return "other"
    if type(exc).__name__ == "IntegrityError":  # the standard module's or SQLCipher's
        return "refused"
    text = str(exc)
    return next((kind for words, kind in _BY_WORDS if words in text), "other")


class EncryptedJournal(JournalError):
    """An encrypted journal met where its key is not at hand (`file.inspect_file`)."""

    def __init__(self, path: Path, why: str = "") -> None:
        super().__init__(
            f"{path} is an encrypted belonging journal; the key is not available"
            + (f": {why}" if why else ""),
            hint="set BELONGING_KEY_FILE (or key_file in config.toml) to its key file, "
            "or run the command at a terminal to type its passphrase or recovery key",
        )
        self.path = path


def not_a_journal(path: Path, why: str) -> JournalError:
    return JournalError(
        f"{path} is not a belonging journal ({why}); it was left untouched",
        hint="move it aside or pass another path with --home",
    )


def translate(
    exc: BaseException, path: Path, doing: Doing, *, source: Path | None = None
) -> BaseException:
    """The error to show for `exc`, raised while `doing` something with the journal at
    `path`; `exc` itself when it is not SQLite's or the disk's (or already ours)."""
    if isinstance(exc, OSError) and not isinstance(exc, JournalError):
        if doing in OPENING:
            return JournalError(f"cannot {doing} the journal {path}: {exc.strerror or exc}")
        return exc
    if not isinstance(exc, database_errors()):
        return exc
    kind, text = kind_of(exc), str(exc)
    if kind == "busy":
        return _busy(path, doing)
    if doing == "read":  # status only reads: anything else means the file is not right
        return not_a_journal(path, f"SQLite says: {text}")
    if kind == "read-only":
        return JournalError(
            f"the journal {path} is read-only, so nothing more could be saved",
            hint="make it and its folder writable for you, or pass another path with --home",
        )
    if kind == "full":
        return JournalError(
            f"the disk holding the journal {path} is full, so nothing more could be saved",
            hint="free some space, then run the command again",
        )
    if kind == "io":
        return JournalError(
            f"the journal {path} could not be written ({text}), so nothing more was saved",
            hint="check that its disk has space and is writable, then run the command again",
        )
    if kind == "refused" and doing == "use":
        return JournalError(f"the journal refused the change: {text}")
    if doing == "open":
        return not_a_journal(path, f"SQLite says: {text}")
    if doing == "use":
        return JournalError(f"the journal {path} could not be used: {text}")
    if doing == "restore":
        return JournalError(f"could not restore {source or path}: {text}")
    return JournalError(
        f"could not {doing} the journal {path}: {text}; the journal was left as it was",
        hint="please report this, with the output of `belonging --version`",
    )


def _busy(path: Path, doing: Doing) -> JournalError:
    if doing in OPENING:
        return JournalError(
            f"the journal {path} is busy (another belonging is writing to it)", hint=AGAIN
        )
    if doing == "read":
        return JournalError(
            f"the journal {path} is busy: another belonging is writing to it", hint=AGAIN
        )
    # file.py imports this module, so its timeout is looked up when needed (as it is now).
    from belonging_cli.journal.file import BUSY_TIMEOUT_SECONDS

    return JournalError(
        f"the journal {path} is busy: another belonging has been writing to it "
        f"for over {BUSY_TIMEOUT_SECONDS:.0f} s",
        hint=AGAIN,
    )


@contextlib.contextmanager
def sqlite_errors(path: Path, doing: Doing, *, source: Path | None = None) -> Iterator[None]:
    """Inside, SQLite's errors (and, while opening, the disk's) become one JournalError."""
    try:
        yield
    except database_errors(OSError) as exc:
        mapped = translate(exc, path, doing, source=source)
        if mapped is exc:
            raise
        raise mapped from None
