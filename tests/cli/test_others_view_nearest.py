"""The self-rating set beside others' view is the one nearest the round by the week the
reflection is for (its `date:`), not by when it was saved: back-dated reflections, all
saved on the round's day, through the real CLI. The report (json, md), `coach summary`
and `coach prep` agree on it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.cli import CliRunner
from support.coach_runs import coach
from support.feedback_client import BELONGING, TIME
from support.others_view_client import SAVED_ON, backdated_client
from support.three_clients import frozen_at, home_of


@pytest.fixture
def bundle(cli: CliRunner, tmp_path: Path) -> Path:
    return backdated_client(cli, tmp_path / "clients")


def _rows(bundle: Path) -> dict[str, Any]:
    data = json.loads(bundle.read_text(encoding="utf-8"))
    return {b["behaviour_id"]: b for b in data["feedback"]["behaviours"]}


def test_the_report_sets_the_rating_of_the_week_nearest_the_round_beside_others(
    bundle: Path,
) -> None:
    rows = _rows(bundle)
    # Not rated on the round's day: the reflection for Friday 27 November (4), not the
    # first one saved (2, for 6 November), and its day is the day it was for.
    time = rows["protect-time"]
    assert (time["self_level"], time["self_rated_on"]) == (4, "2026-11-27")
    assert time["verdict"] is None  # you 4, others 4.0: no hidden strength
    belonging = rows["cultivate-belonging"]
    assert (belonging["self_level"], belonging["self_rated_on"]) == (4, SAVED_ON.isoformat())
    assert belonging["verdict"] == "blind spot"  # you 4, others 2.33
    data = json.loads(bundle.read_text(encoding="utf-8"))
    assert data["feedback"]["hidden_strengths"] == []
    assert data["feedback"]["blind_spots"] == ["cultivate-belonging"]


def test_the_markdown_report_agrees(cli: CliRunner, bundle: Path) -> None:
    with home_of(bundle.parent, "sam"), frozen_at(SAVED_ON):
        done = cli("report", "--format", "md", "--period", "month")
    assert done.code == 0, done.err
    (row,) = [x for x in done.out.splitlines() if x.startswith(f"| {TIME} |")]
    assert row.startswith(f"| {TIME} | 4 | 4.0 (3-5, 3) |")
    assert "hidden strength" not in row
    (row,) = [x for x in done.out.splitlines() if x.startswith(f"| {BELONGING} |")]
    assert row.startswith(f"| {BELONGING} | 4 | 2.3 (2-3, 3) |") and "blind spot" in row


def test_coach_summary_and_prep_agree(cli: CliRunner, bundle: Path) -> None:
    (client,) = json.loads(coach(cli, "summary", str(bundle), "--format", "json"))["clients"]
    seen = client["feedback"]
    assert seen["hidden_strengths"] == []
    (blind,) = seen["blind_spots"]
    assert (blind["behaviour_id"], blind["self_level"]) == ("cultivate-belonging", 4)
    md = coach(cli, "summary", str(bundle), "--format", "md")
    assert f"{TIME} (you" not in md
    prep = coach(cli, "prep", str(bundle), "--format", "md")
    (line,) = [x for x in prep.splitlines() if "view:" in x]
    assert f"Blind spot: {BELONGING} (you 4, others 2.3)" in line
    assert "Hidden strength" not in line
