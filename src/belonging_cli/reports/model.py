"""The report model: what a progress report says, as plain records.

This is the contract of docs/report-json.md, field for field, so
`reports.data.report_data` can dump it without translation; reports/build.py
fills it from the journal's records (sharing decided by reports/privacy.py),
and renderers turn it into Markdown, HTML, JSON or a terminal view.

The records are plain `@dataclass(slots=True)`, not frozen: a report is
built once and only read, and the frozen machinery would double the cost of
importing this module (about 1.5 ms a class), on the path of every report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

# The long lists (focus reflections, experiments, takeaways) hold their latest SHOWN
# entries, with `Listed` counting them all: a report is for reading, and a ten-year
# journal's every answer would make it an export (`belonging journal export` keeps
# everything). Every format and template shows the same entries.
SHOWN = 150

if TYPE_CHECKING:
    # The insight sections' records live with their rules (each module's own contract).
    from belonging_cli.goals import GoalProgress
    from belonging_cli.reports.sections.evidence import EvidenceSource
    from belonging_cli.reports.sections.feedback import FeedbackView
    from belonging_cli.reports.sections.links import ExperimentLink
    from belonging_cli.reports.sections.prep import PrepAnswer
    from belonging_cli.reports.sections.timeline import Timeline
    from belonging_cli.reports.sections.top import Top
    from belonging_cli.reports.sections.writing import Writing


@dataclass(slots=True)
class Person:
    name: str | None


@dataclass(slots=True)
class ReportPeriod:
    name: str
    start: dt.date
    end: dt.date
    first_week: str
    last_week: str
    weeks: int


@dataclass(slots=True)
class WordingChange:
    """The period's sessions were rated against rubric versions with other level words."""

    version: str  # "2.0": the major version the wording changed with
    on: dt.date  # the day of the first session rated against it


@dataclass(slots=True)
class RubricInfo:
    id: str
    version: str
    title: str
    level_wording_changed: WordingChange | None = None


@dataclass(slots=True)
class Summary:
    sessions_completed: int
    weeks_reflected: int
    weeks_in_period: int
    current_streak: int
    longest_streak: int
    last_reflection: dt.date | None


@dataclass(slots=True)
class WeekLevel:
    week: str
    level: int
    evidence: str | None = None
    private: bool = False
    previous: int | None = None  # the level just before this one (None: the first ever)


@dataclass(slots=True)
class BehaviourTrend:
    behaviour_id: str
    number: int
    title: str
    count: int
    first: int | None
    latest: int | None
    change: int | None
    average: float | None
    latest_label: str | None
    latest_descriptor: str | None
    series: tuple[WeekLevel, ...]
    previous: int | None = None  # the level just before the period: what `change` counts from
    trend: str = ""  # the whole series in a word (reports/movement.py `trend`)


@dataclass(slots=True)
class Highlight:
    behaviour_id: str
    title: str
    level: int | None
    label: str | None
    descriptor: str | None
    change: int | None


@dataclass(slots=True)
class Highlights:
    """Kept in the JSON bundle for version 1 readers; no report shows them any more
    (three picks that could disagree: the top and its one next focus replace them)."""

    strongest: Highlight | None = None
    growth_edge: Highlight | None = None
    most_improved: Highlight | None = None
    least_explored: Highlight | None = None


@dataclass(slots=True)
class FocusReflection:
    week: str
    date: dt.date
    behaviour_id: str | None
    behaviour_title: str | None
    prompt_id: str
    question: str | None
    answer: str
    private: bool


@dataclass(slots=True)
class ExperimentItem:
    id: str
    week: str
    behaviour_id: str
    behaviour_title: str | None
    title: str | None
    status: str
    outcome: str | None
    happened: str | None
    learned: str | None
    private: bool  # the title
    happened_private: bool = False
    learned_private: bool = False
    state: str = ""  # what it is counted as (sections/experiments.py STATES)


