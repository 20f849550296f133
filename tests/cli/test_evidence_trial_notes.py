"""What `evidence calendar` and `evidence transcript` say after storing: the same
notes, on the same stream (stderr, as every note of the tool), figures on stdout."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support.cli import CliRunner
from support.places import HOSTILE

CALENDAR = str(HOSTILE / "evidence_reports" / "rising-meetings.ics")
WEEKS = ("--since", "2026-02-02", "--until", "2026-03-01")
TRANSCRIPT = str(HOSTILE / "evidence_reports" / "standup-2026-02-17.txt")
Run = Callable[[CliRunner], tuple[str, str]]


def _calendar(cli: CliRunner) -> tuple[str, str]:
    done = cli("evidence", "calendar", CALENDAR, *WEEKS)
    assert done.code == 0, done.err
    return done.out, done.err


def _transcript(cli: CliRunner) -> tuple[str, str]:
    done = cli("evidence", "transcript", TRANSCRIPT, "--me", "Dana Reyes")
    assert done.code == 0, done.err
    return done.out, done.err


@pytest.mark.parametrize("run", [_calendar, _transcript], ids=["calendar", "transcript"])
def test_the_kept_note_is_on_stderr_and_only_figures_on_stdout(cli: CliRunner, run: Run) -> None:
    out, err = run(cli)
    assert "Kept the figures of" in err and "Kept the figures" not in out
    assert all(line[:4].isdigit() for line in out.splitlines())  # each a week's or a day's


@pytest.mark.parametrize(
    ("run", "weeks"),
    [(_calendar, "2026-W06, 2026-W07, 2026-W08, 2026-W09"), (_transcript, "2026-W08")],
    ids=["calendar", "transcript"],
)
def test_importing_again_says_which_weeks_it_replaced(cli: CliRunner, run: Run, weeks: str) -> None:
    _, first = run(cli)
    assert "Replaced" not in first
    _, again = run(cli)
    assert f"Replaced what was kept before for {weeks}." in again.splitlines()
