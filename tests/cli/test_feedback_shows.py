"""What a feedback round shows at a terminal (issue 17): `belonging report` draws
"Others' view" with rich, fitting 80 and 60 columns, the raters' words as typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from belonging_cli.reports import command
from support.cli import CliRunner
from support.feedback_journal import import_round, journal_with_a_round
from support.feedback_samples import five_raters_three_groups

HOSTILE = Path(__file__).parents[1] / "hostile" / "feedback-shows" / "comments.yaml"


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(command, "stdout_is_terminal", lambda: True)


def _others(shown: str) -> str:
    found = re.search(r"^Others' view\s*$(.*?)^Next week\s*$", shown, re.M | re.S)
    assert found, shown
    return found.group(1)


@pytest.mark.parametrize("columns", [60, 80])
def test_others_view_at_a_terminal_fits(
    cli: CliRunner, tmp_path: Path, terminal: None, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    journal_with_a_round(cli, tmp_path)
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("report", "--period", "year", "--until", "2026-11-30")
    assert result.code == 0, result.err
    assert max(len(line.rstrip()) for line in result.out.splitlines()) <= columns
    part = " ".join(_others(result.out).split())
    assert "Feedback from 3 people (3 direct-report), collected 20 Nov 2026." in part
    assert "you 4, others 2.3 (2-3, 3); direct-report 2.3: blind spot." in part
    assert "you 3, others 4.0 (3-5, 3); direct-report 4.0: hidden strength." in part
    assert "others too few answers" in part
    assert "The opening round in our Monday meeting." in part
    assert "peer" not in part and "manager" not in part


def test_the_raters_words_show_as_typed(
    cli: CliRunner, tmp_path: Path, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_with_a_round(cli, tmp_path)
    aggregate = five_raters_three_groups(collected_on="2026-11-25")
    aggregate["comments"]["keep"] = yaml.safe_load(HOSTILE.read_text(encoding="utf-8"))
    import_round(cli, tmp_path, aggregate)
    monkeypatch.setenv("COLUMNS", "60")
    result = cli("report", "--period", "year", "--until", "2026-11-30")
    assert result.code == 0, result.err
    part = " ".join(_others(result.out).split())
    assert "[bold red]rich markup[/bold red] should show as typed" in part
    assert "<script>alert('x')</script>" in part
    assert "\x1b" not in result.out
    assert "change since the round of 20 Nov 2026" in part


def test_no_round_no_section(cli: CliRunner, terminal: None) -> None:
    import datetime as dt

    from support.feedback_journal import reflect_on

    reflect_on(dt.date(2026, 11, 18), {"cultivate-belonging": 4})
    result = cli("report", "--period", "year", "--until", "2026-11-30")
    assert result.code == 0 and "Others' view" not in result.out
