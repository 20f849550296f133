"""`goals`: each open goal, where it started, where it is now, its target and trend,
shown; nothing is asked (the monthly look back reads it before deciding anything).

The lines are goals.line's, the one rule for a goal in a line, the same as the
recap after a reflection and `belonging goals list`. The progress comes with the
engine (`Engine.goals`, read from the journal by the command that runs the flow,
only for a flow with a goals step).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from belonging_cli.engine.kinds.base import Base
from belonging_cli.engine.questions import Question

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.engine.session import Engine
    from belonging_cli.goals import GoalProgress, Rated
    from belonging_cli.records import Goal

NO_GOALS = "  No open goals: set one with `belonging goals add` (see `belonging goals --help`)."


class GoalsView(Protocol):
    """What the goals step reads from a journal."""

    def goals(self) -> list[Goal]: ...
    def goal_ratings(self, behaviour_ids: Iterable[str]) -> dict[str, list[Rated]]: ...


def open_goals(
    journal: GoalsView, rubric: Rubric, zone: dt.tzinfo | None
) -> tuple[GoalProgress, ...]:
    """Progress against each open goal, in the order they were set."""
    from belonging_cli.goals import progress

    found = [g for g in journal.goals() if g.status == "open"]
    if not found:
        return ()
    series = journal.goal_ratings(g.behaviour_id for g in found)
    titles = {b.id: b.title for b in rubric.behaviours}
    return tuple(
        progress(g, titles.get(g.behaviour_id, g.behaviour_id), series[g.behaviour_id], zone)
        for g in found
    )


class Goals(Base):
    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        from belonging_cli.goals import line

        lines = [f"  {line(p, engine.today).removeprefix('Goal: ')}" for p in engine.goals]
        yield Question(
            id=step.id,
            ask="info",
            kind="goals",
            message=step.help or "Your goals",
            details=tuple(lines) or (NO_GOALS,),
            role=step.role,
        )

    def rated(self, step: Step, engine: Engine) -> list[str]:
        return []

    def describe(self, step: Step) -> list[str]:
        return ["shows each open goal: where it started, where it is now, the target and trend"]
