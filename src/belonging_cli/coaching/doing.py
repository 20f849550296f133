"""Doing an exercise: its questions run through the reflection engine, saved as they come.

An exercise's questions become a flow whose first step is the exercise's
behaviour as focus (answered without asking), so steps that work on "the focus"
(rate, reflect, experiment) work on that behaviour. The answers are a session
linked to the assignment (flow id `exercise:<pack>/<exercise>`): a draft from the
first answer, resumed by the next `exercises do`, complete when saved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from belonging_cli.clock import iso_week
from belonging_cli.coaching.progress import record_done
from belonging_cli.content.packs import RESERVED_ID
from belonging_cli.records import Assignment, Session

if TYPE_CHECKING:
    from belonging_cli.content.flows import Flow
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.engine.session import Engine
    from belonging_cli.journal.conflicts import DraftRecorder
    from belonging_cli.journal.store import Journal

FOCUS_STEP = RESERVED_ID
FLOW_PREFIX = "exercise:"


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
    return next((d for d in journal.drafts() if d.assignment_id == assignment.id), None)


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

    history = History(
        sessions=tuple(journal.sessions()),
        open_experiments=tuple(journal.experiments(status="open")),
        assigned_behaviours=(assignment.behaviour_id,),
    )
    engine = Engine(
        exercise_flow(assignment),
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


def progress_note(done: Assignment) -> str:
    """What finishing an exercise means: done, or how many weeks are left."""
    if done.status == "done":
        return f"Done: {done.title}."
    left = done.cadence_weeks - done.times_done
    due = f", due {done.due.isoformat()}" if done.due else ""
    return f"Saved. {left} more week{'s' if left != 1 else ''} to go{due}."


@dataclass
class ExerciseRun:
    """One sitting of an exercise: the engine, the session and where it is saved."""

    assignment: Assignment
    engine: Engine
    recorder: DraftRecorder  # the session, and whether its draft is in the journal yet
    resumed: bool

    @property
    def session(self) -> Session:
        return self.recorder.session

    @classmethod
    def _sitting(
        cls,
        journal: Journal,
        assignment: Assignment,
        engine: Engine,
        session: Session,
        now: dt.datetime,
        *,
        stored: bool,
        resumed: bool,
    ) -> ExerciseRun:
        from belonging_cli.journal.conflicts import DraftRecorder

        recorder = DraftRecorder(
            journal,
            session,
            exists=stored,
            zone=now.tzinfo,
            resume=f"belonging exercises do {assignment.id}",
        )
        return cls(assignment, engine, recorder, resumed)

    @classmethod
    def start(
        cls,
        journal: Journal,
        assignment: Assignment,
        rubric: Rubric,
        now: dt.datetime,
        private_by_default: bool,
        restart: bool,
    ) -> ExerciseRun:
        """A sitting at the terminal: resumes the exercise's draft unless `restart`."""
        draft = find_draft(journal, assignment)
        if draft is not None and restart:
            journal.delete_session(draft.id)
            draft = None
        session = draft or new_session(assignment, rubric, now)
        engine = exercise_engine(journal, assignment, rubric, session.week, now, private_by_default)
        if draft is not None:
            engine.restore(draft)
        exists = draft is not None
        return cls._sitting(
            journal, assignment, engine, session, now, stored=exists, resumed=exists
        )

    @classmethod
    def fresh(
        cls,
        journal: Journal,
        assignment: Assignment,
        rubric: Rubric,
        now: dt.datetime,
        private_by_default: bool,
        *,
        replacing: Session | None = None,
    ) -> ExerciseRun:
        """Every question asked afresh and nothing written before `complete` (answers
        files, templates); the session completed then replaces the draft `replacing`."""
        session = new_session(assignment, rubric, now)
        if replacing is not None:
            session = dataclasses.replace(session, id=replacing.id)
        engine = exercise_engine(journal, assignment, rubric, session.week, now, private_by_default)
        stored = replacing is not None
        return cls._sitting(journal, assignment, engine, session, now, stored=stored, resumed=False)

    def ask_all(self) -> None:
        """Ask every question still unanswered; Ctrl-C keeps what was answered."""
        from belonging_cli import ask
        from belonging_cli.errors import Interrupted
        from belonging_cli.journal.conflicts import NotADraft

        recorder = self.recorder
        try:
            while (question := self.engine.next_question()) is not None:
                value, private = ask.ask(question)
                saved = self.engine.answer(question, value, recorder.now(), private)
                try:
                    recorder.save(saved)
                except NotADraft as gone:  # saved or discarded in another terminal meanwhile
                    raise recorder.keep(self._answered(recorder.now()), gone) from None
        except (Interrupted, KeyboardInterrupt):  # Ctrl-C between two prompts, too
            if recorder.exists:
                raise Interrupted(
                    "interrupted: your answers so far are kept; "
                    f"`belonging exercises do {self.assignment.id}` resumes them"
                ) from None
            raise

    def _answered(self, now: dt.datetime) -> Session:
        """The session completed with every answer so far (the preset focus is not one)."""
        session = self.engine.completed(self.session, now)
        answers = tuple(a for a in session.answers if a.step_id != FOCUS_STEP)
        return dataclasses.replace(session, answers=answers)

    def complete(self, now: dt.datetime) -> Assignment:
        """Save the session complete and count the exercise as done once more."""
        from belonging_cli.journal.conflicts import NotADraft

        session = self._answered(now)
        outcome = self.engine.outcome(session.id, now, str(uuid.uuid4()))
        done = record_done(self.assignment, now)
        # One transaction: the exercise counts as done exactly when its answers are saved,
        # and only once: a draft another terminal saved first is not saved again.
        try:
            self.recorder.journal.save_whole_session(session, outcome.all(), assignment=done)
        except NotADraft as gone:
            raise self.recorder.keep(session, gone) from None
        return done
