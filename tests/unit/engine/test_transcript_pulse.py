"""The week's evidence beside the ratings it informs: one line under the behaviour's
statement, from the figures the journal keeps (issue 18, where it shows)."""

from __future__ import annotations

import datetime as dt

from belonging_cli.clock import iso_week
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.answers import fallback
from belonging_cli.engine.history import History
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import Engine
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.places import HOSTILE

RUBRIC = load_rubric()
WEEKLY = load_flows().get("weekly")
DAY = dt.date(2026, 3, 13)  # the Friday of 2026-W11
MEETING = "2026-03-10"  # the Teams file has no date of its own
TEAMS = str(HOSTILE / "transcripts" / "teams-weekly-sync.vtt")
ZOOM = str(HOSTILE / "transcripts" / "GMT20260312-150000_Recording.transcript.vtt")


def _ratings(week: str) -> dict[str, Question]:
    with open_journal() as journal:
        history = History.from_journal(journal)
    engine = Engine(WEEKLY, RUBRIC, history, week, DAY)
    engine.pulse = "all"
    asked: dict[str, Question] = {}
    at = dt.datetime.combine(DAY, dt.time(16), tzinfo=dt.timezone.utc)
    while (q := engine.next_question()) is not None:
        if q.ask == "rate" and q.behaviour_id:
            asked[q.behaviour_id] = q
        engine.answer(q, fallback(q), at)
    return asked


def test_transcripts_show_beside_engage_and_belonging(cli: CliRunner) -> None:
    result = cli(
        "evidence", "transcript", TEAMS, ZOOM, "--me", "Dana Reyes", "--date", "2026-03-10"
    )
    assert result.code == 0, result.err
    asked = _ratings(iso_week(DAY))
    assert asked["prompt-insight"].about[2] == (
        "Evidence, 2026-W11: you spoke 56% of the time in 2 meetings, 8 questions, 5 open"
    )
    assert asked["cultivate-belonging"].about[2] == (
        "Evidence, 2026-W11: you spoke 56% of the time in 2 meetings; "
        "the quietest, speaker 4 of 4, 5%"
    )
    others = {b: q for b, q in asked.items() if b not in {"prompt-insight", "cultivate-belonging"}}
    assert all(len(q.about) == 2 for q in others.values())  # no calendar yet: no line


def test_last_weeks_evidence_shows_early_in_the_next_week(cli: CliRunner) -> None:
    assert cli("evidence", "transcript", ZOOM, "--me", "Dana Reyes").code == 0
    asked = _ratings("2026-W12")
    assert asked["prompt-insight"].about[2].startswith("Evidence, 2026-W11: you spoke 43%")
    assert len(_ratings("2026-W13")["prompt-insight"].about) == 2  # two weeks on: none


def test_no_evidence_no_line() -> None:
    assert all(len(q.about) == 2 for q in _ratings("2026-W11").values())
