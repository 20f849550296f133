"""The same tests on an encrypted journal: a fixture that runs each test twice.

    pytestmark = pytest.mark.usefixtures("either_journal")

runs every test of a module once on a plain journal and once on one encrypted before
the test acts (an empty journal, created and encrypted with a key file named by
BELONGING_KEY_FILE, so every command and every child process finds the key as a
user's would). `journal_kind` alone sets up the key and creates nothing, for tests
that build their own journal (old formats) and encrypt it with `encrypt_in_place`.
`connect_db` opens a journal file for a test's own checks, keyed when encrypted.
Registered for every test by tests/conftest.py (`pytest_plugins`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from belonging_cli.journal.schema import ENCRYPTED_MAGIC

# A fixed key keeps the runs reproducible; what it protects is a test's tmp_path.
TEST_KEY = bytes(range(32))
KINDS = ("plain", "encrypted")


@pytest.fixture(params=KINDS)
def journal_kind(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    kind: str = request.param
    if kind == "encrypted":  # the key apart from tmp_path, whose listing tests compare
        key_file = tmp_path_factory.mktemp("key") / "journal.key"
        key_file.write_text(TEST_KEY.hex() + "\n", "ascii")
        key_file.chmod(0o600)
        monkeypatch.setenv("BELONGING_KEY_FILE", str(key_file))
    return kind


@pytest.fixture
def either_journal(journal_kind: str, isolated_home: Path) -> Iterator[str]:
    path = isolated_home / "journal.db"
    if journal_kind == "encrypted":
        fresh_journal(path, journal_kind)
    yield journal_kind
    if journal_kind == "encrypted" and path.is_file() and path.stat().st_size:
        assert is_encrypted(path), "the journal is no longer encrypted"


def encrypt_in_place(path: Path, key: bytes = TEST_KEY) -> None:
    """Encrypt the journal file at `path` as `journal encrypt` does, at its version."""
    from belonging_cli.journal.crypt import convert, keys, sidecar

    convert.encrypt(path, key, sidecar.KeyInfo(keys.key_id(key)))


def fresh_journal(path: Path, kind: str) -> None:
    """A new, empty journal at `path`: plain, or then encrypted."""
    from belonging_cli.journal.store import open_journal

    with open_journal(path):
        pass
    if kind == "encrypted":
        encrypt_in_place(path)


def side_files(path: Path) -> list[str]:
    """The names beside an encrypted journal that a plain one does not have."""
    from belonging_cli.journal.crypt.sidecar import path_of

    return [path_of(path).name] if path_of(path).exists() else []


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(len(ENCRYPTED_MAGIC)) == ENCRYPTED_MAGIC


def connect_db(path: Path, key: bytes = TEST_KEY) -> sqlite3.Connection:
    """A connection for a test's own queries on a journal file, plain or encrypted."""
    if not path.exists() or not is_encrypted(path):
        return sqlite3.connect(path)
    from belonging_cli.journal.crypt.cipher import open_keyed

    return open_keyed(path.resolve().as_uri(), path, key)
