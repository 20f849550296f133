"""Everything the tool writes about a person is theirs alone: files 0600, folders 0700.

Run with a permissive umask (000), so that privacy never depends on the user's umask,
and over files that already existed with looser modes.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.cli import CliRunner

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private_tree(root: Path) -> None:
    """Every folder under `root` (itself included) is 0700, every file 0600."""
    assert mode(root) == 0o700, root
    for path in root.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert mode(path) == expected, f"{path}: {oct(mode(path))}"


@pytest.fixture
def reflected(cli: CliRunner, tmp_path: Path) -> Path:
    """A journal with one weekly reflection saved, and the answers file used."""
    answers = tmp_path / "week.yaml"
    answers.write_text(cli("reflect", "--answers-template").out, encoding="utf-8")
    result = cli("reflect", "--answers", str(answers))
    assert result.code == 0, result.err
    return answers


def test_the_home_folder_journal_config_backups_and_cache_are_private(
    cli: CliRunner, isolated_home: Path, reflected: Path, tmp_path: Path
) -> None:
    assert cli("config", "set", "name", "Sam").code == 0
    assert cli("config", "set", "reflection_weekday", "monday").code == 0
    assert cli("journal", "backup").code == 0  # beside the journal
    assert cli("report", "--format", "json").code == 0  # fills the rubric cache, if any
    assert cli("coach", "pack", "new", "--out", str(tmp_path / "pack.yaml")).code == 0
    assert cli("exercises", "import", str(tmp_path / "pack.yaml")).code == 0
    copy = tmp_path / "copy.db"
    assert cli("journal", "backup", "--out", str(copy)).code == 0
    assert cli("journal", "restore", str(copy), "--yes").code == 0  # keeps a copy beside it
    names = sorted(p.name for p in isolated_home.iterdir())
    assert "journal.db" in names and "config.toml" in names
    assert sum(".bak" in n for n in names) == 2, names
    assert_private_tree(isolated_home)
    assert mode(copy) == 0o600


@pytest.mark.parametrize(
    "args",
    [
        ("journal", "export", "--format", "json"),
        ("journal", "export", "--format", "md"),
        ("report", "--format", "md"),
        ("report", "--format", "html"),
        ("report", "--format", "json"),
        ("report", "--share", "--format", "html"),
    ],
    ids=lambda a: " ".join(a),
)
@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "over-a-0644-file"])
def test_exports_and_reports_written_with_out_are_private(
    cli: CliRunner, reflected: Path, tmp_path: Path, args: tuple[str, ...], existing: bool
) -> None:
    out = tmp_path / "out" / "file"
    out.parent.mkdir(mode=0o755)
    if existing:
        out.write_text("an older file anyone could read\n", encoding="utf-8")
        out.chmod(0o644)
    result = cli(*args, "--out", str(out))
    assert result.code == 0, result.err
    assert mode(out) == 0o600
    assert "an older file" not in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.parent.iterdir()) == ["file"]  # no temporary left


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "over-a-0644-file"])
def test_a_coach_roll_up_written_with_out_is_private(
    cli: CliRunner, reflected: Path, tmp_path: Path, existing: bool
) -> None:
    bundle = tmp_path / "client.json"
    assert cli("report", "--share", "--period", "all", "--out", str(bundle)).code == 0
    assert mode(bundle) == 0o600
    for fmt in ("html", "md", "json"):
        out = tmp_path / f"rollup.{fmt}"
        if existing:
            out.write_text("old", encoding="utf-8")
            out.chmod(0o644)
        result = cli("coach", "summary", str(bundle), "--out", str(out))
        assert result.code == 0, result.err
        assert mode(out) == 0o600, fmt


def test_the_demo_folder_is_private(cli: CliRunner, tmp_path: Path) -> None:
    demo = tmp_path / "somewhere" / "demo"
    result = cli("demo", str(demo), "--weeks", "3")
    assert result.code == 0, result.err
    assert_private_tree(demo)
    assert (demo / "journal.db").exists()


def test_the_default_demo_folder_is_private(cli: CliRunner, isolated_home: Path) -> None:
    result = cli("demo", "--weeks", "2")
    assert result.code == 0, result.err
    assert_private_tree(isolated_home)


def test_a_loose_journal_is_made_private_again_when_opened(
    cli: CliRunner, isolated_home: Path, reflected: Path
) -> None:
    (isolated_home / "journal.db").chmod(0o644)
    isolated_home.chmod(0o755)
    assert cli("journal", "list").code == 0
    assert mode(isolated_home / "journal.db") == 0o600


def test_a_report_into_a_new_folder_makes_it_private(
    cli: CliRunner, reflected: Path, tmp_path: Path
) -> None:
    out = tmp_path / "reports" / "2026" / "report.html"
    assert cli("report", "--out", str(out)).code == 0
    assert mode(out) == 0o600
    assert mode(out.parent) == mode(out.parent.parent) == 0o700
