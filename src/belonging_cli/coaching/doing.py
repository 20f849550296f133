"""Doing an exercise: its questions run through the reflection engine, saved as they come.

An exercise's questions become a flow whose first step is the exercise's
behaviour as focus (answered without asking), so steps that work on "the focus"
(rate, reflect, experiment) work on that behaviour. The answers are a session
linked to the assignment (flow id `exercise:<pack>/<exercise>`): a draft from the
first answer, resumed by the next `exercises do`, complete when saved. It runs
through the same `Sitting` (engine/sitting.py) as every flow.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TYPE_CHECKING

from belonging_cli.clock import iso_week
from belonging_cli.coaching.progress import record_done
from belonging_cli.content.packs import RESERVED_ID
from belonging_cli.records import Assignment, Session

if TYPE_CHECKING:
    from belonging_cli.content.flows import Flow
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.engine.session import Engine
    from belonging_cli.engine.sitting import Sitting
    from belonging_cli.journal.store import Journal

FOCUS_STEP = RESERVED_ID
FLOW_PREFIX = "exercise:"
REPEAT = "Saved, but already done this week; counted once."


def flow_id(assignment: Assignment) -> str:
    return f"{FLOW_PREFIX}{assignment.id}"


def exercise_flow(assignment: Assignment) -> Flow:
    """The assignment's stored questions as a flow the engine can run."""
    from pydantic import ValidationError

    from belonging_cli.errors import BelongingError

    try:
        return build_flow(assignment)
    except ValidationError as exc:
        # Imported before packs were checked as they are now (control characters...).
        first = exc.errors(include_url=False)[0]
        reason = str(first["msg"]).removeprefix("Value error, ")
        raise BelongingError(
            f"the exercise {assignment.id} cannot be done as imported: {reason}",
            hint="import a newer version of the pack from your coach, or "
            f"`belonging exercises drop {assignment.id}`",
        ) from None


def build_flow(assignment: Assignment) -> Flow:
    """The flow, or pydantic's ValidationError: `journal import` checks assignments with it."""
    from belonging_cli.content.flows import Flow, Step

    steps = [Step(id=FOCUS_STEP, kind="focus")]
    steps += [Step.model_validate(q) for q in json.loads(assignment.questions_json)]
    return Flow(
        id=assignment.exercise_id,
        title=assignment.title,
        description=assignment.instructions,
        minutes=min(assignment.minutes or 10, 120),
        steps=steps,
    )


def find_draft(journal: Journal, assignment: Assignment) -> Session | None:
    """The unfinished attempt at this exercise, if any."""
    from belonging_cli.engine.sitting import find_draft as flow_draft

    return flow_draft(journal, assignment.id)


def new_session(assignment: Assignment, rubric: Rubric, now: dt.datetime) -> Session:
    return Session(
        id=str(uuid.uuid4()),
        flow_id=flow_id(assignment),
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        started_at=now,
        week=iso_week(now.date()),
        focus_behaviour_id=assignment.behaviour_id,
        assignment_id=assignment.id,
    )


def exercise_engine(
    journal: Journal,
    assignment: Assignment,
    rubric: Rubric,
    week: str,
    now: dt.datetime,
    private_by_default: bool,
) -> Engine:
    """The session engine over the exercise's questions, its behaviour already the focus."""
    from belonging_cli.engine.history import History
    from belonging_cli.engine.session import Engine, Given

    flow = exercise_flow(assignment)
    history = History.read(journal, rubric, flow, week, now.date(), assignment=assignment)
    engine = Engine(
        flow,
        rubric,
        history,
        week,
        now.date(),
        private_by_default=private_by_default,
    )
    # The focus is the exercise's behaviour, given up front (never asked, never saved),
    # so that a resumed draft's ratings find their questions again.
    engine.given[FOCUS_STEP] = Given(assignment.behaviour_id, now)
    return engine


def progress_note(before: Assignment, done: Assignment) -> str:
    """What finishing an exercise (`before` it, `done` after) means: done, how many weeks
    are left, and that a second time in a week already counted was not counted again."""
    if done.status == "done":
        return f"Done: {done.title}."
    left = done.cadence_weeks - done.times_done
    due = f", due {done.due.isoformat()}" if done.due else ""
    saved = "Saved." if done.times_done > before.times_done else REPEAT
    return f"{saved} {left} more week{'s' if left != 1 else ''} to go{due}."


def exercise_sitting(
    journal: Journal,
    assignment: Assignment,
    rubric: Rubric,
    now: dt.datetime,
    private_by_default: bool,
    *,
    restart: bool = False,
    scripted: bool = False,
) -> Sitting:
    """A sitting of the exercise. At the terminal: its draft resumed (discarded with
    `restart`), each answer saved as it comes. Scripted (an answers file): nothing
    written before `complete`, which then replaces the draft."""
    from belonging_cli.engine.sitting import Sitting

    def engine_for(session: Session) -> Engine:
        return exercise_engine(journal, assignment, rubric, session.week, now, private_by_default)

    return Sitting.start(
        journal,
        new_session(assignment, rubric, now),
        engine_for,
        resume=f"belonging exercises do {assignment.id}",
        zone=now.tzinfo,
        draft=find_draft(journal, assignment),
        policy="replace" if scripted else "discard" if restart else "resume",
        drafting=not scripted,
        hidden=frozenset({FOCUS_STEP}),
    )


def complete(sitting: Sitting, assignment: Assignment, now: dt.datetime) -> Assignment:
    """Save the exercise's answers and count it done once more, in one transaction (so
    it never counts as done without its answers), once."""
    done = record_done(assignment, now)
    sitting.complete(now, assignment=done)
    return done
