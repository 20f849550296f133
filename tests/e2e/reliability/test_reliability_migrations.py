"""A journal left by every older version, used through the real commands: it opens,
migrates once (keeping a private backup of the old file), and keeps everything.

(test_journal_durability.py checks the migration itself, store to store; this is what a
person upgrading belonging would run first.)
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.exchange import export_json
from belonging_cli.journal.schema import LATEST_VERSION
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import generate
from support.cli import CliRunner
from support.encrypted import connect_db, encrypt_in_place, is_encrypted
from support.old_journals import write_old_journal


def _old_journal(path: Path, version: int) -> None:
    write_old_journal(path, version, generate(load_rubric(), weeks=30, end=dt.date(2026, 11, 20)))


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_an_older_journal_works_with_every_command_and_keeps_everything(
    cli: CliRunner, isolated_home: Path, tmp_path: Path, version: int, journal_kind: str
) -> None:
    path = isolated_home / "journal.db"
    _old_journal(path, version)
    if journal_kind == "encrypted":
        encrypt_in_place(path)  # an old journal encrypted: migrated as it is, encrypted
    conn = connect_db(path)
    before = {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("sessions", "answers", "ratings", "experiments", "session_tags")
    }
    conn.close()
    listed = cli("journal", "list", "--json")
    assert listed.code == 0, listed.err
    assert len(json.loads(listed.out)) == 30
    backups = list(isolated_home.glob(f"journal.db.v{version}-*.bak"))
    assert len(backups) == 1 and backups[0].stat().st_mode & 0o777 == 0o600
    assert is_encrypted(backups[0]) == (journal_kind == "encrypted")  # a copy as it was
    # Every other command on the migrated file, and nothing lost on the way.
    for args in (("status",), ("report", "--format", "json"), ("progress",)):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    template = tmp_path / "week.yaml"
    template.write_text(cli("reflect", "--answers-template").out, encoding="utf-8")
    assert cli("reflect", "--answers", str(template)).code == 0
    conn = connect_db(path)
    after = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in before}
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()
    assert after["sessions"] == before["sessions"] + 1
    assert all(after[t] >= before[t] for t in before)
    assert len(list(isolated_home.glob("journal.db.v*.bak"))) == 1  # migrated only once
    with open_journal(backups[0]) as old_copy:  # the backup opens (and migrates) on its own
        assert len(export_json(old_copy.load_all())) > 1000
