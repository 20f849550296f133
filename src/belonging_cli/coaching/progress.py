"""Every rule about a coach's exercises: where a client stands on each, and what is next.

The state (due, overdue, done, dropped, withdrawn), "due soon", "most pressing
first", "done as often as asked" and the weekly re-due date are written here
once, as pure functions over `Assignment` records (or their dates): the
commands, the reflection's offer, the report, the roll-up, pack imports and
`belonging status` all call them. Cheap to import (stdlib and the error
classes only): `status` is on a budget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, cast

from belonging_cli.errors import BelongingError

if TYPE_CHECKING:
    from belonging_cli.records import Assignment

State = Literal["due", "overdue", "done", "dropped", "withdrawn"]
STATES: tuple[State, ...] = ("overdue", "due", "done", "dropped", "withdrawn")
# An exercise still to do, as `status` files it: overdue, due soon, undated ("open"),
# or due later than soon.
Urgency = Literal["overdue", "due", "open", "later"]
# "Due soon": within the coming week, so each weekly reflection sees every exercise
# that falls due before the next one (a calendar week would hide, on a Sunday, one
# due on Monday).
SOON = dt.timedelta(days=7)


def state_of(status: str, due: dt.date | None, today: dt.date) -> State:
    """The one rule: an assigned exercise is overdue once its due day has passed, else
    due; one done, dropped (by the client) or withdrawn (by the coach) stays so."""
    if status == "assigned":
        return "overdue" if due is not None and due < today else "due"
    return cast(State, status)  # done, dropped or withdrawn, as the journal keeps it


def urgency(due: dt.date | None, today: dt.date) -> Urgency:
    """How pressing an exercise still to do is: overdue (by `state_of`), due soon
    (within `SOON` of today), undated ("open"), or later."""
    if state_of("assigned", due, today) == "overdue":
        return "overdue"
    if due is None:
        return "open"
    return "due" if due <= today + SOON else "later"


def pressing(due: dt.date | None) -> tuple[bool, dt.date]:
    """The sort key of "most pressing first": the earliest due first (so overdue, then
    due soon, then later), undated last. Callers add their own tie-break."""
    return (due is None, due or dt.date.max)


def all_done(times_done: int, cadence_weeks: int) -> bool:
    """Whether an exercise has been done as often as its cadence asks (once at least)."""
    return times_done >= max(1, cadence_weeks)


def next_due(
    first_due: dt.date | None,
    times_done: int,
    last_done: dt.date | None = None,
) -> dt.date | None:
    """When an exercise first due `first_due`, done `times_done` times (the last on
    `last_done`), falls due next: a weekly one a week after each time it is done, never
    sooner than it was first due (doing week one early does not pull week two in).
    Never done: its first due day. (Done as often as asked, it keeps the date it had.)"""
    if first_due is None or times_done == 0 or last_done is None:
        return first_due
    return week_after(first_due, last_done)


def week_after(due: dt.date, done_on: dt.date) -> dt.date:
    """A weekly exercise's next due day once done on `done_on`, while it was due `due`."""
    return max(due, done_on + dt.timedelta(weeks=1))


def state(assignment: Assignment, today: dt.date) -> State:
    """The status a client sees for `assignment` today."""
    return state_of(assignment.status, assignment.due, today)


def is_open(assignment: Assignment) -> bool:
    """Still to do: assigned, and not yet done as often as asked."""
    return assignment.status == "assigned" and not all_done(
        assignment.times_done, assignment.cadence_weeks
    )


def open_assignments(assignments: Iterable[Assignment]) -> list[Assignment]:
    """Still to do, most pressing first."""
    return sorted((a for a in assignments if is_open(a)), key=lambda a: (*pressing(a.due), a.id))


def due_soon(assignments: Iterable[Assignment], today: dt.date) -> list[Assignment]:
    """Still to do and overdue, due soon or undated, most pressing first: what a
    reflection offers to do now, and what `status` lists (the rest is "due later")."""
    return [a for a in open_assignments(assignments) if urgency(a.due, today) != "later"]


def sort_for_listing(assignments: Iterable[Assignment], today: dt.date) -> list[Assignment]:
    """Every exercise for `exercises list`: by state (overdue first), then most pressing."""
    order = {s: i for i, s in enumerate(STATES)}
    return sorted(assignments, key=lambda a: (order[state(a, today)], *pressing(a.due), a.id))


def done_this_week(assignment: Assignment, when: dt.datetime) -> bool:
    """Whether `assignment` was already counted done in the ISO week of `when` (aware,
    in the user's zone): a weekly exercise counts once a week, however often it is done."""
    last = assignment.completed_at
    if last is None:
        return False
    return last.astimezone(when.tzinfo).isocalendar()[:2] == when.isocalendar()[:2]


def record_done(assignment: Assignment, when: dt.datetime) -> Assignment:
    """One more time done: a weekly one falls due a week after this, until its weeks run out.
    Done again in a week already counted, it is unchanged (`done_this_week`): a second
    time the same week is no second week."""
    from dataclasses import replace  # here, not at the top: status imports this module (~0.5 ms)

    if done_this_week(assignment, when):
        return assignment
    times = assignment.times_done + 1
    finished = all_done(times, assignment.cadence_weeks)
    due = assignment.due
    if not finished and due is not None:
        due = week_after(due, when.date())
    return replace(
        assignment,
        times_done=times,
        completed_at=when,
        due=due,
        status="done" if finished else assignment.status,
    )


def resolve(ref: str, assignments: Iterable[Assignment]) -> Assignment:
    """Find an assignment by `pack/exercise`, by exercise id alone, or by a unique prefix."""
    items = list(assignments)
    ref = ref.strip()
    exact = [a for a in items if a.id == ref]
    if exact:
        return exact[0]
    for matches in (
        [a for a in items if a.exercise_id == ref],
        [a for a in items if a.id.startswith(ref) or a.exercise_id.startswith(ref)],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            names = ", ".join(sorted(a.id for a in matches)[:6])
            raise BelongingError(f"{ref!r} matches several exercises: {names}")
    hint = "see `belonging exercises list`" if items else "import a pack first"
    raise BelongingError(f"no exercise {ref!r}", hint=hint)
