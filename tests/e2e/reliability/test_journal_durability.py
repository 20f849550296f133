"""The journal never loses a reflection: migrations, refusals, permissions, concurrency, crashes."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.errors import JournalError
from belonging_cli.journal.file import connect as _connect
from belonging_cli.journal.file import migrate
from belonging_cli.journal.schema import APPLICATION_ID, LATEST_VERSION, MIGRATIONS, legacy_role
from belonging_cli.journal.store import Journal, open_journal
from belonging_cli.records import JournalData
from belonging_cli.synthetic import generate
from support.encrypted import connect_db, encrypt_in_place, fresh_journal, side_files
from support.old_journals import write_old_journal

END = dt.date(2026, 11, 27)


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = connect_db(path)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    conn.close()
    return [(name, sql or "") for name, sql in rows]


def _pragma(path: Path, name: str) -> int:
    conn = connect_db(path)
    value = int(conn.execute(f"PRAGMA {name}").fetchone()[0])
    conn.close()
    return value


def _old_journal(path: Path, version: int) -> None:
    """A journal as an older belonging left it: only the first `version` migrations."""
    path.touch(mode=0o600)
    conn = _connect(path)
    migrate(conn, path, upto=version)
    conn.close()


def test_a_new_journal_gets_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    with open_journal(path):
        pass
    assert _pragma(path, "user_version") == LATEST_VERSION == len(MIGRATIONS)
    assert _pragma(path, "application_id") == APPLICATION_ID
    names = {name for name, _ in _schema(path)}
    assert {"sessions", "answers", "ratings", "session_tags", "experiments", "assignments"} <= names
    assert list(tmp_path.glob("*.bak")) == []  # nothing to back up on creation


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_every_older_journal_is_backed_up_then_migrated(
    tmp_path: Path, version: int, journal_kind: str
) -> None:
    path = tmp_path / "j.db"
    data = _as_old(generate(load_rubric(), weeks=3, end=END))
    write_old_journal(path, version, data)  # what the old version would have stored
    if journal_kind == "encrypted":
        encrypt_in_place(path)
    with open_journal(path) as journal:
        assert journal.load_all() == data
    assert _pragma(path, "user_version") == LATEST_VERSION
    fresh = tmp_path / "fresh.db"
    with open_journal(fresh):
        pass
    assert _schema(path) == _schema(fresh)
    backups = list(tmp_path.glob(f"j.db.v{version}-*.bak"))
    assert len(backups) == 1
    assert backups[0].stat().st_mode & 0o777 == 0o600
    assert _pragma(backups[0], "user_version") == version
    conn = connect_db(backups[0])
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 3
    conn.close()


def _as_old(data: JournalData) -> JournalData:
    """The data as a journal before schema 4 could hold it: answers with their legacy
    roles, and one privacy flag per experiment (its notes as private as its title)."""
    experiments = tuple(
        replace(e, happened_private=e.private, learned_private=e.private) for e in data.experiments
    )
    return replace(_with_legacy_roles(data), experiments=experiments)


def _with_legacy_roles(data: JournalData) -> JournalData:
    """The data with each answer's role as an older journal's migration gives it: the
    role its step id meant (a step added since, like the weekly takeaway, meant none)."""
    sessions = tuple(
        replace(
            s,
            answers=tuple(
                replace(a, role=legacy_role(s.flow_id, a.step_id, a.kind)) for a in s.answers
            ),
        )
        for s in data.sessions
    )
    return replace(data, sessions=sessions)


def test_a_journal_from_a_newer_version_is_refused_untouched(
    tmp_path: Path, journal_kind: str
) -> None:
    path = tmp_path / "j.db"
    with open_journal(path) as journal:
        journal.import_data(generate(load_rubric(), weeks=2, end=END))
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    if journal_kind == "encrypted":
        encrypt_in_place(path)
    before = path.read_bytes()
    with pytest.raises(JournalError, match="newer version") as raised:
        Journal.open(path)
    assert "upgrade" in (raised.value.hint or "")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.db", *side_files(path)]


def _another_apps_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    conn.commit()
    conn.close()


def _truncated_journal(path: Path) -> None:
    with open_journal(path) as journal:
        journal.import_data(generate(load_rubric(), weeks=20, end=END))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _blank_sqlite_with_our_id_but_foreign_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(os.urandom(4096)),
        lambda p: p.write_bytes(b"SQLite format 3\x00" + os.urandom(50)),
        lambda p: p.write_text("my shopping list\n", encoding="utf-8"),
        _another_apps_database,
        _truncated_journal,
        _blank_sqlite_with_our_id_but_foreign_tables,
    ],
    ids=["random", "short-header", "text", "other-app", "truncated", "foreign-tables"],
)
def test_what_is_not_a_journal_is_refused_and_never_changed(
    tmp_path: Path, make: object, journal_kind: str
) -> None:
    """With a key at hand too (journal_kind): a key never makes a file a journal."""
    path = tmp_path / "journal.db"
    assert callable(make)
    make(path)
    before = path.read_bytes()
    with pytest.raises(JournalError, match="not a belonging journal"):
        Journal.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.db"]


def test_the_journal_is_private(isolated_home: Path) -> None:
    assert not isolated_home.exists()
    with open_journal() as journal:
        assert journal.path == isolated_home / "journal.db"
    assert isolated_home.stat().st_mode & 0o777 == 0o700
    assert (isolated_home / "journal.db").stat().st_mode & 0o777 == 0o600


WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from dataclasses import replace
    from pathlib import Path
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.journal.store import open_journal
    from belonging_cli.synthetic import generate

    path, seed, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    data = generate(load_rubric(), weeks=count, end=dt.date(2026, 11, 27), seed=seed)
    # As set, before next week's session reviews them.
    experiments = {
        e.created_session_id: replace(
            e, status="open", outcome=None, happened=None, learned=None,
            reviewed_at=None, reviewed_session_id=None,
        )
        for e in data.experiments
    }
    with open_journal(path) as journal:
        for session in data.sessions:
            # Answer by answer, as a reflection is saved, then completed.
            draft = session.__class__(
                id=session.id, flow_id=session.flow_id, rubric_id=session.rubric_id,
                rubric_version=session.rubric_version, started_at=session.started_at,
                week=session.week, ratings=session.ratings,
            )
            journal.create_session(draft)
            for answer in session.answers:
                journal.save_answer(session.id, answer)
            journal.save_whole_session(session, [experiments[session.id]])
            print(session.id, flush=True)
    """
)


