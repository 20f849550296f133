"""sections/evidence.py on known series: a figure's trend in words, when evidence and a
rating disagree (the top's line, bounded), and what figures a report may carry."""

from __future__ import annotations

import math
from typing import Any

import pytest

from belonging_cli.journal.evidence_store import WeekEvidence
from belonging_cli.reports.model import BehaviourTrend, WeekLevel
from belonging_cli.reports.privacy import Privacy
from belonging_cli.reports.sections.evidence import (
    MAX_TOP,
    disagreements,
    disagrees,
    evidence_sources,
    shareable,
    trend,
    trend_words,
    weeks_to_read,
)

WEEKS = ("2026-W06", "2026-W07", "2026-W08", "2026-W09")


def _series(*values: float, weeks: tuple[str, ...] = WEEKS) -> list[tuple[str, float]]:
    return list(zip(weeks[-len(values) :], values, strict=True))


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((2, 4, 6, 8), ("rose", 3, 2.0)),
        ((9, 4, 6, 8), ("rose", 2, 4.0)),
        ((8, 6, 4, 2), ("fell", 3, 8.0)),
        ((5, 5, 5), ("steady", 2, 5.0)),
        ((5, 5, 7), ("rose", 1, 5.0)),
        ((7,), ("", 0, 7.0)),
    ],
)
def test_a_trend_is_the_latest_move_and_how_many_weeks_running(
    values: tuple[float, ...], expected: tuple[str, int, float]
) -> None:
    assert trend(_series(*values)) == expected


def test_a_missing_week_ends_a_run() -> None:
    series = _series(2, 4, 6, weeks=("2026-W05", "2026-W07", "2026-W08"))
    assert trend(series) == ("rose", 1, 4.0)
    assert trend_words("rose", 3) == "rose three weeks running"
    assert trend_words("fell", 1) == "fell from the week before"
    assert trend_words("", 0) == "one week so far"


@pytest.mark.parametrize(
    ("latest", "previous", "moved", "better", "expected"),
    [
        (4, 3, "rose", -1, True),  # rated higher; meeting hours rose: against
        (3, 3, "rose", -1, True),  # held; against
        (2, 3, "rose", -1, False),  # fell with it: they agree
        (4, 3, "fell", -1, False),  # rose as meetings fell: they agree
        (2, 3, "fell", -1, True),  # fell while the figure went its way
        (2, 3, "rose", +1, True),  # fell while open questions rose
        (4, 3, "steady", -1, False),
    ],
)
def test_evidence_and_a_rating_disagree(
    latest: int, previous: int, moved: str, better: int, expected: bool
) -> None:
    assert disagrees(latest, previous, moved, better) is expected


def _rating(behaviour: str, title: str, levels: tuple[int, ...]) -> BehaviourTrend:
    points = tuple(
        WeekLevel(week, level, previous=levels[n - 1] if n else None)
        for n, (week, level) in enumerate(zip(WEEKS, levels, strict=True))
    )
    return BehaviourTrend(
        behaviour, 2, title, len(levels), levels[0], levels[-1], 0, 3.0, None, None, points
    )


def _calendar(hours: tuple[float, ...]) -> list[WeekEvidence]:
    return [
        WeekEvidence(week, "calendar", {"meeting_hours": h, "longest_free_hours": 8.0})
        for week, h in zip(WEEKS, hours, strict=True)
    ]


def _talk(shares: tuple[float, ...], opened: tuple[int, ...]) -> list[WeekEvidence]:
    return [
        WeekEvidence(week, "transcript", {"talk_share": s, "open_questions": o, "questions": o})
        for week, s, o in zip(WEEKS, shares, opened, strict=True)
    ]


def test_the_top_line_for_a_known_disagreeing_series_and_none_for_an_agreeing_one() -> None:
    held = [_rating("protect-time", "Protect time", (3, 3, 3, 4))]
    sources = evidence_sources(_calendar((2, 4, 6, 8)), *WEEKS[::3], held, Privacy(False))
    (line,) = disagreements(sources)
    assert line.text == (
        "Evidence: rated Protect time 4 (3 before); meeting hours rose three weeks running, "
        "2 h \u2192 8 h."
    )
    fell = [_rating("protect-time", "Protect time", (4, 3, 3, 2))]
    assert (
        disagreements(evidence_sources(_calendar((2, 4, 6, 8)), *WEEKS[::3], fell, Privacy(False)))
        == ()
    )
    short = evidence_sources(_calendar((9, 4, 6, 8)), *WEEKS[::3], held, Privacy(False))
    assert disagreements(short) == ()  # two weeks running is not enough


def test_at_most_two_lines_the_longest_runs_first() -> None:
    ratings = [
        _rating("protect-time", "Protect time", (3, 3, 3, 4)),
        _rating("prompt-insight", "Engage", (3, 3, 3, 3)),
        _rating("cultivate-belonging", "Belonging", (2, 2, 3, 3)),
    ]
    evidence = [*_calendar((2, 4, 6, 8)), *_talk((0.3, 0.4, 0.5, 0.6), (4, 3, 2, 1))]
    lines = disagreements(evidence_sources(evidence, *WEEKS[::3], ratings, Privacy(False)))
    assert len(lines) == MAX_TOP
    assert [d.behaviour_id for d in lines] == ["protect-time", "prompt-insight"]
    assert "open questions fell three weeks running, 4 \u2192 1" in lines[1].text


def test_old_evidence_says_nothing_about_a_later_rating() -> None:
    late = [_rating("protect-time", "Protect time", (3, 3, 3, 4))]
    early = [
        item._replace(week=w)
        for item, w in zip(
            _calendar((2, 4, 6, 8)), ("2026-W01", "2026-W02", "2026-W03", "2026-W04"), strict=True
        )
    ]
    assert (
        disagreements(evidence_sources(early, "2026-W01", "2026-W09", late, Privacy(False))) == ()
    )


def test_a_shared_report_leaves_each_source_out_unless_it_is_included() -> None:
    ratings = [_rating("protect-time", "Protect time", (3, 3, 3, 4))]
    privacy = Privacy(True)
    assert evidence_sources(_calendar((2, 4, 6, 8)), *WEEKS[::3], ratings, privacy) == ()
    (withheld,) = privacy.withheld
    assert (withheld.id, withheld.text) == ("evidence/calendar", "Calendar figures of 4 weeks")
    included = Privacy(True, ["evidence/calendar"])
    assert evidence_sources(_calendar((2, 4, 6, 8)), *WEEKS[::3], ratings, included)
    assert included.unknown() == [] and included.left_out == 0


def test_a_report_carries_only_figures() -> None:
    row: dict[str, Any] = {
        "meeting_hours": 3,
        "talk_share": math.nan,
        "quietest": "Sam Ortiz",
        "title": "Board prep",
        "questions": 4,
        "open_questions": True,
    }
    assert shareable("transcript", row) == {"questions": 4}
    assert shareable("transcript", {"quietest": "speaker 2 of 5"}) == {"quietest": "speaker 2 of 5"}
    assert shareable("calendar", row) == {"meeting_hours": 3}


def test_a_report_reads_its_period_and_three_weeks_before() -> None:
    assert weeks_to_read("2026-W02", "2026-W09") == ("2025-W51", "2026-W09")
