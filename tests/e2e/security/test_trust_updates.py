"""`journal edit` never loses writing: not another terminal's, not the editor's.

The edit is checked against the journal inside the write: a session changed
elsewhere since it was opened is not overwritten. Whenever the edit cannot be saved
(a conflict, a busy or failing journal, an editor that keeps giving back text with
problems) the edited text is kept in a private file that the one-line message names.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from belonging_cli import ask
from belonging_cli.journal import file
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Session
from support import places
from support.cli import CliRunner, Result
from support.mounts import fill, remount_read_only, small_filesystem
from support.sessions import a_session

HOSTILE = places.HOSTILE / "updates"
INVALID_EDITS = sorted((HOSTILE / "invalid_edits").glob("*.yaml"))
KEPT = re.compile(r"your edit is kept in (\S+\.yaml)")


@pytest.fixture
def stored(isolated_home: Path) -> Session:
    session = a_session()
    with open_journal(isolated_home / "journal.db") as journal:
        journal.create_session(session)
    return session


def use_editor(monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    monkeypatch.setenv("EDITOR", f"{sys.executable} {HOSTILE / script}")


def kept_file(result: Result) -> Path:
    """The file the message names as holding the edit: private, and only one line said."""
    found = KEPT.search(result.err)
    assert found, result.err
    path = Path(found[1])
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    return path


def now_stored(home: Path, session_id: str) -> Session:
    with open_journal(home / "journal.db") as journal:
        return journal.session(session_id)


# -- another terminal changed the session while it was being edited ----------------------


def test_a_reflection_finished_meanwhile_is_not_sent_back_to_a_draft(
    cli: CliRunner, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = a_session(status="draft")
    with open_journal(isolated_home / "journal.db") as journal:
        journal.create_session(draft)
    use_editor(monkeypatch, "meddling_editor.py")
    monkeypatch.setenv("MEDDLE", "complete")
    result = cli("journal", "edit", draft.id[:8])
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1
    assert "changed in another terminal" in result.err
    assert "my edit" in kept_file(result).read_text(encoding="utf-8")
    after = now_stored(isolated_home, draft.id)
    assert after.status == "complete" and after.completed_at is not None
    control = after.answer("control")
    assert control is not None and control.value == "finished elsewhere"


def test_of_two_edits_neither_is_lost(
    cli: CliRunner, isolated_home: Path, stored: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, "meddling_editor.py")
    monkeypatch.setenv("MEDDLE", "edit")
    result = cli("journal", "edit", stored.id)
    assert result.code == 1
    assert "changed in another terminal" in result.err
    assert "my edit" in kept_file(result).read_text(encoding="utf-8")
    control = now_stored(isolated_home, stored.id).answer("control")
    assert control is not None and control.value == "their edit"  # the first save stands


def test_a_deleted_session_is_not_brought_back(
    cli: CliRunner, isolated_home: Path, stored: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    deleter = isolated_home.parent / "deleting_editor.py"
    deleter.write_text(
        "import sys, os\n"
        "from pathlib import Path\n"
        "from belonging_cli.journal.store import open_journal\n"
        "with open_journal(Path(os.environ['BELONGING_HOME']) / 'journal.db') as j:\n"
        f"    j.delete_session({stored.id!r})\n"
        "p = Path(sys.argv[1]); p.write_text(p.read_text().replace('first words', 'mine'))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {deleter}")
    result = cli("journal", "edit", stored.id)
    assert result.code == 1
    assert "deleted" in result.err
    assert "mine" in kept_file(result).read_text(encoding="utf-8")
    with open_journal(isolated_home / "journal.db") as journal:
        assert journal.count_sessions() == 0


# -- the save itself fails ------------------------------------------------------------------


def test_a_busy_journal_keeps_the_edit(
    cli: CliRunner, isolated_home: Path, stored: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file, "BUSY_TIMEOUT_SECONDS", 0.2)
    use_editor(monkeypatch, "replacing_editor.py")
    monkeypatch.setenv("REPLACE_OLD", "first words")
    monkeypatch.setenv("REPLACE_NEW", "written while busy")
    other = sqlite3.connect(isolated_home / "journal.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another belonging writing, for longer than we wait
    try:
        result = cli("journal", "edit", stored.id)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.code == 1
    assert "busy" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "written while busy" in kept_file(result).read_text(encoding="utf-8")
    assert now_stored(isolated_home, stored.id) == stored


@pytest.mark.parametrize("trouble", ["full", "read-only"])
def test_a_disk_that_refuses_the_save_keeps_the_edit_elsewhere(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trouble: str
) -> None:
    with small_filesystem(tmp_path / "disk") as disk:
        home = disk / "home"
        monkeypatch.setenv("BELONGING_HOME", str(home))
        session = a_session()
        with open_journal(home / "journal.db") as journal:
            journal.create_session(session)
        if trouble == "full":
            fill(disk)
        else:
            remount_read_only(disk)
        use_editor(monkeypatch, "replacing_editor.py")
        monkeypatch.setenv("REPLACE_OLD", "first words")
        monkeypatch.setenv("REPLACE_NEW", "nowhere to go")
        result = cli("journal", "edit", session.id)
        assert result.code == 1
        assert trouble in result.err
        assert len(result.err.strip().splitlines()) == 1
        kept = kept_file(result)
        assert disk not in kept.parents  # that disk could not take it: kept elsewhere
        assert "nowhere to go" in kept.read_text(encoding="utf-8")
        kept.unlink()
        assert now_stored(home, session.id) == session


# -- an editor that keeps giving back text with problems -------------------------------------


def stubborn(monkeypatch: pytest.MonkeyPatch, text: Path) -> Path:
    use_editor(monkeypatch, "stubborn_editor.py")
    monkeypatch.setenv("STUBBORN_TEXT", str(text))
    runs = Path(f"{text}.runs")
    runs.unlink(missing_ok=True)
    return runs


@pytest.mark.parametrize("text", INVALID_EDITS, ids=lambda p: p.stem)
def test_an_editor_repeating_bad_text_stops_after_a_few_rounds(
    cli: CliRunner,
    stored: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    text: Path,
) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)
    copy = tmp_path / text.name
    copy.write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
    runs = stubborn(monkeypatch, copy)
    result = cli("journal", "edit", stored.id)
    assert result.code == 1
    assert len(runs.read_text().splitlines()) <= 3
    kept = kept_file(result)
    assert kept.read_text(encoding="utf-8") == text.read_text(encoding="utf-8")
    assert f"{kept}:" in result.err  # the problems are located in the kept file
    assert "Traceback" not in result.err


def test_without_a_terminal_the_editor_runs_once(
    cli: CliRunner, isolated_home: Path, stored: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = stubborn(monkeypatch, HOSTILE / "invalid_edits" / "unknown_key.yaml")
    try:
        result = cli("journal", "edit", stored.id)
    finally:
        counted = len(runs.read_text().splitlines())
        runs.unlink()
    assert result.code == 1
    assert counted == 1
    assert "not a terminal" in result.err
    kept_file(result)
    assert now_stored(isolated_home, stored.id) == stored


# -- an edit never changes the status or the completion time --------------------------------


def test_an_edit_keeps_status_and_completion_time(tmp_path: Path) -> None:
    session = a_session()
    with open_journal(tmp_path / "j.db") as journal:
        journal.create_session(session)
        reopened = dataclasses.replace(session, status="draft", completed_at=None, week="2026-W47")
        journal.replace_session(reopened, expected=session)
        after = journal.session(session.id)
    assert after.week == "2026-W47"
    assert after.status == "complete" and after.completed_at == session.completed_at
