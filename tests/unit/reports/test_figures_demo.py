"""The demo's journal: nothing in the future, and notes that agree with their ratings (issue 14)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import generate
from support.cli import CliRunner

# Words a person reads as "it went well" or "it went badly", whatever the template.
WENT_WELL = ("on purpose", "held", "without me", "felt different", "kept", "worked")
WENT_BADLY = ("slipped", "fell back", "busy week", "got away", "did not", "forgot")
# Zones far ahead of and behind UTC: the user's "today" is not the machine's.
ZONES = ("Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin", "UTC")


@pytest.mark.parametrize("zone", ZONES)
def test_the_demo_has_nothing_after_now(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    monkeypatch.setenv("BELONGING_TIMEZONE", zone)
    result = cli("demo", str(tmp_path / "demo"))
    assert result.code == 0, result.err
    now = dt.datetime.now(ZoneInfo(zone))
    with open_journal(tmp_path / "demo" / "journal.db") as journal:
        sessions = journal.sessions()
        experiments = journal.experiments()
    assert sessions
    newest = max(s.completed_at or s.started_at for s in sessions)
    assert newest <= now, (newest, now)
    assert newest.astimezone(ZoneInfo(zone)).date() <= now.date()
    assert all(s.started_at <= now for s in sessions)
    assert all(e.created_at <= now for e in experiments)
    shown = cli("--home", str(tmp_path / "demo"), "report")
    assert shown.code == 0, shown.err
    last = next(ln for ln in shown.out.splitlines() if ln.startswith("Your last reflection"))
    day = dt.datetime.strptime(last.rsplit(" on ", 1)[1].rstrip("."), "%d %b %Y").date()
    assert day <= now.date()


@pytest.mark.parametrize("seed", [0, 7, 11])
def test_a_note_on_a_rating_agrees_with_which_way_it_moved(seed: int) -> None:
    rubric = load_rubric()
    data = generate(rubric, weeks=40, end=dt.date(2026, 11, 27), seed=seed)
    last: dict[str, int] = {}
    checked = 0
    for session in sorted(data.sessions, key=lambda s: s.started_at):
        for rating in session.ratings:
            note = (rating.evidence or "").lower()
            before = last.get(rating.behaviour_id)
            if note and before is not None and before != rating.level:
                checked += 1
                wrong = WENT_BADLY if rating.level > before else WENT_WELL
                assert not any(w in note for w in wrong), (before, rating.level, note)
            last[rating.behaviour_id] = rating.level
    assert checked > 10
