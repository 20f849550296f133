"""The weekly habit, as pure logic: when the next reflection is due, what waits, what next.

`belonging status` builds a `Status` from a handful of small facts read from
the journal (`journal.status_queries.StatusInputs`) and the time now. Everything here is stdlib-only
and free of I/O, so status stays fast and every rule has a unit test.

Records are NamedTuples, not dataclasses: creating a frozen dataclass costs
~1 ms at import, and this module is on the path of the most-run command.

Rules:
- A week counts as reflected once a reflection *for* that week is complete
  (`Session.week`, fixed when it was recorded): a back-dated reflection fills
  its own week, and moving to another time zone never rewrites history.
- "This week" and due times are counted in the user's zone now.
- Coach exercises done as sessions do not count as the weekly reflection.
- The monthly look back and a deep dive are suggested when they fit (`next_flows`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol, TypeVar

from belonging_cli.clock import iso_week, next_week, parse_week, week_monday, zone_label
from belonging_cli.coaching.progress import Urgency, all_done, pressing, urgency
from belonging_cli.next_flows import Suggestion, suggestions
from belonging_cli.streaks import current_streak, in_a_row, longest_streak

if TYPE_CHECKING:  # the facts read from the journal (status_queries); no SQL at run time
    from belonging_cli.journal.status_queries import (
        AssignmentInfo,
        DraftInfo,
        ExperimentInfo,
        StatusInputs,
    )

ReflectionState = Literal["done", "due", "overdue"]


class Schedule(NamedTuple):
    """When the weekly reflection happens: ISO weekday (1 Monday .. 7 Sunday), time, zone."""

    weekday: int
    at: dt.time
    zone: dt.tzinfo


def due_at(week: str, schedule: Schedule) -> dt.datetime:
    """The moment the reflection for `week` is due, in the schedule's zone."""
    day = week_monday(week) + dt.timedelta(days=schedule.weekday - 1)
    wall = dt.datetime.combine(day, schedule.at, tzinfo=schedule.zone)
    # A wall time inside a DST gap does not exist: normalise through UTC.
    return wall.astimezone(dt.timezone.utc).astimezone(schedule.zone)


class ReflectionDue(NamedTuple):
    week: str  # the week the next reflection is for
    at: dt.datetime
    state: ReflectionState  # done: this week's is complete, the next is next week's


def next_reflection(now: dt.datetime, done_weeks: set[str], schedule: Schedule) -> ReflectionDue:
    local = now.astimezone(schedule.zone)
    this_week = iso_week(local.date())
    if this_week in done_weeks:
        following = next_week(this_week)
        return ReflectionDue(following, due_at(following, schedule), "done")
    at = due_at(this_week, schedule)
    return ReflectionDue(this_week, at, "overdue" if local >= at else "due")


# --- the status model ---------------------------------------------------------


class ExerciseDue(NamedTuple):
    id: str
    title: str
    behaviour_id: str
    due: dt.date | None  # the next time it is due
    state: Urgency  # overdue, due (soon), open (undated) or later
    done: int
    of: int

    @property
    def command(self) -> str:
        return f"belonging exercises do {self.id}"


def exercises_due(assignments: tuple[AssignmentInfo, ...], today: dt.date) -> list[ExerciseDue]:
    """Exercises still to do, most pressing first, each filed by `coaching.progress`."""
    found = []
    for a in assignments:
        if all_done(a.times_done, a.cadence_weeks):
            continue  # every repetition done, should the journal not say so yet
        due = a.due  # the next time: doing a weekly exercise moves it on a week
        state = urgency(due, today)
        found.append(
            ExerciseDue(a.id, a.title, a.behaviour_id, due, state, a.times_done, a.cadence_weeks)
        )
    found.sort(key=lambda e: (*pressing(e.due), e.id))
    return found


class Line(NamedTuple):
    """One line of status: what it is about, what it says, the command that acts on it."""

    label: str  # "Reflection", "Streak", "Experiment", "Exercise", "Draft"
    text: str
    command: str | None = None
    urgent: bool = False


