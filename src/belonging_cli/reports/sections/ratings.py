"""The ratings section: each behaviour's levels over the period, and its highlights (the
one suggested next focus is sections/focus.py's)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from belonging_cli.reports.model import BehaviourTrend, Highlight, Highlights, WeekLevel
from belonging_cli.reports.movement import movement
from belonging_cli.reports.movement import trend as trend_word
from belonging_cli.reports.scope import clean

if TYPE_CHECKING:
    from belonging_cli.records import Rating, Session
    from belonging_cli.reports.rubric_facts import BehaviourFacts
    from belonging_cli.reports.scope import Scope

Trends = tuple[BehaviourTrend, ...]


def trends(scope: Scope) -> Trends:
    """One trend for each behaviour the report covers, in rubric order."""
    weekly = weekly_ratings(scope)
    before = levels_before(scope)
    return tuple(trend(scope, b, weekly.get(b.id, {}), before.get(b.id)) for b in scope.behaviours)


def levels_before(scope: Scope) -> dict[str, int]:
    """Behaviour -> its level at the last reflection before the period: where the
    period starts from, so a week's change is counted against the week before."""
    found: dict[str, int] = {}
    for session in scope.reflections:  # in time order: the latest word stands
        if session.week >= scope.period.first_week:
            break
        for rating in session.ratings:
            if 1 <= rating.level <= 5:
                found[rating.behaviour_id] = rating.level
    return found


def weekly_ratings(scope: Scope) -> dict[str, dict[str, tuple[Session, Rating]]]:
    """Behaviour -> week -> the rating that stands for that week, in one pass.

    Sessions are in time order, so a later session's rating replaces an
    earlier one of the same week: the latest word on a week stands.
    """
    found: dict[str, dict[str, tuple[Session, Rating]]] = {}
    for session in scope.sessions:
        for rating in session.ratings:
            if 1 <= rating.level <= 5:
                found.setdefault(rating.behaviour_id, {})[session.week] = (session, rating)
    return found


def trend(
    scope: Scope,
    behaviour: BehaviourFacts,
    by_week: dict[str, tuple[Session, Rating]],
    before: int | None = None,
) -> BehaviourTrend:
    series: list[WeekLevel] = []
    previous = before
    for week, (session, rating) in by_week.items():
        private = rating.evidence_private
        shown = clean(rating.evidence) if rating.evidence else None  # most ratings have none
        if shown and not scope.privacy.keep(
            private,
            ("evidence", session.id, f"{behaviour.id}.evidence"),
            section="Notes on ratings",
            week=week,
            text=shown,
        ):
            shown = None
        point = WeekLevel(week, rating.level, shown, private and shown is not None, previous)
        series.append(point)
        previous = rating.level
    levels = [p.level for p in series]
    first, latest, change, average = movement(levels, before)
    return BehaviourTrend(
        behaviour_id=behaviour.id,
        number=behaviour.number,
        title=behaviour.title,
        count=len(levels),
        first=first,
        latest=latest,
        change=change,
        average=average,
        latest_label=scope.rubric.label(latest) if latest else None,
        latest_descriptor=behaviour.descriptor(latest) if latest else None,
        series=tuple(series),
        previous=before,
        # Where the period started from counts: a week's 3 -> 1 is falling.
        trend=trend_word(levels if before is None else [before, *levels]),
    )


def highlights(ratings: Trends, focus_counts: Counter[str | None]) -> Highlights:
    rated = [t for t in ratings if t.latest is not None]
    if not rated:
        least = min(ratings, key=lambda t: focus_counts[t.behaviour_id], default=None)
        return Highlights(least_explored=_highlight(least))
    strongest = max(rated, key=lambda t: (t.latest or 0, t.average or 0, -t.number))
    edge = min(rated, key=lambda t: (t.latest or 0, t.average or 0, t.number))
    improved = max(rated, key=lambda t: (t.change or 0, t.latest or 0, -t.number))
    least = min(ratings, key=lambda t: (focus_counts[t.behaviour_id], t.number))
    return Highlights(
        strongest=_highlight(strongest),
        growth_edge=_highlight(edge) if edge is not strongest else None,
        most_improved=_highlight(improved) if (improved.change or 0) > 0 else None,
        least_explored=_highlight(least),
    )


def _highlight(trend: BehaviourTrend | None) -> Highlight | None:
    if trend is None:
        return None
    return Highlight(
        behaviour_id=trend.behaviour_id,
        title=trend.title,
        level=trend.latest,
        label=trend.latest_label,
        descriptor=trend.latest_descriptor,
        change=trend.change,
    )
