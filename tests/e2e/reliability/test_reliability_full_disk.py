"""A full disk or a read-only journal while saving: one clear line, exit 1, nothing changed.

Two ways to make writing fail:
- for real, in a child process whose files may not grow past a few bytes (RLIMIT_FSIZE: the
  kernel refuses the write, as on a full disk), for every command that writes;
- in-process, with SQLite itself answering "database or disk is full" or "attempt to write a
  readonly database" at the first write of a transaction;
- a read-only journal for real, as an ordinary user (nobody): root writes through any mode.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.encrypted import TEST_KEY
from support.mounts import fill, small_filesystem
from support.users import belonging, give_to_nobody, needs_other_user, run_as_nobody, shared_folder

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")


def _hash_folder(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def world(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, either_journal: str
) -> dict[str, Path]:
    """A journal with a reflection in it, and the files the writing commands read; each
    test that uses it runs on a plain journal, then on an encrypted one (a journal
    created new, on a full disk, is plain: those tests run once)."""
    files = tmp_path / "files"
    files.mkdir()
    template = files / "week.yaml"
    template.write_text(cli("reflect", "--answers-template").out, encoding="utf-8")
    assert cli("reflect", "--answers", str(template)).code == 0
    export = files / "export.json"
    assert cli("journal", "export", "--out", str(export)).code == 0
    with open_journal() as journal:
        journal.delete_session(journal.sessions()[0].id)  # so that importing adds it back
    assert cli("reflect", "--answers", str(template), "--date", "2026-01-05").code == 0
    pack = files / "pack.yaml"
    assert cli("coach", "pack", "new", "--out", str(pack)).code == 0
    assert cli("exercises", "import", str(pack)).code == 0
    second = files / "second-pack.yaml"  # not imported yet
    second.write_text(
        pack.read_text("utf-8").replace("id: first-month", "id: second-month"), "utf-8"
    )
    copy = files / "copy.db"
    assert cli("journal", "backup", "--out", str(copy)).code == 0
    bundle = files / "bundle.json"
    assert cli("report", "--share", "--period", "all", "--out", str(bundle)).code == 0
    assert cli("config", "set", "name", "Sam").code == 0
    config = isolated_home / "config.toml"  # notes of the user's own, which a set keeps
    config.write_text("# " + "my notes " * 200 + "\n" + config.read_text("utf-8"), "utf-8")
    exercise = files / "exercise.json"
    answers = {"what-happened": "Asked first", "who": "Ana", "how-hard": "easy", "again": True}
    exercise.write_text(json.dumps({"answers": answers}), encoding="utf-8")
    return {
        "week": template,
        "export": export,
        "pack": second,
        "bundle": bundle,
        "copy": copy,
        "exercise": exercise,
    }


# Each: the arguments (given the world and an output folder) and the file it would write.
WRITERS: dict[str, Callable[[dict[str, Path], Path], list[str]]] = {
    "reflect --answers": lambda w, out: ["reflect", "--answers", str(w["week"])],
    "journal import": lambda w, out: ["journal", "import", str(w["export"])],
    "exercises import": lambda w, out: ["exercises", "import", str(w["pack"])],
    "journal restore": lambda w, out: ["journal", "restore", str(w["copy"]), "--yes"],
    "exercises do": lambda w, out: [
        "exercises",
        "do",
        "first-month/ask-dont-tell",
        "--answers",
        str(w["exercise"]),
    ],
    "exercises drop": lambda w, out: ["exercises", "drop", "first-month/weekly-rhythm"],
    "config unset": lambda w, out: ["config", "unset", "name"],
    "coach pack new --out": lambda w, out: ["coach", "pack", "new", "--out", str(out / "p.yaml")],
    "journal delete": lambda w, out: ["journal", "delete", _first_session_id(), "--yes"],
    "config set": lambda w, out: ["config", "set", "name", "Sam Rivera"],
    "journal backup": lambda w, out: ["journal", "backup", "--out", str(out / "copy.db")],
    "journal export": lambda w, out: ["journal", "export", "--out", str(out / "all.json")],
    "report --out": lambda w, out: ["report", "--period", "all", "--out", str(out / "r.html")],
    "demo": lambda w, out: ["demo", str(out / "demo"), "--weeks", "4"],
    "coach summary --out": lambda w, out: [
        "coach",
        "summary",
        str(w["bundle"]),
        "--out",
        str(out / "rollup.html"),
    ],
}


def _first_session_id() -> str:
    with open_journal() as journal:
        return journal.sessions()[0].id


def _limit_file_size(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _assert_one_clear_line(code: int, err: str) -> None:
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("belonging: error: "), err
    assert "Traceback" not in err and "unexpected error" not in err, err


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_disk_that_refuses_to_grow_gives_one_line_and_changes_nothing(
    world: dict[str, Path], tmp_path: Path, isolated_home: Path, command: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = WRITERS[command](world, out)
    before = _hash_folder(isolated_home)
    env = {**os.environ, "BELONGING_HOME": str(isolated_home)}
    done = subprocess.run(
        [sys.executable, "-m", "belonging_cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limit_file_size(1024),
    )
    _assert_one_clear_line(done.returncode, done.stderr)
    assert _hash_folder(isolated_home) == before
    # Nothing half-written is left where the output was going.
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == []


@pytest.mark.parametrize("home_exists", [False, True], ids=["new-home", "empty-home"])
def test_creating_a_journal_on_a_full_disk_says_so_and_leaves_no_empty_journal(
    tmp_path: Path, home_exists: bool
) -> None:
    home = tmp_path / "home"
    if home_exists:
        home.mkdir(mode=0o700)

    def journal_list(*limit: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "belonging_cli", "journal", "list"],
            env={**os.environ, "BELONGING_HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_limit_file_size(*limit) if limit else None,
        )

    done = journal_list(1024)
    _assert_one_clear_line(done.returncode, done.stderr)
    assert "disk" in done.stderr  # the kernel says "too large" here: SQLite, "I/O error"
    assert not home.exists() or sorted(p.name for p in home.iterdir()) == []
    again = journal_list()  # with room again, the next run simply creates it
    assert again.returncode == 0, again.stderr


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system with no space left (a small tmpfs, filled up)."""
    with small_filesystem(tmp_path / "disk") as disk:
        fill(disk)
        yield disk


