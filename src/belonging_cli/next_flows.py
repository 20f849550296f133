"""Which other flow `belonging status` suggests, and when: pure rules, stdlib only.

- Week one (the intake) to someone who has not reflected yet: once any reflection
  is done, intake included, it is not suggested again.
- The monthly look back, in the week (ISO, Monday to Sunday, in the user's zone)
  that holds the last day of a month, unless a monthly was done in that month or
  since; not before the first reflection (a recap of nothing helps no one).
- A deep dive on a behaviour that was the focus of the last three weekly
  reflections, unless a deep dive on it was done since the first of the three.
  An id that is not one line of text (a hand-edited journal) is not suggested.

The facts come from `journal.status_queries` (`FlowSession`): the last three
weekly reflections, the last monthly, the last deep dive on each behaviour.
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from belonging_cli.clock import week_monday
from belonging_cli.safe_text import text_problem

if TYPE_CHECKING:
    from belonging_cli.journal.status_queries import FlowSession

MONTHLY = "monthly"
INTAKE = "intake"
DEEP_DIVE = "deep-dive"
RUNNING = 3  # weekly reflections on one focus before a deep dive is suggested


class Suggestion(NamedTuple):
    flow_id: str
    behaviour_id: str | None
    text: str
    command: str

    @property
    def label(self) -> str:
        return {MONTHLY: "Monthly", INTAKE: "Week one"}.get(self.flow_id, "Deep dive")


def intake(
    sessions: Sequence[FlowSession], reflected: bool, drafting: str | None = None
) -> Suggestion | None:
    if reflected or sessions or drafting == INTAKE:  # a week one begun: status resumes it
        return None
    text = "new here: start with week one, your baseline and goals"
    return Suggestion(INTAKE, None, text, f"belonging reflect --flow {INTAKE}")


def month_ending_in(week: str) -> dt.date | None:
    """The last day of a month, if the ISO week `week` holds one (at most one can)."""
    monday = week_monday(week)
    next_month = (monday.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    last = next_month - dt.timedelta(days=1)
    return last if last <= monday + dt.timedelta(days=6) else None


def monthly(this_week: str, sessions: Sequence[FlowSession], reflected: bool) -> Suggestion | None:
    end = month_ending_in(this_week)
    if end is None or not reflected:
        return None
    done = [s.started_day for s in sessions if s.flow_id == MONTHLY]
    if any(day >= end.replace(day=1) for day in done):  # that month, or since it ended
        return None
    text = f"{end:%B} ends {end:%a} {end.day} {end:%b}: look back over the month"
    return Suggestion(MONTHLY, None, text, f"belonging reflect --flow {MONTHLY}")


def deep_dive(
    sessions: Sequence[FlowSession], titles: Mapping[str, str] | None = None
) -> Suggestion | None:
    weekly = [s for s in sessions if s.flow_id not in (MONTHLY, DEEP_DIVE)]
    focus = {s.focus_behaviour_id for s in weekly}
    if len(weekly) < RUNNING or len(focus) != 1:
        return None
    (behaviour,) = focus
    if behaviour is None or text_problem(behaviour, one_line=True):
        return None  # none chosen, or a hand-edited id a command line cannot show
    since = min(s.started_utc for s in weekly)  # UTC text, fixed width: sorts as time
    for s in sessions:
        if s.flow_id == DEEP_DIVE and s.focus_behaviour_id == behaviour and s.started_utc >= since:
            return None
    named = (titles or {}).get(behaviour, behaviour)  # the command keeps the id
    text = f"{named} was the focus of your last three reflections: go deeper"
    command = f"belonging reflect --flow {DEEP_DIVE} --behaviour {shlex.quote(behaviour)}"
    return Suggestion(DEEP_DIVE, behaviour, text, command)


def suggestions(
    this_week: str,
    sessions: Sequence[FlowSession],
    reflected: bool,
    titles: Mapping[str, str] | None = None,
    drafting: str | None = None,
) -> tuple[Suggestion, ...]:
    """What status suggests besides the weekly reflection, the monthly first; a
    behaviour named by its title in `titles` (id -> title) when there; week one alone
    to someone new (not beside the week one they have begun: `drafting`, the flow of
    the draft waiting)."""
    first = intake(sessions, reflected, drafting)
    if first is not None:
        return (first,)
    found = (monthly(this_week, sessions, reflected), deep_dive(sessions, titles))
    return tuple(s for s in found if s is not None)
