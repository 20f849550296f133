"""What the journal holds, as plain immutable records shared by every part of the tool.

The session engine produces these, the journal stores them, the report model
reads them. No SQL and no terminal here. Times are timezone-aware datetimes;
a session's `week` is the ISO week (in the user's zone) it reflects on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # status builds no records: the round's module stays unimported
    from belonging_cli.feedback.round import FeedbackRound

# An answer's value as stored (JSON-compatible): text, a number, a yes/no,
# a list of choices, or nothing (a skipped optional step).
AnswerValue = str | int | float | bool | list[str] | None

SessionStatus = Literal["draft", "complete"]
ExperimentStatus = Literal["open", "done", "dropped"]
# Did you try it? The weekly review's answer, kept with the closed experiment.
ExperimentOutcome = Literal["tried", "partly", "not_tried"]
AssignmentStatus = Literal["assigned", "done", "dropped", "withdrawn"]
GoalStatus = Literal["open", "achieved", "dropped"]

# The kinds of flow step (docs/flows.md). Flows validate against this list
# (content/flows.py), the engine has one unit per kind (engine/kinds/), and an
# answer keeps the kind of the step it answers.
StepKind = Literal[
    "text",  # one line of text
    "long_text",  # a paragraph (multi-line, or $EDITOR)
    "select",  # one of `choices`
    "checkbox",  # any of `choices`
    "confirm",  # yes / no
    "scale",  # a number 1..N, each point labelled by `labels`
    "rate",  # one behaviour rated 1-5 against its level descriptors
    "pulse",  # every behaviour of the rubric rated 1-5 (ids `<step>.<behaviour>`)
    "review",  # each open experiment: tried? what happened? what did you learn?
    "focus",  # choose the behaviour to reflect on (a suggestion first)
    "reflect",  # `count` prompts of the focus behaviour, rotating (ids `<step>.1`...)
    "experiment",  # next week's experiment: one of the rubric's, or your own
    "tags",  # a few words to find the session by later
    "recap",  # shows the last `days` of ratings and experiments; asks nothing
    "traps",  # which of the focus behaviour's control traps the person caught themselves in
    "lookfor",  # one of the focus behaviour's look-fors to watch for next week
    "goals",  # shows each open goal: where it started, where it is, its target; asks nothing
    "set_goals",  # one to three new goals asked, opened with the session (engine/kinds)
]
# What a step means to the report, whatever its id (a flow's `role:`, docs/flows.md).
Role = Literal[
    "review",  # the review of last week's experiments
    "balance",  # the week's balance from 1 (mostly control) to 5 (mostly influence)
    "control",  # where the person leaned on control: the report's control note
    "influence",  # where they led through influence: the report's influence note
    "takeaway",  # a sentence to carry into next week (kept with the answer, for exports)
    "levers",  # which levers they led with: structural, relational, both or neither
    "levers",  # which levers they led with: structural, relational, both or neither
    "prep",  # what the person wants from their next coaching session (the bundle's `prep`)
]


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer to one step of a flow (or of a coach's exercise)."""

    step_id: str
    kind: StepKind  # of the step answered (a review's notes and reflections: long_text)
    value: AnswerValue
    answered_at: dt.datetime
    prompt_id: str | None = None  # the rubric prompt asked, for focus reflections
    behaviour_id: str | None = None
    private: bool = False
    question: str | None = None  # the words shown, so reports can quote it later
    role: Role | None = None  # what the step means to the report (its flow's `role:`)


@dataclass(frozen=True, slots=True)
class Rating:
    """A self-rating of one behaviour on the rubric's 1-5 scale."""

    behaviour_id: str
    level: int
    rated_at: dt.datetime
    evidence: str | None = None  # what happened, asked when the rating moved
    evidence_private: bool = False


@dataclass(frozen=True, slots=True)
class Session:
    """One reflection: a run of a flow, a draft until it is completed."""

    id: str  # UUID4 as text
    flow_id: str
    rubric_id: str
    rubric_version: str
    started_at: dt.datetime
    week: str  # ISO week, "2026-W48"
    status: SessionStatus = "draft"
    completed_at: dt.datetime | None = None
    focus_behaviour_id: str | None = None
    tags: tuple[str, ...] = ()
    answers: tuple[Answer, ...] = ()
    ratings: tuple[Rating, ...] = ()
    assignment_id: str | None = None  # set when the session did a coach's exercise

    def answer(self, step_id: str) -> Answer | None:
        return next((a for a in self.answers if a.step_id == step_id), None)

    def rating(self, behaviour_id: str) -> Rating | None:
        return next((r for r in self.ratings if r.behaviour_id == behaviour_id), None)

    def average_rating(self) -> float | None:
        if not self.ratings:
            return None
        return sum(r.level for r in self.ratings) / len(self.ratings)


@dataclass(frozen=True, slots=True)
class Experiment:
    """A small practice tried for a week; opened by one session, reviewed by a later one."""

    id: str  # UUID4 as text
    behaviour_id: str
    title: str  # what will be tried, in the user's or the rubric's words
    week: str  # the ISO week it is for
    created_at: dt.datetime
    created_session_id: str | None = None
    rubric_experiment_id: str | None = None  # when picked from the rubric's list
    minutes: int | None = None
    signal: str | None = None  # how the user would tell it worked
    status: ExperimentStatus = "open"
    outcome: ExperimentOutcome | None = None
    happened: str | None = None
    learned: str | None = None
    reviewed_at: dt.datetime | None = None
    reviewed_session_id: str | None = None
    private: bool = False  # the title: the person's own words, marked private
    # Each note of its review is private or not on its own (issue 13): a private note
    # never hides the experiment. Journals and exports from before keep one flag for all.
    happened_private: bool = False
    learned_private: bool = False


@dataclass(frozen=True, slots=True)
class Assignment:
    """One exercise of a coach's pack, as imported by the client."""

    id: str  # "<pack id>/<exercise id>"
    pack_id: str
    pack_version: str
    exercise_id: str
    behaviour_id: str
    title: str
    instructions: str
    imported_at: dt.datetime
    due: dt.date | None = None
    cadence_weeks: int = 1  # 1 = once; N = weekly for N weeks
    minutes: int | None = None
    status: AssignmentStatus = "assigned"
    coach: str | None = None
    questions_json: str = "[]"  # the exercise's steps, as validated JSON
    completed_at: dt.datetime | None = None
    times_done: int = 0
    drop_reason: str | None = None  # the client's words on `exercises drop`, for the coach
    # The pack's own words, as the coach wrote them: shown on import and by `exercises show`.
    pack_description: str | None = None
    coach_contact: str | None = None
    client: str | None = None


@dataclass(frozen=True, slots=True)
class Goal:
    """A development goal: a behaviour, the level to reach by a day, success in words."""

    id: str  # UUID4 as text (a pack's goal: the same id every time it is imported)
    behaviour_id: str
    target: int  # the level to reach, 1-5
    due: dt.date  # the day to reach it by
    success: str  # what success looks like, in the person's (or the coach's) words
    set_at: dt.datetime
    status: GoalStatus = "open"
    closed_at: dt.datetime | None = None
    pack_id: str | None = None  # set when a coach's pack carries the goal
    coach: str | None = None


@dataclass(frozen=True, slots=True)
class JournalData:
    """Everything in a journal: what export writes and import reads."""

    sessions: tuple[Session, ...] = ()
    experiments: tuple[Experiment, ...] = ()
    assignments: tuple[Assignment, ...] = field(default=())
    feedback_rounds: tuple[FeedbackRound, ...] = ()  # issue 17: others' view
    goals: tuple[Goal, ...] = ()
