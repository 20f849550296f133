"""`--out` never replaces the tool's own files, and never writes through a planted link.

- The journal, its `-journal`/`-wal`/`-shm` files, its `.bak` safety copies and the
  config are refused as `--out` of every command, however they are spelled (a `..`,
  a symlink, a hard link): `report --out "$(belonging journal path)"` once replaced
  the journal with Markdown.
- A link another user planted (in a shared sticky folder, or anywhere) is never
  written through, nor is a dangling link: root writing `report --out
  shared/report.html` once replaced the file the link pointed to. These tests plant
  the links as a real second user (nobody), since the kernel's own protection
  (fs.protected_symlinks) may be off, as it is on this machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from support import places
from support.cli import CliRunner
from support.users import NOBODY, belonging, needs_other_user, run_as_nobody, shared_folder

HOSTILE = places.HOSTILE / "files" / "own_files.json"
CORPUS = json.loads(HOSTILE.read_text(encoding="utf-8"))

# Every command with an --out (or a backup target), given the file to write.
OUT_COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "report": lambda out, files: ["report", "--period", "all", "--out", str(out)],
    "report --format json": lambda out, files: ["report", "-f", "json", "-o", str(out)],
    "report --share": lambda out, files: ["report", "--share", "--format", "md", "--out", str(out)],
    "journal export": lambda out, files: ["journal", "export", "--out", str(out)],
    "journal export md": lambda out, files: ["journal", "export", "-f", "md", "-o", str(out)],
    "journal backup": lambda out, files: ["journal", "backup", "--out", str(out)],
    "coach pack new": lambda out, files: ["coach", "pack", "new", "--force", "--out", str(out)],
    "coach summary": lambda out, files: [
        "coach",
        "summary",
        str(files / "bundle.json"),
        "--out",
        str(out),
    ],
    "remind --ics": lambda out, files: ["remind", "--ics", "--out", str(out)],
}


@pytest.fixture
def home(cli: CliRunner, isolated_home: Path, tmp_path: Path) -> Path:
    """A home with a journal (one reflection), a config and older safety copies."""
    answers = tmp_path / "week.yaml"
    answers.write_text(cli("reflect", "--answers-template").out, encoding="utf-8")
    assert cli("reflect", "--answers", str(answers)).code == 0
    assert cli("config", "set", "name", "Sam").code == 0
    files = tmp_path / "files"
    files.mkdir()
    bundle = files / "bundle.json"
    assert cli("report", "--share", "--period", "all", "--out", str(bundle)).code == 0
    for name in CORPUS["own_files"]:
        # Stand-ins for older safety copies. The side files are refused by name: SQLite
        # itself would remove a stand-in -journal as junk when the journal is opened.
        if name.endswith(".bak"):
            (isolated_home / name).write_bytes(f"{name}: must survive\n".encode())
    return isolated_home


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _assert_refused(code: int, err: str) -> None:
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "refusing to write over" in lines[0] and "choose another --out" in lines[0], err


# Every command over the journal; every own file (spelled every way) under a few commands.
CASES = sorted(
    {(command, "journal.db", "plain") for command in OUT_COMMANDS}
    | {
        (command, name, "plain")
        for command in ("report", "journal backup", "remind --ics")
        for name in CORPUS["own_files"]
    }
    | {
        ("report", name, spelling)
        for name in CORPUS["own_files"]
        for spelling in CORPUS["spellings"]
        if spelling != "_about"
    }
)


@pytest.mark.parametrize(("command", "name", "spelling"), CASES, ids=lambda v: str(v))
def test_no_out_replaces_the_journal_its_side_files_backups_or_config(
    cli: CliRunner, home: Path, tmp_path: Path, command: str, name: str, spelling: str
) -> None:
    target = CORPUS["spellings"][spelling].format(home=home, home_name=home.name, name=name)
    before = _snapshot(home)
    result = cli(*OUT_COMMANDS[command](Path(target), tmp_path / "files"))
    _assert_refused(result.code, result.err)
    assert _snapshot(home) == before
    assert cli("journal", "list").code == 0


@pytest.mark.parametrize("command", sorted(OUT_COMMANDS))
@pytest.mark.parametrize("link", ["symlink", "hard link"])
def test_another_name_for_the_journal_is_refused_too(
    cli: CliRunner, home: Path, tmp_path: Path, command: str, link: str
) -> None:
    other = tmp_path / "elsewhere" / "notes.md"
    other.parent.mkdir()
    if link == "symlink":
        other.symlink_to(home / "journal.db")
    else:
        os.link(home / "journal.db", other)
    before = _snapshot(home)
    result = cli(*OUT_COMMANDS[command](other, tmp_path / "files"))
    _assert_refused(result.code, result.err)
    assert _snapshot(home) == before


def test_a_new_file_whose_name_says_journal_side_file_is_refused(
    cli: CliRunner, home: Path
) -> None:
    """SQLite would take a `journal.db-journal` for an unfinished write and roll it back."""
    result = cli("journal", "backup", "--out", str(home / "journal.db-journal"))
    _assert_refused(result.code, result.err)
    assert not (home / "journal.db-journal").exists()


def test_other_files_in_the_home_are_still_fine(cli: CliRunner, home: Path) -> None:
    result = cli("report", "--out", str(home / "report.html"))
    assert result.code == 0, result.err
    assert (home / "report.html").read_text(encoding="utf-8").startswith("<!")


# Links: the user's own are followed; planted or dangling ones are refused. --------------


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file of the user's that a planted link points at (think ~/.bashrc)."""
    path = tmp_path / "dotfiles" / "bashrc"
    path.parent.mkdir()
    path.write_text("export PS1='me'\n", encoding="utf-8")
    return path