@dataclass(slots=True)
class ExperimentCounts:
    """Each experiment counted once, as what was answered; they add up to `total`."""

    tried: int = 0
    partly: int = 0
    not_tried: int = 0
    open: int = 0
    dropped: int = 0
    skipped: int = 0
    total: int = 0


@dataclass(slots=True)
class Experiments:
    counts: ExperimentCounts
    items: tuple[ExperimentItem, ...]
    open: ExperimentItem | None  # the one being practised: `open_now`'s first
    # Every open experiment as `status` counts them (habits.open_now), at most
    # sections/experiments.OPEN_SHOWN; `open_total` counts them all (format_minor 8).
    open_now: tuple[ExperimentItem, ...] = ()
    open_total: int = 0


@dataclass(slots=True)
class BalancePoint:
    week: str
    value: int


@dataclass(slots=True)
class BalanceNote:
    week: str
    control: str | None
    influence: str | None
    private: bool


@dataclass(slots=True)
class LeversPoint:
    week: str
    value: str  # structural, relational, both or neither (the `levers` role)


@dataclass(slots=True)
class Balance:
    series: tuple[BalancePoint, ...]
    first: int | None
    latest: int | None
    change: int | None
    average: float | None
    notes: tuple[BalanceNote, ...]
    trend: str = ""
    levers: tuple[LeversPoint, ...] = ()  # rubric 2.0's weekly: which levers, week by week


@dataclass(slots=True)
class ExerciseAnswer:
    week: str
    date: dt.date
    question: str | None
    answer: str
    private: bool


@dataclass(slots=True)
class ExerciseItem:
    id: str
    title: str
    behaviour_id: str
    coach: str | None
    due: dt.date | None
    state: str  # done, due, overdue, dropped, withdrawn
    times_done: int
    completed_at: dt.datetime | None
    answers: tuple[ExerciseAnswer, ...]
    reason: str | None = None  # why the client dropped it (bundle minor 3)
    imported_on: dt.date | None = None  # the day the coach's pack brought it (minor 3)


@dataclass(slots=True)
class ExerciseCounts:
    done: int = 0
    due: int = 0
    overdue: int = 0
    dropped: int = 0
    withdrawn: int = 0


@dataclass(slots=True)
class Exercises:
    counts: ExerciseCounts
    items: tuple[ExerciseItem, ...]


@dataclass(slots=True)
class Suggestion:
    behaviour_id: str
    title: str
    reason: str


@dataclass(slots=True)
class Listed:
    """How many entries each long list has in the period; the report holds the
    latest SHOWN of each (format_minor 9)."""

    focus_reflections: int = 0
    experiments: int = 0
    takeaways: int = 0


@dataclass(slots=True)
class Report:
    generated_at: dt.datetime
    tool_version: str
    person: Person
    period: ReportPeriod
    rubric: RubricInfo
    behaviour_filter: tuple[str, ...] | None
    summary: Summary
    top: Top  # the two-minute top (sections/top.py)
    ratings: tuple[BehaviourTrend, ...]
    timeline: tuple[Timeline, ...]  # each rated behaviour's path (sections/timeline.py)
    highlights: Highlights
    focus_reflections: tuple[FocusReflection, ...]
    experiments: Experiments
    experiment_links: tuple[ExperimentLink, ...]  # what each was followed by (sections/links.py)
    balance: Balance
    exercises: Exercises | None
    writing: Writing  # takeaways, tags, people (sections/writing.py)
    suggested_next_focus: Suggestion | None
    shared: bool
    private_left_out: int
    prep: tuple[PrepAnswer, ...] = ()  # for the coach's next session (sections/prep.py)
    feedback: FeedbackView | None = None  # self beside others (sections/feedback.py)
    goals: tuple[GoalProgress, ...] = ()  # each goal and where they stand (sections/goals.py)
    evidence: tuple[EvidenceSource, ...] = ()  # calendar, meetings (sections/evidence.py)
    listed: Listed = field(default_factory=Listed)  # the long lists' full lengths

    @property
    def is_empty(self) -> bool:
        """Nothing to report: no completed reflection in the period."""
        return self.summary.sessions_completed == 0