def test_creating_a_journal_on_a_really_full_disk_says_the_disk_is_full(
    cli: CliRunner, full_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = full_disk / "home"
    monkeypatch.setenv("BELONGING_HOME", str(home))
    result = cli("journal", "list")
    _assert_one_clear_line(result.code, result.err)
    assert "is full" in result.err, result.err
    assert sorted(p.name for p in home.iterdir()) == []  # no 0-byte journal.db in the way
    (full_disk / "filler").unlink()
    assert cli("journal", "list").code == 0


# In-process: SQLite itself says the disk is full, or the file is read-only. --------------


class _FullDisk:
    """A connection on a full disk: a transaction's first write, or its COMMIT, fails."""

    def __init__(self, conn: sqlite3.Connection, at: str) -> None:
        self._conn = conn
        self._at = at
        self._wrote = False

    def execute(self, sql: str, *args: Any) -> Any:
        verb = sql.lstrip().split(None, 1)[0].upper()
        if verb in ("INSERT", "UPDATE", "DELETE", "REPLACE"):
            if self._at == "write":
                raise sqlite3.OperationalError("database or disk is full")
            self._wrote = True
        elif verb == "COMMIT" and self._wrote:
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        if self._at == "write":
            raise sqlite3.OperationalError("database or disk is full")
        self._wrote = True
        return self._conn.executemany(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _read_only(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """What SQLite gives for a write-protected file: a connection that can only read."""
    from belonging_cli.journal import file

    uri = path.resolve().as_uri() + "?mode=ro"
    if key is not None:
        from belonging_cli.journal.crypt.cipher import open_keyed

        conn = open_keyed(uri, path, TEST_KEY)
    else:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(file.BUSY_TIMEOUT_SECONDS * 1000)}")
    return conn


IN_PROCESS = (
    "reflect --answers",
    "journal import",
    "exercises import",
    "exercises do",
    "journal delete",
)
# `file.connect(path, key)`: the key only for an encrypted journal.
FAILURES: dict[str, tuple[Callable[[Callable[..., sqlite3.Connection]], Any], str]] = {
    "full-at-write": (lambda real: lambda p, *k: _FullDisk(real(p, *k), "write"), "full"),
    "full-at-commit": (lambda real: lambda p, *k: _FullDisk(real(p, *k), "commit"), "full"),
    "read-only": (lambda real: _read_only, "read-only"),
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
@pytest.mark.parametrize("command", IN_PROCESS)
def test_sqlite_refusing_the_write_gives_a_clear_line_and_the_journal_as_it_was(
    world: dict[str, Path],
    cli: CliRunner,
    tmp_path: Path,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    failure: str,
) -> None:
    from belonging_cli.journal import file

    make, said = FAILURES[failure]
    args = WRITERS[command](world, tmp_path)
    journal = isolated_home / "journal.db"
    before = journal.read_bytes()
    listing = sorted(p.name for p in isolated_home.iterdir())
    with monkeypatch.context() as patched:
        patched.setattr(file, "connect", make(file.connect))
        result = cli(*args)
    _assert_one_clear_line(result.code, result.err)
    assert said in result.err
    assert journal.read_bytes() == before
    assert sorted(p.name for p in isolated_home.iterdir()) == listing  # no backup, no -journal
    with open_journal() as opened:
        assert len(opened.sessions()) == 1


@needs_other_user
def test_a_read_only_journal_and_folder_are_refused_clearly(
    world: dict[str, Path], isolated_home: Path
) -> None:
    """For real: an ordinary user (root writes through any mode) whose journal is 0400
    in a 0500 folder, both theirs."""
    with shared_folder(0o755) as shared:
        home = shared / "home"
        shutil.copytree(isolated_home, home)
        week = shutil.copy(world["week"], shared / "week.yaml")
        env = {"BELONGING_HOME": str(home)}
        if os.environ.get("BELONGING_KEY_FILE"):  # an encrypted journal: nobody's key too
            env["BELONGING_KEY_FILE"] = shutil.copy(os.environ["BELONGING_KEY_FILE"], str(shared))
        for path in [home, *home.rglob("*"), Path(week), *map(Path, env.values())]:
            give_to_nobody(path)
        journal = home / "journal.db"
        before = journal.read_bytes()
        journal.chmod(0o400)
        home.chmod(0o500)
        done = run_as_nobody(belonging("reflect", "--answers", str(week)), env=env)
        _assert_one_clear_line(done.returncode, done.stderr)
        assert "read-only" in done.stderr
        assert journal.read_bytes() == before


def test_the_export_it_starts_from_is_a_real_journal(world: dict[str, Path]) -> None:
    data = json.loads(world["export"].read_text(encoding="utf-8"))
    assert len(data["sessions"]) == 1
