"""The journal store as the rest of the tool uses it: save, read back, filter, delete."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from belonging_cli.errors import JournalError
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Answer, Assignment, Experiment, Rating, Session
from support.sessions import weekly_session

ZONE = dt.timezone(dt.timedelta(hours=2))
MONDAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZONE)


def make_session(
    start: dt.datetime = MONDAY, *, status: str = "complete", tags: tuple[str, ...] = ()
) -> Session:
    return weekly_session(
        start,
        week="2026-W48",
        status=status,
        focus_behaviour_id="protect-time",
        tags=tags,
        answers=(
            Answer("focus", "select", "protect-time", start),
            Answer(
                "reflect.1",
                "long_text",
                "I cancelled my thinking hour twice.",
                start,
                prompt_id="protect-time.calendar",
                behaviour_id="protect-time",
                question="What did your calendar say?",
            ),
            Answer("control", "text", "Ana's rota", start, private=True),
        ),
        ratings=(
            Rating("cultivate-belonging", 3, start),
            Rating("protect-time", 2, start, evidence="two late nights", evidence_private=True),
        ),
    )


def test_a_session_comes_back_exactly_as_saved(tmp_path: Path) -> None:
    session = make_session(tags=("team", "1:1"))
    with open_journal(tmp_path / "j.db") as journal:
        journal.create_session(session)
    with open_journal(tmp_path / "j.db") as journal:
        assert journal.session(session.id) == session
        assert journal.session(session.id[:6]) == session


def test_answers_and_ratings_are_upserted_in_place(tmp_path: Path) -> None:
    session = make_session(status="draft")
    with open_journal(tmp_path / "j.db") as journal:
        journal.create_session(session)
        journal.save_answer(session.id, Answer("focus", "select", "embrace-messiness", MONDAY))
        journal.save_answer(session.id, Answer("learned", "text", ["a", "b"], MONDAY))
        journal.save_rating(session.id, Rating("protect-time", 4, MONDAY))
        journal.update_session(session.id, tags=["new"], focus_behaviour_id=None)
        journal.complete_session(session.id, MONDAY + dt.timedelta(hours=1))
        saved = journal.session(session.id)
    assert [a.step_id for a in saved.answers] == ["focus", "reflect.1", "control", "learned"]
    assert saved.answer("focus") is not None
    assert saved.answer("focus").value == "embrace-messiness"  # type: ignore[union-attr]
    assert saved.answer("learned").value == ["a", "b"]  # type: ignore[union-attr]
    assert saved.rating("protect-time") == Rating("protect-time", 4, MONDAY)
    assert saved.tags == ("new",)
    assert saved.focus_behaviour_id is None
    assert saved.status == "complete"


def test_filters_and_order(tmp_path: Path) -> None:
    weeks = [
        make_session(MONDAY - dt.timedelta(weeks=n), tags=("odd",) * (n % 2)) for n in range(6)
    ]
    draft = make_session(MONDAY + dt.timedelta(days=1), status="draft")
    with open_journal(tmp_path / "j.db") as journal:
        for s in [*weeks, draft]:
            journal.create_session(s)
        assert [s.id for s in journal.sessions()] == [s.id for s in weeks]
        assert [s.id for s in journal.sessions(limit=2)] == [s.id for s in weeks[:2]]
        assert [s.id for s in journal.sessions(tag="odd")] == [
            weeks[1].id,
            weeks[3].id,
            weeks[5].id,
        ]
        assert [s.id for s in journal.drafts()] == [draft.id]
        assert len(journal.sessions(status=None)) == 7
        since = (MONDAY - dt.timedelta(weeks=2)).date()
        assert len(journal.sessions(since=since)) == 3
        assert len(journal.sessions(until=since)) == 4
        assert len(journal.sessions(behaviour="protect-time")) == 6
        assert journal.sessions(behaviour="cultivate-belonging") == []


def test_ambiguous_and_unknown_prefixes_are_refused(tmp_path: Path) -> None:
    a = make_session()
    b = make_session()
    a = replace(a, id="abc1" + a.id[4:])
    b = replace(b, id="abc2" + b.id[4:])
    with open_journal(tmp_path / "j.db") as journal:
        journal.create_session(a)
        journal.create_session(b)
        with pytest.raises(JournalError, match="matches 2 sessions"):
            journal.session("abc")
        with pytest.raises(JournalError, match="no session"):
            journal.session("fff")
        assert journal.session("ABC1").id == a.id


def test_deleting_a_session_leaves_no_orphans(tmp_path: Path) -> None:
    first = make_session(MONDAY - dt.timedelta(weeks=1))
    second = make_session()
    set_first = Experiment(
        str(uuid.uuid4()),
        "protect-time",
        "Block an hour",
        "2026-W48",
        MONDAY,
        created_session_id=first.id,
    )
    set_second = Experiment(
        str(uuid.uuid4()), "protect-time", "Walk", "2026-W49", MONDAY, created_session_id=second.id
    )
    reviewed = replace(
        set_first,
        status="done",
        outcome="tried",
        reviewed_session_id=second.id,
        reviewed_at=MONDAY,
    )
    path = tmp_path / "j.db"
    with open_journal(path) as journal:
        journal.save_whole_session(first, [set_first])
        journal.save_whole_session(second, [set_second, reviewed])
        made, seen = journal.session_experiments(second.id)
        assert [e.id for e in made] == [set_second.id]
        assert [e.id for e in seen] == [set_first.id]
        journal.delete_session(second.id)
        with pytest.raises(JournalError):
            journal.delete_session(second.id)
        remaining = journal.experiments()
    assert [e.id for e in remaining] == [set_first.id]
    assert remaining[0].reviewed_session_id is None
    assert remaining[0].outcome == "tried"
    conn = sqlite3.connect(path)
    for table in ("answers", "ratings", "session_tags"):
        orphans = conn.execute(
            f"SELECT count(*) FROM {table} WHERE session_id NOT IN (SELECT id FROM sessions)"
        ).fetchone()[0]
        assert orphans == 0, table
    conn.close()


def test_assignments(tmp_path: Path) -> None:
    a = Assignment(
        "pack/one", "pack", "1", "one", "prompt-insight", "Ask", "Ask more", MONDAY,
        due=dt.date(2026, 12, 1),
    )  # fmt: skip
    with open_journal(tmp_path / "j.db") as journal:
        journal.upsert_assignment(a)
        journal.upsert_assignment(replace(a, times_done=2))
        assert journal.assignment("pack/one").times_done == 2
        assert len(journal.assignments()) == 1
        with pytest.raises(JournalError):
            journal.assignment("nope")


def test_import_is_idempotent(tmp_path: Path) -> None:
    session = make_session()
    with open_journal(tmp_path / "a.db") as journal:
        journal.create_session(session)
        data = journal.load_all()
    with open_journal(tmp_path / "b.db") as journal:
        first = journal.import_data(data)
        second = journal.import_data(data)
        assert first.sessions == 1
        assert second.added == 0
        assert second.skipped == 1
        assert journal.load_all() == data