class Status(NamedTuple):
    now: dt.datetime
    zone: str
    this_week: str
    reflection: ReflectionDue
    current_streak: int
    longest_streak: int
    last_week_reflected: str | None
    experiment: ExperimentInfo | None
    experiment_when: str | None  # "this week", "to review", "next week"
    exercises: tuple[ExerciseDue, ...] = ()
    draft: DraftInfo | None = None
    open_experiments: int = 0
    suggestions: tuple[Suggestion, ...] = ()  # the monthly, a deep dive
    titles: Mapping[str, str] | None = None  # behaviour id -> title (the rubric's cache)

    def lines(self, max_exercises: int = 5) -> list[Line]:
        """What status says, in the order it says it."""
        found = [self._reflection_line(), Line("Streak", self._streak_text())]
        if self.experiment is not None:
            e = self.experiment
            about = (self.titles or {}).get(e.behaviour_id, e.behaviour_id)
            text = f"{e.title} ({about}), for {e.week}: {self.experiment_when}"
            if self.open_experiments > 1:
                text += f" ({self.open_experiments - 1} more open)"
            review = self.experiment_when == "to review"
            found.append(Line("Experiment", text, "belonging reflect" if review else None))
        shown = [e for e in self.exercises if e.state != "later"][:max_exercises]
        found += [_exercise_line(e) for e in shown]
        if len(self.exercises) > len(shown):
            rest = len(self.exercises) - len(shown)
            found.append(Line("Exercise", f"{rest} more, due later", "belonging exercises list"))
        found += [Line(x.label, x.text, x.command) for x in self.suggestions]
        if self.draft is not None:
            found.append(_draft_line(self.draft))
        return found

    def next_command(self) -> str:
        """The most useful thing to run now."""
        lines = self.lines()
        by_label = {
            label: [x for x in lines if x.label == label and x.command]
            for label in ("Draft", "Reflection", "Exercise", "Monthly", "Deep dive", "Experiment")
        }
        ordered = (
            by_label["Draft"]
            + [x for x in by_label["Reflection"] if x.urgent]
            + [x for x in by_label["Exercise"] if x.urgent]
            + [x for x in by_label["Exercise"] if not x.urgent]
            + [x for x in by_label["Reflection"] if not x.urgent]
            + by_label["Monthly"]
            + by_label["Deep dive"]
            + by_label["Experiment"]
        )
        return ordered[0].command if ordered and ordered[0].command else "belonging progress"

    def _reflection_line(self) -> Line:
        due = self.reflection
        if due.state == "done":
            return Line("Reflection", f"done for {self.this_week}; next due {_moment(due.at)}")
        draft = self.draft
        if self.last_week_reflected is None and draft is None:
            return Line(
                "Reflection", "none yet: the first takes about ten minutes", "belonging reflect"
            )
        when = "overdue since" if due.state == "overdue" else "due"
        command = "belonging reflect"
        if draft is not None and not draft.assignment_id and draft.week == due.week:
            command += " --resume"
        text = f"{when} {_moment(due.at)} (for {due.week})"
        return Line("Reflection", text, command, due.state == "overdue")

    def _streak_text(self) -> str:
        if self.last_week_reflected is None:
            return "no reflections yet: your first one starts it"
        longest = f"longest {self.longest_streak}"
        if self.current_streak == 0:
            return f"none running (last reflection: {self.last_week_reflected}); {longest}"
        weeks = in_a_row(self.current_streak)
        keep = "" if self.reflection.state == "done" else "; reflect this week to keep it"
        return f"{weeks} ({longest}){keep}"

    def to_json(self) -> dict[str, Any]:
        return {
            "now": self.now.isoformat(),
            "timezone": self.zone,
            "week": self.this_week,
            "reflection": {
                "week": self.reflection.week,
                "due": self.reflection.at.isoformat(),
                "state": self.reflection.state,
            },
            "streak": {
                "current": self.current_streak,
                "longest": self.longest_streak,
                "last_week_reflected": self.last_week_reflected,
            },
            "experiment": None
            if self.experiment is None
            else {
                "id": self.experiment.id,
                "behaviour_id": self.experiment.behaviour_id,
                "title": self.experiment.title,
                "week": self.experiment.week,
                "when": self.experiment_when,
                "more_open": max(0, self.open_experiments - 1),
            },
            "exercises": [
                {
                    "id": e.id,
                    "title": e.title,
                    "behaviour_id": e.behaviour_id,
                    "due": e.due.isoformat() if e.due else None,
                    "state": e.state,
                    "done": e.done,
                    "of": e.of,
                    "command": e.command,
                }
                for e in self.exercises
            ],
            "draft": None
            if self.draft is None
            else {
                "id": self.draft.id,
                "flow_id": self.draft.flow_id,
                "week": self.draft.week,
                "started_at": self.draft.started_at.isoformat(),
                "answered": self.draft.answered,
                "command": _draft_line(self.draft).command,
            },
            "suggestions": [
                {"flow_id": x.flow_id, "behaviour_id": x.behaviour_id, "text": x.text}
                | {"command": x.command}
                for x in self.suggestions
            ],
            "lines": [
                {"label": x.label, "text": x.text, "command": x.command, "urgent": x.urgent}
                for x in self.lines()
            ],
            "next_command": self.next_command(),
        }


