"""A report reads its period's evidence by the table's key, never the whole table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from belonging_cli.journal.evidence_store import WeekEvidence
from belonging_cli.journal.store import open_journal

AT = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)


def test_evidence_is_read_for_the_weeks_asked_only(tmp_path: Path) -> None:
    weeks = ["2019-W52", "2020-W01", "2025-W52", "2026-W01", "2026-W09", "2026-W10"]
    with open_journal(tmp_path / "journal.db") as journal:
        journal.save_evidence((WeekEvidence(w, "calendar", {"meetings": 1}) for w in weeks), AT)
        journal.save_evidence([WeekEvidence("2026-W05", "transcript", {"turns": 2})], AT)
        found = journal.evidence(weeks=("2025-W52", "2026-W09"))
        calendar = journal.evidence("calendar", ("2020-W01", "2020-W01"))
    assert [(e.week, e.source) for e in found] == [
        ("2025-W52", "calendar"),
        ("2026-W01", "calendar"),
        ("2026-W05", "transcript"),
        ("2026-W09", "calendar"),
    ]
    assert [e.week for e in calendar] == ["2020-W01"]
