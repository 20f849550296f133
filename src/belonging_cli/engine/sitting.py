"""A sitting: one run of any flow against the journal.

The weekly reflection, a deep dive, the monthly look back, a coach's exercise
and the demo's scripted weeks all run through a `Sitting`:
- `start` picks the session: a new one, or the flow's draft resumed, discarded
  or replaced (an answers file given with --restart keeps the draft's id);
- `run` answers the flow from an answer source (engine/sources.py), saving each
  answer as it comes when drafting (at the terminal), so Ctrl-C loses nothing;
- `complete` saves the whole session and its experiments (and an exercise's
  assignment) in one transaction, once: when another terminal saved or
  discarded the draft first, this one's answers are kept as a new draft.
`kept` is the one place where Ctrl-C becomes "your answers so far are kept":
words half typed at a text prompt are kept with the draft too (drafts.TYPED), and
a resumed sitting puts them back into that prompt (`typed`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from belonging_cli.drafts import TYPED, from_earlier_version, is_typed
from belonging_cli.engine.kinds import unit
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import Engine, Outcome, Saved
from belonging_cli.engine.sources import AnswerSource, Terminal, Typed, run_flow
from belonging_cli.errors import Interrupted, JournalError
from belonging_cli.records import Answer, Assignment, Experiment, Goal, Session

if TYPE_CHECKING:
    from belonging_cli.journal.conflicts import NotADraft
    from belonging_cli.journal.store import Journal

# What to do with the flow's unfinished session: go on with it, delete it and
# start afresh, or answer afresh and save over it (keeping its id).
DraftPolicy = Literal["resume", "discard", "replace"]


class SessionWriter(Protocol):
    def save_whole_session(
        self,
        session: Session,
        experiments: Sequence[Experiment],
        *,
        assignment: Assignment | None = None,
        goals: Sequence[tuple[Goal, str]] = (),
    ) -> None: ...


class Recorder(Protocol):
    """Where a sitting's answers go (journal/conflicts.py's DraftRecorder, or the
    demo's journal in memory)."""

    session: Session
    exists: bool  # whether the session is in the journal yet (as a draft)
    resume: str  # the command that resumes a kept draft

    @property
    def journal(self) -> SessionWriter: ...
    def now(self) -> dt.datetime: ...
    def save(self, saved: Saved) -> None: ...
    def keep(self, answered: Session, gone: NotADraft) -> JournalError: ...


def find_draft(journal: Journal, assignment_id: str | None = None) -> Session | None:
    """The flow's unfinished session: a reflection's (no assignment), or an exercise's."""
    return next((d for d in journal.drafts() if d.assignment_id == assignment_id), None)


def all_blank(answers: Sequence[Answer]) -> bool:
    """Whether a session has words to say and says none: every text answer is empty."""
    texts = [a.value for a in answers if a.kind in ("text", "long_text")]
    return bool(texts) and not any(isinstance(v, str) and v.strip() for v in texts)


class Kept(Interrupted):
    """Ctrl-C, and what was kept of the sitting (said once, however deep it came)."""


