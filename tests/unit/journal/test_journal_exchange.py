"""Export and import of everything a journal can hold, odd corners included."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest

from belonging_cli.errors import ContentError
from belonging_cli.journal.exchange import KnownIds, export_json, parse_export
from belonging_cli.journal.labels import Labels
from belonging_cli.journal.markdown import export_markdown
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Answer, Experiment, JournalData, Rating, Session
from support.listening_exercise import listening_exercise

TOKYO = dt.timezone(dt.timedelta(hours=9))
NEWFOUNDLAND = dt.timezone(dt.timedelta(hours=-3, minutes=-30))
AT = dt.datetime(2026, 3, 1, 23, 30, 15, 123456, tzinfo=TOKYO)


def odd_journal() -> JournalData:
    assignment = listening_exercise(
        AT,
        due=dt.date(2026, 3, 15),
        cadence_weeks=3,
        minutes=20,
        coach="Sam Coach",
        times_done=1,
    )
    session = Session(
        id=str(uuid.uuid4()),
        flow_id="exercise",
        rubric_id="belonging-core",
        rubric_version="1.0.0",
        started_at=AT,
        week="2026-W09",
        status="complete",
        completed_at=AT.astimezone(NEWFOUNDLAND),
        focus_behaviour_id=None,
        tags=("ünïcode", "with space", "1:1"),
        answers=(
            Answer("text", "text", 'tab\there, quote " and backslash \\', AT),
            Answer("para", "long_text", "line one\n\n  indented  \n", AT, private=True),
            Answer("odd", "text", "C1 \x85\x80 BOM \ufeff LS \u2028 emoji \U0001f600", AT),
            Answer("yes", "confirm", True, AT),
            Answer("n", "scale", 4, AT),
            Answer("f", "scale", 0.1, AT),
            Answer("tiny", "scale", 1e-05, AT),
            Answer("list", "checkbox", ["a", "b, c"], AT),
            Answer("skip", "text", None, AT, question="Anything else?"),
            Answer("empty", "text", "", AT),
        ),
        ratings=(Rating("prompt-insight", 2, AT, "", evidence_private=True),),
        assignment_id=assignment.id,
    )
    draft = Session(
        id=str(uuid.uuid4()),
        flow_id="weekly",
        rubric_id="belonging-core",
        rubric_version="1.0.0",
        started_at=AT + dt.timedelta(days=1),
        week="2026-W10",
    )
    experiment = Experiment(
        str(uuid.uuid4()),
        "prompt-insight",
        "Ask, don't tell",
        "2026-W10",
        AT,
        created_session_id=session.id,
        minutes=10,
        status="dropped",
        outcome="not_tried",
        reviewed_at=AT + dt.timedelta(days=7),
        reviewed_session_id=draft.id,
        private=True,
    )
    later = AT + dt.timedelta(days=8)
    loose = Experiment(str(uuid.uuid4()), "embrace-messiness", "Ship a draft", "2026-W11", later)
    return JournalData((session, draft), (experiment, loose), (assignment,))


def test_everything_survives_export_and_import_exactly(tmp_path: Path) -> None:
    data = odd_journal()
    with open_journal(tmp_path / "a.db") as journal:
        journal.import_data(data)
        stored = journal.load_all()
    assert stored == data
    text = export_json(stored)
    back = parse_export(text, "export.json")
    assert back == data
    with open_journal(tmp_path / "b.db") as journal:
        counts = journal.import_data(back)
        assert (counts.sessions, counts.experiments, counts.assignments) == (2, 2, 1)
        assert export_json(journal.load_all()) == text
    # Exact offsets, not just the same instants.
    assert json.loads(text)["sessions"][0]["completed_at"].endswith("-03:30")


def test_markdown_marks_what_is_private_and_reads_oldest_first() -> None:
    text = export_markdown(odd_journal(), Labels({"prompt-insight": "Engage people so they learn"}))
    assert text.index("2026-W09") < text.index("2026-W10")
    assert "**para** *(private)*" in text
    assert "Engage people so they learn" in text
    assert "## Other experiments" in text
    assert "*(skipped)*" in text


def test_references_must_lead_somewhere(tmp_path: Path) -> None:
    data = odd_journal()
    text = export_json(JournalData(experiments=data.experiments[:1]))
    with pytest.raises(ContentError) as raised:
        parse_export(text, "export.json")
    lines = raised.value.lines()
    assert any("experiments[0].created_session_id: no session" in line for line in lines)
    assert any("experiments[0].reviewed_session_id" in line for line in lines)
    known = KnownIds(sessions=frozenset(s.id for s in data.sessions))
    assert parse_export(text, "export.json", known).experiments == data.experiments[:1]


def test_duplicates_are_found_with_their_places() -> None:
    data = odd_journal()
    doubled = JournalData(data.sessions + data.sessions[:1], (), data.assignments)
    with pytest.raises(ContentError) as raised:
        parse_export(export_json(doubled), "export.json")
    assert any(
        line.startswith("export.json:7:") and "appears twice" in line
        for line in raised.value.lines()
    )
