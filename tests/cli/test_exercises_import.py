"""The client's side: importing a coach's pack, updating it, listing, showing, dropping."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from belonging_cli.coaching.example import example_pack
from belonging_cli.coaching.importing import plan_import
from belonging_cli.coaching.progress import record_done, state
from belonging_cli.content.packs import parse_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.content.source import parse_text
from belonging_cli.journal.store import open_journal
from support.cli import REPO, CliRunner

RUBRIC = load_rubric(REPO / "rubrics")
PACK = example_pack(RUBRIC)
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone.utc)


def write_pack(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def version_2(text: str = PACK) -> str:
    """The coach's update: new version, new wording and due time, one exercise removed."""
    cut = text.index("  - id: weekly-rhythm")
    text = text[:cut].replace('version: "1"', 'version: "2"')
    return text.replace("two open questions", "three open questions").replace(
        "due: 8d", "due: 10d", 1
    )


def listing(cli: CliRunner) -> dict[str, dict[str, object]]:
    result = cli("exercises", "list", "--json")
    assert result.code == 0, result.err
    return {item["id"]: item for item in json.loads(result.out)["exercises"]}


def test_import_is_idempotent(cli: CliRunner, tmp_path: Path) -> None:
    path = write_pack(tmp_path, PACK)
    first = cli("exercises", "import", str(path))
    assert first.code == 0, first.err
    assert "3 added" in first.err
    assert "add: first-month/ask-dont-tell  Ask before you tell, due" in first.err
    before = listing(cli)
    again = cli("exercises", "import", str(path))
    assert again.code == 0
    assert "already imported; nothing changed" in again.err
    assert listing(cli) == before
    item = before["first-month/ask-dont-tell"]
    assert item["state"] == "due"
    assert item["behaviour_id"] == "prompt-insight"
    assert before["first-month/weekly-rhythm"]["cadence_weeks"] == 4


def test_a_newer_version_updates_and_keeps_what_was_done(cli: CliRunner, tmp_path: Path) -> None:
    assert cli("exercises", "import", str(write_pack(tmp_path, PACK))).code == 0
    with open_journal() as journal:  # the client did the first exercise once
        done = record_done(journal.assignment("first-month/ask-dont-tell"), NOW)
        journal.upsert_assignment(done)
    update = cli("exercises", "import", str(write_pack(tmp_path, version_2(), "v2.yaml")))
    assert update.code == 0, update.err
    assert "2 updated, 1 withdrawn" in update.err
    with open_journal() as journal:
        kept = journal.assignment("first-month/ask-dont-tell")
        gone = journal.assignment("first-month/weekly-rhythm")
    assert "three open questions" in kept.instructions
    assert kept.pack_version == "2"
    assert kept.times_done == 1 and kept.status == "done" and kept.completed_at == NOW
    assert gone.status == "withdrawn"  # not deleted
    assert cli("exercises", "import", str(tmp_path / "v2.yaml")).code == 0
    older = cli("exercises", "import", str(tmp_path / "pack.yaml"))
    assert older.code == 1
    assert "older version 1" in older.err


def test_update_moves_relative_due_dates_and_brings_back_withdrawn() -> None:
    v1 = parse_pack(parse_text(PACK, "v1.yaml"), RUBRIC)
    v2 = parse_pack(parse_text(version_2(), "v2.yaml"), RUBRIC)
    first = plan_import(v1, [], NOW)
    stored = list(first.writes)
    later = NOW + dt.timedelta(days=3)
    second = plan_import(v2, stored, later)
    by_id = {a.id: a for a in second.writes}
    # 10d from the first import (27 Nov), not from the update three days later
    assert by_id["first-month/ask-dont-tell"].due == dt.date(2026, 12, 7)
    assert by_id["first-month/weekly-rhythm"].status == "withdrawn"
    merged = {a.id: a for a in stored} | by_id
    v3 = parse_pack(parse_text(PACK.replace('version: "1"', 'version: "3"'), "v3.yaml"), RUBRIC)
    third = plan_import(v3, list(merged.values()), later)
    assert {a.id: a.status for a in third.writes}["first-month/weekly-rhythm"] == "assigned"
    merged |= {a.id: a for a in third.writes}
    assert plan_import(v3, list(merged.values()), later + dt.timedelta(days=9)).writes == ()


def test_a_dropped_exercise_stays_dropped_through_an_update() -> None:
    v1 = parse_pack(parse_text(PACK, "v1.yaml"), RUBRIC)
    stored = [replace(a, status="dropped") for a in plan_import(v1, [], NOW).writes]
    v2 = parse_pack(parse_text(PACK.replace('version: "1"', 'version: "2"'), "v2.yaml"), RUBRIC)
    assert {a.status for a in plan_import(v2, stored, NOW).writes} == {"dropped"}


def test_weekly_exercise_falls_due_again_until_its_weeks_run_out() -> None:
    v1 = parse_pack(parse_text(PACK, "v1.yaml"), RUBRIC)
    weekly = next(a for a in plan_import(v1, [], NOW).writes if a.cadence_weeks == 4)
    first_due = weekly.due
    assert first_due is not None
    for n in range(1, 4):  # done on its due day each week: due again a week later
        on_the_day = dt.datetime.combine(weekly.due or first_due, NOW.timetz())
        weekly = record_done(weekly, on_the_day)
        assert weekly.status == "assigned"
        assert weekly.due == first_due + dt.timedelta(weeks=n)
    weekly = record_done(weekly, NOW)
    assert weekly.status == "done" and weekly.times_done == 4
    assert state(weekly, dt.date(2030, 1, 1)) == "done"
    assert state(replace(weekly, status="assigned"), dt.date(2030, 1, 1)) == "overdue"


def test_list_show_and_drop(cli: CliRunner, tmp_path: Path) -> None:
    empty = cli("exercises", "list")
    assert empty.code == 0
    assert "No exercises yet" in empty.out
    assert cli("exercises", "import", str(write_pack(tmp_path, PACK))).code == 0
    table = cli("exercises", "list")
    assert "first-month/ask-dont-tell" in table.out
    shown = cli("exercises", "show", "ask-dont-tell")
    assert shown.code == 0, shown.err
    assert "ask two open questions" in shown.out
    assert "How hard was it" in shown.out
    as_json = json.loads(cli("exercises", "show", "first-month/weekly-rhythm", "--json").out)
    assert as_json["cadence_weeks"] == 4
    assert [q["id"] for q in as_json["questions"]] == ["kept-it", "in-the-way", "prompt", "noticed"]
    unknown = cli("exercises", "show", "nope")
    assert unknown.code == 1
    assert "no exercise 'nope'" in unknown.err
    ambiguous = cli("exercises", "show", "first-month/")
    assert ambiguous.code == 1
    assert "matches several" in ambiguous.err
    dropped = cli("exercises", "drop", "weekly-rhythm")
    assert dropped.code == 0
    assert listing(cli)["first-month/weekly-rhythm"]["state"] == "dropped"
    assert cli("exercises", "drop", "weekly-rhythm").code == 1


def test_a_bad_pack_writes_nothing(cli: CliRunner, tmp_path: Path) -> None:
    bad = write_pack(tmp_path, PACK.replace("behaviour: protect-time", "behaviour: nope"))
    result = cli("exercises", "import", str(bad))
    assert result.code == 1
    assert f"{bad}:" in result.err and "exercises[2].behaviour" in result.err
    assert listing(cli) == {}
