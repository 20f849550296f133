"""`report --share` in a real 80x24 terminal: the private items listed section by
section, none picked unless the person picks one (a letter picks nothing: `a` would
pick all in a plain checkbox), Space picks, Enter goes on, and only what was picked
is in this report. The journal keeps it private."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from belonging_cli import ask
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.terminal import spawn_cli
from support.weekly_answers import weekly_answers, write_answers

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

FIRST = "Lena told me the plan scares her"
SECOND = "Jonas stayed quiet in the retro"
CONTROL = "Set the deadline myself"
SPACE_DOWN = "\x1b[B"


@pytest.fixture
def reflected(cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)
    path = write_answers(tmp_path, weekly_answers(**{"reflect.1": FIRST, "win": SECOND}))
    assert cli("reflect", "--answers", str(path)).code == 0


def share(home: Path, out: Path) -> Any:
    child = spawn_cli(home, "report", "--share", "--out", str(out), dimensions=(24, 80))
    child.expect("leaves out 3 private items")  # the reflection, the lens, the win
    child.expect("Space picks")
    child.expect("Focus reflections")
    child.expect("Control or influence")
    child.expect("Takeaways")
    child.expect("/win]")  # the last item: the whole list is on screen
    return child


@pytest.mark.usefixtures("reflected")
def test_only_the_item_picked_goes_into_this_report(isolated_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "shared.md"
    child = share(isolated_home, out)
    child.send("a")  # picks nothing
    child.send(" ")  # the first item: the first reflection
    child.send("\r")
    child.expect("Report written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = out.read_text(encoding="utf-8")
    assert FIRST in text
    assert SECOND not in text and CONTROL not in text
    with open_journal(isolated_home / "journal.db") as journal:
        stored = journal.sessions()[0].answer("reflect.1")
    assert stored is not None and stored.private


@pytest.mark.usefixtures("reflected")
def test_enter_alone_includes_nothing_private(isolated_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "shared.md"
    child = share(isolated_home, out)
    child.send("ai" + SPACE_DOWN)  # letters pick nothing; moving picks nothing
    child.send("\r")
    child.expect("3 private notes left out")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = out.read_text(encoding="utf-8")
    assert not any(words in text for words in (FIRST, SECOND, CONTROL))
