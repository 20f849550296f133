"""Which wording of a text step a sitting asks: its question and `variants:` in turn.

The same words every week get the same answer, so a step with variants asks the one
asked longest ago in this flow's sessions (never asked first, then the flow's order).
With five or more variants nothing comes back within four weeks. It is worked out
from the history alone, so an answers template and the sitting it is for agree; the
answers say which wording they answered (their `prompt_id`; none: the step's own
question, from before the step had variants).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from belonging_cli.content.flows import Flow, Step, Variant
    from belonging_cli.engine.history import History

_NEVER = ""  # before any (week + instant) key: history_read.Uses.asked


def least_recent(step: Step, flow_id: str, history: History) -> Variant:
    """The wording of `step` asked longest ago in `flow_id`'s sessions (or never)."""
    wordings = step.wordings()
    asked = history.uses.asked
    last: dict[str, str] = {}
    for (flow, step_id, prompt_id), when in asked.items():
        if flow == flow_id and step_id == step.id:
            used = prompt_id or step.id
            last[used] = max(last.get(used, _NEVER), when)
    order = {w.id: i for i, w in enumerate(wordings)}
    return min(wordings, key=lambda w: (last.get(w.id, _NEVER), order[w.id]))


def turn_of(flow: Flow, turn: str, history: History) -> str:
    """The step of `turn` this sitting asks: the one answered longest ago in the flow's
    sessions (never answered first, then the flow's order), as wordings take turns."""
    steps = [s for s in flow.steps if s.turn == turn]
    ids = {s.id for s in steps}
    last: dict[str, str] = {}
    for (flow_id, step_id, _), when in history.uses.asked.items():
        if flow_id == flow.id and step_id in ids:
            last[step_id] = max(last.get(step_id, _NEVER), when)
    order = {s.id: i for i, s in enumerate(steps)}
    return min(ids, key=lambda i: (last.get(i, _NEVER), order[i]))
