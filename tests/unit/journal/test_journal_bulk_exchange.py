"""Export and import at scale (issue 19): the same bytes, a cost that follows the file.

The export is read from the rows a batch at a time (no records, no whole document);
the import asks one id query a table, never one a record; the lone-surrogate check
costs a long run of backslashes its length, not its square. Each keeps the exact
bytes and every refusal the record-based path had.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.errors import ContentError
from belonging_cli.journal.exchange import export_json, parse_export
from belonging_cli.journal.store import Journal, open_journal
from belonging_cli.synthetic import generate
from support.demo_home import demo_home
from support.known_journal import build_known_journal

HOSTILE = Path(__file__).parents[2] / "hostile" / "journal_exchange"
END = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {
        "demo": demo_home(tmp_path_factory.mktemp("demo"), weeks=30),
        "known": build_known_journal(tmp_path_factory.mktemp("known") / "home").home,
    }


@pytest.mark.parametrize("name", ["demo", "known"])
def test_the_json_export_has_the_bytes_of_the_journals_records(
    cli: Any, homes: dict[str, Path], name: str, tmp_path: Path
) -> None:
    home = homes[name]
    with open_journal(home / "journal.db") as journal:
        from_records = export_json(journal.load_all())
    printed = cli("--home", str(home), "journal", "export")
    assert printed.code == 0, printed.err
    assert printed.out == from_records
    out = tmp_path / "export.json"
    written = cli("--home", str(home), "journal", "export", "--out", str(out))
    assert written.code == 0, written.err
    assert out.read_text(encoding="utf-8") == from_records
    sessions = from_records.count('"flow_id"')
    assert f"Exported {sessions} sessions" in written.err
    # Imported into a new journal and exported again: the same bytes.
    again = tmp_path / "again"
    assert cli("--home", str(again), "journal", "import", str(out)).code == 0
    assert cli("--home", str(again), "journal", "export").out == from_records


def test_the_json_export_builds_no_journal_of_records(
    cli: Any, homes: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_journal(homes["demo"] / "journal.db") as journal:
        expected = export_json(journal.load_all())

    def whole(self: Journal) -> None:
        raise AssertionError("the JSON export loaded the whole journal as records")

    monkeypatch.setattr(Journal, "load_all", whole)
    printed = cli("--home", str(homes["demo"]), "journal", "export")
    assert printed.code == 0, printed.err
    assert printed.out == expected


def test_the_export_reads_the_sessions_a_batch_at_a_time(tmp_path: Path) -> None:
    """More sessions than a batch, none lost, none twice, in the records' order."""
    from belonging_cli.journal import export_rows

    data = generate(load_rubric(), weeks=12, end=END, sessions_per_week=3)
    with open_journal(tmp_path / "journal.db") as journal:
        journal.import_data(data)
        expected = export_json(journal.load_all())
        old = export_rows.BATCH
        export_rows.BATCH = 5  # 36 sessions: 8 batches, the last one short
        try:
            counted = export_rows.Counted()
            assert "".join(journal.export_chunks(counted)) == expected
        finally:
            export_rows.BATCH = old
    assert (counted.sessions, counted.experiments) == (36, len(data.experiments))


def _selects_of_an_import(folder: Path, weeks: int) -> int:
    data = generate(load_rubric(), weeks=weeks, end=END)
    asked: list[str] = []
    with open_journal(folder / "journal.db") as journal:
        journal._conn.set_trace_callback(asked.append)
        counts = journal.import_data(data)
        journal._conn.set_trace_callback(None)
    assert counts.sessions == weeks
    return sum(1 for statement in asked if statement.lstrip().upper().startswith("SELECT"))


def test_an_import_asks_for_known_ids_once_a_table_however_many_records(
    tmp_path: Path,
) -> None:
    few = _selects_of_an_import(tmp_path / "few", 3)
    many = _selects_of_an_import(tmp_path / "many", 40)
    assert many == few <= 5


def test_an_import_skips_known_ids_and_counts_them(tmp_path: Path) -> None:
    data = generate(load_rubric(), weeks=6, end=END)
    with open_journal(tmp_path / "journal.db") as journal:
        journal.import_data(type(data)(data.sessions[:3], data.experiments[:2]))
        counts = journal.import_data(data)
        assert counts.sessions == 3 and counts.skipped == 5
        assert counts.experiments == len(data.experiments) - 2
        assert journal.count_sessions() == 6


def _cases() -> list[tuple[str, bool]]:
    corpus = json.loads((HOSTILE / "surrogates.json").read_text(encoding="utf-8"))
    return [
        (c["text"] * c.get("repeat", 1) + c.get("then", ""), c["lone"]) for c in corpus["cases"]
    ]


EXPORT = export_json(generate(load_rubric(), weeks=1, end=END))
PLACE = json.dumps(json.loads(EXPORT)["sessions"][0]["answers"][0]["value"])


@pytest.mark.parametrize(("text", "lone"), _cases(), ids=lambda v: repr(v)[:24])
def test_a_lone_surrogate_is_refused_at_its_place_in_time_that_follows_the_text(
    text: str, lone: bool
) -> None:
    assert isinstance(json.loads(PLACE), str) and EXPORT.count(PLACE) >= 1
    export = EXPORT.replace(PLACE, f'"{text}"', 1)
    line = export[: export.index(f'"{text}"')].count("\n") + 1
    start = time.perf_counter()
    if lone:
        with pytest.raises(ContentError) as refused:
            parse_export(export, "export.json")
        (problem,) = refused.value.problems
        assert problem.line == line
        assert "half of a surrogate pair" in problem.message
    else:
        data = parse_export(export, "export.json")
        assert data.sessions[0].answers[0].value == json.loads(f'"{text}"')
    assert time.perf_counter() - start < 1.5  # the old check: ~20 s at 60,000 backslashes
