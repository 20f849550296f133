"""What every section of a report is built against, and how it reads a journal record.

reports/build.py makes one `Scope` (the period's sessions, the behaviours asked
for, the user's time zone, the sharing decision) and hands it to each module of
reports/sections/; none of them reads the journal, the clock or the settings.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from belonging_cli.reports.model import ExerciseCounts, ExperimentCounts
from belonging_cli.reports.privacy import Privacy

if TYPE_CHECKING:
    from belonging_cli.records import Answer, AnswerValue, JournalData, Session
    from belonging_cli.reports.period import Period
    from belonging_cli.reports.rubric_facts import BehaviourFacts, RubricFacts


Counts = TypeVar("Counts", ExperimentCounts, ExerciseCounts)

# The answers the sections read, by their step's role and kind, besides a rubric
# prompt's (focus reflections) and every answer of a session doing a coach's exercise.
# A report loads no others (journal/period_read.answers_read): a journal's pulses,
# wins and choices are most of its answers. The report tests build reports both ways.
READ_ROLES = ("balance", "levers", "control", "influence", "prep", "takeaway")
READ_KINDS = ("review",)


class Prompted(NamedTuple):
    """An answer to a rubric prompt: a behaviour's (a step's own wording names none)."""

    session: Session
    answer: Answer
    prompt_id: str
    behaviour_id: str


class Scope:
    """One report's inputs, sorted and narrowed once for all its sections."""

    def __init__(
        self,
        data: JournalData,
        rubric: RubricFacts,
        period: Period,
        now: dt.datetime,
        privacy: Privacy,
        behaviours: Sequence[str] | None,
        zone: dt.tzinfo | None,
    ) -> None:
        self.data = data
        self.rubric = rubric
        self.period = period
        self.now = now.replace(microsecond=0)
        self.zone = zone
        self.today = now.astimezone(zone).date()
        self.privacy = privacy
        self.filter = tuple(behaviours) if behaviours else None
        chosen = set(self.filter) if self.filter else None
        self.behaviours: tuple[BehaviourFacts, ...] = tuple(
            b for b in rubric.behaviours if chosen is None or b.id in chosen
        )
        self.titles = {b.id: b.title for b in rubric.behaviours}
        complete = [s for s in data.sessions if s.status == "complete"]
        complete.sort(key=lambda s: (s.week, when(s)))
        in_period = [s for s in complete if period.contains(s.week)]
        # Reflections make the streak and the trends; a coach's exercise done in
        # a session of its own only feeds the exercises section (as in `status`).
        self.reflections = [s for s in complete if s.assignment_id is None]
        self.sessions = [s for s in in_period if s.assignment_id is None]
        self.exercise_sessions = [s for s in in_period if s.assignment_id is not None]
        self._by_role: dict[str | None, list[tuple[int, Session, Answer]]] | None = None
        self._prompted: list[Prompted] = []

    def answers_with(self, *roles: str) -> list[tuple[Session, Answer]]:
        """The period's reflections' answers to steps of these `roles`, each with its
        session, in time order: a section reads its own answers, not every answer of
        years of sessions."""
        index = self._answer_index()
        found = [found for role in roles for found in index.get(role, ())]
        if len(roles) > 1:
            found.sort(key=lambda seen: seen[0])
        return [(session, answer) for _, session, answer in found]

    def shown_answers(self, role: str, section: str) -> Iterator[tuple[Session, Answer, str]]:
        """The answers to steps of `role` with words in them that this report shows, with
        their words: the privacy decision notes each one a shared report leaves out
        (under `section`)."""
        for session, answer in self.answers_with(role):
            text = answer_text(answer.value)
            key = ("answer", session.id, answer.step_id)
            if text and self.privacy.keep(
                answer.private, key, section=section, week=session.week, text=text
            ):
                yield session, answer, text

    def prompted(self) -> list[Prompted]:
        """The period's answers to a behaviour's rubric prompts, in time order."""
        self._answer_index()
        return self._prompted

    def _answer_index(self) -> dict[str | None, list[tuple[int, Session, Answer]]]:
        if self._by_role is None:  # one pass, made on first use
            self._by_role = {}
            seen = 0
            for session in self.sessions:
                for answer in session.answers:
                    self._by_role.setdefault(answer.role, []).append((seen, session, answer))
                    prompt, behaviour = answer.prompt_id, answer.behaviour_id
                    if prompt is not None and behaviour is not None:
                        self._prompted.append(Prompted(session, answer, prompt, behaviour))
                    seen += 1
        return self._by_role

    def wanted(self, behaviour_id: str | None) -> bool:
        """Whether the report covers `behaviour_id` (every behaviour without a filter)."""
        return self.filter is None or behaviour_id in self.filter

    def local_date(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.zone).date()


def is_reflection(session: Session) -> bool:
    """A completed weekly reflection: not a draft, not a session doing a coach's exercise."""
    return session.status == "complete" and session.assignment_id is None


def when(session: Session) -> dt.datetime:
    """When a session happened: when it was completed, else when it was started."""
    return session.completed_at or session.started_at


def answer_text(value: AnswerValue) -> str:
    """An answer as words: text as written, choices joined, yes/no spelled out."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).strip()


def clean(text: str | None) -> str | None:
    """Text as typed without surrounding blanks; None when nothing is left."""
    return (text or "").strip() or None


def tallied(kind: type[Counts], tally: Counter[str]) -> Counts:
    """A section's counts from a tally: each field counts the key of its own name."""
    return kind(**{f.name: tally[f.name] for f in fields(kind)})
