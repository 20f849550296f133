"""`belonging report` at a terminal draws the report (rich): headings, tables that fit
the window, sparklines, no Markdown or Mermaid source. Piped, --out or --format md,
it is the Markdown, exactly as rendered from the same report.

In-process, stdout is made to say it is a terminal; tests/e2e/pty has the real one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.reports import command
from support import places
from support.cli import CliRunner

TITLES = [b.title for b in load_rubric(places.REPO / "rubrics").behaviours]
MARKDOWN = re.compile(r"^\s*\|.*\|\s*$|```|\*\*|^#+ |xychart-beta", re.MULTILINE)


@pytest.fixture
def demo(cli: CliRunner, tmp_path: Path) -> Path:
    home = tmp_path / "demo"
    assert cli("demo", str(home), "--weeks", "8").code == 0
    return home


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(command, "stdout_is_terminal", lambda: True)


def words_of(text: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", text))


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_at_a_terminal_the_report_is_drawn_to_fit_the_window(
    cli: CliRunner,
    demo: Path,
    terminal: None,
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("--home", str(demo), "report")
    assert result.code == 0, result.err
    shown = result.out
    assert MARKDOWN.search(shown) is None, MARKDOWN.search(shown)
    for heading in ("Progress report", "Ratings", "Focus reflections", "Experiments"):
        assert re.search(rf"^{heading}\s*$", shown, re.MULTILINE), heading
    assert any(c in shown for c in "▁▂▄▆█")  # sparklines
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= columns
    # No word of a behaviour's title is split across lines.
    seen = words_of(shown)
    for title in TITLES:
        for word in words_of(title):
            assert word in seen, (word, title)


def test_piped_out_or_format_md_it_stays_markdown(
    cli: CliRunner, demo: Path, tmp_path: Path, terminal: None
) -> None:
    drawn = cli("--home", str(demo), "report").out
    asked = cli("--home", str(demo), "report", "--format", "md").out
    assert asked.startswith("# Progress report") and "```mermaid" in asked
    assert drawn != asked
    out = tmp_path / "r.md"
    assert cli("--home", str(demo), "report", "--out", str(out)).code == 0
    # One Markdown whatever the way out (the minute it was made aside).
    assert out.read_text(encoding="utf-8") == asked


def test_the_two_minute_top_comes_first_when_the_report_has_one(
    cli: CliRunner, demo: Path, terminal: None
) -> None:
    shown = cli("--home", str(demo), "report").out
    if "At a glance" not in shown:
        pytest.skip("the report model has no two-minute top yet")
    assert shown.index("At a glance") < shown.index("Ratings")


def test_a_persons_line_breaks_and_markup_are_shown_as_written(
    cli: CliRunner, tmp_path: Path, terminal: None
) -> None:
    from support.weekly_answers import weekly_answers, write_answers

    note = "First line [bold]not bold[/bold]\nSecond line **as typed**"
    path = write_answers(tmp_path, weekly_answers(**{"reflect.1": note}))
    assert cli("reflect", "--answers", str(path)).code == 0
    shown = cli("report").out
    lines = [line.strip() for line in shown.splitlines()]
    assert "First line [bold]not bold[/bold]" in lines
    assert "Second line **as typed**" in lines
