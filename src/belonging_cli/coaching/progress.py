"""Where a client stands on each assignment: due, overdue, done, dropped, withdrawn.

Pure functions over `Assignment` records; the commands, the reflection, the
report and `belonging status` all take an exercise's state from `state_of`.
Cheap to import (stdlib and the error classes only): `status` is on a budget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Literal, cast

from belonging_cli.errors import BelongingError

if TYPE_CHECKING:
    from belonging_cli.records import Assignment

State = Literal["due", "overdue", "done", "dropped", "withdrawn"]
STATES: tuple[State, ...] = ("overdue", "due", "done", "dropped", "withdrawn")


def state_of(status: str, due: dt.date | None, today: dt.date) -> State:
    """The one rule: an assigned exercise is overdue once its due day has passed, else
    due; one done, dropped (by the client) or withdrawn (by the coach) stays so."""
    if status == "assigned":
        return "overdue" if due is not None and due < today else "due"
    return cast(State, status)  # done, dropped or withdrawn, as the journal keeps it


def all_done(times_done: int, cadence_weeks: int) -> bool:
    """Whether an exercise has been done as often as its cadence asks (once at least)."""
    return times_done >= max(1, cadence_weeks)


def state(assignment: Assignment, today: dt.date) -> State:
    """The status a client sees for `assignment` today."""
    return state_of(assignment.status, assignment.due, today)


def is_open(assignment: Assignment) -> bool:
    return assignment.status == "assigned"


def open_assignments(assignments: Iterable[Assignment], today: dt.date) -> list[Assignment]:
    """Still to do, most pressing first: overdue, then by due date, undated last."""
    waiting = [a for a in assignments if is_open(a)]
    return sorted(waiting, key=lambda a: (a.due is None, a.due or today, a.id))


def sort_for_listing(assignments: Iterable[Assignment], today: dt.date) -> list[Assignment]:
    order = {s: i for i, s in enumerate(STATES)}
    return sorted(
        assignments,
        key=lambda a: (order[state(a, today)], a.due is None, a.due or today, a.id),
    )


def record_done(assignment: Assignment, when: dt.datetime) -> Assignment:
    """One more time done: a weekly exercise falls due a week later until its weeks run out."""
    times = assignment.times_done + 1
    finished = all_done(times, assignment.cadence_weeks)
    due = assignment.due
    if not finished and due is not None:
        due = due + dt.timedelta(weeks=1)
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
