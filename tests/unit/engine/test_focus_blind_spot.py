"""The focus rule suggests the largest blind spot of a recent feedback round (issue 17):
after a coach's open exercise, before the lowest rating; the reflection and the report
name the same one, with the reason in the person's words."""

from __future__ import annotations

import datetime as dt

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.history import History, suggest_focus
from belonging_cli.feedback.round import FeedbackRound, from_aggregate
from belonging_cli.focus_rule import BLIND_SPOT, COACH, pick_focus
from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.period import resolve_period
from support.feedback_samples import five_raters_three_groups
from support.places import REPO
from support.report_builders import NOW, TODAY, assignment, rubric, session

ORDER = ("cultivate-belonging", "protect-time", "navigate-paradox")
ROUND_DAY = dt.date(2026, 11, 20)


def _label(level: int) -> str:
    return f"level {level}"


def _round(collected_on: str = "2026-11-20") -> FeedbackRound:
    aggregate = five_raters_three_groups(requested_on="2026-01-05", collected_on=collected_on)
    return from_aggregate(aggregate, dt.datetime(2026, 11, 21, tzinfo=dt.timezone.utc))


def _pick(**options: object) -> tuple[str, str]:
    levels = {"cultivate-belonging": 4, "protect-time": 2, "navigate-paradox": 3}
    return pick_focus(ORDER, levels, {}, (), _label, **options)  # type: ignore[arg-type]


def test_the_largest_blind_spot_comes_before_the_lowest_rating() -> None:
    found = _pick(blind_spots=("cultivate-belonging",), collected_on=ROUND_DAY, on=TODAY)
    assert found == ("cultivate-belonging", BLIND_SPOT)
    assert BLIND_SPOT == "others see it lower than you do"


def test_a_coachs_exercise_still_comes_first() -> None:
    levels = {"cultivate-belonging": 4, "protect-time": 2}
    found = pick_focus(
        ORDER,
        levels,
        {},
        ("navigate-paradox",),
        _label,
        blind_spots=("cultivate-belonging",),
        collected_on=ROUND_DAY,
        on=TODAY,
    )
    assert found == ("navigate-paradox", COACH)


def test_a_round_older_than_six_months_no_longer_steers() -> None:
    old = TODAY - dt.timedelta(days=200)
    found = _pick(blind_spots=("cultivate-belonging",), collected_on=old, on=TODAY)
    assert found[0] == "protect-time" and "lowest" in found[1]


def test_a_blind_spot_explored_since_the_round_gives_way_to_the_next() -> None:
    since = dt.datetime(2026, 11, 23, 9, tzinfo=dt.timezone.utc)
    levels = {"cultivate-belonging": 4, "protect-time": 2, "navigate-paradox": 3}
    found = pick_focus(
        ORDER,
        levels,
        {"cultivate-belonging": since},
        (),
        _label,
        blind_spots=("cultivate-belonging", "navigate-paradox"),
        collected_on=ROUND_DAY,
        on=TODAY,
    )
    assert found == ("navigate-paradox", BLIND_SPOT)


def test_the_reflection_and_the_report_suggest_the_blind_spot() -> None:
    # Self 4, others 2.33 on cultivate-belonging; self 2 on protect-time, the lowest.
    sessions = (session("2026-W47", {"cultivate-belonging": 4, "protect-time": 2}),)
    history = History(sessions=sessions, feedback_rounds=(_round(),))
    engine = suggest_focus(load_rubric(REPO / "rubrics"), history, {}, week="2026-W48")
    assert (engine.behaviour_id, engine.reason) == ("cultivate-belonging", BLIND_SPOT)
    data = JournalData(sessions=sessions, feedback_rounds=(_round(),))
    span = resolve_period("quarter", today=TODAY, journal_weeks=["2026-W47"])
    report = build_report(data, rubric(), span, now=NOW)
    suggestion = report.suggested_next_focus
    assert suggestion is not None and suggestion.behaviour_id == "cultivate-belonging"
    assert suggestion.reason == "Others see it lower than you do."


def test_no_round_the_lowest_rating_as_before() -> None:
    sessions = (session("2026-W47", {"cultivate-belonging": 4, "protect-time": 2}),)
    engine = suggest_focus(load_rubric(REPO / "rubrics"), History(sessions=sessions), {})
    assert engine.behaviour_id == "protect-time"


def test_an_open_exercise_beats_the_blind_spot_in_the_report() -> None:
    sessions = (session("2026-W47", {"cultivate-belonging": 4, "protect-time": 2}),)
    open_one = assignment("ex-1", "navigate-paradox", due=TODAY)
    data = JournalData(sessions=sessions, assignments=(open_one,), feedback_rounds=(_round(),))
    span = resolve_period("quarter", today=TODAY, journal_weeks=["2026-W47"])
    suggestion = build_report(data, rubric(), span, now=NOW).suggested_next_focus
    assert suggestion is not None and suggestion.behaviour_id == "navigate-paradox"
