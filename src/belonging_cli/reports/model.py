"""The report model: what a progress report says, built from journal records by pure code.

No database and no terminal here: the caller loads the journal and the rubric,
chooses the period, and renderers turn the `Report` into Markdown, HTML, JSON or
a terminal view. The model mirrors the JSON bundle (docs/report-json.md) field
for field, so `reports.data.report_data` can dump it without translation.

Sharing is decided here, once: with `share=True` every private text is left
out of the model itself, so no renderer (or user template) can leak it.

The records are plain `@dataclass(slots=True)`, not frozen: a report is
built once and only read, and the frozen machinery would double the cost of
importing this module (about 1.5 ms a class), on the path of every report.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from belonging_cli._gc import collector_paused
from belonging_cli.coaching.progress import pressing
from belonging_cli.coaching.progress import state as exercise_state
from belonging_cli.records import (
    AnswerValue,
    Assignment,
    Experiment,
    JournalData,
    Rating,
    Session,
)
from belonging_cli.reports.period import Period
from belonging_cli.safe_text import strip_controls
from belonging_cli.streaks import current_streak, longest_streak

if TYPE_CHECKING:
    from belonging_cli.reports.rubric_facts import BehaviourFacts, RubricFacts

# The roles of the steps the report reads, whatever their ids (docs/flows.md).
NOTE_ROLES = frozenset({"control", "influence"})


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
class RubricInfo:
    id: str
    version: str
    title: str


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
    private: bool


@dataclass(slots=True)
class ExperimentCounts:
    tried: int = 0
    partly: int = 0
    not_tried: int = 0
    open: int = 0
    dropped: int = 0


@dataclass(slots=True)
class Experiments:
    counts: ExperimentCounts
    items: tuple[ExperimentItem, ...]
    open: ExperimentItem | None


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
class Balance:
    series: tuple[BalancePoint, ...]
    first: int | None
    latest: int | None
    change: int | None
    average: float | None
    notes: tuple[BalanceNote, ...]


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
class Report:
    generated_at: dt.datetime
    tool_version: str
    person: Person
    period: ReportPeriod
    rubric: RubricInfo
    behaviour_filter: tuple[str, ...] | None
    summary: Summary
    ratings: tuple[BehaviourTrend, ...]
    highlights: Highlights
    focus_reflections: tuple[FocusReflection, ...]
    experiments: Experiments
    balance: Balance
    exercises: Exercises | None
    suggested_next_focus: Suggestion | None
    shared: bool
    private_left_out: int

    @property
    def is_empty(self) -> bool:
        """Nothing to report: no completed reflection in the period."""
        return self.summary.sessions_completed == 0


def build_report(
    data: JournalData,
    rubric: RubricFacts,
    period: Period,
    *,
    now: dt.datetime,
    share: bool = False,
    behaviours: Sequence[str] | None = None,
    person: str | None = None,
    zone: dt.tzinfo | None = None,
    tool_version: str = "",
) -> Report:
    """Everything a report says about `period`, from the journal's records.

    `behaviours` (rubric ids) narrows ratings, reflections, experiments and
    exercises to those behaviours; `zone` is the user's time zone for dates.
    """
    # Thousands of small records and no cycles: full collections would only
    # re-walk the journal already in memory (as the journal's loader does too).
    with collector_paused():
        return _Builder(data, rubric, period, now, share, behaviours, zone).build(
            person, tool_version
        )


class _Privacy:
    """Decides what private text is shown, and counts what a shared report leaves out."""

    def __init__(self, share: bool) -> None:
        self.share = share
        self._left_out: set[tuple[str, ...]] = set()

    def keep(self, private: bool, key: tuple[str, ...]) -> bool:
        if private and self.share:
            self._left_out.add(key)
            return False
        return True

    @property
    def left_out(self) -> int:
        return len(self._left_out)


class _Builder:
    def __init__(
        self,
        data: JournalData,
        rubric: RubricFacts,
        period: Period,
        now: dt.datetime,
        share: bool,
        behaviours: Sequence[str] | None,
        zone: dt.tzinfo | None,
    ) -> None:
        self.data = data
        self.rubric = rubric
        self.period = period
        self.now = now.replace(microsecond=0)
        self.zone = zone
        self.today = now.astimezone(zone).date()
        self.privacy = _Privacy(share)
        self.filter = tuple(behaviours) if behaviours else None
        chosen = set(self.filter) if self.filter else None
        self.behaviours: tuple[BehaviourFacts, ...] = tuple(
            b for b in rubric.behaviours if chosen is None or b.id in chosen
        )
        self.titles = {b.id: b.title for b in rubric.behaviours}
        complete = [s for s in data.sessions if s.status == "complete"]
        complete.sort(key=lambda s: (s.week, _when(s)))
        in_period = [s for s in complete if period.contains(s.week)]
        # Reflections make the streak and the trends; a coach's exercise done in
        # a session of its own only feeds the exercises section (as in `status`).
        self.reflections = [s for s in complete if s.assignment_id is None]
        self.sessions = [s for s in in_period if s.assignment_id is None]
        self.exercise_sessions = [s for s in in_period if s.assignment_id is not None]

    def wanted(self, behaviour_id: str | None) -> bool:
        return self.filter is None or behaviour_id in self.filter

    def local_date(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.zone).date()

    def build(self, person: str | None, tool_version: str) -> Report:
        weekly = self.weekly_ratings()
        ratings = tuple(self.trend(b, weekly.get(b.id, {})) for b in self.behaviours)
        focus_counts = Counter(s.focus_behaviour_id for s in self.sessions)
        report_period = ReportPeriod(
            self.period.name,
            self.period.start,
            self.period.end,
            self.period.first_week,
            self.period.last_week,
            self.period.weeks,
        )
        # Built before the privacy count is read: each part adds what it left out.
        focus = self.focus_reflections()
        experiments = self.experiments()
        balance = self.balance()
        exercises = self.exercises()
        return Report(
            generated_at=self.now,
            tool_version=tool_version,
            person=Person(person or None),
            period=report_period,
            rubric=RubricInfo(self.rubric.id, self.rubric.version, self.rubric.title),
            behaviour_filter=self.filter,
            summary=self.summary(),
            ratings=ratings,
            highlights=self.highlights(ratings, focus_counts),
            focus_reflections=focus,
            experiments=experiments,
            balance=balance,
            exercises=exercises,
            suggested_next_focus=self.suggestion(ratings, focus_counts),
            shared=self.privacy.share,
            private_left_out=self.privacy.left_out,
        )

    def summary(self) -> Summary:
        upto = [s.week for s in self.reflections if s.week <= self.period.last_week]
        last = max((_when(s) for s in self.sessions), default=None)
        return Summary(
            sessions_completed=len(self.sessions),
            weeks_reflected=len({s.week for s in self.sessions}),
            weeks_in_period=self.period.weeks,
            current_streak=current_streak(upto, self.period.last_week),
            longest_streak=longest_streak(upto),
            last_reflection=self.local_date(last) if last else None,
        )

    def weekly_ratings(self) -> dict[str, dict[str, tuple[Session, Rating]]]:
        """Behaviour -> week -> the rating that stands for that week, in one pass.

        Sessions are in time order, so a later session's rating replaces an
        earlier one of the same week: the latest word on a week stands.
        """
        found: dict[str, dict[str, tuple[Session, Rating]]] = {}
        for session in self.sessions:
            for rating in session.ratings:
                if 1 <= rating.level <= 5:
                    found.setdefault(rating.behaviour_id, {})[session.week] = (session, rating)
        return found

    def trend(
        self, behaviour: BehaviourFacts, by_week: dict[str, tuple[Session, Rating]]
    ) -> BehaviourTrend:
        series: list[WeekLevel] = []
        for week, (session, rating) in by_week.items():
            private = rating.evidence_private
            shown = (rating.evidence or "").strip() or None
            if shown and not self.privacy.keep(private, ("evidence", session.id, behaviour.id)):
                shown = None
            series.append(WeekLevel(week, rating.level, shown, private and shown is not None))
        levels = [p.level for p in series]
        first, latest, change, average = _movement(levels)
        return BehaviourTrend(
            behaviour_id=behaviour.id,
            number=behaviour.number,
            title=behaviour.title,
            count=len(levels),
            first=first,
            latest=latest,
            change=change,
            average=average,
            latest_label=self.rubric.label(latest) if latest else None,
            latest_descriptor=behaviour.descriptor(latest) if latest else None,
            series=tuple(series),
        )

    def highlights(
        self, ratings: tuple[BehaviourTrend, ...], focus_counts: Counter[str | None]
    ) -> Highlights:
        rated = [t for t in ratings if t.latest is not None]
        if not rated:
            least = min(ratings, key=lambda t: focus_counts[t.behaviour_id], default=None)
            return Highlights(least_explored=_highlight(least))
        strongest = max(rated, key=lambda t: (t.latest or 0, t.average or 0, -t.number))
        edge = min(rated, key=lambda t: (t.latest or 0, t.average or 0, t.number))
        improved = max(rated, key=lambda t: (t.change or 0, t.latest or 0, -t.number))
        least = min(ratings, key=lambda t: (focus_counts[t.behaviour_id], t.number))
        return Highlights(
            strongest=_highlight(strongest),
            growth_edge=_highlight(edge) if edge is not strongest else None,
            most_improved=_highlight(improved) if (improved.change or 0) > 0 else None,
            least_explored=_highlight(least),
        )

    def suggestion(
        self, ratings: tuple[BehaviourTrend, ...], focus_counts: Counter[str | None]
    ) -> Suggestion | None:
        rated = [t for t in ratings if t.latest is not None]
        if not rated:
            return None
        last_focus = next(
            (s.focus_behaviour_id for s in reversed(self.sessions) if s.focus_behaviour_id),
            None,
        )
        # Just explored last week: give it a rest unless it is the only choice.
        choices = [t for t in rated if t.behaviour_id != last_focus] or rated
        pick = min(
            choices,
            key=lambda t: (t.latest or 0, focus_counts[t.behaviour_id], t.average or 0, t.number),
        )
        lowest = pick.latest == min(t.latest or 0 for t in rated)
        level = f"{pick.latest_label} ({pick.latest})"
        explored = focus_counts[pick.behaviour_id]
        if explored == 0:
            how_often = "and you have not made it your focus this period"
        elif explored == 1:
            how_often = "and you have explored it once this period"
        else:
            how_often = f"and you have explored it {explored} times this period"
        where = "your lowest rating" if lowest else "one of your lower ratings"
        reason = f"Your latest rating is {level}, {where}, {how_often}."
        return Suggestion(pick.behaviour_id, pick.title, reason)

    def focus_reflections(self) -> tuple[FocusReflection, ...]:
        found: list[FocusReflection] = []
        for session in self.sessions:
            for answer in session.answers:
                if answer.prompt_id is None:
                    continue
                behaviour_id = answer.behaviour_id or session.focus_behaviour_id
                text = answer_text(answer.value)
                if not text or not self.wanted(behaviour_id):
                    continue
                if not self.privacy.keep(answer.private, ("answer", session.id, answer.step_id)):
                    continue
                found.append(
                    FocusReflection(
                        week=session.week,
                        date=self.local_date(answer.answered_at),
                        behaviour_id=behaviour_id,
                        behaviour_title=self.titles.get(behaviour_id or ""),
                        prompt_id=answer.prompt_id,
                        question=(answer.question or "").strip() or None,
                        answer=text,
                        private=answer.private,
                    )
                )
        return tuple(found)

    def experiment_item(self, experiment: Experiment) -> ExperimentItem:
        shown = self.privacy.keep(experiment.private, ("experiment", experiment.id))
        return ExperimentItem(
            id=experiment.id,
            week=experiment.week,
            behaviour_id=experiment.behaviour_id,
            behaviour_title=self.titles.get(experiment.behaviour_id),
            # As typed, but never a control character: a coach's roll-up refuses those.
            title=strip_controls(experiment.title) if shown else None,
            status=experiment.status,
            outcome=experiment.outcome,
            happened=_clean(experiment.happened) if shown else None,
            learned=_clean(experiment.learned) if shown else None,
            private=experiment.private,
        )

    def experiments(self) -> Experiments:
        chosen = sorted(
            (
                e
                for e in self.data.experiments
                if self.period.contains(e.week) and self.wanted(e.behaviour_id)
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
                for e in self.data.experiments
                if e.status == "open"
                and self.local_date(e.created_at) <= self.period.end
                and self.wanted(e.behaviour_id)
            ),
            key=lambda e: (e.week, e.created_at),
            default=None,
        )
        return Experiments(
            counts=ExperimentCounts(
                tried=tally["tried"],
                partly=tally["partly"],
                not_tried=tally["not_tried"],
                open=tally["open"],
                dropped=tally["dropped"],
            ),
            items=tuple(self.experiment_item(e) for e in chosen),
            open=self.experiment_item(open_now) if open_now else None,
        )

    def balance(self) -> Balance:
        values: dict[str, int] = {}
        noted: dict[str, Session] = {}  # week -> the latest session with notes on it
        for session in self.sessions:
            for answer in session.answers:
                if answer.role == "balance" and _is_level(answer.value):
                    assert isinstance(answer.value, int)
                    values[session.week] = answer.value
                elif answer.role in NOTE_ROLES and answer_text(answer.value):
                    noted[session.week] = session
        series = tuple(BalancePoint(w, v) for w, v in values.items())
        levels = list(values.values())
        first, latest, change, average = _movement(levels)
        notes = (self.balance_note(s) for s in noted.values())
        return Balance(
            series=series,
            first=first,
            latest=latest,
            change=change,
            average=average,
            notes=tuple(n for n in notes if n is not None),
        )

    def balance_note(self, session: Session) -> BalanceNote | None:
        texts: dict[str, str] = {}
        private = False
        for answer in session.answers:
            text = answer_text(answer.value)
            if answer.role not in NOTE_ROLES or not text:
                continue
            if self.privacy.keep(answer.private, ("answer", session.id, answer.step_id)):
                texts[answer.role] = text
                private = private or answer.private
        if not texts:
            return None
        return BalanceNote(session.week, texts.get("control"), texts.get("influence"), private)

    def exercises(self) -> Exercises | None:
        if not self.data.assignments:
            return None
        answers = self.exercise_answers()
        items: list[ExerciseItem] = []
        for assignment in self.data.assignments:
            if not self.wanted(assignment.behaviour_id):
                continue
            state = self.exercise_state(assignment)
            done_before = (
                state == "done"
                and assignment.completed_at is not None
                and self.local_date(assignment.completed_at) < self.period.start
            )
            if done_before or self.local_date(assignment.imported_at) > self.period.end:
                continue
            items.append(
                ExerciseItem(
                    id=assignment.id,
                    title=assignment.title,
                    behaviour_id=assignment.behaviour_id,
                    coach=assignment.coach,
                    due=assignment.due,
                    state=state,
                    times_done=assignment.times_done,
                    completed_at=assignment.completed_at,
                    answers=tuple(answers.get(assignment.id, ())),
                )
            )
        items.sort(key=lambda i: (*pressing(i.due), i.title))
        tally = Counter(i.state for i in items)
        return Exercises(
            counts=ExerciseCounts(
                done=tally["done"],
                due=tally["due"],
                overdue=tally["overdue"],
                dropped=tally["dropped"],
                withdrawn=tally["withdrawn"],
            ),
            items=tuple(items),
        )

    def exercise_state(self, assignment: Assignment) -> str:
        return exercise_state(assignment, self.today)

    def exercise_answers(self) -> dict[str, list[ExerciseAnswer]]:
        found: dict[str, list[ExerciseAnswer]] = {}
        for session in self.exercise_sessions:
            assert session.assignment_id is not None
            for answer in session.answers:
                text = answer_text(answer.value)
                if not text:
                    continue
                if not self.privacy.keep(answer.private, ("answer", session.id, answer.step_id)):
                    continue
                found.setdefault(session.assignment_id, []).append(
                    ExerciseAnswer(
                        week=session.week,
                        date=self.local_date(answer.answered_at),
                        question=(answer.question or "").strip() or None,
                        answer=text,
                        private=answer.private,
                    )
                )
        return found


def answer_text(value: AnswerValue) -> str:
    """An answer as words: text as written, choices joined, yes/no spelled out."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).strip()


def weeks_of(sessions: Iterable[Session]) -> list[str]:
    """The weeks reflected on by completed reflections (where an `all` period starts)."""
    return [s.week for s in sessions if s.status == "complete" and s.assignment_id is None]


def _when(session: Session) -> dt.datetime:
    return session.completed_at or session.started_at


def _clean(text: str | None) -> str | None:
    return (text or "").strip() or None


def _is_level(value: AnswerValue) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5


def _movement(levels: list[int]) -> tuple[int | None, int | None, int | None, float | None]:
    """First, latest, change and average of levels in time order (all None when empty)."""
    if not levels:
        return None, None, None, None
    first, latest = levels[0], levels[-1]
    return first, latest, latest - first, round(sum(levels) / len(levels), 2)


def _highlight(trend: BehaviourTrend | None) -> Highlight | None:
    if trend is None:
        return None
    return Highlight(
        behaviour_id=trend.behaviour_id,
        title=trend.title,
        level=trend.latest,
        label=trend.latest_label,
        descriptor=trend.latest_descriptor,
        change=trend.change,
    )
