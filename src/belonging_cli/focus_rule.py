"""The one rule for which behaviour to look at next: the reflection's and the report's.

The weekly reflection's focus step suggests it (engine/history.suggest_focus) and
a report names it as the next focus (reports/sections/focus.py): one rule here, over
plain data, so the two never disagree and the report need not load the rubric's
pydantic models to apply it.

A coach's open exercise comes first; else the largest blind spot of the latest
feedback round (others see it at least a level lower than the person does), when
that round is recent and the behaviour has not been the focus since; else the
lowest rated (each behaviour's latest rating), ties going to the one explored
longest ago (never explored first, then rubric order); else, nothing rated, the
behaviour explored longest ago.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

_EPOCH = dt.datetime.min.replace(tzinfo=dt.timezone.utc)

COACH = "your coach's exercise"
LONGEST_AGO = "the one you explored longest ago"
BLIND_SPOT = "others see it lower than you do"
# About six months: a round older than this says too little of the team today to
# steer the week's focus (the report still shows it).
BLIND_SPOT_DAYS = 183


def recent_round(collected_on: dt.date | None, on: dt.date | None) -> bool:
    """A round collected within BLIND_SPOT_DAYS up to `on`: one that still speaks of the
    team today (the focus rule's, and the flows' `when: {feedback: recent}`)."""
    days = (on - collected_on).days if collected_on and on else -1
    return 0 <= days <= BLIND_SPOT_DAYS


def pick_focus(
    order: Sequence[str],
    levels: Mapping[str, int | None],
    explored: Mapping[str, dt.datetime | None],
    assigned: Sequence[str],
    label: Callable[[int], str],
    *,
    blind_spots: Sequence[str] = (),
    collected_on: dt.date | None = None,
    on: dt.date | None = None,
) -> tuple[str, str]:
    """(behaviour id, reason) among the behaviour ids `order` (rubric order).

    `levels` is each behaviour's latest level, `explored` when it was last the
    focus, `assigned` the behaviours of a coach's open exercises, most urgent first,
    `blind_spots` those of the latest round (collected on `collected_on`), the
    largest first, and `on` the day the suggestion is for.
    """
    known = set(order)
    for behaviour_id in assigned:
        if behaviour_id in known:
            return behaviour_id, COACH

    def last_explored(behaviour_id: str) -> dt.datetime:
        return explored.get(behaviour_id) or _EPOCH

    if collected_on is not None and recent_round(collected_on, on):
        # Once it was the focus after the round, the person has looked: the next one.
        for behaviour_id in blind_spots:
            if behaviour_id in known and last_explored(behaviour_id).date() < collected_on:
                return behaviour_id, BLIND_SPOT

    place = {b: i for i, b in enumerate(order)}
    rated = {b: level for b in order if (level := levels.get(b)) is not None}
    if rated:
        best = min(rated, key=lambda b: (rated[b], last_explored(b), place[b]))
        said = f"{rated[best]} {label(rated[best])}"
        if sum(1 for v in rated.values() if v == rated[best]) > 1:
            return best, f"among your lowest ({said}), the one explored longest ago"
        return best, f"your lowest rating ({said})"
    return min(order, key=lambda b: (last_explored(b), place[b])), LONGEST_AGO
