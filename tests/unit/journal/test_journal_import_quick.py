"""`journal import` of a journal's own export (issue 19): checked without a model a record,
written straight into rows, holding the file about once in memory; the same outcome as the
models' path for anything else (tests/properties/test_journal_import_paths.py)."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.exchange import export_json, plain_record, read_export
from belonging_cli.journal.importing import ExportFile
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import generate
from support.listening_exercise import listening_exercise

END = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal's own export: 60 sessions with their answers, ratings and experiments."""
    path = tmp_path_factory.mktemp("export") / "export.json"
    data = generate(load_rubric(), weeks=20, end=END, sessions_per_week=3)
    with open_journal(path.parent / "journal.db") as journal:
        journal.import_data(data)
    path.write_text(export_json(data), encoding="utf-8")
    return path


def _exported(cli: Any, home: Path) -> str:
    printed = cli("--home", str(home), "journal", "export")
    assert printed.code == 0, printed.err
    return str(printed.out)


def test_a_journals_own_export_is_imported_without_a_model_a_record(
    cli: Any, export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("the import built the models of every record")

    monkeypatch.setattr(ExportFile, "model_validate", refused)
    home = tmp_path / "home"
    imported = cli("--home", str(home), "journal", "import", str(export))
    assert imported.code == 0, imported.err
    assert f"Imported 60 sessions, 60 experiments and 0 assignments from {export}." in imported.err
    assert _exported(cli, home) == export.read_text(encoding="utf-8")


def test_an_import_holds_the_file_about_once_in_memory(
    cli: Any, export: Path, tmp_path: Path
) -> None:
    """The file's text and what json reads of it, not a model and a record of each part
    as well (which took three times more)."""
    warm = cli("--home", str(tmp_path / "warm"), "journal", "import", str(export))
    assert warm.code == 0, warm.err  # the modules it imports, not counted below
    tracemalloc.start()
    try:
        imported = cli("--home", str(tmp_path / "home"), "journal", "import", str(export))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert imported.code == 0, imported.err
    assert peak <= 5 * export.stat().st_size


def test_sessions_already_there_are_skipped_and_the_others_stored_whole(
    cli: Any, export: Path, tmp_path: Path
) -> None:
    document = json.loads(export.read_text(encoding="utf-8"))
    half = dict(document, sessions=document["sessions"][::2], experiments=[])
    first = tmp_path / "half.json"
    first.write_text(json.dumps(half), encoding="utf-8")
    home = tmp_path / "home"
    assert cli("--home", str(home), "journal", "import", str(first)).code == 0
    again = cli("--home", str(home), "journal", "import", str(export))
    assert again.code == 0, again.err
    assert again.err.strip() == (
        f"Imported 30 sessions, 60 experiments and 0 assignments from {export}; "
        "30 already in the journal."
    )
    assert _exported(cli, home) == export.read_text(encoding="utf-8")


def test_a_refused_value_deep_in_a_long_file_is_placed_and_nothing_is_written(
    cli: Any, export: Path, tmp_path: Path
) -> None:
    lines = export.read_text(encoding="utf-8").splitlines(keepends=True)
    at = max(i for i, line in enumerate(lines) if '"level": 3' in line)
    lines[at] = lines[at].replace('"level": 3', '"level": 7', 1)
    bad = tmp_path / "bad.json"
    bad.write_text("".join(lines), encoding="utf-8")
    home = tmp_path / "home"
    assert cli("--home", str(home), "journal", "list").code == 0  # an empty journal
    before = (home / "journal.db").read_bytes()
    refused = cli("--home", str(home), "journal", "import", str(bad))
    assert refused.code == 1
    (line,) = refused.err.strip().splitlines()
    assert line.startswith(f"{bad}:{at + 1}:")
    assert "ratings[" in line and "].level: Input should be less than or equal to 5" in line
    assert (home / "journal.db").read_bytes() == before


EXERCISE = listening_exercise(dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.timezone.utc))


def _with_an_exercise(export: Path, questions_json: str, folder: Path) -> Path:
    """The export with a coach's exercise, done by its first session."""
    document = json.loads(export.read_text(encoding="utf-8"))
    document["assignments"] = [dict(plain_record(EXERCISE), questions_json=questions_json)]
    document["sessions"][0]["assignment_id"] = EXERCISE.id
    path = folder / "with-exercise.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path


def test_a_coachs_exercise_beside_the_sessions_is_checked_and_stored_as_ever(
    cli: Any, export: Path, tmp_path: Path
) -> None:
    given = _with_an_exercise(export, EXERCISE.questions_json, tmp_path)
    home = tmp_path / "home"
    imported = cli("--home", str(home), "journal", "import", str(given))
    assert imported.code == 0, imported.err
    assert "Imported 60 sessions, 60 experiments and 1 assignment from" in imported.err
    with open_journal(home / "journal.db") as journal:
        stored = journal.load_all()
    expected = read_export(given)
    assert stored.assignments == expected.assignments
    assert stored.sessions[0].assignment_id == EXERCISE.id
    assert _exported(cli, home) == export_json(expected)


def test_a_coachs_broken_exercise_is_refused_at_its_place_beside_good_sessions(
    cli: Any, export: Path, tmp_path: Path
) -> None:
    bad = _with_an_exercise(export, "[{}]", tmp_path)
    home = tmp_path / "home"
    refused = cli("--home", str(home), "journal", "import", str(bad))
    assert refused.code == 1
    (line,) = refused.err.strip().splitlines()
    assert line.startswith(f"{bad}:")
    assert "assignments[0].questions_json: question 1" in line
    listed = cli("--home", str(home), "journal", "list", "--json")
    assert json.loads(listed.out) == []
