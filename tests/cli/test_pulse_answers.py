"""The weekly pulse from an answers file and its template (issue 13): a returning week's
template lists the few it asks, a file may still rate any behaviour, `not seen` (or
null) records no rating and no report counts it, evidence may come with a rating that
did not move, and a rating written wrongly is one located line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from belonging_cli.journal.store import open_journal
from belonging_cli.records import Session
from support.cli import REPO, CliRunner
from support.weekly_answers import BEHAVIOURS, weekly_answers, write_answers

HOSTILE = yaml.safe_load((REPO / "tests/hostile/pulse/ratings.yaml").read_text("utf-8"))
FIRST = "2026-11-10"  # week one: W46, its focus protect-time
RETURNING = "2026-11-20"  # W47: not a month's first, a full pulse a week ago
# The few in W47: last week's focus, and the one rated longest ago (all tied: the first).
FEW = ("cultivate-belonging", "protect-time")


@pytest.fixture
def week_one(cli: CliRunner, tmp_path: Path) -> None:
    data = {**weekly_answers(), "date": FIRST}
    assert cli("reflect", "--answers", str(write_answers(tmp_path, data, "w1.json"))).code == 0


def returning(tmp_path: Path, ratings: dict[str, Any], **changed: Any) -> Path:
    """A W47 answers file rating only `ratings` (by behaviour id)."""
    data = weekly_answers()
    answers = {k: v for k, v in data["answers"].items() if not k.startswith("pulse.")}
    answers.update({f"pulse.{b}": v for b, v in ratings.items()}, **changed)
    return write_answers(tmp_path, {**data, "answers": answers, "date": RETURNING}, "w2.json")


def the_week(week: str = "2026-W47") -> Session:
    with open_journal() as journal:
        (session,) = [s for s in journal.sessions() if s.week == week]
    return session


def pulse_keys(template: str) -> list[str]:
    return [line.split(":")[0].strip() for line in template.splitlines() if "  pulse." in line]


def test_a_returning_weeks_template_lists_the_few_and_pulse_all_lists_all(
    cli: CliRunner, week_one: None
) -> None:
    result = cli("reflect", "--answers-template", "--date", RETURNING)
    assert result.code == 0
    assert pulse_keys(result.out) == [f"pulse.{b}" for b in FEW]
    assert "or `not seen`" in result.out  # the comment above each rating
    assert cli("config", "set", "pulse", "all").code == 0
    every = cli("reflect", "--answers-template", "--date", RETURNING)
    assert pulse_keys(every.out) == [f"pulse.{b}" for b in BEHAVIOURS]


def test_a_file_giving_the_few_or_every_rating_is_taken(
    cli: CliRunner, week_one: None, tmp_path: Path
) -> None:
    few = returning(tmp_path, dict.fromkeys(FEW, 4))
    assert cli("reflect", "--answers", str(few)).code == 0
    assert sorted(r.behaviour_id for r in the_week().ratings) == sorted(FEW)
    # A rating outside the few is not refused: the file pins it.
    every = returning(tmp_path, dict.fromkeys(BEHAVIOURS, 3))
    result = cli("reflect", "--answers", str(every), "--again")
    assert result.code == 0, result.err
    with open_journal() as journal:
        latest = max(journal.sessions(), key=lambda s: s.started_at)
    assert len(latest.ratings) == 10


def test_not_seen_or_null_records_no_rating_and_reports_count_no_level(
    cli: CliRunner, week_one: None, tmp_path: Path
) -> None:
    path = returning(tmp_path, {"protect-time": "not seen", "cultivate-belonging": None})
    assert cli("reflect", "--answers", str(path)).code == 0
    session = the_week()
    assert session.ratings == ()
    unseen = {a.behaviour_id: a.value for a in session.answers if a.step_id.startswith("pulse.")}
    assert unseen == dict.fromkeys(FEW, "not seen")
    report = cli("report", "--format", "json", "--period", "all")
    assert report.code == 0
    for row in json.loads(report.out)["ratings"]:
        assert [p["week"] for p in row["series"]] == ["2026-W46"]  # W47 counts no level
        assert row["latest"] == 3 and row["count"] == 1
    assert cli("progress").code == 0
    assert cli("status").code == 0


@pytest.mark.parametrize(
    "evidence",
    [
        {"pulse.protect-time": {"level": 3, "evidence": "Stayed at 3 despite a brutal week"}},
        {
            "pulse.protect-time": 3,
            "pulse.protect-time.evidence": "Stayed at 3 despite a brutal week",
        },
    ],
    ids=["with-the-level", "on-its-own"],
)
def test_evidence_for_a_rating_that_did_not_move_is_kept(
    cli: CliRunner, week_one: None, tmp_path: Path, evidence: dict[str, Any]
) -> None:
    path = returning(tmp_path, {"cultivate-belonging": 3}, **evidence)
    result = cli("reflect", "--answers", str(path))
    assert result.code == 0, result.err
    rating = the_week().rating("protect-time")
    assert rating is not None and rating.level == 3
    assert rating.evidence == "Stayed at 3 despite a brutal week"


@pytest.mark.parametrize("case", HOSTILE, ids=[c["says"] for c in HOSTILE])
def test_a_rating_written_wrongly_is_one_located_line(
    cli: CliRunner, week_one: None, tmp_path: Path, case: dict[str, Any]
) -> None:
    path = returning(tmp_path, {"protect-time": case["given"], "cultivate-belonging": 3})
    path = path.rename(path.with_suffix(".yaml"))  # YAML: every line has a place
    path.write_text(yaml.safe_dump(json.loads(path.read_text("utf-8"))), "utf-8")
    result = cli("reflect", "--answers", str(path))
    assert result.code == 1
    assert "Traceback" not in result.err
    (line,) = [ln for ln in result.err.splitlines() if "pulse.protect-time" in ln]
    assert line.startswith(f"{path}:") and case["says"] in line
    line_number = int(line.removeprefix(f"{path}:").split(":")[0])
    placed = path.read_text("utf-8").splitlines()[line_number - 1].strip()
    given = case["given"]
    keys = [f"{k}:" for k in given] if isinstance(given, dict) else []
    assert placed.startswith(("pulse.protect-time:", "-", *keys))  # the rating, or its part
    with open_journal() as journal:
        assert [s.week for s in journal.sessions()] == ["2026-W46"]  # nothing half written


def test_evidence_given_twice_is_refused(cli: CliRunner, week_one: None, tmp_path: Path) -> None:
    twice = {
        "pulse.protect-time": {"level": 3, "evidence": "one"},
        "pulse.protect-time.evidence": "two",
    }
    path = returning(tmp_path, {"cultivate-belonging": 3}, **twice)
    result = cli("reflect", "--answers", str(path))
    assert result.code == 1 and "evidence given twice" in result.err


def test_the_pulse_settings_take_only_their_values(cli: CliRunner) -> None:
    for key, good, bad in (("pulse", "all", "some"), ("pulse_text", "full", "short")):
        assert cli("config", "set", key, good).code == 0
        wrong = cli("config", "set", key, bad)
        assert wrong.code != 0 and "allowed:" in wrong.err and "Traceback" not in wrong.err
