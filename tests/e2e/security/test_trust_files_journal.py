"""The journal's own files: safety copies, read-only journals, WAL backups, the home, cron.

- A safety copy (`*.bak`) is complete under its name or not there: a kill -9 while
  copying once left half a copy that looked like a backup.
- A journal the user may read but not change (another owner, a read-only mount) can
  still be listed, reported and exported; writing to it says so in one line.
- Restoring a backup that was in WAL mode keeps the journal in its one-file mode.
- `--home` on an existing folder keeps that folder's mode (a shared 1777 folder
  became 0700); it warns once if others can read it.
- `remind --cron` refuses a home whose path would break the crontab line.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import generate
from support import places
from support.cli import CliRunner
from support.encrypted import TEST_KEY, connect_db, encrypt_in_place
from support.mounts import remount_read_only, small_filesystem
from support.users import belonging, needs_other_user, run_as_nobody, shared_folder

HOSTILE = places.HOSTILE / "files"


# Every test twice: on plain journals, then on journals encrypted with the key file that
# `journal_kind` names in BELONGING_KEY_FILE.
pytestmark = pytest.mark.usefixtures("journal_kind")


def _encrypted() -> bool:
    return bool(os.environ.get("BELONGING_KEY_FILE"))


def _journal(path: Path, weeks: int = 12) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open_journal(path) as journal:
        journal.import_data(generate(load_rubric(), weeks=weeks, seed=5))
    if _encrypted():
        encrypt_in_place(path)
    return path


def _env(home: Path) -> dict[str, str]:
    """The environment for nobody: the home, and a key file nobody may read."""
    env = {"BELONGING_HOME": str(home)}
    if _encrypted():
        key = home.parent / f"{home.name}.key"
        key.write_text(TEST_KEY.hex() + "\n", "ascii")
        key.chmod(0o644)
        env["BELONGING_KEY_FILE"] = str(key)
    return env


# Safety copies: whole or absent. -------------------------------------------------------

# Copies the journal with copy_database, and is killed (SIGKILL: no clean-up can run)
# after SQLite's backup has written its first page.
_DIE_MID_COPY = """
import os, signal, sqlite3, sys
from pathlib import Path
from belonging_cli.journal import safekeeping

class Dying(sqlite3.Connection):
    def backup(self, target, **options):
        kill = lambda *_: os.kill(os.getpid(), signal.SIGKILL)
        super().backup(target, pages=1, progress=kill)

if sys.argv[3:]:  # an encrypted journal: its keyed connection, dying alike
    from belonging_cli.journal.crypt.cipher import KeyedConnection, sqlcipher
    from belonging_cli.journal.crypt.keys import pragma_value

    class Dying(KeyedConnection):
        def backup(self, target, **options):
            kill = lambda *_: os.kill(os.getpid(), signal.SIGKILL)
            super().backup(target, pages=1, progress=kill)

    conn = sqlcipher.connect(sys.argv[1], factory=Dying)
    conn.key = bytes.fromhex(sys.argv[3])
    conn.execute(f'PRAGMA key = "{pragma_value(conn.key)}"')
else:
    conn = sqlite3.connect(sys.argv[1], factory=Dying)
safekeeping.copy_database(conn, Path(sys.argv[2]))
"""


def test_a_safety_copy_killed_midway_leaves_nothing_under_its_name(tmp_path: Path) -> None:
    journal = _journal(tmp_path / "home" / "journal.db", weeks=40)
    copy = journal.with_name("journal.db.before-restore-20260105T080000Z.bak")
    done = subprocess.run(
        [sys.executable, "-c", _DIE_MID_COPY, str(journal), str(copy)]
        + ([TEST_KEY.hex()] if _encrypted() else []),
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert not copy.exists()
    assert not [p.name for p in journal.parent.iterdir() if p.name.endswith(".bak")]


def test_a_finished_safety_copy_is_whole_and_private(cli: CliRunner, isolated_home: Path) -> None:
    _journal(isolated_home / "journal.db")
    result = cli("journal", "backup")
    assert result.code == 0, result.err
    copy = Path(result.out.strip())
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with closing(connect_db(copy)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    side = ["journal.db.crypt"] if _encrypted() else []
    assert sorted(p.name for p in isolated_home.iterdir()) == ["journal.db", copy.name, *side]


# A journal the user can read but not change. -----------------------------------------


@pytest.fixture
def someone_elses_journal() -> Iterator[Path]:
    """A home in /tmp holding root's journal, 0644: nobody can read it, not chmod it."""
    with shared_folder(0o755) as home:
        journal = _journal(home / "journal.db")
        journal.chmod(0o644)
        yield home


@needs_other_user
@pytest.mark.parametrize(
    "args",
    [("journal", "list"), ("report", "--period", "all"), ("journal", "export")],
    ids=lambda a: " ".join(a),
)
def test_a_journal_one_may_read_but_not_chmod_is_still_read(
    someone_elses_journal: Path, args: tuple[str, ...]
) -> None:
    journal = someone_elses_journal / "journal.db"
    before = journal.read_bytes()
    done = run_as_nobody(belonging(*args), env=_env(someone_elses_journal))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert "Traceback" not in done.stderr
    assert journal.read_bytes() == before
    assert stat.S_IMODE(journal.stat().st_mode) == 0o644


