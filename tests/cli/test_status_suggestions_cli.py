"""`belonging status` over a real journal suggests the monthly and the deep dive when they fit."""

from __future__ import annotations

import datetime as dt
import json
import shlex
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from belonging_cli import clock
from support import places
from support.cli import CliRunner
from support.flow_sessions import record_session

BERLIN = ZoneInfo("Europe/Berlin")
# Wednesday 2 December 2026, 09:00 in Berlin: ISO week 2026-W49 holds 30 November.
NOW = dt.datetime(2026, 12, 2, 9, 0, tzinfo=BERLIN)
HOSTILE_IDS = json.loads(
    (places.HOSTILE / "status" / "focus-ids.json").read_text(encoding="utf-8")
)["ids"]
DEEP_DIVE = "belonging reflect --flow deep-dive --behaviour protect-time"


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch, cli: CliRunner) -> None:
    monkeypatch.setattr(clock, "now", lambda zone=None: NOW.astimezone(zone))
    assert cli("config", "set", "timezone", "Europe/Berlin").code == 0


def record(week: str, flow: str = "weekly", focus: str | None = "protect-time") -> None:
    record_session(week, flow, focus, zone=BERLIN)


def test_the_month_end_week_suggests_the_monthly(cli: CliRunner) -> None:
    record("2026-W48", focus="cultivate-belonging")
    record("2026-W49", focus="protect-time")
    result = cli("status")
    assert result.code == 0, result.err
    assert "Monthly     November ends Mon 30 Nov: look back over the month\n" in result.out
    assert "run: belonging reflect --flow monthly\n" in result.out
    assert result.out.rstrip().endswith("Next: belonging reflect --flow monthly")
    record("2026-W49", flow="monthly", focus=None)
    assert "--flow monthly" not in cli("status").out  # done for November


def test_three_weeks_on_one_focus_suggest_a_deep_dive(cli: CliRunner) -> None:
    for week in ("2026-W45", "2026-W46", "2026-W47"):
        record(week)
    record("2026-W44", flow="monthly", focus=None)  # a monthly is not a weekly focus
    record("2026-W49", flow="monthly", focus=None)
    out = cli("status").out
    said = " ".join(out.split())  # the title (not the id), wrapped under its label
    assert (
        "Deep dive Protect time to reflect, experiment, engage and rest was the focus of "
        "your last three reflections" in said
    )
    assert f"run: {DEEP_DIVE}\n" in out
    data = json.loads(cli("status", "--json").out)
    assert [x["command"] for x in data["suggestions"]] == [DEEP_DIVE]
    record("2026-W48", flow="deep-dive")
    assert "deep-dive" not in cli("status").out  # done since


def test_the_weekly_flow_is_the_one_reflect_runs(cli: CliRunner) -> None:
    assert cli("config", "set", "default_flow", "five-concepts").code == 0
    for week in ("2026-W45", "2026-W46", "2026-W47"):
        record(week, flow="five-concepts")
    assert DEEP_DIVE in cli("status").out


@pytest.mark.parametrize("case", sorted(HOSTILE_IDS))
def test_a_hand_edited_focus_id_prints_as_one_safe_word(
    cli: CliRunner, isolated_home: Path, case: str
) -> None:
    for week in ("2026-W45", "2026-W46", "2026-W47"):
        record(week)
    with sqlite3.connect(isolated_home / "journal.db") as conn:
        conn.execute("UPDATE sessions SET focus_behaviour_id = ?", (HOSTILE_IDS[case]["id"],))
    result = cli("status")
    assert result.code == 0, result.err
    assert not any(ord(ch) < 32 and ch != "\n" for ch in result.out)
    runs = [x.strip() for x in result.out.splitlines() if x.strip().startswith("run: ")]
    assert all(r.startswith("run: belonging ") for r in runs), runs  # none forged
    deep = [r for r in runs if "--flow deep-dive" in r]
    if not HOSTILE_IDS[case]["suggested"]:
        assert deep == []
        return
    (run,) = deep
    words = shlex.split(run.removeprefix("run: "))
    assert words == [*DEEP_DIVE.split()[:5], HOSTILE_IDS[case]["id"]]
