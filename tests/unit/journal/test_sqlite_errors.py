"""One translator of SQLite's errors: real failures of real files, each said in one line.

SQLite's own error names decide what went wrong (the words only when there is no
name, as for an error raised by hand); every place that uses the journal says it
the same way, and nothing SQLite raises reaches the user as a traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from belonging_cli.errors import JournalError
from belonging_cli.journal import file
from belonging_cli.journal.errors import kind_of, sqlite_errors, translate
from belonging_cli.journal.status_queries import read_status_inputs
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner

# Errors raised by hand carry no SQLite name: their words decide, as on Python 3.10.
BY_WORDS = {
    "database is locked": "busy",
    "attempt to write a readonly database": "read-only",
    "database or disk is full": "full",
    "disk I/O error": "io",
    "database disk image is malformed": "damaged",
    "file is not a database": "damaged",
    "no such table: answers": "other",
}


@pytest.mark.parametrize(("words", "kind"), sorted(BY_WORDS.items()))
def test_an_error_without_a_name_is_known_by_its_words(words: str, kind: str) -> None:
    assert kind_of(sqlite3.OperationalError(words)) == kind


def _journal(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    with open_journal(path):
        pass
    return path


def test_real_errors_are_known_by_their_sqlite_name(tmp_path: Path) -> None:
    path = _journal(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    waiter = sqlite3.connect(path, timeout=0, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError) as busy:
        waiter.execute("BEGIN IMMEDIATE")
    holder.execute("ROLLBACK")
    reader = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as read_only:
        reader.execute("DELETE FROM sessions")
    with pytest.raises(sqlite3.IntegrityError) as refused:
        holder.execute("INSERT INTO ratings (session_id, position, behaviour_id) VALUES (1, 1, 1)")
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all " * 200)
    with pytest.raises(sqlite3.DatabaseError) as damaged:
        sqlite3.connect(garbage).execute("SELECT * FROM sqlite_master")
    for conn in (holder, waiter, reader):
        conn.close()
    found = {
        kind_of(e.value): getattr(e.value, "sqlite_errorname", None)
        for e in (busy, read_only, refused, damaged)
    }
    assert set(found) == {"busy", "read-only", "refused", "damaged"}


def test_a_journal_damaged_while_open_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    """A file overwritten under an open journal (another program, a bad sync): the next
    read used to escape as sqlite3.DatabaseError, as a traceback."""
    path = _journal(tmp_path)
    with open_journal(path) as journal:
        with path.open("r+b") as f:  # the same file, its header gone
            f.write(b"\0" * 100)
        with pytest.raises(JournalError) as raised:
            journal.sessions()
    assert raised.value.message.startswith(f"the journal {path} could not be used: ")
    assert "\n" not in raised.value.message


def test_status_on_a_damaged_journal_says_it_is_not_a_journal(tmp_path: Path) -> None:
    path = _journal(tmp_path)
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # a good header over garbage pages
    path.write_bytes(bytes(data))
    with pytest.raises(JournalError) as raised:
        read_status_inputs(path)
    assert "is not a belonging journal (SQLite says: " in raised.value.message


# What the user sees, per place and per kind: the messages tests and users know.
MESSAGES = [
    ("busy", "open", "the journal {p} is busy (another belonging is writing to it)"),
    ("busy", "read", "the journal {p} is busy: another belonging is writing to it"),
    (
        "busy",
        "use",
        "the journal {p} is busy: another belonging has been writing to it for over 15 s",
    ),
    ("read-only", "use", "the journal {p} is read-only, so nothing more could be saved"),
    ("full", "upgrade", "the disk holding the journal {p} is full, so nothing more could be saved"),
    (
        "io",
        "create",
        "the journal {p} could not be written (disk I/O error), so nothing more was saved",
    ),
    ("refused", "use", "the journal refused the change: {w}"),
    ("other", "open", "{p} is not a belonging journal (SQLite says: {w}); it was left untouched"),
    ("other", "read", "{p} is not a belonging journal (SQLite says: {w}); it was left untouched"),
    ("other", "use", "the journal {p} could not be used: {w}"),
    ("other", "restore", "could not restore {s}: {w}"),
    ("other", "upgrade", "could not upgrade the journal {p}: {w}; the journal was left as it was"),
]
WORDS = {
    "busy": "database is locked",
    "read-only": "attempt to write a readonly database",
    "full": "database or disk is full",
    "io": "disk I/O error",
    "other": "no such table: answers",
}


@pytest.mark.parametrize(("kind", "doing", "expected"), MESSAGES)
def test_each_place_says_each_failure_as_before(kind: str, doing: str, expected: str) -> None:
    path, source = Path("/home/me/journal.db"), Path("/backups/old.db")
    words = WORDS.get(kind, "UNIQUE constraint failed: ratings.behaviour_id")
    error = sqlite3.IntegrityError(words) if kind == "refused" else sqlite3.OperationalError(words)
    said = translate(error, path, doing, source=source)  # type: ignore[arg-type]
    assert isinstance(said, JournalError)
    assert said.message == expected.format(p=path, s=source, w=words)


def test_the_disk_refusing_while_opening_names_the_stage(tmp_path: Path) -> None:
    error = PermissionError(13, "Permission denied")
    said = translate(error, tmp_path / "j.db", "back up")
    assert isinstance(said, JournalError)
    assert said.message == f"cannot back up the journal {tmp_path / 'j.db'}: Permission denied"
    assert translate(error, tmp_path / "j.db", "use") is error  # not ours to explain


def test_anything_else_passes_through_untouched(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), sqlite_errors(tmp_path, "use"):
        raise KeyboardInterrupt
    ours = JournalError("already said")
    with pytest.raises(JournalError) as raised, sqlite_errors(tmp_path, "open"):
        raise ours
    assert raised.value is ours


def test_a_busy_journal_is_one_line_for_the_user(
    cli: CliRunner, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = isolated_home / "journal.db"
    with open_journal(path):
        pass
    monkeypatch.setattr(file, "BUSY_TIMEOUT_SECONDS", 0.2)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another belonging writing, for longer than we wait
    try:
        result = cli("journal", "delete", "5f0c2a4e", "--yes")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "is busy" in result.err
