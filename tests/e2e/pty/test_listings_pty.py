"""The listings in a real 60-column terminal (issue 14): nothing wraps inside a word,
titles where a person reads them, and search's match in bold."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

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
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def home(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("COLUMNS")  # the terminal's own width, as a person has it
    data = generate(load_rubric(), weeks=6, end=dt.date.today() - dt.timedelta(days=7), seed=2)
    with open_journal(isolated_home / "journal.db") as journal:
        journal.import_data(data)
    return isolated_home


def screen(home: Path, *args: str) -> tuple[str, list[str]]:
    child = spawn_cli(home, *args, dimensions=(50, 60))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    raw = child.before.replace("\r\n", "\n")
    return raw, [line.rstrip() for line in ANSI.sub("", raw).split("\n")]


def test_journal_list_fits_the_terminal_with_titles(home: Path) -> None:
    spawn_cli(home, "rubric", "list").expect(pexpect.EOF)  # caches the rubric's facts
    _, lines = screen(home, "journal", "list")
    assert all(len(line) <= 60 for line in lines), lines
    titles = [b.title for b in load_rubric().behaviours]
    assert any(t.split()[0] in line for line in lines[1:] for t in titles)
    assert not any(b.id in line for line in lines for b in load_rubric().behaviours)


def test_status_wraps_under_its_label(home: Path) -> None:
    _, lines = screen(home, "status")
    assert all(len(line) <= 60 for line in lines), lines
    continued = [line for line in lines if line.startswith(" ")]
    assert continued and all(line.startswith(" " * 12) for line in continued)


def test_search_makes_the_match_bold(home: Path) -> None:
    raw, lines = screen(home, "journal", "search", "the")
    assert re.search(r"\x1b\[1m[Tt]he\x1b\[0m", raw), raw[:500]
    assert re.fullmatch(r"\d+ matching lines in \d+ sessions", [x for x in lines if x][-1])
