"""Exercise packs: the YAML files a coach writes and a client imports.

A pack names its coach, carries a version (so a newer file can update an older
import) and lists exercises. Each exercise works on one behaviour of the rubric
in use, asks questions (the same step kinds as the reflection flows), and says
how often (`once`, or `weekly for N weeks`) and by when (a date, or `7d` / `2w`
counted from the day it is imported).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints, field_validator

from belonging_cli.content.flows import Step
from belonging_cli.content.folders import check_paths
from belonging_cli.content.rubrics import Rubric, Short, Text
from belonging_cli.content.source import Document, read_document, require_mapping
from belonging_cli.content.validation import ONE_LINE, Strict, validate
from belonging_cli.errors import ContentError, Problem
from belonging_cli.limits import check_day

FORMAT_VERSION = 1
MAX_WEEKS = 52
MAX_DUE_DAYS = 366

_RELATIVE_DUE = re.compile(r"^(\d{1,3})\s*([dw])$")
_CADENCE = re.compile(r"^weekly for (\d{1,2}) weeks?$")
_VERSION = re.compile(r"^\d{1,6}(\.\d{1,6}){0,3}$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
Warn = Callable[[Problem], None]


def _slug(value: str) -> str:
    if len(value) > 80 or not _SLUG.match(value):
        raise ValueError(
            f"use lower-case letters, digits and single hyphens, like first-month; found {value!r}"
        )
    return value


Slug = Annotated[str, AfterValidator(_slug)]

Contact = Annotated[str, StringConstraints(min_length=1, max_length=200), ONE_LINE]


class Coach(Strict):
    name: Short
    contact: Contact | None = None


# The flow step kinds an exercise can use. `rate`, `reflect` and `experiment` work
# on the exercise's behaviour; the weekly flow's own kinds (pulse, review, focus,
# tags, recap) make no sense inside an exercise.
RESERVED_ID = "exercise-focus"  # the hidden focus step `exercises do` adds
EXERCISE_KINDS = (
    "text",
    "long_text",
    "select",
    "checkbox",
    "confirm",
    "scale",
    "rate",
    "reflect",
    "experiment",
)


def parse_cadence(value: object) -> int:
    """`once` -> 1, `weekly for 4 weeks` -> 4 (how many times the exercise is done)."""
    if not isinstance(value, str):
        raise ValueError("expected `once` or `weekly for N weeks`")
    text = " ".join(value.lower().split())
    if text == "once":
        return 1
    match = _CADENCE.match(text)
    if not match:
        raise ValueError(f"expected `once` or `weekly for N weeks`, found {value!r}")
    weeks = int(match[1])
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weekly exercises run for 1 to {MAX_WEEKS} weeks, found {weeks}")
    return weeks


def parse_due(value: object) -> dt.date | str:
    """A date (2026-12-04) stays a date; `7d` / `2w` become the canonical `7d` / `14d`."""
    if isinstance(value, dt.datetime):
        return check_day(value.date())
    if isinstance(value, dt.date):
        return check_day(value)
    if not isinstance(value, str):
        raise ValueError("expected a date like 2026-12-04, or a time from import like 7d or 2w")
    text = value.strip().lower()
    match = _RELATIVE_DUE.match(text)
    if match:
        days = int(match[1]) * (7 if match[2] == "w" else 1)
        if not 0 < days <= MAX_DUE_DAYS:
            raise ValueError(f"a due time must be 1 day to {MAX_DUE_DAYS} days, found {value!r}")
        return f"{days}d"
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"expected a date like 2026-12-04, or a time from import like 7d or 2w, found {value!r}"
        ) from None
    return check_day(day)


def parse_version(value: object) -> str:
    """Pack versions are dotted numbers ("3", "1.2.0") so that newer is well defined."""
    if isinstance(value, bool):
        raise ValueError("expected a version like 1 or 1.2.0")
    if isinstance(value, int):
        value = str(value)
    elif isinstance(value, float):
        raise ValueError('write a dotted version in quotes, like "1.2", so YAML keeps it as is')
    if not isinstance(value, str) or not _VERSION.match(value.strip()):
        raise ValueError(f"expected a version like 1 or 1.2.0, found {value!r}")
    return value.strip()


def version_key(version: str) -> tuple[int, ...]:
    """Compare versions by their numbers: 1.10 is newer than 1.9. A pack file's version is
    checked to be numbers; one read back from a hand-edited journal may not be, and a
    part that is no number sorts before every number (older), never an error."""
    parts = [int(p) if p.isascii() and p.isdigit() else -1 for p in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()  # 1.0 and 1 are the same version
    return tuple(parts)


def _with_choice_mappings(question: object) -> object:
    if not isinstance(question, dict) or not isinstance(question.get("choices"), list):
        return question
    choices = [
        {"value": str(c)} if isinstance(c, (str, int)) and not isinstance(c, bool) else c
        for c in question["choices"]
    ]
    return {**question, "choices": choices}


def _conditions_hold(questions: list[Step]) -> list[Step]:
    """Flows' rule for `when` (content/conditions.py), each problem at its condition: a
    question that could never be asked is a mistake, not a silence for every client."""
    from pydantic import ValidationError
    from pydantic_core import InitErrorDetails, PydanticCustomError

    from belonging_cli.content.conditions import condition_problem

    earlier: dict[str, Step] = {}
    errors: list[InitErrorDetails] = []
    for j, q in enumerate(questions):
        if q.when is not None:
            later = [other.id for other in questions[j + 1 :]]
            found = condition_problem(q.when, earlier, later, word="question")
            if found is not None:
                # The message as context, not the template: a choice may hold braces.
                error = PydanticCustomError("condition", "{message}", {"message": found[1]})
                errors.append(InitErrorDetails(type=error, loc=(j, "when", found[0]), input=None))
        earlier[q.id] = q
    if errors:
        raise ValidationError.from_exception_data("questions", errors)
    return questions


class Exercise(Strict):
    id: Slug
    behaviour: Slug
    title: Short
    instructions: Text
    questions: list[Step] = Field(min_length=1, max_length=30)
    cadence: int = 1  # written `once` or `weekly for N weeks`; held as the number of times
    due: dt.date | str | None = None  # a date, or a canonical relative time like "14d"
    minutes: int | None = Field(default=None, ge=1, le=600)

    @field_validator("cadence", mode="before")
    @classmethod
    def _cadence(cls, value: object) -> int:
        return parse_cadence(value)

    @field_validator("due", mode="before")
    @classmethod
    def _due(cls, value: object) -> dt.date | str | None:
        return None if value is None else parse_due(value)

    @field_validator("questions", mode="before")
    @classmethod
    def _plain_choices(cls, questions: object) -> object:
        """Coaches may write `choices: [yes, no]`; flows spell `{value: yes}`."""
        if not isinstance(questions, list):
            return questions
        return [_with_choice_mappings(q) for q in questions]

    @field_validator("questions")
    @classmethod
    def _exercise_steps(cls, questions: list[Step]) -> list[Step]:
        ids = [q.id for q in questions]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"question ids must be unique; repeated: {', '.join(repeated)}")
        for q in questions:
            if q.id == RESERVED_ID:
                raise ValueError(f"the question id {RESERVED_ID!r} is reserved; choose another")
            if q.kind not in EXERCISE_KINDS:
                raise ValueError(
                    f"question {q.id!r}: an exercise cannot use a {q.kind} step "
                    f"(use one of: {', '.join(EXERCISE_KINDS)})"
                )
        return _conditions_hold(questions)

    def due_date(self, imported: dt.date) -> dt.date | None:
        """The first due date, for a pack imported on `imported`."""
        if self.due is None or isinstance(self.due, dt.date):
            return self.due
        return imported + dt.timedelta(days=int(self.due.removesuffix("d")))

    def cadence_text(self) -> str:
        return "once" if self.cadence == 1 else f"weekly for {self.cadence} weeks"


class PackGoal(Strict):
    """A development goal the coach sets with the client, imported as the coach's
    (goals.py's rules: three open at most, one a behaviour)."""

    behaviour: Slug
    target: int = Field(ge=1, le=5)
    by: dt.date
    success: Annotated[str, StringConstraints(min_length=1, max_length=300), ONE_LINE]

    @field_validator("by", mode="before")
    @classmethod
    def _by(cls, value: object) -> dt.date:
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            value = dt.date.fromisoformat(value)  # a ValueError says the day is not real
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise ValueError(f"a goal's `by` is a date, like 2027-03-01, not {value!r}")
        return check_day(value)


class Pack(Strict):
    format_version: Literal[1] = 1
    id: Slug
    title: Short
    version: str
    coach: Coach
    client: Short | None = None
    description: Text | None = None
    exercises: list[Exercise] = Field(min_length=1, max_length=100)
    goals: list[PackGoal] = Field(default=[], max_length=3)  # the client's, at most 3

    @field_validator("version", mode="before")
    @classmethod
    def _version(cls, value: object) -> str:
        return parse_version(value)

    def exercise(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)


def check_references(doc: Document, rubric: Rubric) -> list[Problem]:
    """Rules beyond one field, checked on the raw data so they show up alongside
    field problems: exercise ids unique, behaviours known to the rubric in use."""
    problems: list[Problem] = []
    exercises = doc.data.get("exercises") if isinstance(doc.data, dict) else None
    if not isinstance(exercises, list):
        return problems
    seen: set[str] = set()
    places: list[tuple[tuple[str | int, ...], object]] = _goal_places(doc)
    for i, exercise in enumerate(exercises):
        if not isinstance(exercise, dict):
            continue
        ident = exercise.get("id")
        if isinstance(ident, str):
            if ident in seen:
                problems.append(
                    doc.problem(("exercises", i, "id"), f"exercise id {ident!r} is used twice")
                )
            seen.add(ident)
        places.append((("exercises", i, "behaviour"), exercise.get("behaviour")))
        questions = exercise.get("questions")
        for j, question in enumerate(questions if isinstance(questions, list) else []):
            if isinstance(question, dict) and question.get("behaviour") not in (None, "focus"):
                where = ("exercises", i, "questions", j, "behaviour")
                places.append((where, question.get("behaviour")))
    for loc, behaviour in places:
        if isinstance(behaviour, str) and (behaviour.isdigit() or rubric.find(behaviour) is None):
            problems.append(
                doc.problem(
                    loc,
                    f"no behaviour {behaviour!r} in rubric {rubric.id} "
                    f"{rubric.version}; one of: {', '.join(rubric.ids())}",
                )
            )
    return problems


def _goal_places(doc: Document) -> list[tuple[tuple[str | int, ...], object]]:
    goals = doc.data.get("goals") if isinstance(doc.data, dict) else None
    return [
        (("goals", i, "behaviour"), goal.get("behaviour"))
        for i, goal in enumerate(goals if isinstance(goals, list) else [])
        if isinstance(goal, dict)
    ]


def parse_pack(doc: Document, rubric: Rubric) -> Pack:
    """Validate a read document as a pack for `rubric`; every problem at once."""
    from belonging_cli.content.pack_checks import reword

    require_mapping(doc, "an exercise pack")
    problems = check_references(doc, rubric)
    try:
        pack = validate(doc, Pack, reword=reword(rubric, EXERCISE_KINDS))
    except ContentError as exc:
        raise ContentError(exc.problems + problems) from None
    if problems:
        raise ContentError(problems)
    return pack


def load_pack(
    path: Path, rubric: Rubric, today: dt.date | None = None, warn: Warn | None = None
) -> Pack:
    """The pack in `path`; given `today`, what is allowed but likely a slip goes to `warn`."""
    doc = read_document(path)
    pack = parse_pack(doc, rubric)
    if today is not None and warn is not None:
        from belonging_cli.content.pack_checks import warnings

        for problem in warnings(doc, pack, today):
            warn(problem)
    return pack


def validate_paths(
    paths: list[Path], rubric: Rubric, today: dt.date | None = None, warn: Warn | None = None
) -> list[str]:
    """Check pack files (a folder: its *.yaml files); one line per good file, or every problem.
    Warnings of the good files (given `today`) go to `warn`."""

    def check(path: Path) -> str:
        pack = load_pack(path, rubric, today, warn)
        count = len(pack.exercises)
        return (
            f"{path}: pack {pack.id} version {pack.version}, "
            f"{count} exercise{'s' if count != 1 else ''}"
        )

    return check_paths(paths, check, what="pack")


def questions_json(exercise: Exercise) -> str:
    """The exercise's questions as stored with an assignment (stable JSON)."""
    import json

    data: list[dict[str, Any]] = [
        q.model_dump(mode="json", exclude_unset=True, by_alias=True) for q in exercise.questions
    ]
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


__all__ = [
    "EXERCISE_KINDS",
    "FORMAT_VERSION",
    "Coach",
    "Exercise",
    "Pack",
    "check_references",
    "load_pack",
    "parse_cadence",
    "parse_due",
    "parse_pack",
    "parse_version",
    "questions_json",
    "validate_paths",
    "version_key",
]
