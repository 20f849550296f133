"""A coach's exercises, after `belonging reflect`: mentioned to a script (one line on
stderr), offered at the terminal ("Do one now?"), done just as `belonging exercises do
ID` would do them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.journal.store import Journal
    from belonging_cli.records import Assignment
    from belonging_cli.settings import Settings

NOT_NOW = "not now"  # never an exercise id: those are `pack/exercise`
OFFERED = 5  # exercises to choose from; the rest are in `belonging exercises list`


def due_exercises(journal: Journal, today: dt.date) -> list[Assignment]:
    """A coach's exercises overdue or due soon (or undated), most pressing first."""
    from belonging_cli.coaching.progress import due_soon

    return due_soon(journal.assignments(), today)


def _when(assignment: Assignment) -> str:
    from belonging_cli.drafts import day

    return f" (due {day(assignment.due)})" if assignment.due else ""


def mention(due: list[Assignment]) -> str:
    """One line: how many exercises are due, and the command for the most pressing."""
    first = due[0]
    more = f" and {len(due) - 1} more" if len(due) > 1 else ""
    return (
        f"From your coach: {first.title}{_when(first)}{more}: `belonging exercises do {first.id}`"
    )


def offer_exercises(journal: Journal, settings: Settings, rubric: Rubric) -> None:
    """Offer to do a due exercise now, just as `belonging exercises do ID` would."""
    from belonging_cli import ask
    from belonging_cli.cli.exercises_do import do_exercise
    from belonging_cli.errors import Interrupted

    due = due_exercises(journal, settings.now().date())
    if not due:
        return
    choices = [(a.id, f"{a.title}{_when(a)}") for a in due[:OFFERED]]
    ask.say(f"\n{mention(due)}")
    try:
        picked = ask.choose("Do one now?", [*choices, (NOT_NOW, "Not now")], default=NOT_NOW)
    except Interrupted:
        picked = NOT_NOW  # the reflection is saved: leaving here is "not now"
    chosen = next((a for a in due if a.id == picked), None)
    if chosen is not None:
        ask.say("")
        do_exercise(journal, chosen, rubric, settings.config)
