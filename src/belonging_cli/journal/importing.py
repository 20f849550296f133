"""The shape of a journal export, as pydantic models that check an import file.

Kept apart from exchange.py so that exporting never imports pydantic. Text is
kept exactly as written (no whitespace stripping): an import must reproduce
what was exported byte for byte. `journal import` asks these models about an
export's sessions and experiments only when import_check.py is not sure of them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from belonging_cli import limits
from belonging_cli.content.validation import ONE_LINE
from belonging_cli.feedback.aggregate_file import Aggregate, after_checks
from belonging_cli.feedback.round import FeedbackRound, from_aggregate
from belonging_cli.journal.import_check import NAME_MAX, TEXT_MAX, UUID_PATTERN
from belonging_cli.journal.schema import legacy_role
from belonging_cli.records import (
    Answer,
    Assignment,
    Experiment,
    ExperimentOutcome,
    ExperimentStatus,
    Goal,
    JournalData,
    Rating,
    Role,
    Session,
    SessionStatus,
    StepKind,
)


def _text(value: object) -> object:
    # Before the type check: pydantic's own message for a lone surrogate is obscure.
    return limits.check_text(value) if isinstance(value, str) else value


Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
# Ids, kinds and tags: one line with no control characters (an export may come from anyone).
Name = Annotated[
    str, StringConstraints(min_length=1, max_length=NAME_MAX), BeforeValidator(_text), ONE_LINE
]
Text = Annotated[str, StringConstraints(max_length=TEXT_MAX), BeforeValidator(_text)]
Count = Annotated[int, Field(ge=0), AfterValidator(limits.check_int)]
# An answer's value: every number finite and storable, every text valid Unicode.
Value = Annotated[
    str | bool | int | float | list[str] | None,
    Field(union_mode="smart"),
    AfterValidator(limits.check_value),
]


def _aware(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError("expected a date and time as text, like 2026-11-27T09:00:00+01:00")
    text = value[:-1] + "+00:00" if value.endswith("Z") else value
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date and time: {value!r}") from None
    if parsed.tzinfo is None:
        raise ValueError(f"{value!r} has no UTC offset (add one, like +01:00)")
    return limits.check_time(parsed)


def _day(value: object) -> dt.date:
    if not isinstance(value, str):
        raise ValueError("expected a date as text, like 2026-12-01")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date: {value!r}") from None
    return limits.check_day(day)


def _week(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("expected an ISO week as text, like 2026-W48")
    return limits.check_week(value)  # ValueError with a clear message


AwareTime = Annotated[dt.datetime, BeforeValidator(_aware)]
Day = Annotated[dt.date, BeforeValidator(_day)]
Week = Annotated[str, BeforeValidator(_week)]


class _Exact(BaseModel):
    """Unknown keys are mistakes, types must be JSON's own, text is kept as written."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class AnswerIn(_Exact):
    step_id: Name
    kind: StepKind
    value: Value
    answered_at: AwareTime
    prompt_id: Name | None = None
    behaviour_id: Name | None = None
    private: bool = False
    question: Text | None = None
    role: Role | None = None

    def to_record(self, flow_id: str) -> Answer:
        # An export made before answers kept a role has no `role` key at all.
        given = "role" in self.model_fields_set
        role = self.role if given else legacy_role(flow_id, self.step_id, self.kind)
        return Answer(**{**_fields(self), "role": role})


class RatingIn(_Exact):
    behaviour_id: Name
    level: int = Field(ge=1, le=5)
    rated_at: AwareTime
    evidence: Text | None = None
    evidence_private: bool = False


class SessionIn(_Exact):
    id: Uuid
    flow_id: Name
    rubric_id: Name
    rubric_version: Name
    week: Week
    status: SessionStatus
    started_at: AwareTime
    completed_at: AwareTime | None = None
    focus_behaviour_id: Name | None = None
    assignment_id: Name | None = None
    tags: list[Name] = []
    ratings: list[RatingIn] = []
    answers: list[AnswerIn] = []

    def to_record(self) -> Session:
        return Session(
            **{
                **_fields(self),
                "tags": tuple(self.tags),
                "answers": tuple(a.to_record(self.flow_id) for a in self.answers),
                "ratings": tuple(Rating(**_fields(r)) for r in self.ratings),
            }
        )


class ExperimentIn(_Exact):
    id: Uuid
    behaviour_id: Name
    title: Text
    week: Week
    created_at: AwareTime
    created_session_id: Uuid | None = None
    rubric_experiment_id: Name | None = None
    minutes: Count | None = None
    signal: Text | None = None
    status: ExperimentStatus = "open"
    outcome: ExperimentOutcome | None = None
    happened: Text | None = None
    learned: Text | None = None
    reviewed_at: AwareTime | None = None
    reviewed_session_id: Uuid | None = None
    private: bool = False
    happened_private: bool = False
    learned_private: bool = False

    @model_validator(mode="before")
    @classmethod
    def _notes_as_before(cls, data: Any) -> Any:
        """An export from before notes had their own flag: they were as private as the
        experiment (schema migration 4 reads old journals the same way)."""
        if isinstance(data, dict) and isinstance(data.get("private"), bool):
            missing = {"happened_private", "learned_private"} - data.keys()
            return {**data, **dict.fromkeys(missing, data["private"])}
        return data


