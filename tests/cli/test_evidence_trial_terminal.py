"""`belonging report` at a terminal, Evidence: readable at 60 and 80 columns as the
Ratings are (no heading cut to 'experim…'): a table while its words fit whole, else
each week stacked, its ratings and figures under it."""

from __future__ import annotations

import pytest

from belonging_cli.reports import command
from support.cli import CliRunner
from support.evidence_reports import PERIOD, evidence_journal

CALENDAR_TITLE = "Protect time to reflect, experiment, engage and rest (rating)"


def _evidence(cli: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: int) -> str:
    evidence_journal(cli)
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setattr(command, "stdout_is_terminal", lambda: True)
    done = cli("report", *PERIOD)
    assert done.code == 0, done.err
    screen = done.out
    section = screen[screen.index("\nEvidence\n") :]
    section = (
        section[: section.index("\nHighs and lows")] if "\nHighs and lows" in section else section
    )
    assert all(len(line) <= columns for line in section.splitlines())
    return section


@pytest.mark.parametrize("columns", [60, 80])
def test_no_word_of_the_evidence_is_cut(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    section = _evidence(cli, monkeypatch, columns)
    assert "\u2026" not in section
    words = set(section.split())
    for heading in (CALENDAR_TITLE, "Cultivate belonging (rating)", "Longest monologue"):
        assert set(heading.split()) <= words, heading


def test_at_60_columns_a_table_too_wide_for_its_words_is_stacked(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _evidence(cli, monkeypatch, 60).splitlines()
    # The calendar's words fit whole in 60 columns: a table, its headings wrapped.
    assert [line.split() for line in lines if line.startswith("2026-W09 ")] == [
        ["2026-W09", "4", "8", "h", "8", "h", "0", "h", "0", "h"]
    ]
    # The meetings' do not: each week on a line of its own, its cells under it.
    assert lines.count("2026-W09") == 1
    below = [" ".join(line.split()) for line in lines[lines.index("2026-W09") + 1 :]]
    assert below[:2] == [
        "Engage people so they learn and find insight (rating): 2",
        "Cultivate belonging (rating): 3",
    ]
    assert " ".join(below[2:4]).startswith(
        "Your talk share: 50%, Questions: 3, Open questions: 2, Longest monologue: 4 s"
    )


def test_at_80_columns_the_weeks_are_a_table(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _evidence(cli, monkeypatch, 80).splitlines()
    rows = [line.split() for line in lines if line.startswith("2026-W09")]
    assert rows == [
        ["2026-W09", "4", "8", "h", "8", "h", "0", "h", "0", "h"],
        ["2026-W09", "2", "3", "50%", "3", "2", "4", "s"],
    ]
