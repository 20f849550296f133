"""`recap`: the last `days` of ratings and experiments, shown; nothing is asked.

"Experiments reviewed" counts the experiments closed by a review in that time, as
the report does: the experiments are the one record of what was reviewed (a session
can review several, and a demo journal writes no review answers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from belonging_cli.engine.history import trend
from belonging_cli.engine.kinds.base import Base
from belonging_cli.engine.questions import Question

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.engine.session import Engine


class Recap(Base):
    fields = frozenset({"help", "days"})

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        since = engine.today - dt.timedelta(days=step.days or 31)
        lines = [f"Your ratings since {since.isoformat()}:"]
        for behaviour, levels in trend(engine.rubric, engine.history.sessions, since):
            if levels:
                change = levels[-1] - levels[0]
                moved = f"  ({change:+d})" if change else ""
                lines.append(f"  {behaviour.title}: {' '.join(map(str, levels))}{moved}")
        if len(lines) == 1:
            lines.append("  (no ratings yet)")
        reviewed = sorted(
            (
                e
                for e in engine.history.past_experiments
                if e.reviewed_at is not None and e.reviewed_at.date() >= since
            ),
            key=lambda e: (e.reviewed_at, e.created_at),
        )
        lines.append(f"Experiments reviewed: {len(reviewed)}")
        lines.extend(f"  {e.title}: {e.learned}" for e in reviewed if e.learned)
        yield Question(
            id=step.id,
            ask="info",
            kind="recap",
            message=step.help or "The month in review",
            details=tuple(lines),
            role=step.role,
        )

    def describe(self, step: Step) -> list[str]:
        return [f"shows the last {step.days or 31} days: ratings trend and experiments"]
