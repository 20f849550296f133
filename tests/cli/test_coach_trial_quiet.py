"""A client who back-dated their only reflection is quiet for the coach: the bundle's
`last_reflection` is the day the reflection is for (its week), not the day it was made."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from support.cli import CliRunner
from support.coach_runs import coach
from support.coach_trial import at, client, reflect, share

MADE = dt.date(2026, 12, 1)  # a Tuesday: client B reflects, shares, the coach rolls up
FOR = dt.date(2026, 11, 9)  # the day B's reflection is for (`--date`): week 2026-W46


def _backdated_client(cli: CliRunner, folder: Path) -> Path:
    with client(cli, folder, "b"):
        reflect(cli, folder, on=MADE, date=FOR)
        status = at(cli, MADE, "status")
        assert "2026-W46" in status.out  # what status says of the same journal
        return share(cli, folder / "b.json", on=MADE)


def _on_time_client(cli: CliRunner, folder: Path) -> Path:
    with client(cli, folder, "a"):
        reflect(cli, folder, on=dt.date(2026, 11, 27))
        return share(cli, folder / "a.json", on=MADE)


def test_the_bundle_dates_the_reflection_by_the_day_it_is_for(
    cli: CliRunner, tmp_path: Path
) -> None:
    bundle = json.loads(_backdated_client(cli, tmp_path).read_text(encoding="utf-8"))
    assert bundle["summary"]["last_reflection"] == FOR.isoformat()


def test_a_backdated_only_reflection_is_flagged_quiet(cli: CliRunner, tmp_path: Path) -> None:
    b = _backdated_client(cli, tmp_path)
    a = _on_time_client(cli, tmp_path)
    out = coach(cli, "summary", str(a), str(b), "--format", "md", day=MADE)
    assert "Every client reflected" not in out
    assert "Not reflected for two weeks or more: B." in out
    assert f"| {FOR.isoformat()} (quiet) |" in out
    rolled = json.loads(coach(cli, "summary", str(a), str(b), "--format", "json", day=MADE))
    assert rolled["quiet_clients"] == ["B"]
    (b_row,) = [c for c in rolled["clients"] if c["name"] == "B"]
    assert b_row["last_reflection"] == FOR.isoformat()
    assert b_row["days_since_reflection"] == (MADE - FOR).days
    prep = coach(cli, "prep", str(b), day=MADE)
    assert f"last on {FOR.isoformat()}" in prep
    assert f"not reflected for {(MADE - FOR).days} days" in prep


def test_an_older_bundle_dated_by_completion_is_still_read(cli: CliRunner, tmp_path: Path) -> None:
    """A bundle written before the change says when the reflection was completed: still
    a date, read as it stands."""
    path = _backdated_client(cli, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["summary"]["last_reflection"] = MADE.isoformat()
    path.write_text(json.dumps(data), encoding="utf-8")
    out = coach(cli, "summary", str(path), "--format", "md", day=MADE)
    assert f"| {MADE.isoformat()} |" in out