@needs_other_user
def test_writing_to_a_journal_one_may_only_read_says_so(someone_elses_journal: Path) -> None:
    journal = someone_elses_journal / "journal.db"
    before = journal.read_bytes()
    done = run_as_nobody(
        belonging("journal", "delete", "--yes", _first_id(journal)), env=_env(someone_elses_journal)
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only" in lines[0], done.stderr
    assert journal.read_bytes() == before


def _first_id(journal: Path) -> str:
    # Read-only and without the tool: opening it as its owner would make it 0600 again.
    # closing(): `with` alone only commits, and an unclosed connection keeps the mount busy.
    if _encrypted():
        from belonging_cli.journal.crypt.cipher import open_keyed

        opened = open_keyed(journal.as_uri() + "?mode=ro", journal, TEST_KEY)
    else:
        opened = sqlite3.connect(journal.as_uri() + "?mode=ro", uri=True)
    with closing(opened) as conn:
        return str(conn.execute("SELECT id FROM sessions LIMIT 1").fetchone()[0])


# Restoring a backup in WAL mode. ---------------------------------------------------------


def test_restoring_a_wal_mode_backup_keeps_the_journal_in_one_file(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    live = _journal(isolated_home / "journal.db", weeks=3)
    backup = _journal(tmp_path / "other" / "journal.db", weeks=8)
    with closing(connect_db(backup)) as conn:
        assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    if not _encrypted():  # an encrypted file's header past its first 16 bytes is hidden
        assert backup.read_bytes()[18:20] == b"\x02\x02"  # the header says WAL
    result = cli("journal", "restore", str(backup), "--yes")
    assert result.code == 0, result.err
    if not _encrypted():
        assert live.read_bytes()[18:20] == b"\x01\x01"
    with closing(connect_db(live)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert cli("journal", "list").code == 0
    assert not [p.name for p in isolated_home.iterdir() if p.name.endswith(("-wal", "-shm"))]


# The home folder's mode. ----------------------------------------------------------------


@pytest.mark.parametrize("folder_mode", [0o1777, 0o2775, 0o755])
@pytest.mark.parametrize("how", ["--home", "BELONGING_HOME"])
def test_an_existing_home_keeps_its_mode_and_a_readable_one_is_warned_about_once(
    cli: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    folder_mode: int,
    how: str,
) -> None:
    home = tmp_path / "shared"
    home.mkdir()
    home.chmod(folder_mode)
    answers = tmp_path / "week.yaml"
    answers.write_text(cli("reflect", "--answers-template").out, encoding="utf-8")
    front: tuple[str, ...] = ("--home", str(home))
    if how == "BELONGING_HOME":
        monkeypatch.setenv("BELONGING_HOME", str(home))
        front = ()
    result = cli(*front, "reflect", "--answers", str(answers))
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if "readable by others" in line]
    assert len(warnings) == 1, result.err
    assert str(home) in warnings[0]
    assert cli(*front, "config", "set", "name", "Sam").code == 0
    assert stat.S_IMODE(home.stat().st_mode) == folder_mode
    assert stat.S_IMODE((home / "journal.db").stat().st_mode) == 0o600


def test_a_private_existing_home_gives_no_warning(cli: CliRunner, tmp_path: Path) -> None:
    home = tmp_path / "mine"
    home.mkdir(mode=0o700)
    result = cli("--home", str(home), "config", "set", "name", "Sam")
    assert result.code == 0 and result.err.count("readable by others") == 0, result.err


def test_a_home_the_tool_creates_is_private(cli: CliRunner, tmp_path: Path) -> None:
    home = tmp_path / "new" / "home"
    assert cli("--home", str(home), "config", "set", "name", "Sam").code == 0
    assert stat.S_IMODE(home.stat().st_mode) == stat.S_IMODE(home.parent.stat().st_mode) == 0o700


# cron. --------------------------------------------------------------------------------

CRON_HOMES = json.loads((HOSTILE / "cron_homes.json").read_text(encoding="utf-8"))["homes"]


@pytest.mark.parametrize("home", CRON_HOMES, ids=repr)
def test_remind_cron_refuses_a_home_that_would_break_the_crontab_line(
    cli: CliRunner, tmp_path: Path, home: str
) -> None:
    result = cli("--home", str(tmp_path / home), "remind", "--cron")
    assert result.code == 1, result.err
    assert result.out == ""  # nothing a user might paste into crontab
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "crontab" in lines[0], result.err


def test_remind_cron_still_takes_an_ordinary_home(cli: CliRunner, tmp_path: Path) -> None:
    home = tmp_path / "my home, with spaces"
    result = cli("--home", str(home), "remind", "--cron")
    assert result.code == 0, result.err
    assert len(result.out.strip().splitlines()) == 2


def test_a_journal_on_a_read_only_mount_is_still_read(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Room for twelve weeks of the weekly flow and their write-ahead log.
    with small_filesystem(tmp_path / "disk", size="512k") as disk:
        journal = _journal(disk / "home" / "journal.db")
        journal.chmod(0o644)  # loose: the tool would make it 0600, but cannot here
        remount_read_only(disk)
        monkeypatch.setenv("BELONGING_HOME", str(journal.parent))
        for args in (("journal", "list"), ("report", "--period", "all"), ("journal", "export")):
            result = cli(*args)
            assert result.code == 0, result.err
            assert result.out.strip()
        result = cli("journal", "delete", "--yes", _first_id(journal))
        assert result.code == 1
        assert len(result.err.strip().splitlines()) == 1 and "read-only" in result.err
