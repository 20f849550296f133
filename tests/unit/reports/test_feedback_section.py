"""Self beside others (reports/sections/feedback.py): the nearest self-rating, blind
spots and hidden strengths, look-fors most and least seen, change since a round."""

from __future__ import annotations

import datetime as dt

from belonging_cli.feedback.round import from_aggregate
from belonging_cli.records import Rating, Session
from belonging_cli.reports.sections.feedback import feedback_view, largest_blind_spot, verdict
from support.feedback_samples import five_raters_three_groups

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 12, 1, tzinfo=UTC)


def _session(day: dt.date, **levels: int) -> Session:
    at = dt.datetime.combine(day, dt.time(9), UTC)
    ratings = tuple(Rating(b.replace("_", "-"), n, at) for b, n in levels.items())
    return Session(
        id=f"s{day}",
        flow_id="weekly",
        rubric_id="belonging-core",
        rubric_version="2.0.0",
        started_at=at,
        week=f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}",
        status="complete",
        completed_at=at,
        ratings=ratings,
    )


def _round(**kwargs: str):  # type: ignore[no-untyped-def]
    return from_aggregate(five_raters_three_groups(**kwargs), NOW)


def test_blind_spot_and_hidden_strength_against_the_nearest_self_rating() -> None:
    sessions = [
        # Far from the round: not the one set beside others.
        _session(dt.date(2026, 6, 1), cultivate_belonging=1, protect_time=5),
        _session(dt.date(2026, 11, 18), cultivate_belonging=4, protect_time=3),
    ]
    view = feedback_view([_round()], sessions, {}, dt.date(2026, 12, 1))
    assert view is not None
    rows = {r.behaviour_id: r for r in view.behaviours}
    belonging = rows["cultivate-belonging"]
    assert (belonging.self_level, belonging.self_rated_on) == (4, dt.date(2026, 11, 18))
    assert belonging.others_mean == 2.33 and (belonging.others_min, belonging.others_max) == (2, 3)
    assert belonging.verdict == "blind spot"
    assert rows["protect-time"].verdict == "hidden strength"  # 3 self, 4.0 others
    assert view.blind_spots == ("cultivate-belonging",)
    assert view.hidden_strengths == ("protect-time",)
    assert largest_blind_spot(view) == "cultivate-belonging"
    assert belonging.most_seen is not None and belonging.most_seen.startswith("People bring")
    assert belonging.least_seen is not None and belonging.least_seen.startswith("Quieter")
    assert [g.group for g in belonging.by_group] == ["direct-report"]
    # Too few answered: no level, no verdict.
    assert rows["navigate-paradox"].others_mean is None
    assert rows["navigate-paradox"].verdict is None


def test_within_a_level_is_neither() -> None:
    assert verdict(3, 2.01) is None and verdict(3, 3.99) is None
    assert verdict(3, 2.0) == "blind spot" and verdict(3, 4.0) == "hidden strength"
    assert verdict(None, 2.0) is None


def test_a_second_round_shows_change_since_the_first() -> None:
    later = five_raters_three_groups(requested_on="2027-03-01", collected_on="2027-03-20")
    later["behaviours"][0]["level"]["mean"] = 3.33
    rounds = [_round(), from_aggregate(later, NOW)]
    view = feedback_view(rounds, [], {}, dt.date(2027, 4, 1))
    assert view is not None
    assert view.collected_on == dt.date(2027, 3, 20)
    assert view.previous_collected_on == dt.date(2026, 11, 20)
    assert view.behaviours[0].change == 1.0
    # A report of a period before the second round shows the first.
    first = feedback_view(rounds, [], {}, dt.date(2026, 12, 31))
    assert first is not None and first.collected_on == dt.date(2026, 11, 20)
    assert first.previous_collected_on is None


def test_no_round_no_view() -> None:
    assert feedback_view([], [], {}, dt.date(2026, 12, 1)) is None
    assert feedback_view([_round()], [], {}, dt.date(2026, 11, 1)) is None
