"""Confirmations as a person at a terminal meets them: `journal delete` and `restore` ask."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import generate
from support.terminal import spawn_cli

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]


def spawn(home: Path, *args: str) -> Any:
    return spawn_cli(home, "journal", *args)


def test_delete_asks_at_a_terminal(isolated_home: Path) -> None:
    data = generate(load_rubric(), weeks=2, end=dt.date(2026, 11, 27))
    with open_journal(isolated_home / "journal.db") as journal:
        journal.import_data(data)
    first, second = data.sessions

    child = spawn(isolated_home, "delete", first.id[:8])
    child.expect(r"Delete the complete weekly session of .*\[y/N\]")
    child.sendline("n")
    child.expect("Nothing deleted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    child = spawn(isolated_home, "delete", second.id[:8])
    child.expect(r"\[y/N\]")
    child.sendline("y")
    child.expect("Deleted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with open_journal(isolated_home / "journal.db") as journal:
        assert [s.id for s in journal.sessions()] == [first.id]
