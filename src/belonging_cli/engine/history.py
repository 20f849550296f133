"""What the engine remembers from earlier sessions: ratings, prompts used, experiments.

Pure functions over journal records. `History.from_journal` is the one place that
reads them, through the three read methods of `JournalView` (the store, or the
demo's journal in memory), so every flow run sees the journal the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from belonging_cli.clock import week_monday
from belonging_cli.content.rubrics import Behaviour, Prompt, Rubric
from belonging_cli.content.rubrics import Experiment as RubricExperiment
from belonging_cli.focus_rule import pick_focus
from belonging_cli.records import Assignment, Experiment, Session

if TYPE_CHECKING:
    from belonging_cli.feedback.round import FeedbackRound
    from belonging_cli.journal.evidence_store import WeekEvidence

_EPOCH = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
# An experiment chosen in the last eight weeks is left off the menu's new ones
# (the "Again: ..." entry lists it): a menu that repeats itself gets Enter pressed.
RECENT_WEEKS = 8


class JournalView(Protocol):
    """What History reads from a journal."""

    def sessions(self) -> Sequence[Session]: ...  # completed ones
    def experiments(self) -> Sequence[Experiment]: ...  # every status
    def assignments(self) -> Sequence[Assignment]: ...
    def feedback_rounds(self) -> Sequence[FeedbackRound]: ...


@dataclass(frozen=True)
class History:
    """The journal as the engine needs it."""

    sessions: tuple[Session, ...] = ()  # completed sessions, any order
    open_experiments: tuple[Experiment, ...] = ()
    assigned_behaviours: tuple[str, ...] = ()  # from a coach's open exercises, most urgent first
    past_experiments: tuple[Experiment, ...] = ()  # every experiment, any status
    feedback_rounds: tuple[FeedbackRound, ...] = ()  # others' view, for the focus rule
    evidence: tuple[WeekEvidence, ...] = ()  # calendar and transcript figures, by week

    @classmethod
    def from_journal(cls, journal: JournalView, *, assignment: Assignment | None = None) -> History:
        """The history any flow runs with: a reflection, or a coach's `assignment`.

        Past experiments are always there, so an experiment question suggests one
        not tried lately (an exercise's too). An exercise is about its own
        behaviour; a reflection looks at every open exercise, most pressing first.
        """
        from belonging_cli.coaching.progress import open_assignments

        experiments = tuple(journal.experiments())
        if assignment is not None:
            assigned: tuple[str, ...] = (assignment.behaviour_id,)
        else:
            waiting = open_assignments(journal.assignments())
            assigned = tuple(a.behaviour_id for a in waiting)
        return cls(
            sessions=tuple(journal.sessions()),
            open_experiments=tuple(e for e in experiments if e.status == "open"),
            assigned_behaviours=assigned,
            past_experiments=experiments,
            feedback_rounds=tuple(journal.feedback_rounds()),
            # The store keeps evidence; the demo's journal in memory has none.
            evidence=tuple(getattr(journal, "evidence", tuple)()),
        )

    def fresh_experiment(self, behaviour: Behaviour) -> RubricExperiment:
        """The behaviour's experiment to suggest: one never tried, else the longest ago."""
        last: dict[str, dt.datetime] = {}
        for e in self.past_experiments:
            if e.rubric_experiment_id:
                last[e.rubric_experiment_id] = max(
                    last.get(e.rubric_experiment_id, _EPOCH), e.created_at
                )
        order = {e.id: i for i, e in enumerate(behaviour.experiments)}
        return min(behaviour.experiments, key=lambda e: (last.get(e.id, _EPOCH), order[e.id]))

    def tried_lately(self, behaviour: Behaviour, week: str) -> list[Experiment]:
        """The behaviour's experiments chosen for one of the RECENT_WEEKS weeks up to
        `week` (or later: a back-dated sitting), newest first. Not offered as new."""
        since = week_monday(week) - dt.timedelta(weeks=RECENT_WEEKS)
        found = [
            e
            for e in self.past_experiments
            if e.behaviour_id == behaviour.id and week_monday(e.week) > since
        ]
        return sorted(found, key=lambda e: (e.week, e.created_at), reverse=True)

    def newest_first(self) -> tuple[Session, ...]:
        return self._newest

    @cached_property
    def _newest(self) -> tuple[Session, ...]:
        # Sorted once per history: a sitting asks for the latest rating and focus of
        # every behaviour many times, and re-sorting a long journal each time was most
        # of `reflect`'s cost there (issue 19).
        return tuple(sorted(self.sessions, key=lambda s: (s.week, s.started_at), reverse=True))

    def last_rating(self, behaviour_id: str, before_week: str | None = None) -> int | None:
        """The most recent rating of a behaviour (in a week before `before_week`, if given)."""
        for session in self.newest_first():
            if before_week is not None and session.week > before_week:
                continue
            rating = session.rating(behaviour_id)
            if rating is not None:
                return rating.level
        return None

    def last_explored(self, behaviour_id: str) -> dt.datetime | None:
        for session in self.newest_first():
            if session.focus_behaviour_id == behaviour_id:
                return session.started_at
        return None

    def experiments_to_review(self, week: str) -> list[Experiment]:
        """Open experiments meant for this week or earlier, oldest first."""
        due = [e for e in self.open_experiments if e.week <= week]
        return sorted(due, key=lambda e: (e.week, e.created_at))


def choose_prompts(
    behaviour: Behaviour,
    sessions: Iterable[Session],
    count: int,
    exclude: Sequence[str] = (),
) -> list[Prompt]:
    """`count` prompts of a behaviour, none repeating until all of them were used.

    Each prompt's uses are counted across the journal; the least used come first
    (ties: the longest ago, then rubric order), so every prompt is asked once
    before any is asked twice, and prompts added to the rubric later come up next.
    """
    uses: Counter[str] = Counter()
    last: dict[str, dt.datetime] = {}
    for session in sessions:
        for answer in session.answers:
            if answer.prompt_id and answer.behaviour_id == behaviour.id:
                uses[answer.prompt_id] += 1
                last[answer.prompt_id] = max(last.get(answer.prompt_id, _EPOCH), session.started_at)
    order = {p.id: i for i, p in enumerate(behaviour.prompts)}
    candidates = [p for p in behaviour.prompts if p.id not in exclude]
    candidates.sort(key=lambda p: (uses[p.id], last.get(p.id, _EPOCH), order[p.id]))
    return candidates[:count]


@dataclass(frozen=True)
class Suggestion:
    behaviour_id: str
    reason: str


def suggest_focus(
    rubric: Rubric, history: History, ratings: dict[str, int], week: str | None = None
) -> Suggestion:
    """The behaviour to suggest for a deep look this week (focus_rule.pick_focus, the
    report's rule too), rated by this session's ratings, else the latest earlier ones.
    A feedback round counts as of the `week`'s Sunday, as a report ending then does."""
    from belonging_cli.reports.sections.feedback import blind_spots_by

    ids = rubric.ids()
    levels = {b: ratings.get(b) if b in ratings else history.last_rating(b) for b in ids}
    explored = {b: history.last_explored(b) for b in ids}
    on = week_monday(week) + dt.timedelta(days=6) if week else None
    spots, collected = (
        blind_spots_by(history.feedback_rounds, history.sessions, on) if on else ((), None)
    )
    found = pick_focus(
        ids,
        levels,
        explored,
        history.assigned_behaviours,
        rubric.label,
        blind_spots=spots,
        collected_on=collected,
        on=on,
    )
    return Suggestion(*found)


def trend(
    rubric: Rubric, sessions: Iterable[Session], since: dt.date
) -> list[tuple[Behaviour, list[int]]]:
    """Each behaviour's ratings since a date, oldest first."""
    recent = sorted(
        (s for s in sessions if s.started_at.date() >= since), key=lambda s: s.started_at
    )
    rows = []
    for behaviour in rubric.behaviours:
        levels = [r.level for s in recent if (r := s.rating(behaviour.id)) is not None]
        rows.append((behaviour, levels))
    return rows
