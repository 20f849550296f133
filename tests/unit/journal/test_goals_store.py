"""Goals in the journal: the migration, the three-open rule inside the write, export/import."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from belonging_cli.errors import BelongingError, ContentError
from belonging_cli.goals import new_goal
from belonging_cli.journal.exchange import export_json, parse_export
from belonging_cli.journal.schema import MIGRATIONS
from belonging_cli.journal.store import open_journal
from support.old_journals import write_old_journal

SET = dt.datetime(2026, 12, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=1)))
DUE = dt.date(2027, 3, 1)
GOAL_MIGRATION = next(i + 1 for i, m in enumerate(MIGRATIONS) if "CREATE TABLE goals" in m)


def test_an_older_journal_is_migrated_to_hold_goals(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    write_old_journal(path, GOAL_MIGRATION - 1)
    with open_journal(path) as journal:
        assert journal.goals() == []
        journal.add_goal(new_goal("protect-time", 4, DUE, "Two free afternoons", SET), "Protect")
        assert [g.behaviour_id for g in journal.goals()] == ["protect-time"]


def test_the_three_open_rule_holds_in_the_store(tmp_path: Path) -> None:
    with open_journal(tmp_path / "j.sqlite") as journal:
        for b in ("a", "b", "c"):
            journal.add_goal(new_goal(b, 3, DUE, "words", SET), b)
        with pytest.raises(BelongingError, match="3 open goals"):
            journal.add_goal(new_goal("d", 3, DUE, "words", SET), "d")
        first = journal.goals()[0]
        journal.close_goal(first.id[:8], "dropped", SET + dt.timedelta(days=1))
        journal.add_goal(new_goal("d", 3, DUE, "words", SET), "d")
        assert sorted(g.status for g in journal.goals()) == ["dropped", "open", "open", "open"]


def test_the_schema_refuses_a_level_outside_the_scale(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    with open_journal(path):
        pass
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO goals (id, behaviour_id, target, due, success, set_at, set_utc, status)"
            " VALUES ('x', 'b', 7, '2027-01-01', 's', 't', 't', 'open')"
        )


def test_goals_travel_in_an_export_and_back(tmp_path: Path) -> None:
    with open_journal(tmp_path / "a.sqlite") as journal:
        journal.add_goal(new_goal("protect-time", 4, DUE, "Two free afternoons", SET), "P")
        pack = new_goal("cultivate-belonging", 3, DUE, "Ask first", SET, pack_id="p", coach="Ana")
        journal.save_pack_goals([pack], str)
        text = export_json(journal.load_all())
    with open_journal(tmp_path / "b.sqlite") as journal:
        counts = journal.import_data(parse_export(text, "export.json"))
        assert counts.skipped == 0
        assert export_json(journal.load_all()) == text  # full fidelity, byte for byte
        again = journal.import_data(parse_export(text, "export.json"))
        assert again.skipped == 2  # both goals known: nothing written twice
        assert {g.behaviour_id: g.coach for g in journal.goals()} == {
            "protect-time": None,
            "cultivate-belonging": "Ana",
        }


def test_an_export_from_before_goals_imports(tmp_path: Path) -> None:
    old = {"format": "belonging-journal", "format_version": 1, "sessions": [], "experiments": []}
    data = parse_export(json.dumps(old), "old.json")
    assert data.goals == ()


def test_a_goal_in_an_export_is_checked_at_its_line(tmp_path: Path) -> None:
    goal = {
        "id": "3a2448d9-ce1a-463a-8a4d-03c56111c6fe",
        "behaviour_id": "b",
        "target": 6,
        "due": "2027-03-01",
        "success": "s",
        "set_at": "2026-12-01T09:00:00+00:00",
    }
    head = {"format": "belonging-journal", "format_version": 1}
    text = json.dumps({**head, "goals": [goal]}, indent=1)
    with pytest.raises(ContentError) as caught:
        parse_export(text, "x.json")
    assert str(caught.value).startswith("x.json:8:14: goals[0].target:")
    twice = json.dumps({**head, "goals": [{**goal, "target": 3}] * 2})
    with pytest.raises(ContentError, match="appears twice"):
        parse_export(twice, "x.json")