def _run_writers(tmp_path: Path, path: Path, *, seeds: tuple[int, ...], sessions: int) -> list[str]:
    """Run one WRITER process per seed, all at once; their outputs, each checked clean."""
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), str(seed), str(sessions)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in seeds
    ]
    outputs = [w.communicate(timeout=300) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert "locked" not in err
    return [out for out, _ in outputs]


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path, journal_kind: str) -> None:
    path = tmp_path / "j.db"
    fresh_journal(path, journal_kind)
    count = 100 if journal_kind == "plain" else 40  # the same race, in less of the suite's time
    outputs = _run_writers(tmp_path, path, seeds=(1, 2), sessions=count)
    written = {line for out in outputs for line in out.split()}
    assert len(written) == 2 * count
    with open_journal(path) as journal:
        sessions = journal.sessions()
    assert {s.id for s in sessions} == written
    # Every answer and rating each writer saved is there (the writers' journals, made again).
    made = [generate(load_rubric(), weeks=count, end=dt.date(2026, 11, 27), seed=n) for n in (1, 2)]
    expected = {s.id: (len(s.answers), len(s.ratings)) for data in made for s in data.sessions}
    assert {s.id: (len(s.answers), len(s.ratings)) for s in sessions} == expected


@pytest.mark.slow
def test_processes_creating_the_journal_at_once_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "new" / "j.db"  # neither the folder nor the file exists yet
    _run_writers(tmp_path, path, seeds=(0, 1, 2, 3), sessions=5)
    with open_journal(path) as journal:
        assert len(journal.sessions()) == 20
    assert _pragma(path, "user_version") == LATEST_VERSION
    assert path.stat().st_mode & 0o777 == 0o600
    assert list(path.parent.glob("*.bak")) == []


@pytest.mark.slow
def test_a_process_killed_mid_write_leaves_every_committed_session_whole(
    tmp_path: Path, journal_kind: str
) -> None:
    path = tmp_path / "j.db"
    fresh_journal(path, journal_kind)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, str(script), str(path), "5", "400"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert writer.stdout is not None
    committed: list[str] = []
    deadline = time.monotonic() + 120
    while len(committed) < 25 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        committed.append(line.strip())
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert len(committed) == 25
    with open_journal(path) as journal:
        complete = {s.id: s for s in journal.sessions()}
        drafts = journal.drafts()
    assert set(committed) <= set(complete)
    # Whatever was in flight is either absent, a draft holding what was saved, or whole.
    made = generate(load_rubric(), weeks=400, end=dt.date(2026, 11, 27), seed=5).sessions
    whole = {s.id: (len(s.answers), len(s.ratings)) for s in made}
    assert all(whole[s.id] == (len(s.answers), len(s.ratings)) for s in complete.values())
    assert len(drafts) <= 1
    for draft in drafts:
        assert len(draft.ratings) == 10
        assert [a.step_id for a in draft.answers] == [
            "focus",
            "reflect.1",
            "reflect.2",
            "control",
            "influence",
            "balance",
        ][: len(draft.answers)]
    conn = connect_db(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_a_failing_upgrade_leaves_the_journal_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, journal_kind: str
) -> None:
    from belonging_cli.journal import schema

    path = tmp_path / "j.db"
    _old_journal(path, LATEST_VERSION - 1)
    if journal_kind == "encrypted":
        encrypt_in_place(path)
    before = path.read_bytes()
    broken = (*MIGRATIONS[:-1], "CREATE TABLE sessions (id TEXT);")  # already exists
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    with pytest.raises(JournalError, match="could not upgrade") as raised:
        Journal.open(path)
    assert "not a belonging journal" not in raised.value.message
    assert path.read_bytes() == before
    assert len(list(tmp_path.glob("j.db.v*.bak"))) == 1
