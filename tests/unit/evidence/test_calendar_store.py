"""The evidence table: a week's figures per source, replaced on a second import."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from belonging_cli.journal.evidence_store import WeekEvidence
from belonging_cli.journal.store import open_journal

WHEN = dt.datetime(2024, 3, 4, 9, 0, tzinfo=dt.timezone.utc)


def test_a_week_imported_again_replaces_its_figures_for_that_source(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        journal.save_evidence(
            [
                WeekEvidence("2024-W09", "calendar", {"meeting_hours": 23.5, "meetings": 14}),
                WeekEvidence("2024-W09", "transcript", {"talk_share": 0.64}, ("What if we",)),
            ],
            WHEN,
        )
        journal.save_evidence([WeekEvidence("2024-W09", "calendar", {"meetings": 3})], WHEN)
    with open_journal(path) as journal:
        stored = journal.evidence()
        calendar = journal.evidence("calendar")
    assert [(e.week, e.source, dict(e.figures)) for e in stored] == [
        ("2024-W09", "calendar", {"meetings": 3}),
        ("2024-W09", "transcript", {"talk_share": 0.64}),
    ]
    assert stored[1].examples == ("What if we",)
    assert stored[0].imported_at == WHEN
    assert [e.source for e in calendar] == ["calendar"]


def test_the_table_takes_only_the_two_sources(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    with open_journal(path):
        pass
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO evidence (week, source, figures, imported_at)"
            " VALUES ('2024-W09', 'email', '{}', 'x')"
        )