LINK_COMMANDS = ("report", "journal export", "coach summary", "remind --ics")


def _plant(link: Path, target: Path) -> None:
    """nobody, for real, makes `link` point at `target`."""
    done = run_as_nobody(["ln", "-s", str(target), str(link)])
    assert done.returncode == 0, done.stderr
    assert link.lstat().st_uid == NOBODY


@needs_other_user
@pytest.mark.parametrize("command", LINK_COMMANDS)
def test_a_link_planted_in_a_shared_sticky_folder_is_not_written_through(
    cli: CliRunner, home: Path, tmp_path: Path, victim: Path, command: str
) -> None:
    with shared_folder(0o1777) as shared:
        link = shared / "report.html"
        _plant(link, victim)
        result = cli(*OUT_COMMANDS[command](link, tmp_path / "files"))
        assert result.code == 1, result.err
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert "link" in result.err
        assert link.is_symlink()
    assert victim.read_text(encoding="utf-8") == "export PS1='me'\n"


@needs_other_user
@pytest.mark.parametrize("command", LINK_COMMANDS)
def test_a_dangling_link_never_creates_the_file_it_points_to(
    cli: CliRunner, home: Path, tmp_path: Path, command: str
) -> None:
    keys = tmp_path / "ssh" / "authorized_keys"
    keys.parent.mkdir()
    with shared_folder(0o1777) as shared:
        link = shared / "rollup.html"
        _plant(link, keys)
        result = cli(*OUT_COMMANDS[command](link, tmp_path / "files"))
        assert result.code == 1, result.err
    assert not keys.exists()


def test_a_dangling_link_of_the_users_own_is_refused(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    link = tmp_path / "latest.html"
    missing = tmp_path / "nowhere" / "report.html"
    missing.parent.mkdir()
    link.symlink_to(missing)
    result = cli("report", "--out", str(link))
    assert result.code == 1, result.err
    assert "points to nothing" in result.err
    assert not missing.exists() and link.is_symlink()


@needs_other_user
def test_a_link_owned_by_someone_else_is_refused_even_outside_a_sticky_folder(
    cli: CliRunner, home: Path, victim: Path
) -> None:
    with shared_folder(0o755) as shared:
        os.chown(shared, NOBODY, NOBODY)  # nobody's own folder, which root writes into
        link = shared / "report.html"
        _plant(link, victim)
        result = cli("report", "--out", str(link))
        assert result.code == 1, result.err
    assert victim.read_text(encoding="utf-8") == "export PS1='me'\n"


def test_the_users_own_link_in_a_sticky_shared_folder_is_refused(
    cli: CliRunner, home: Path, victim: Path
) -> None:
    with shared_folder(0o1777) as shared:
        link = shared / "report.html"
        link.symlink_to(victim)  # anyone could have swapped it meanwhile
        result = cli("report", "--out", str(link))
        assert result.code == 1, result.err
    assert victim.read_text(encoding="utf-8") == "export PS1='me'\n"


@needs_other_user
def test_a_planted_folder_link_is_not_followed_either(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    ssh = tmp_path / "ssh"
    ssh.mkdir()
    with shared_folder(0o1777) as shared:
        _plant(shared / "reports", ssh)
        result = cli("report", "--out", str(shared / "reports" / "authorized_keys"))
        assert result.code == 1, result.err
    assert list(ssh.iterdir()) == []


@needs_other_user
def test_a_planted_link_to_a_pipe_is_not_written_through(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    with shared_folder(0o1777) as shared:
        link = shared / "report.md"
        _plant(link, fifo)
        result = cli("report", "--out", str(link))
    assert result.code == 1, result.err
    with fifo.open("wb"):  # let the reader go: it has waited for a writer until now
        pass
    reader.join(timeout=30)
    assert received == [b""]


def test_the_users_own_link_in_their_own_folder_is_still_written_through(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    real = tmp_path / "reports" / "latest.html"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(real)
    result = cli("report", "--out", str(link))
    assert result.code == 0, result.err
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("<!")


@needs_other_user
def test_out_dev_stdout_into_a_file_still_works_for_an_ordinary_user() -> None:
    """/dev/stdout is root's link (in /dev, which only root may change), then the
    process's own /proc/self/fd/1: `report --out /dev/stdout > file` as anyone."""
    with shared_folder(0o700) as shared:
        os.chown(shared, NOBODY, NOBODY)
        out = shared / "report.json"
        with out.open("w") as handle:
            os.chown(out, NOBODY, NOBODY)
            done = run_as_nobody(
                belonging("report", "--format", "json", "--out", "/dev/stdout"),
                env={"BELONGING_HOME": str(shared / "home")},
                stdout=handle,
            )
        assert done.returncode == 0, done.stderr
        assert out.read_text(encoding="utf-8").startswith("{")


def test_out_dev_stdout_into_a_pipe_is_written_through(isolated_home: Path) -> None:
    done = subprocess.run(
        belonging("report", "--format", "json", "--out", "/dev/stdout"),
        env={**os.environ, "BELONGING_HOME": str(isolated_home)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("{")
