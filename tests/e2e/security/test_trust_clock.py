"""One clock: every command dates things in the `timezone` setting, not the system's zone.

The machine runs in UTC (conftest sets TZ=UTC); the user lives in Auckland. At
12:00 UTC on Sunday 29 November 2026 it is already 01:00 on Monday 30 November in
Auckland: ISO week 2026-W48 on the machine, 2026-W49 for the user.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from belonging_cli import clock
from belonging_cli.coaching.example import example_pack
from belonging_cli.coaching.samples import sample_bundle
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from support.cli import REPO, CliRunner

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.timezone.utc)
USER_WEEK = "2026-W49"  # Monday 30 November in Auckland
SYSTEM_WEEK = "2026-W48"  # still Sunday 29 November in UTC


@pytest.fixture(autouse=True)
def in_auckland(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda zone=None: NOW.astimezone(zone))
    assert cli("config", "set", "timezone", "Pacific/Auckland").code == 0


def _reflect_from_template(cli: CliRunner, tmp_path: Path) -> str:
    template = cli("reflect", "--answers-template")
    assert template.code == 0, template.err
    answers = tmp_path / "answers.yaml"
    answers.write_text(template.out, encoding="utf-8")
    saved = cli("reflect", "--answers", str(answers))
    assert saved.code == 0, saved.err
    return saved.err


def test_a_reflection_lands_in_the_users_week_and_status_agrees(
    cli: CliRunner, tmp_path: Path
) -> None:
    said = _reflect_from_template(cli, tmp_path)
    assert USER_WEEK in said
    with open_journal() as journal:
        (session,) = journal.sessions()
        (experiment,) = journal.experiments(status="open")
    assert session.week == USER_WEEK
    assert session.started_at.date() == dt.date(2026, 11, 30)  # the user's day
    assert session.completed_at is not None
    assert session.completed_at.utcoffset() == dt.timedelta(hours=13)
    assert experiment.week == "2026-W50"
    status = json.loads(cli("status", "--json").out)
    assert status["week"] == USER_WEEK
    assert status["reflection"]["state"] == "done"


def test_the_answers_template_is_dated_in_the_users_zone(cli: CliRunner) -> None:
    template = cli("reflect", "--answers-template")
    assert "made 2026-11-30" in template.out


def test_date_today_is_the_users_today(cli: CliRunner, tmp_path: Path) -> None:
    """`--date 2026-11-30` is today for the user, not a day in the future."""
    template = cli("reflect", "--answers-template", "--date", "2026-11-30")
    assert template.code == 0, template.err


def test_exercises_are_overdue_by_the_users_today(cli: CliRunner, tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(example_pack(load_rubric(REPO / "rubrics")), encoding="utf-8")
    assert cli("exercises", "import", str(pack)).code == 0
    with open_journal() as journal:
        first = sorted(journal.assignments(), key=lambda a: a.id)[0]
        assert first.imported_at.utcoffset() == dt.timedelta(hours=13)
        # Due on Sunday 29th: the machine's today, but yesterday for the user.
        journal.upsert_assignment(replace(first, due=dt.date(2026, 11, 29)))
    listed = {
        row["id"]: row for row in json.loads(cli("exercises", "list", "--json").out)["exercises"]
    }
    assert listed[first.id]["state"] == "overdue"


def test_coach_summary_is_made_on_the_users_today(cli: CliRunner, tmp_path: Path) -> None:
    bundle = tmp_path / "client.json"
    bundle.write_text(json.dumps(sample_bundle("Client", 1, dt.date(2026, 11, 29))), "utf-8")
    summary = cli("coach", "summary", str(bundle))
    assert summary.code == 0, summary.err
    assert "Made 2026-11-30;" in summary.out


def test_one_function_gives_now_in_the_users_zone(cli: CliRunner) -> None:
    from belonging_cli.config import load_config

    now = clock.user_now(load_config())
    assert now.utcoffset() == dt.timedelta(hours=13)
    assert clock.iso_week(now.date()) == USER_WEEK
