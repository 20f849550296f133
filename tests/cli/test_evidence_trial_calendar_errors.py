"""A bad calendar is one line in plain words at its place, as every file's problem
is (`FILE:LINE:COL: ...`): never the parser's words, a bytes repr or replacement
characters; a file that is not UTF-8 is refused as a transcript is. Nothing is stored.
The cases: tests/hostile/evidence_trial/calendar_problems.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.places import HOSTILE

HERE = HOSTILE / "evidence_trial"
CASES: dict[str, dict[str, str]] = json.loads(
    (HERE / "calendar_problems.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_calendar_is_one_plain_line_at_its_place(
    cli: CliRunner, isolated_home: Path, name: str
) -> None:
    path = (HERE / name).resolve()
    done = cli("evidence", "calendar", str(path), "--since", "2024-01-01", "--until", "2026-03-01")
    assert done.code == 1
    (line,) = done.err.splitlines()
    assert line == f"{path}:{CASES[name]['at']}: {CASES[name]['says']}"
    assert "b'" not in line and "\ufffd" not in line and done.out == ""
    assert not (isolated_home / "journal.db").exists()


def test_a_missing_calendar_is_a_plain_error(cli: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "gone.ics"
    done = cli("evidence", "calendar", str(missing))
    assert done.code == 1
    assert done.err.splitlines() == [f"belonging: error: {missing}: no such file"]


def test_escape_sequences_in_a_calendar_never_reach_the_terminal(cli: CliRunner) -> None:
    path = str(HERE / "escape_name.ics")
    done = cli("evidence", "calendar", path, "--since", "2026-02-02", "--until", "2026-02-08")
    assert done.code == 0, done.err
    assert "2026-W06  1 h of meetings (1 meeting)" in done.out
    assert "\x1b" not in done.out + done.err and "pwned" not in done.out + done.err
