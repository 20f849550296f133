"""Read a client's shared report bundle (`belonging-report`, format version 1).

The contract is docs/report-json.md. A bundle comes from someone else's
machine, so it is read defensively: strict types (no "3" for 3), bounded
strings and lists, no control characters (names and titles on one line), a
size limit before reading, and the keys we do not use ignored (the contract lets
writers add keys within a format version). Any failure is one `Problem` for the
file, located from the JSON decoder's own positions, so a roll-up can skip it
and go on. What `belonging report --share --format json` writes is always read:
the limits are the writer's (safe_text.py).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from belonging_cli.coaching.bundle_evidence import Evidence
from belonging_cli.coaching.bundle_feedback import PLACE, Feedback
from belonging_cli.errors import Problem
from belonging_cli.json_place import locate
from belonging_cli.safe_text import CONTROL_CHARS, MAX_NAME, MAX_TEXT, ONE_LINE_CHARS, text_problem

FORMAT = "belonging-report"
FORMAT_VERSION = 1
# A ten-year report is about 1 MB. Past the limit a file is refused from its size
# alone: nothing is read.
MAX_BYTES = 10 * 1024 * 1024
TOO_LARGE = (
    "too large for a report bundle ({size} MB; at most {limit} MB): ask for a shorter "
    "one, like `belonging report --share --format json --period year`"
)


def _cut(text: str) -> str:
    """Free text longer than a writer keeps (an old journal's) is cut, not refused."""
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "\u2026"


Week = Annotated[str, StringConstraints(pattern=r"^\d{4}-W\d{2}$")]
# The characters a bundle's texts may not hold (safe_text.py), checked by pydantic-core
# as it reads, not by a Python call for each of a bundle's thousands of strings (issue
# 19); a refusal says the first bad character in safe_text's words (`_explain`).
ONE_LINE = f"^[^{ONE_LINE_CHARS[1:-1]}]*$"
PARAGRAPH = f"^[^{CONTROL_CHARS[1:-1]}]*$"
Name = Annotated[str, StringConstraints(max_length=MAX_NAME, pattern=ONE_LINE)]
# A rubric's words, the same in every client's bundle: one copy kept across a roll-up
# of thousands of clients, not one per client's summary (issue 19).
RubricWord = Annotated[Name, AfterValidator(sys.intern)]
# A person's own words, as their report wrote them (never with a control character:
# reports/data.py strips them), so one in a bundle is a forged or damaged one: refused
# and located, as every text of a bundle is.
Words = Annotated[str, StringConstraints(pattern=PARAGRAPH), AfterValidator(_cut)]
Level = Annotated[int, Field(ge=1, le=5)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
Change = Annotated[int, Field(ge=-4, le=4)]


class Part(BaseModel):
    """Strict types and frozen; unknown keys ignored, as the bundle contract asks."""

    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)


class Person(Part):
    name: Name | None = None


class Period(Part):
    name: Name
    start: dt.date
    end: dt.date
    first_week: Week
    last_week: Week
    weeks: Count


class RubricRef(Part):
    id: Name
    version: Name
    title: Name


class Summary(Part):
    sessions_completed: Count
    weeks_reflected: Count
    weeks_in_period: Count
    current_streak: Count
    longest_streak: Count
    last_reflection: dt.date | None


class Point(Part):
    week: Week
    level: Level
    evidence: Words | None = None  # why it moved, when the client shared it


class Rating(Part):
    behaviour_id: RubricWord
    number: Count
    title: RubricWord
    count: Count
    first: Level | None
    latest: Level | None
    change: Change | None
    average: Annotated[float, Field(ge=1, le=5)] | None
    latest_label: RubricWord | None
    series: list[Point] = Field(max_length=5000)


class ExperimentItem(Part):
    week: Week
    behaviour_id: Name
    behaviour_title: Name | None
    title: Words | None
    status: Name
    private: bool
    outcome: Name | None = None
    learned: Words | None = None
    state: Name = ""  # what it is counted as (format_minor 1)


class Experiments(Part):
    open: ExperimentItem | None
    items: list[ExperimentItem] = Field(default_factory=list, max_length=5000)
    # Every experiment open, `open` first (format_minor 8; a writer lists at most 5), and
    # how many there are; None: an older bundle, which says only `open`.
    open_now: list[ExperimentItem] = Field(default_factory=list, max_length=50)
    open_total: Count | None = None


class ExerciseAnswer(Part):
    week: Week
    question: Words | None = None
    answer: Words


class ExerciseItem(Part):
    id: Name
    title: Name
    behaviour_id: Name
    coach: Name | None
    due: dt.date | None
    state: Literal["done", "due", "overdue", "dropped", "withdrawn"]
    times_done: Count
    completed_at: dt.datetime | None
    answers: list[ExerciseAnswer] = Field(default_factory=list, max_length=5000)
    reason: Words | None = None  # why the client dropped it (format_minor 3)
    imported_on: dt.date | None = None  # the day the pack brought it (format_minor 3)


class Exercises(Part):
    items: list[ExerciseItem] = Field(max_length=5000)


class Takeaway(Part):
    week: Week
    question: Words | None = None
    text: Words


class Writing(Part):
    takeaways: list[Takeaway] = Field(default_factory=list, max_length=5000)


def _success(text: str) -> str:
    """A person's own words for success, shown as text: controls stripped, on one line,
    cut at the length a writer keeps (goals.MAX_SUCCESS)."""
    from belonging_cli.goals import MAX_SUCCESS
    from belonging_cli.safe_text import strip_controls

    flat = " ".join(strip_controls(text.replace("\r", "\n")).split())
    return flat if len(flat) <= MAX_SUCCESS else flat[: MAX_SUCCESS - 1] + "\u2026"


def _known_trend(word: str) -> str:
    from belonging_cli.reports.movement import TRENDS

    if word not in TRENDS:
        raise ValueError(f"not a trend the report writes (one of {', '.join(map(repr, TRENDS))})")
    return word


class Goal(Part):
    """A development goal and where the client stands on it (format_minor 5). Its
    standing is worked out again from these fields (goals.standing), never taken as
    the bundle words it."""

    id: Name
    behaviour_id: Name
    title: Name
    target: Level
    due: dt.date
    success: Annotated[str, AfterValidator(_success)]  # bounded by the file's size, then cut
    status: Literal["open", "achieved", "dropped"]
    set_on: dt.date
    closed_on: dt.date | None
    start: Level | None
    now: Level | None
    ratings_since: Count
    trend: Annotated[str, AfterValidator(_known_trend)]
    reached: bool
    by_coach: bool
    coach: Name | None


class PrepAnswer(Part):
    """What the client wrote for the next session (the `prep` flow; format_minor 2)."""

    week: Week
    date: dt.date
    question: Words | None = None
    text: Words


class Bundle(Part):
    format: Literal["belonging-report"]
    format_version: Literal[1]
    generated_at: dt.datetime
    tool_version: Name
    person: Person
    period: Period
    rubric: RubricRef
    summary: Summary
    ratings: list[Rating] = Field(max_length=500)
    experiments: Experiments
    exercises: Exercises | None = None
    writing: Writing = Writing()
    shared: bool
    private_left_out: Count
    prep: list[PrepAnswer] = Field(default_factory=list, max_length=5000)
    goals: list[Goal] = Field(default_factory=list, max_length=100)
    feedback: Feedback | None = None  # the latest round beside the client's view (minor 4)
    evidence: Evidence = Field(default_factory=list)  # figures, when shared (minor 6)


class BadBundle(Exception):
    """A file that cannot be summarised, with the one line that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_bundle(path: Path) -> Bundle:
    """Read and check one bundle; any failure is a `BadBundle` naming the file."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            shown = TOO_LARGE.format(size=-(-size // 1_048_576), limit=MAX_BYTES // 1_048_576)
            raise BadBundle(Problem(name, 1, 1, "", shown))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BadBundle(Problem(name, 1, 1, "", "no such file")) from None
    except IsADirectoryError:
        raise BadBundle(Problem(name, 1, 1, "", "is a folder, expected a file")) from None
    except OSError as exc:
        raise BadBundle(Problem(name, 1, 1, "", f"cannot read: {exc.strerror}")) from None
    return parse_bundle(raw, name)


def read_each(paths: Iterable[Path], problems: list[Problem]) -> Iterator[tuple[str, Bundle]]:
    """Each readable bundle in turn, as `(file, bundle)`; why each other one is not
    is appended to `problems`. Only the bundle being read is held."""
    for path in paths:
        try:
            yield str(path), read_bundle(path)
        except BadBundle as bad:
            problems.append(bad.problem)


def parse_bundle(raw: bytes, name: str) -> Bundle:
    try:
        return Bundle.model_validate_json(raw)
    except ValidationError as exc:
        raise BadBundle(_explain(raw, name, exc)) from None


def _explain(raw: bytes, name: str, exc: ValidationError) -> Problem:
    """The one most useful line: not JSON, not a bundle, an unknown version, or the
    first wrong field (with its place in the file and how many more there are)."""
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as bad:
        if isinstance(bad, json.JSONDecodeError):
            return Problem(name, bad.lineno, bad.colno, "", f"not valid JSON: {bad.msg}")
        return Problem(name, 1, 1, "", "not valid JSON (or nested too deeply)")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return Problem(
            name,
            1,
            1,
            "",
            "not a belonging report bundle (make one with "
            "`belonging report --share --format json`)",
        )
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        shown = _short(version)
        return Problem(
            name,
            1,
            1,
            "format_version",
            f"unknown bundle format version {shown}; this belonging reads version "
            f"{FORMAT_VERSION} (upgrade belonging to read newer bundles)",
        )
    errors = exc.errors(include_url=False, include_input=False)
    first = errors[0]
    # A model's own check may point below it (bundle_feedback.PLACE): at the value at fault.
    loc = (*first["loc"], *first.get("ctx", {}).get(PLACE, ()))
    line, column = locate(raw, loc)
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    from belonging_cli.content.source import format_loc

    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "string_pattern_mismatch" and first["ctx"]["pattern"] in _TEXTS:
        said = exc.errors(include_url=False)[0]["input"]  # only the text at fault
        message = text_problem(said, one_line=first["ctx"]["pattern"] == ONE_LINE) or message
    return Problem(name, line, column, format_loc(loc), f"{message}{more}")


_TEXTS = (ONE_LINE, PARAGRAPH)


def _short(value: object) -> str:
    text = json.dumps(value)
    return text if len(text) <= 20 else text[:17] + "..."
