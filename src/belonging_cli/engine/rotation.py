"""Which wording of a text step a sitting asks: its question and `variants:` in turn.

The same words every week get the same answer, so a step with variants asks the one
asked longest ago in this flow's sessions (never asked first, then the flow's order).
With five or more variants nothing comes back within four weeks. It is worked out
from the history alone, so an answers template and the sitting it is for agree; the
answers say which wording they answered (their `prompt_id`; none: the step's own
question, from before the step had variants).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from belonging_cli.content.flows import Flow, Step, Variant
    from belonging_cli.records import Session

_NEVER = ("", dt.datetime.min.replace(tzinfo=dt.timezone.utc))


def least_recent(step: Step, flow_id: str, sessions: Iterable[Session]) -> Variant:
    """The wording of `step` asked longest ago in `flow_id`'s sessions (or never)."""
    wordings = step.wordings()
    known = {w.id for w in wordings}
    last: dict[str, tuple[str, dt.datetime]] = {}
    for session in sessions:
        if session.flow_id != flow_id:
            continue
        when = (session.week, session.started_at)
        for answer in session.answers:
            if answer.step_id != step.id:
                continue
            used = answer.prompt_id or step.id
            if used in known:
                last[used] = max(last.get(used, _NEVER), when)
    order = {w.id: i for i, w in enumerate(wordings)}
    return min(wordings, key=lambda w: (last.get(w.id, _NEVER), order[w.id]))


def turn_of(flow: Flow, turn: str, sessions: Iterable[Session]) -> str:
    """The step of `turn` this sitting asks: the one answered longest ago in the flow's
    sessions (never answered first, then the flow's order), as wordings take turns."""
    steps = [s for s in flow.steps if s.turn == turn]
    ids = {s.id for s in steps}
    last: dict[str, tuple[str, dt.datetime]] = {}
    for session in sessions:
        if session.flow_id != flow.id:
            continue
        when = (session.week, session.started_at)
        for answer in session.answers:
            step_id = answer.step_id
            if step_id in ids:
                last[step_id] = max(last.get(step_id, _NEVER), when)
    order = {s.id: i for i, s in enumerate(steps)}
    return min(ids, key=lambda i: (last.get(i, _NEVER), order[i]))
