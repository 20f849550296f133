"""The journal store split by job (issue 16): Journal keeps its whole API, and an
import counts every kind of record it adds, goals and feedback rounds too."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from belonging_cli.goals import new_goal
from belonging_cli.journal.exchange import export_json, parse_export
from belonging_cli.journal.store import Journal, open_journal
from support.cli import CliRunner
from support.feedback_samples import five_raters_three_groups
from support.places import REPO

SET = dt.datetime(2026, 12, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=1)))
DUE = dt.date(2027, 3, 1)
STORE = REPO / "src" / "belonging_cli" / "journal" / "store.py"


def _journal_with_goals_and_a_round(tmp_path: Path, cli: CliRunner) -> str:
    aggregate = tmp_path / "aggregate.json"
    aggregate.write_text(json.dumps(five_raters_three_groups()), encoding="utf-8")
    assert cli("feedback", "import", str(aggregate)).code == 0
    with open_journal() as journal:
        journal.add_goal(new_goal("protect-time", 4, DUE, "Two free afternoons", SET), "P")
        journal.add_goal(new_goal("cultivate-belonging", 3, DUE, "Ask first", SET), "C")
        return export_json(journal.load_all())


def test_the_store_module_is_small_and_keeps_its_api() -> None:
    assert len(STORE.read_text(encoding="utf-8").splitlines()) <= 400
    for method in (
        "import_data",
        "add_feedback_round",
        "feedback_rounds",
        "save_evidence",
        "evidence",
        "add_goal",
        "goals",
        "load_all",
        "create_session",
    ):
        assert callable(getattr(Journal, method)), method


def test_an_import_counts_goals_and_feedback_rounds(cli: CliRunner, tmp_path: Path) -> None:
    text = _journal_with_goals_and_a_round(tmp_path, cli)
    with open_journal(tmp_path / "b.sqlite") as journal:
        counts = journal.import_data(parse_export(text, "export.json"))
        assert (counts.goals, counts.feedback_rounds, counts.skipped) == (2, 1, 0)
        assert counts.added == 3
        again = journal.import_data(parse_export(text, "export.json"))
        assert (again.goals, again.feedback_rounds, again.skipped) == (0, 0, 3)


def test_journal_import_says_how_many_goals_and_rounds(cli: CliRunner, tmp_path: Path) -> None:
    text = _journal_with_goals_and_a_round(tmp_path, cli)
    export = tmp_path / "export.json"
    export.write_text(text, encoding="utf-8")
    other = tmp_path / "other-home"
    first = cli("--home", str(other), "journal", "import", str(export))
    assert first.code == 0, first.err
    assert "2 goals" in first.err and "1 feedback round" in first.err, first.err
    again = cli("--home", str(other), "journal", "import", str(export))
    assert "3 already in the journal" in again.err, again.err
