"""A client's latest feedback round for the coach (issue 17): `coach summary` shows
per client the round's date, its raters, blind spots and hidden strengths (the
behaviour's title, the client's own level beside others') in md, html and json;
`coach prep` shows the same in a line or two. The verdicts are worked out again
from the levels, never taken as the bundle words them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.coach_runs import coach
from support.feedback_client import BELONGING, TIME, feedback_client
from support.goal_client import goal_client


@pytest.fixture
def bundle(cli: CliRunner, tmp_path: Path) -> Path:
    return feedback_client(cli, tmp_path / "clients")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_roll_up_shows_the_round_its_raters_and_each_verdict(
    cli: CliRunner, bundle: Path, fmt: str
) -> None:
    out = coach(cli, "summary", str(bundle), "--format", fmt)
    assert "Others' view" in out or "Others&#39; view" in out
    assert "Round of 20 Nov: 3 raters (direct-report 3)" in out
    assert f"blind spot</strong>: {BELONGING} (you 4, others 2.3)" in out or (
        f"**blind spot**: {BELONGING} (you 4, others 2.3)" in out
    )
    assert f"{TIME} (you 3, others 4.0)" in out
    assert "hidden strength" in out


def test_the_json_roll_up_carries_the_round(cli: CliRunner, bundle: Path) -> None:
    (client,) = json.loads(coach(cli, "summary", str(bundle), "--format", "json"))["clients"]
    seen = client["feedback"]
    assert (seen["collected_on"], seen["raters"], seen["groups"]) == (
        "2026-11-20",
        3,
        "direct-report 3",
    )
    (blind,) = seen["blind_spots"]
    assert (blind["title"], blind["self_level"], blind["others_mean"]) == (BELONGING, 4, 2.33)
    (hidden,) = seen["hidden_strengths"]
    assert (hidden["behaviour_id"], hidden["self_level"], hidden["others_mean"]) == (
        "protect-time",
        3,
        4.0,
    )


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_prep_sheet_shows_the_round_in_a_line(cli: CliRunner, bundle: Path, fmt: str) -> None:
    out = coach(cli, "prep", str(bundle), "--format", fmt)
    (line,) = [x for x in out.splitlines() if "view:" in x]
    assert "Round of 20 Nov: 3 raters" in line
    assert f"Blind spot: {BELONGING} (you 4, others 2.3)" in line
    assert f"Hidden strength: {TIME} (you 3, others 4.0)" in line


def test_a_verdict_the_bundle_claims_is_worked_out_again(
    cli: CliRunner, bundle: Path, tmp_path: Path
) -> None:
    data = json.loads(bundle.read_text(encoding="utf-8"))
    row = data["feedback"]["behaviours"][0]
    row["others_mean"] = 3.5  # within a level of the client's 4: no verdict
    row["verdict"], row["gap"] = "hidden strength", 3.0  # the writer's own claim
    data["feedback"]["blind_spots"] = ["protect-time"]
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(data), encoding="utf-8")
    (client,) = json.loads(coach(cli, "summary", str(forged), "--format", "json"))["clients"]
    assert client["feedback"]["blind_spots"] == []
    assert [s["behaviour_id"] for s in client["feedback"]["hidden_strengths"]] == ["protect-time"]


def test_a_client_without_a_round_shows_none(cli: CliRunner, tmp_path: Path) -> None:
    other = goal_client(cli, tmp_path / "other")
    out = coach(cli, "summary", str(other))
    assert "Others' view" not in out
    (client,) = json.loads(coach(cli, "summary", str(other), "--format", "json"))["clients"]
    assert client["feedback"] is None
    assert "view:" not in coach(cli, "prep", str(other))
