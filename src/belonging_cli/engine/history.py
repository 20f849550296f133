"""What the engine remembers from earlier sessions: ratings, prompts used, experiments.

Pure functions over journal records. `History.read` is the one builder of the history
a flow runs with from the store: journal/history_read.py reads, in SQL shaped to each
question below, only what answers it (the sessions holding each behaviour's latest
rating and focus, this month's, the recap's, ...; prompt uses and wordings' latest as
aggregates), so a sitting costs what it shows, not the journal's length. Given every
session instead (`from_journal`, a journal in memory: the demo's, tests'), the
history answers the same; the aggregates are then counted from the sessions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from belonging_cli.clock import iso_week, week_monday
from belonging_cli.content.rubrics import Behaviour, Prompt, Rubric
from belonging_cli.content.rubrics import Experiment as RubricExperiment
from belonging_cli.focus_rule import pick_focus
from belonging_cli.records import Assignment, Experiment, Session

if TYPE_CHECKING:
    from belonging_cli.content.flows import Flow
    from belonging_cli.feedback.round import FeedbackRound
    from belonging_cli.journal.evidence_store import WeekEvidence
    from belonging_cli.journal.history_read import Ask, HistoryData, Uses

_EPOCH = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
# An experiment chosen in the last eight weeks is left off the menu's new ones
# (the "Again: ..." entry lists it): a menu that repeats itself gets Enter pressed.
RECENT_WEEKS = 8


class JournalView(Protocol):
    """A journal in memory as History reads it (the demo's notebook, tests')."""

    def sessions(self) -> Sequence[Session]: ...  # completed ones
    def experiments(self) -> Sequence[Experiment]: ...  # every status
    def assignments(self) -> Sequence[Assignment]: ...
    def feedback_rounds(self) -> Sequence[FeedbackRound]: ...


class HistoryReads(Protocol):
    """The store's one read for a history (journal/history_read.JournalHistory)."""

    def history_data(self, ask: Ask) -> HistoryData: ...


def recent_since(week: str) -> dt.date:
    """The Monday after which an experiment was chosen lately, for a sitting in `week`."""
    return week_monday(week) - dt.timedelta(weeks=RECENT_WEEKS)


