"""The bundle's round carries no false figure: `feedback.groups` are the groups and
their raters only (a round has no one mean; a group's view of a behaviour is its
`by_group`), and a bundle that still carries the old `"mean": 0` reads as before."""

from __future__ import annotations

import json
from pathlib import Path

from support.cli import CliRunner
from support.coach_runs import coach
from support.feedback_client import feedback_client


def test_the_groups_say_who_answered_and_no_mean(cli: CliRunner, tmp_path: Path) -> None:
    bundle = feedback_client(cli, tmp_path / "clients")
    feedback = json.loads(bundle.read_text(encoding="utf-8"))["feedback"]
    assert feedback["groups"] == [{"group": "direct-report", "n": 3}]
    # The means a group has are per behaviour, and real.
    (belonging, *_) = feedback["behaviours"]
    assert belonging["by_group"] == [{"group": "direct-report", "mean": 2.33, "n": 3}]

    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["feedback"]["groups"] = [{"group": "direct-report", "mean": 0, "n": 3}]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    (client,) = json.loads(coach(cli, "summary", str(older), "--format", "json"))["clients"]
    assert client["feedback"]["groups"] == "direct-report 3"
