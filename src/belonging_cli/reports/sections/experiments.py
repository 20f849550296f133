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
    def shown(field: str, text: str | None, private: bool) -> str | None:
        """One text of the experiment, if it is kept: each private or not on its own."""
        if text is None:
            return None
        key = ("experiment", experiment.id, field)
        week = experiment.week
        keep = scope.privacy.keep(private, key, section="Experiments", week=week, text=text)
        return text if keep else None

    title = shown("title", experiment.title, experiment.private)
    return ExperimentItem(
        id=experiment.id,
        week=experiment.week,
        behaviour_id=experiment.behaviour_id,
        behaviour_title=scope.titles.get(experiment.behaviour_id),
        # As typed, but never a control character: a coach's roll-up refuses those.
        title=strip_controls(title) if title is not None else None,
        status=experiment.status,
        outcome=experiment.outcome,
        happened=shown("happened", clean(experiment.happened), experiment.happened_private),
        learned=shown("learned", clean(experiment.learned), experiment.learned_private),
        private=experiment.private,
        happened_private=experiment.happened_private,
        learned_private=experiment.learned_private,
    )
