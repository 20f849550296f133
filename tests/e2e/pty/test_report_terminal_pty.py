"""`belonging report` in a real 80x24 terminal: the report drawn (headings, a table of
ratings with sparklines), never Markdown or Mermaid source; `progress` at 60 columns
fits without splitting a word."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.terminal import spawn_cli

pexpect = pytest.importorskip("pexpect")

ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # styles, which take no column

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]


@pytest.fixture
def demo(cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("COLUMNS")  # the terminal's own width, as a person's
    home = tmp_path / "demo"
    assert cli("demo", str(home), "--weeks", "8").code == 0
    return home


def screen(home: Path, *args: str, size: tuple[int, int]) -> str:
    child = spawn_cli(home, *args, dimensions=size)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return ESCAPES.sub("", str(child.before).replace("\r\n", "\n"))


def test_report_at_a_terminal_is_drawn_not_markdown(demo: Path) -> None:
    shown = screen(demo, "report", size=(24, 80))
    assert "Ratings" in shown and "Focus reflections" in shown
    for source in ("```", "xychart-beta", "| --- |", "## ", "**"):
        assert source not in shown, source
    assert any(c in shown for c in "▁▂▄▆█")
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= 80


def test_progress_at_60_columns_splits_no_word(demo: Path) -> None:
    shown = screen(demo, "progress", size=(24, 60))
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= 60
    words = set(shown.split())
    for word in ("Cultivate", "belonging", "experiment", "stakeholders"):
        assert word in words, (word, shown)


def test_coach_summary_at_60_columns_breaks_lines_at_words(
    demo: Path, cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A trial: at a terminal the roll-up was raw Markdown the terminal cut mid-word
    # ("Guard two thinking b" / "locks (+2 more)"). Piped, it stays Markdown.
    monkeypatch.setenv("BELONGING_HOME", str(demo))
    bundle = tmp_path / "client.json"
    made = cli("report", "--share", "--format", "json", "--out", str(bundle))
    assert made.code == 0, made.err
    shown = screen(demo, "coach", "summary", str(bundle), size=(24, 60))
    lines = [line.rstrip() for line in shown.splitlines()]
    assert max(len(line) for line in lines if "/" not in line) <= 60
    from support.screen_words import cuts

    assert cuts(lines, [bundle.read_text("utf-8")]) == []
    assert "| behaviour |" in shown  # still the Markdown's shape, fitted
    piped = cli("coach", "summary", str(bundle))
    assert piped.code == 0 and any(len(line) > 60 for line in piped.out.splitlines())
