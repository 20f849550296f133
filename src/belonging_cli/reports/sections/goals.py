"""The report's goals: each goal in play in the period and where the person stands on it.

In play: set by the period's end, and open or closed within it. Progress is goals.py's
one rule (where they were when it was set, the latest rating up to the period's end,
the trend between), read from the completed sessions up to the period's end. A goal
is shown in a shared report too, with its words: it is what the person and their
coach work on (README "Goals").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from belonging_cli.goals import GoalProgress, Rated, progress
from belonging_cli.reports.scope import when

if TYPE_CHECKING:
    from belonging_cli.reports.scope import Scope


def goals(scope: Scope) -> tuple[GoalProgress, ...]:
    first, last = scope.period.start, scope.period.end
    found = [
        g
        for g in scope.data.goals
        if scope.wanted(g.behaviour_id)
        and scope.local_date(g.set_at) <= last
        and (g.closed_at is None or scope.local_date(g.closed_at) >= first)
    ]
    if not found:
        return ()
    wanted = {g.behaviour_id for g in found}
    series: dict[str, list[Rated]] = {b: [] for b in wanted}
    upto = [
        s
        for s in scope.data.sessions
        if s.status == "complete" and s.week <= scope.period.last_week
    ]
    for session in sorted(upto, key=lambda s: (s.week, when(s))):
        for rating in session.ratings:
            if rating.behaviour_id in wanted:
                series[rating.behaviour_id].append((rating.rated_at, rating.level))
    found.sort(key=lambda g: (g.status != "open", g.set_at))
    titles = scope.titles
    return tuple(
        progress(g, titles.get(g.behaviour_id, g.behaviour_id), series[g.behaviour_id], scope.zone)
        for g in found
    )
