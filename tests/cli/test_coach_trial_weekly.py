"""A weekly exercise counts once a week: doing it again in the same week saves the
answers, says "already done this week; counted once", and counts no second week."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from support.cli import CliRunner
from support.coach_trial import WEEKLY, at, client, do_exercise, import_pack

IMPORTED = dt.date(2026, 11, 2)  # a Monday: weekly-hour falls due 2w later, 16 Nov
ANSWERS = {"kept-hour": 4, "next": "Guard Friday afternoon"}


def _listed(cli: CliRunner, on: dt.date) -> dict[str, object]:
    result = at(cli, on, "exercises", "list", "--all", "--json")
    assert result.code == 0, result.err
    (row,) = [r for r in json.loads(result.out)["exercises"] if r["id"] == WEEKLY]
    return dict(row)


def test_a_second_time_the_same_week_is_counted_once(cli: CliRunner, tmp_path: Path) -> None:
    with client(cli, tmp_path, "a"):
        import_pack(cli, IMPORTED)
        day = dt.date(2026, 11, 20)  # a Friday
        first = do_exercise(cli, tmp_path, WEEKLY, ANSWERS, day)
        assert first.code == 0, first.err
        assert "2 more weeks to go, due 2026-11-27" in first.err
        again = do_exercise(cli, tmp_path, WEEKLY, ANSWERS, day)
        assert again.code == 0, again.err
        assert "already done this week; counted once" in again.err
        assert "2 more weeks to go, due 2026-11-27" in again.err
        row = _listed(cli, day)
        assert row["times_done"] == 1 and row["due"] == "2026-11-27"
        # Later in the same ISO week (Sunday): still the same week.
        sunday = do_exercise(cli, tmp_path, WEEKLY, ANSWERS, dt.date(2026, 11, 22))
        assert "already done this week; counted once" in sunday.err
        assert _listed(cli, dt.date(2026, 11, 22))["times_done"] == 1
        # The next week counts again, and the due date moves on.
        monday = do_exercise(cli, tmp_path, WEEKLY, ANSWERS, dt.date(2026, 11, 23))
        assert monday.code == 0, monday.err
        assert "already done" not in monday.err
        assert "1 more week to go, due 2026-11-30" in monday.err
        assert _listed(cli, dt.date(2026, 11, 23))["times_done"] == 2


def test_the_answers_of_the_repeat_are_kept(cli: CliRunner, tmp_path: Path) -> None:
    """Counted once, but nothing the client wrote is lost: both sessions are in the journal."""
    with client(cli, tmp_path, "a"):
        import_pack(cli, IMPORTED)
        day = dt.date(2026, 11, 20)
        do_exercise(cli, tmp_path, WEEKLY, ANSWERS, day)
        do_exercise(cli, tmp_path, WEEKLY, {**ANSWERS, "next": "Say no to one meeting"}, day)
        listed = at(cli, day, "journal", "list", "--json")
        assert listed.code == 0, listed.err
        flows = [s["flow_id"] for s in json.loads(listed.out)]
        assert flows.count(f"exercise:{WEEKLY}") == 2