@dataclass(frozen=True)
class History:
    """The journal as the engine needs it."""

    sessions: tuple[Session, ...] = ()  # completed sessions (all, or those read), any order
    open_experiments: tuple[Experiment, ...] = ()
    assigned_behaviours: tuple[str, ...] = ()  # from a coach's open exercises, most urgent first
    past_experiments: tuple[Experiment, ...] = ()  # every experiment (or those read), any status
    feedback_rounds: tuple[FeedbackRound, ...] = ()  # others' view, for the focus rule
    evidence: tuple[WeekEvidence, ...] = ()  # calendar and transcript figures, by week
    # Read as aggregates (History.read); None: counted from `sessions`/`past_experiments`.
    counted: Uses | None = None
    tried: Mapping[str, dt.datetime] | None = None  # a rubric experiment's latest try

    @classmethod
    def read(
        cls,
        journal: HistoryReads,
        rubric: Rubric,
        flow: Flow,
        week: str,
        today: dt.date,
        *,
        assignment: Assignment | None = None,
    ) -> History:
        """The history `flow` runs with in `week` on `today`, read from the store: a
        reflection's, or an exercise's for a coach's `assignment` (as `from_journal`)."""
        recaps = [today - dt.timedelta(days=s.days or 31) for s in flow.steps if s.kind == "recap"]
        turning = {s.id for s in flow.steps if s.variants or s.turn}
        from belonging_cli.journal.history_read import Ask

        recent = iso_week(recent_since(week))
        ask = Ask(week, rubric.ids(), min(recaps, default=None), turning, recent)
        data = journal.history_data(ask)
        return cls.made(data, assignment)

    @classmethod
    def from_journal(cls, journal: JournalView, *, assignment: Assignment | None = None) -> History:
        """The history over a journal in memory, every session given (as `read`)."""
        from belonging_cli.journal.history_read import HistoryData

        data = HistoryData(
            tuple(journal.sessions()),
            tuple(journal.experiments()),
            tuple(journal.assignments()),
            tuple(journal.feedback_rounds()),
            # A journal in memory (the demo's) keeps no evidence.
            tuple(getattr(journal, "evidence", tuple)()),
        )
        return cls.made(data, assignment)

    @classmethod
    def made(cls, data: HistoryData, assignment: Assignment | None) -> History:
        """Past experiments are always there, so an experiment question suggests one
        not tried lately (an exercise's too). An exercise is about its own behaviour;
        a reflection looks at every open exercise, most pressing first."""
        from belonging_cli.coaching.progress import open_assignments

        if assignment is not None:
            assigned: tuple[str, ...] = (assignment.behaviour_id,)
        else:
            assigned = tuple(a.behaviour_id for a in open_assignments(data.assignments))
        return cls(
            sessions=data.sessions,
            open_experiments=tuple(e for e in data.experiments if e.status == "open"),
            assigned_behaviours=assigned,
            past_experiments=data.experiments,
            feedback_rounds=data.feedback_rounds,
            evidence=data.evidence,
            counted=data.uses,
            tried=data.tried,
        )

    def fresh_experiment(self, behaviour: Behaviour) -> RubricExperiment:
        """The behaviour's experiment to suggest: one never tried, else the longest ago."""
        last = self.latest_tries
        order = {e.id: i for i, e in enumerate(behaviour.experiments)}
        return min(behaviour.experiments, key=lambda e: (last.get(e.id, _EPOCH), order[e.id]))

    @cached_property
    def latest_tries(self) -> Mapping[str, dt.datetime]:
        """Each rubric experiment's latest try (read, or from `past_experiments`)."""
        if self.tried is not None:
            return self.tried
        last: dict[str, dt.datetime] = {}
        for e in self.past_experiments:
            if e.rubric_experiment_id:
                last[e.rubric_experiment_id] = max(
                    last.get(e.rubric_experiment_id, _EPOCH), e.created_at
                )
        return last

    @cached_property
    def uses(self) -> Uses:
        """Prompt uses and wordings' latest answers (read, or counted from `sessions`)."""
        from belonging_cli.journal.history_read import Uses
        from belonging_cli.journal.rows import utc_key

        if self.counted is not None:
            return self.counted
        prompts: dict[tuple[str, str], tuple[int, str]] = {}
        asked: dict[tuple[str, str, str], str] = {}
        for session in self.sessions:
            instant = utc_key(session.started_at)
            for answer in session.answers:
                key = (session.flow_id, answer.step_id, answer.prompt_id or "")
                asked[key] = max(asked.get(key, ""), session.week + instant)
                if answer.prompt_id and answer.behaviour_id:
                    n, last = prompts.get((answer.behaviour_id, answer.prompt_id), (0, ""))
                    prompts[answer.behaviour_id, answer.prompt_id] = (n + 1, max(last, instant))
        return Uses(prompts, asked)

    def tried_lately(self, behaviour: Behaviour, week: str) -> list[Experiment]:
        """The behaviour's experiments chosen for one of the RECENT_WEEKS weeks up to
        `week` (or later: a back-dated sitting), newest first. Not offered as new."""
        since = recent_since(week)
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
    history: History,
    count: int,
    exclude: Sequence[str] = (),
) -> list[Prompt]:
    """`count` prompts of a behaviour, none repeating until all of them were used.

    Each prompt's uses are counted across the journal; the least used come first
    (ties: the longest ago, then rubric order), so every prompt is asked once
    before any is asked twice, and prompts added to the rubric later come up next.
    """
    used = history.uses.prompts
    never = (0, "")
    order = {p.id: i for i, p in enumerate(behaviour.prompts)}
    candidates = [p for p in behaviour.prompts if p.id not in exclude]
    candidates.sort(key=lambda p: (*used.get((behaviour.id, p.id), never), order[p.id]))
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
