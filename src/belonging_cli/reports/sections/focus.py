"""The report's one suggested next focus: what the next weekly reflection will suggest.

The rule is focus_rule.pick_focus, the reflection's own (engine/history.suggest_focus),
applied to the journal as it stood at the period's end: a coach's open exercise, else
the largest blind spot of a recent feedback round, else the lowest latest rating
(ties: the one explored longest ago). One recommendation, so
the report's top, its "Next week" and the next reflection never name different ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from belonging_cli.coaching.progress import open_assignments
from belonging_cli.focus_rule import pick_focus
from belonging_cli.reports.model import Suggestion
from belonging_cli.reports.sections.feedback import blind_spots_by

if TYPE_CHECKING:
    from belonging_cli.reports.model import BehaviourTrend
    from belonging_cli.reports.scope import Scope


def next_focus(scope: Scope, ratings: Sequence[BehaviourTrend]) -> Suggestion | None:
    """None when nothing was rated in the period (there is nothing to go on)."""
    if not any(t.latest is not None for t in ratings):
        return None
    levels: dict[str, int | None] = {}
    explored: dict[str, dt.datetime | None] = {}
    # Every completed session up to the period's end, as the engine's History reads
    # them (newest word last): the latest rating and the latest focus of each behaviour.
    upto = [
        s
        for s in scope.data.sessions
        if s.status == "complete" and s.week <= scope.period.last_week
    ]
    for session in sorted(upto, key=lambda s: (s.week, s.started_at)):
        for rating in session.ratings:
            levels[rating.behaviour_id] = rating.level
        if session.focus_behaviour_id:
            explored[session.focus_behaviour_id] = session.started_at
    order = [b.id for b in scope.behaviours]
    assigned = [a.behaviour_id for a in open_assignments(scope.data.assignments)]
    end = scope.period.end
    spots, collected = blind_spots_by(scope.data.feedback_rounds, upto, end, scope.zone)
    found, reason = pick_focus(
        order,
        levels,
        explored,
        assigned,
        scope.rubric.label,
        blind_spots=spots,
        collected_on=collected,
        on=end,
    )
    return Suggestion(found, scope.titles.get(found, found), f"{reason[:1].upper()}{reason[1:]}.")
