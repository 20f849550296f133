"""What an imported round shows: the report sets self beside others (md and json),
a shared report carries it (already anonymous), a journal export carries the round."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from support.cli import CliRunner
from support.feedback_journal import import_round, reflect_on


def _reflections() -> None:
    """Two reflections (the second nearest the round): real records in the journal."""
    reflect_on(dt.date(2026, 6, 1), {"cultivate-belonging": 1, "protect-time": 5})
    reflect_on(dt.date(2026, 11, 18), {"cultivate-belonging": 4, "protect-time": 3})


def _journal_with_a_round(cli: CliRunner, tmp_path: Path) -> None:
    _reflections()
    import_round(cli, tmp_path)


def test_the_report_sets_self_beside_others(cli: CliRunner, tmp_path: Path) -> None:
    _journal_with_a_round(cli, tmp_path)
    md = cli("report", "--format", "md", "--period", "year")
    assert md.code == 0, md.err
    assert "## Others' view" in md.out
    assert "Feedback from 3 people (3 direct-report)" in md.out
    assert "too few answers" in md.out  # navigate-paradox: fewer than three answered
    assert "The opening round in our Monday meeting." in md.out
    assert "peer" not in md.out.split("## Others' view")[1].split("##")[0]
    raw = cli("report", "--format", "json", "--period", "year")
    bundle = json.loads(raw.out)
    assert bundle["format_minor"] >= 4
    feedback = bundle["feedback"]
    assert feedback["raters_total"] == 3
    rows = {b["behaviour_id"]: b for b in feedback["behaviours"]}
    assert rows["cultivate-belonging"]["others_mean"] == 2.33
    assert rows["cultivate-belonging"]["self_level"] == 4
    assert feedback["blind_spots"] == ["cultivate-belonging"]
    assert feedback["hidden_strengths"] == ["protect-time"]


def test_a_shared_report_carries_the_round(cli: CliRunner, tmp_path: Path) -> None:
    _journal_with_a_round(cli, tmp_path)
    shared = cli("report", "--format", "json", "--period", "year", "--share")
    assert shared.code == 0, shared.err
    assert json.loads(shared.out)["feedback"]["keep"]


def test_no_round_no_section(cli: CliRunner) -> None:
    _reflections()
    md = cli("report", "--format", "md", "--period", "year")
    assert "Others' view" not in md.out
    assert json.loads(cli("report", "--format", "json").out)["feedback"] is None
