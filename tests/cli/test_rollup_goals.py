"""Goals for the coach (issue 16): `coach summary` shows each client's goals (where
they were -> the target by its date, where they stand, their words for success) in
md, html and json; `coach prep` shows them too, with dropped exercises and their
reasons and the roll-up's own flags; no wellbeing flag (the check is never shared)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.coach_runs import coach
from support.goal_client import DROP_REASON, DROPPED_SUCCESS, SUCCESS, goal_client

PROTECT = "Protect time to reflect, experiment, engage and rest"


@pytest.fixture
def bundle(cli: CliRunner, tmp_path: Path) -> Path:
    return goal_client(cli, tmp_path / "clients")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_roll_up_shows_each_goal_where_it_stands_and_the_success_words(
    cli: CliRunner, bundle: Path, fmt: str
) -> None:
    out = coach(cli, "summary", str(bundle), "--format", fmt)
    assert "Goals" in out
    assert "2 → 4 by 1 Mar 2027" in out
    assert "now 3, rising" in out
    assert SUCCESS in out and DROPPED_SUCCESS in out
    assert "dropped 20 Nov" in out  # a closed goal says so, and when


def test_the_json_roll_up_carries_each_goal(cli: CliRunner, bundle: Path) -> None:
    (client,) = json.loads(coach(cli, "summary", str(bundle), "--format", "json"))["clients"]
    first, second = client["goals"]
    assert first["title"] == PROTECT
    assert (first["start"], first["target"], first["due"], first["now"]) == (2, 4, "2027-03-01", 3)
    assert (first["status"], first["standing"], first["success"]) == (
        "open",
        "now 3, rising",
        SUCCESS,
    )
    assert (second["behaviour_id"], second["status"], second["closed_on"]) == (
        "prompt-insight",
        "dropped",
        "2026-11-20",
    )


def test_the_standing_shown_is_worked_out_not_taken_from_the_bundle(
    cli: CliRunner, bundle: Path, tmp_path: Path
) -> None:
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["goals"][0]["standing"] = "target reached, well done"  # the writer's own claim
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(data), encoding="utf-8")
    out = coach(cli, "summary", str(forged))
    assert "well done" not in out and "now 3, rising" in out


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_prep_sheet_shows_goals_dropped_exercises_and_the_roll_ups_flags(
    cli: CliRunner, bundle: Path, fmt: str
) -> None:
    out = coach(cli, "prep", str(bundle), "--format", fmt)
    assert "Goals" in out and "2 → 4 by 1 Mar 2027" in out and "now 3, rising" in out
    assert SUCCESS in out
    assert DROP_REASON in out  # the dropped exercise, with the reason Ana gave
    rolled = coach(cli, "summary", str(bundle), "--format", fmt)
    # One rule for flags: the relapse the roll-up flags is on the prep sheet too.
    assert "down from 4 to 2" in rolled and "down from 4 to 2" in out
    later = coach(cli, "prep", str(bundle), "--format", fmt, day=dt.date(2026, 12, 10))
    assert "not reflected for 20 days" in later


def test_no_flag_on_the_private_check_even_from_a_bundle_that_carries_one(
    cli: CliRunner, bundle: Path, tmp_path: Path
) -> None:
    data = json.loads(bundle.read_text(encoding="utf-8"))
    assert "wellbeing" not in data  # the person's check stays private
    data["wellbeing"] = [{"week": "2026-W46", "level": 1}, {"week": "2026-W47", "level": 1}]
    other = tmp_path / "checks.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    for fmt in ("md", "json"):
        out = coach(cli, "summary", str(other), "--format", fmt)
        assert "wellbeing" not in out.lower()
