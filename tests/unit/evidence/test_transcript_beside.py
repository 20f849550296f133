"""The one line beside a rating, for each behaviour evidence informs (evidence/beside.py)."""

from __future__ import annotations

from belonging_cli.evidence.beside import INFORMS, line
from belonging_cli.journal.evidence_store import WeekEvidence

CALENDAR = WeekEvidence(
    "2026-W11",
    "calendar",
    {"meeting_hours": 23, "free_blocks_2h": 1, "after_hours_hours": 3, "meetings": 20},
)
TALK = WeekEvidence(
    "2026-W11",
    "transcript",
    {"meetings": 4, "talk_share": 0.64, "questions": 5, "open_questions": 3},
)


def test_protect_time_reads_the_calendar() -> None:
    assert line("protect-time", "2026-W11", [TALK, CALENDAR]) == (
        "Evidence, 2026-W11: 23 h of meetings, 1 free block of 2 h or more, 3 h after hours"
    )


def test_engage_reads_the_transcripts() -> None:
    assert line("prompt-insight", "2026-W11", [CALENDAR, TALK]) == (
        "Evidence, 2026-W11: you spoke 64% of the time in 4 meetings, 5 questions, 3 open"
    )


def test_belonging_without_a_quietest_says_only_the_share() -> None:
    assert line("cultivate-belonging", "2026-W11", [TALK]) == (
        "Evidence, 2026-W11: you spoke 64% of the time in 4 meetings"
    )


def test_other_behaviours_and_other_weeks_have_none() -> None:
    assert set(INFORMS) == {"protect-time", "prompt-insight", "cultivate-belonging"}
    assert line("navigate-paradox", "2026-W11", [CALENDAR, TALK]) is None
    assert line("protect-time", "2026-W13", [CALENDAR]) is None