@dataclass
class Sitting:
    engine: Engine
    recorder: Recorder
    drafting: bool = True  # each answer saved as it comes; else nothing until `complete`
    resumed: bool = False
    hidden: frozenset[str] = field(default_factory=frozenset)  # given up front, never saved
    # Words half typed when Ctrl-C came, by question id: put back into its prompt.
    typed: dict[str, str] = field(default_factory=dict)
    # A resumed draft's answers to steps the flow no longer has: saved with the rest.
    earlier: tuple[Answer, ...] = ()

    @classmethod
    def start(
        cls,
        journal: Journal,
        new: Session,
        engine_for: Callable[[Session], Engine],
        *,
        resume: str,
        zone: dt.tzinfo | None,
        draft: Session | None = None,
        policy: DraftPolicy = "resume",
        drafting: bool = True,
        hidden: frozenset[str] = frozenset(),
    ) -> Sitting:
        """A sitting on `new`, or on `draft` as `policy` says; `engine_for` makes the
        engine for the session chosen (a resumed draft keeps its own flow and week)."""
        from belonging_cli.journal.conflicts import DraftRecorder

        session, stored, resumed = new, False, False
        if draft is not None and policy == "discard":
            journal.delete_session(draft.id)
        elif draft is not None and policy == "replace":
            session, stored = dataclasses.replace(new, id=draft.id), True
        elif draft is not None:
            session, stored, resumed = draft, True, True
        engine = engine_for(session)
        typed: dict[str, str] = {}
        earlier: tuple[Answer, ...] = ()
        if resumed:
            words = [a for a in session.answers if is_typed(a.step_id)]
            typed = {a.step_id.removesuffix(TYPED): str(a.value) for a in words}
            answers = tuple(a for a in session.answers if not is_typed(a.step_id))
            engine.restore(dataclasses.replace(session, answers=answers))
            earlier = tuple(from_earlier_version(answers, (s.id for s in engine.flow.steps)))
        recorder = DraftRecorder(journal, session, exists=stored, zone=zone, resume=resume)
        return cls(
            engine,
            recorder,
            drafting=drafting,
            resumed=resumed,
            hidden=hidden,
            typed=typed,
            earlier=earlier,
        )

    @property
    def session(self) -> Session:
        return self.recorder.session

    @contextmanager
    def kept(self) -> Iterator[None]:
        """Ctrl-C inside (at a prompt or between two) keeps what was answered."""
        try:
            yield
        except (Interrupted, KeyboardInterrupt) as stop:
            if isinstance(stop, Kept):
                raise  # an inner `kept` (a change at the review screen) has said it
            also = ""
            if isinstance(stop, Typed) and self.drafting:
                self._keep_typed(stop)
                also = ", with what you were typing"
            if self.recorder.exists:
                raise Kept(
                    f"interrupted: your answers so far are kept{also}; "
                    f"`{self.recorder.resume}` resumes them"
                ) from None
            raise Interrupted() from None

    def _keep_typed(self, stop: Typed) -> None:
        """The words typed at the prompt Ctrl-C stopped, kept as the draft's own (private)
        answer beside the question's, until the question is answered."""
        words = Answer(
            step_id=f"{stop.question.id}{TYPED}",
            kind="long_text",
            value=stop.words,
            answered_at=self.recorder.now(),
            private=True,  # not an answer yet: shared with no one
            question=stop.question.message,
        )
        self._save(Saved(answer=words))

    def run(self, source: AnswerSource, *, at: dt.datetime | None = None) -> None:
        """Answer what is still open from `source` (a script's answers all `at` one time)."""
        clock = self.recorder.now if at is None else lambda: at
        if isinstance(source, Terminal):  # handed over once: a prompt opened later from
            source.typed.update(self.typed)  # the review screen starts from its answer
            self.typed = {}
        with self.kept():
            run_flow(self.engine, source, clock, self._save if self.drafting else None)

    def change(self, question: Question, source: Terminal) -> None:
        """Answer `question` again (the review screen opened it), then ask what the new
        answer brings; answers to what no longer applies are forgotten."""
        with self.kept():
            value, private = source.ask(question)
            engine = self.engine
            saved = engine.answer(question, value, self.recorder.now(), private)
            engine.forget_unasked()
            if self.drafting:
                self._save(saved)
                # Its follow-ups are saved with it again (a rating's evidence is its row).
                for follow in engine.questions():
                    given = engine.given.get(follow.id)
                    if follow.id.startswith(f"{question.id}.") and given is not None:
                        self._save(unit(follow.kind).records(follow, given, engine))
        self.run(source)

    def blank(self) -> bool:
        """Whether every text answer so far is empty (`all_blank`)."""
        return all_blank(self.engine.records()[0])

    def _save(self, saved: Saved) -> None:
        from belonging_cli.journal.conflicts import NotADraft

        try:
            self.recorder.save(saved)
        except NotADraft as gone:  # saved or discarded in another terminal meanwhile
            raise self.recorder.keep(self.answered(self.recorder.now()), gone) from None

    def keep_draft(self) -> None:
        """Leave the session unfinished (stored as a draft even with nothing answered)."""
        if not self.recorder.exists:
            self.recorder.save(Saved())

    def answered(self, now: dt.datetime) -> Session:
        """The session completed with every answer so far (answers given up front are not)."""
        session = self.engine.completed(self.session, now)
        answers = tuple(a for a in session.answers if a.step_id not in self.hidden)
        return dataclasses.replace(session, answers=answers + self.earlier)

    def complete(
        self,
        now: dt.datetime,
        *,
        assignment: Assignment | None = None,
        experiment_id: str | None = None,
    ) -> tuple[Session, Outcome]:
        """Save the session complete with its experiments and the goals it set (and a
        coach's `assignment`, as doing the exercise left it) in one transaction, once."""
        from belonging_cli.journal.conflicts import NotADraft

        session = self.answered(now)
        outcome = self.engine.outcome(session.id, now, experiment_id or str(uuid.uuid4()))
        try:
            self.recorder.journal.save_whole_session(
                session, outcome.all(), assignment=assignment, goals=outcome.goals
            )
        except NotADraft as gone:  # the other terminal saved it first: one session, not two
            raise self.recorder.keep(session, gone) from None
        return session, outcome
