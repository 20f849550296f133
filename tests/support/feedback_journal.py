"""A journal with two reflections and an imported feedback round, through the real
journal and the real `feedback import`: for tests of what a round shows."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from belonging_cli.journal.store import open_journal
from belonging_cli.records import Rating, Session
from support.cli import CliRunner
from support.feedback_samples import five_raters_three_groups


def reflect_on(day: dt.date, levels: dict[str, int]) -> None:
    """A completed weekly reflection on `day` rating `levels`, written to the journal."""
    at = dt.datetime.combine(day, dt.time(9), dt.timezone.utc)
    year, week, _ = day.isocalendar()
    ratings = tuple(Rating(b, level, at) for b, level in levels.items())
    with open_journal() as journal:
        journal.create_session(
            Session(
                str(uuid.uuid4()),
                "weekly",
                "belonging-core",
                "2.0.0",
                at,
                f"{year}-W{week:02d}",
                "complete",
                at,
                ratings=ratings,
            )
        )


def import_round(cli: CliRunner, folder: Path, aggregate: dict[str, Any] | None = None) -> None:
    """`belonging feedback import` of `aggregate` (default: the five raters' sample)."""
    path = folder / f"aggregate-{uuid.uuid4().hex[:8]}.json"
    path.write_text(json.dumps(aggregate or five_raters_three_groups()), encoding="utf-8")
    done = cli("feedback", "import", str(path))
    assert done.code == 0, done.err


def journal_with_a_round(cli: CliRunner, folder: Path) -> None:
    """Self 4 on belonging and 3 on time two days before the round; others 2.33 and 4."""
    reflect_on(dt.date(2026, 6, 1), {"cultivate-belonging": 1, "protect-time": 5})
    reflect_on(dt.date(2026, 11, 18), {"cultivate-belonging": 4, "protect-time": 3})
    import_round(cli, folder)
