"""The experiments section: what was tried in the period, counted by outcome, and the
open ones (usually set at this week's reflection, or by an exercise, for the coming week)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from belonging_cli.clock import iso_week
from belonging_cli.habits import open_now
from belonging_cli.reports.model import ExperimentCounts, ExperimentItem, Experiments
from belonging_cli.reports.scope import clean, tallied
from belonging_cli.safe_text import strip_controls

if TYPE_CHECKING:
    from belonging_cli.records import Experiment
    from belonging_cli.reports.scope import Scope


# What an experiment is counted as, each once: what was answered at its review
# ("No, not this time" is not tried, whatever status an older journal stored),
# dropped without an answer (an import can bring one), its review skipped (still
# open), or open, waiting for its first review.
STATES = ("tried", "partly", "not_tried", "dropped", "skipped", "open")
OPEN_SHOWN = 5  # open experiments listed; `open_total` says how many more there are


def experiments(scope: Scope) -> Experiments:
    """The experiments for weeks in the period, and the open one now."""
    chosen = sorted(
        (
            e
            for e in scope.data.experiments
            if scope.period.contains(e.week) and scope.wanted(e.behaviour_id)
        ),
        key=lambda e: (e.week, e.created_at),
    )
    reviews = review_weeks(scope)
    states = {e.id: state(e, reviews) for e in chosen}
    tally = Counter(states.values())
    tally["total"] = len(chosen)
    # An open one is usually for the coming week (set at this week's reflection, or
    # by an exercise), so it is judged by when it was set, not by its week; in the
    # order status shows them (habits.open_now: one rule for "open now").
    opened = open_now(
        sorted(
            (
                e
                for e in scope.data.experiments
                if e.status == "open"
                and scope.local_date(e.created_at) <= scope.period.end
                and scope.wanted(e.behaviour_id)
            ),
            key=lambda e: e.created_at,
        ),
        min(iso_week(scope.today), scope.period.last_week),
    )
    shown = tuple(experiment_item(scope, e, state(e, reviews)) for e in opened[:OPEN_SHOWN])
    return Experiments(
        counts=tallied(ExperimentCounts, tally),
        items=tuple(experiment_item(scope, e, states[e.id]) for e in chosen),
        open=shown[0] if shown else None,
        open_now=shown,
        open_total=len(opened),
    )


def review_weeks(scope: Scope) -> list[tuple[str, str]]:
    """(week, session id) of the reflections up to the period's end that asked for a
    review: each asked about every open experiment due by its week."""
    return [
        (s.week, s.id)
        for s in scope.reflections
        if s.week <= scope.period.last_week and any(a.kind == "review" for a in s.answers)
    ]


def state(experiment: Experiment, reviews: list[tuple[str, str]]) -> str:
    """One of STATES."""
    if experiment.outcome is not None:
        return experiment.outcome
    if experiment.status == "done":
        return "tried"  # closed as done before outcomes were kept
    if experiment.status == "dropped":
        return "dropped"
    asked = any(
        week >= experiment.week and sid != experiment.created_session_id for week, sid in reviews
    )
    return "skipped" if asked else "open"


def experiment_item(scope: Scope, experiment: Experiment, counted: str) -> ExperimentItem:
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
        # The notes too: a bundle never carries a control character (the roll-up refuses
        # one that does, as a forged bundle).
        happened=shown("happened", _words(experiment.happened), experiment.happened_private),
        learned=shown("learned", _words(experiment.learned), experiment.learned_private),
        private=experiment.private,
        happened_private=experiment.happened_private,
        learned_private=experiment.learned_private,
        state=counted,
    )


def _words(text: str | None) -> str | None:
    """A note as typed, without surrounding blanks or control characters."""
    return clean(strip_controls(text)) if text is not None else None