def _moment(moment: dt.datetime) -> str:
    """`Fri 4 Dec 16:00`: the weekday matters most for a weekly habit."""
    return f"{moment:%a} {moment.day} {moment:%b %H:%M}"


def _draft_line(draft: DraftInfo) -> Line:
    from belonging_cli.drafts import progress

    saved = progress(draft.answered)
    if draft.assignment_id:
        text = f"exercise {draft.assignment_id} for {draft.week} is waiting ({saved})"
        return Line("Draft", text, f"belonging exercises do {draft.assignment_id}", True)
    article = "an" if draft.flow_id[:1] in tuple("aeiou") else "a"
    text = f"{article} {draft.flow_id} reflection for {draft.week} is waiting ({saved})"
    return Line("Draft", text, "belonging reflect --resume", True)


def _exercise_line(exercise: ExerciseDue) -> Line:
    when = {
        "overdue": f"overdue since {exercise.due}",
        "due": f"due {exercise.due}",
        "open": "no due date",
        "later": f"due {exercise.due}",
    }[exercise.state]
    repeat = f", {exercise.done + 1} of {exercise.of}" if exercise.of > 1 else ""
    text = f"{exercise.title} ({when}{repeat})"
    return Line("Exercise", text, exercise.command, exercise.state == "overdue")


def _valid_weeks(weeks: frozenset[str]) -> set[str]:
    valid = set()
    for week in weeks:
        try:
            parse_week(week)
        except ValueError:
            continue  # a hand-edited journal row: ignore it rather than fail status
        valid.add(week)
    return valid


class _ForAWeek(Protocol):
    @property
    def week(self) -> str: ...


Open = TypeVar("Open", bound=_ForAWeek)


def current_experiment(open_experiments: Sequence[Open], this_week: str) -> Open | None:
    """The one being practised: this week's, else the latest waiting for review, else the next.
    `open_experiments` in the order they were set, oldest first."""
    current = [e for e in open_experiments if e.week == this_week]
    if current:
        return current[-1]
    past = [e for e in open_experiments if e.week < this_week]  # ISO week text sorts as time
    if past:
        return max(past, key=lambda e: e.week)
    return min(open_experiments, key=lambda e: e.week, default=None)


def open_now(open_experiments: Sequence[Open], this_week: str) -> list[Open]:
    """Every open experiment (set oldest first, as status reads them): the one being
    practised first (`current_experiment`, the one status shows), then the others newest
    first. The one rule `status` (its "N more open"), `progress` and `report` share."""
    lead = current_experiment(open_experiments, this_week)
    if lead is None:
        return []
    rest = [e for e in reversed(open_experiments) if e is not lead]
    rest.sort(key=lambda e: e.week, reverse=True)  # stable: in a week, the newest set first
    return [lead, *rest]


def experiment_when(week: str, this_week: str) -> str:
    if week == this_week:
        return "this week"
    return "to review" if week < this_week else "next week"


def build_status(
    inputs: StatusInputs,
    now: dt.datetime,
    schedule: Schedule,
    titles: Mapping[str, str] | None = None,
) -> Status:
    """The status at `now` (aware) for a user whose week runs in `schedule.zone`;
    behaviours named by `titles` (id -> title) where it has them, else by id."""
    local = now.astimezone(schedule.zone)
    this_week = iso_week(local.date())
    weeks = _valid_weeks(inputs.reflection_weeks)
    past = {w for w in weeks if w <= this_week}  # ISO week strings sort as time does
    opened = open_now(inputs.open_experiments, this_week)
    experiment = opened[0] if opened else None
    draft = max(inputs.drafts, key=lambda d: d.started_at, default=None)
    return Status(
        now=local,
        zone=zone_label(schedule.zone),
        this_week=this_week,
        reflection=next_reflection(now, weeks, schedule),
        current_streak=current_streak(past, this_week),
        longest_streak=longest_streak(past),
        last_week_reflected=max(past, default=None),
        experiment=experiment,
        experiment_when=None if experiment is None else experiment_when(experiment.week, this_week),
        exercises=tuple(exercises_due(inputs.assignments, local.date())),
        draft=draft,
        open_experiments=len(opened),
        suggestions=suggestions(
            this_week,
            inputs.flow_sessions,
            bool(past),
            titles,
            None if draft is None else draft.flow_id,
        ),
        titles=titles,
    )