class AssignmentIn(_Exact):
    id: Name
    pack_id: Name
    pack_version: Name
    exercise_id: Name
    behaviour_id: Name
    title: Text
    instructions: Text
    imported_at: AwareTime
    due: Day | None = None
    cadence_weeks: Annotated[Count, Field(ge=1)] = 1
    minutes: Count | None = None
    status: Literal["assigned", "done", "dropped", "withdrawn"] = "assigned"
    coach: Text | None = None
    questions_json: Text = "[]"
    completed_at: AwareTime | None = None
    times_done: Count = 0
    drop_reason: Text | None = None
    pack_description: Text | None = None
    coach_contact: Text | None = None
    client: Text | None = None

    @field_validator("questions_json")
    @classmethod
    def _steps(cls, value: str) -> str:
        check_questions(value)
        return value

    @model_validator(mode="after")
    def _doable(self) -> AssignmentIn:
        """What `exercises do` and `exercises show` read back must be a valid exercise."""
        check_exercise(Assignment(**_fields(self)))
        return self


class GoalIn(_Exact):
    id: Uuid
    behaviour_id: Name
    target: int = Field(ge=1, le=5)
    due: Day
    success: Annotated[Text, StringConstraints(min_length=1)]
    set_at: AwareTime
    status: Literal["open", "achieved", "dropped"] = "open"
    closed_at: AwareTime | None = None
    pack_id: Name | None = None
    coach: Text | None = None


class FeedbackRoundIn(_Exact):
    """A feedback round as an export keeps it: its id, when it was imported, and its
    aggregate, checked as strictly as `feedback import` checks one from a collector."""

    id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    imported_at: AwareTime
    aggregate: Aggregate

    @model_validator(mode="after")
    def _anonymous(self) -> FeedbackRoundIn:
        found = after_checks(self.aggregate.model_dump())
        if found is not None:
            raise ValueError(f"its aggregate: {found[1]}")
        return self

    def to_record(self) -> FeedbackRound:
        return from_aggregate(self.aggregate.model_dump(), self.imported_at, id=self.id)


class ExportFile(_Exact):
    format: Literal["belonging-journal"]
    format_version: Literal[1]
    sessions: list[SessionIn] = []
    experiments: list[ExperimentIn] = []
    assignments: list[AssignmentIn] = []
    goals: list[GoalIn] = []  # added with goals (issue 16): older exports have none
    # Added with feedback rounds (issue 17): older exports have none.
    feedback_rounds: list[FeedbackRoundIn] = Field(default=[], max_length=1000)

    def to_records(self) -> JournalData:
        return JournalData(
            sessions=tuple(s.to_record() for s in self.sessions),
            experiments=tuple(Experiment(**_fields(e)) for e in self.experiments),
            assignments=tuple(Assignment(**_fields(a)) for a in self.assignments),
            goals=tuple(Goal(**_fields(g)) for g in self.goals),
            feedback_rounds=tuple(r.to_record() for r in self.feedback_rounds),
        )


def _fields(model: BaseModel) -> dict[str, Any]:
    """A model's fields by name: each model here has its record's names. Its own
    __dict__ (the models allow no extra keys, so it holds the fields only): dict(model)
    and model_dump cost three times as much, the latter turning nested models into dicts."""
    return model.__dict__


def check_questions(questions_json: str) -> None:
    """ValueError unless an assignment's stored questions are a JSON list of flow steps."""
    import json

    from belonging_cli.content.flows import Step

    try:
        questions = json.loads(questions_json)
    except ValueError:
        raise ValueError("not JSON (the exercise's questions, as a list)") from None
    if not isinstance(questions, list):
        raise ValueError("expected a JSON list of the exercise's questions")
    for i, question in enumerate(questions):
        try:
            Step.model_validate(question)
        except ValidationError as exc:
            raise ValueError(_first_error(exc, f"question {i + 1}")) from None


def check_exercise(assignment: Assignment) -> None:
    """ValueError unless the assignment makes the flow `exercises do` runs: the pack's
    checks on its questions, title and instructions, made again on the way in."""
    from belonging_cli.coaching.doing import build_flow

    try:
        build_flow(assignment)
    except ValidationError as exc:
        loc = exc.errors(include_url=False)[0]["loc"]
        names = {"id": "exercise_id", "title": "title", "description": "instructions"}
        raise ValueError(_first_error(exc, names.get(str(loc[0]), "questions_json"))) from None


def _first_error(exc: ValidationError, what: str) -> str:
    error = exc.errors(include_url=False)[0]
    inner = ".".join(str(part) for part in error["loc"] if not isinstance(part, int))
    message = str(error["msg"]).removeprefix("Value error, ")
    where = f"{what}, {inner}" if inner and what.startswith("question ") else what
    return f"{where}: {message} (`exercises do` could not run it)"
