"""The experiments section: what was tried in the period, counted by outcome, and the
open one (usually set at this week's reflection for the coming week)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from belonging_cli.reports.model import ExperimentCounts, ExperimentItem, Experiments
from belonging_cli.reports.scope import clean, tallied
from belonging_cli.safe_text import strip_controls

if TYPE_CHECKING:
    from belonging_cli.records import Experiment
    from belonging_cli.reports.scope import Scope


def experiments(scope: Scope) -> Experiments:
    chosen = sorted(
        (
            e
            for e in scope.data.experiments
            if scope.period.contains(e.week) and scope.wanted(e.behaviour_id)
        ),
        key=lambda e: (e.week, e.created_at),
    )
    tally: Counter[str] = Counter()
    for e in chosen:
        if e.status == "done":
            tally[e.outcome or "tried"] += 1
        else:
            tally[e.status] += 1
    # The open one is usually for the coming week (set at this week's
    # reflection), so it is judged by when it was set, not by its week.
    open_now = max(
        (
            e
            for e in scope.data.experiments
            if e.status == "open"
            and scope.local_date(e.created_at) <= scope.period.end
            and scope.wanted(e.behaviour_id)
        ),
        key=lambda e: (e.week, e.created_at),
        default=None,
    )
    return Experiments(
        counts=tallied(ExperimentCounts, tally),
        items=tuple(experiment_item(scope, e) for e in chosen),
        open=experiment_item(scope, open_now) if open_now else None,
    )


def experiment_item(scope: Scope, experiment: Experiment) -> ExperimentItem:
    shown = scope.privacy.keep(experiment.private, ("experiment", experiment.id))
    return ExperimentItem(
        id=experiment.id,
        week=experiment.week,
        behaviour_id=experiment.behaviour_id,
        behaviour_title=scope.titles.get(experiment.behaviour_id),
        # As typed, but never a control character: a coach's roll-up refuses those.
        title=strip_controls(experiment.title) if shown else None,
        status=experiment.status,
        outcome=experiment.outcome,
        happened=clean(experiment.happened) if shown else None,
        learned=clean(experiment.learned) if shown else None,
        private=experiment.private,
    )
