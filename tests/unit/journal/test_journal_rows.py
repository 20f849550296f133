"""Records <-> rows by field name: every field has its column, and comes back as it went in."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from belonging_cli.journal import rows
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Answer, Assignment, Experiment, Rating, Session

BERLIN = dt.timezone(dt.timedelta(hours=1))
AT = dt.datetime(2026, 11, 27, 17, 30, tzinfo=BERLIN)
TABLES = (rows.SESSIONS, rows.ANSWERS, rows.RATINGS, rows.EXPERIMENTS, rows.ASSIGNMENTS)


def test_every_column_of_the_schema_is_written_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    with open_journal(path):
        pass
    conn = sqlite3.connect(path)
    for table in TABLES:
        schema = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
        ordered = {"position"} if table.parent else set()
        assert set(table.written) | ordered == schema, table.name
    conn.close()


def _answer() -> Answer:
    """An answer with every field away from its default, so a dropped one shows."""
    values: dict[str, Any] = {
        "step_id": "tip",
        "kind": "long_text",
        "value": ["one", "two"],
        "answered_at": AT,
        "prompt_id": "p-1",
        "behaviour_id": "protect-time",
        "private": True,
        "question": "What will you carry into next week?",
    }
    extra = {f.name for f in fields(Answer)} - values.keys()
    if "role" in extra:
        values["role"] = "takeaway"
    return Answer(**values)


def test_every_field_of_every_record_comes_back(tmp_path: Path) -> None:
    session = Session(
        id="5f0c2a4e-0000-4000-8000-000000000001",
        flow_id="weekly",
        rubric_id="belonging-core",
        rubric_version="1.0",
        started_at=AT,
        week="2026-W48",
        status="complete",
        completed_at=AT + dt.timedelta(minutes=9),
        focus_behaviour_id="protect-time",
        tags=("team", "offsite"),
        answers=(_answer(),),
        ratings=(Rating("protect-time", 4, AT, "Held the line on Tuesday", True),),
        assignment_id="pack/walk",
    )
    assignment = Assignment(
        "pack/walk", "pack", "2", "walk", "protect-time", "Walk", "Walk and talk.", AT,
        dt.date(2026, 12, 4), 3, 20, "dropped", "Sam", '[{"id": "q"}]', AT, 1,
        "No evenings free", "Answer as you would talk to me.", "sam@example.org", "Alex",
    )  # fmt: skip
    experiment = Experiment(
        "e-1", "protect-time", "Block a thinking hour", "2026-W48", AT, session.id, "block",
        30, "I finish one draft", "done", "partly", "It held twice", "Mornings work", AT,
        session.id, True, True, True,
    )  # fmt: skip
    every: tuple[Any, ...] = (session, assignment, experiment, *session.answers, *session.ratings)
    for record in every:
        empty = [f.name for f in fields(record) if getattr(record, f.name) == f.default]
        assert not empty, f"{type(record).__name__} keeps defaults: {empty}"
    with open_journal(tmp_path / "j.db") as journal:
        journal.upsert_assignment(assignment)
        journal.save_whole_session(session, [experiment])
        assert journal.load_all().sessions == (session,)
        assert journal.experiments() == [experiment]
        assert journal.assignments() == [assignment]


@dataclass(frozen=True)
class _Backwards:
    """Experiment's fields in the reverse order: columns are found by name, not place."""

    learned_private: bool
    happened_private: bool
    private: bool
    reviewed_session_id: str | None
    reviewed_at: dt.datetime | None
    learned: str | None
    happened: str | None
    outcome: str | None
    status: str
    signal: str | None
    minutes: int | None
    rubric_experiment_id: str | None
    created_session_id: str | None
    created_at: dt.datetime
    week: str
    title: str
    behaviour_id: str
    id: str


def test_a_record_whose_fields_move_still_lands_in_its_columns(tmp_path: Path) -> None:
    backwards = rows._table(
        "experiments",
        _Backwards,
        keys=("id",),
        derived=(("created_utc", lambda e: rows.utc_key(e.created_at)),),
    )
    assert {f.name for f in fields(_Backwards)} == {f.name for f in fields(Experiment)}
    item = _Backwards(
        True, False, True, None, AT, "learned", "happened", "tried", "done", "signal", 15,
        "block", None, AT, "2026-W48", "Title", "protect-time", "e-9",
    )  # fmt: skip
    with open_journal(tmp_path / "j.db"):
        pass
    conn = sqlite3.connect(tmp_path / "j.db")
    conn.execute(backwards.insert(), backwards.row(item))
    (stored,) = conn.execute(f"SELECT {rows.EXPERIMENTS.select} FROM experiments").fetchall()
    as_experiment = rows.EXPERIMENTS.from_row(stored)
    assert {f.name: getattr(as_experiment, f.name) for f in fields(Experiment)} == {
        f.name: getattr(item, f.name) for f in fields(_Backwards)
    }
    (again,) = conn.execute(f"SELECT {backwards.select} FROM experiments").fetchall()
    assert backwards.from_row(again) == item
    conn.close()


@dataclass
class _Text:
    x: str
    y: int


@dataclass
class _Number:
    x: int
    y: str


def test_a_table_made_after_another_was_let_go_reads_its_own_records() -> None:
    """Readers are kept by a table's id: a table let go must never hand its reader to a
    new table given the same id (a review found 1,323 of 2,000 such reads wrong)."""
    import gc

    for n in range(20):
        record = _Text if n % 2 else _Number
        table = rows._table("t", record, keys=("x",))
        read = table.from_row(("v", 1) if record is _Text else (1, "v"))
        assert type(read) is record, (n, read)
        del table
        gc.collect()  # gone for sure: its id is free for the next table


def test_a_bulk_reader_of_a_field_the_table_has_not_is_refused() -> None:
    """A misspelt field given (or kept as one shared copy) would read its column as
    stored, silently: the table says it has no such field."""
    import pytest

    with pytest.raises(ValueError, match="answers: no field valeu"):
        rows.ANSWERS.reader("valeu")
