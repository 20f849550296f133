"""The quick check of an import: is every session and experiment in an export surely valid?

`journal import` of a journal's own export reads tens of thousands of sessions and
hundreds of thousands of answers and ratings: building a pydantic model for each
(journal/importing.py) cost more than writing them. This module recognises, from
the plain dicts json read, the form `journal export` writes (every key present,
every time as Python writes it back) and checks each value against the models' own
rules, without building anything.

It only ever answers "surely valid" or "not sure": anything it does not recognise
(an error, an old export's missing keys, a time written with `Z`) goes to the models,
which accept it or say what is wrong at file:line:col as they always did. So it must
never accept what the models refuse (tests/properties/test_journal_import_paths.py);
refusing more costs only time. Pydantic-free: sessions and experiments never need it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from operator import itemgetter
from typing import Any

from belonging_cli import limits
from belonging_cli.journal.exchange import FORMAT, FORMAT_VERSION
from belonging_cli.records import (
    Answer,
    Experiment,
    ExperimentOutcome,
    ExperimentStatus,
    JournalData,
    Rating,
    Role,
    Session,
    SessionStatus,
    StepKind,
)
from belonging_cli.safe_text import text_problem

if typing.TYPE_CHECKING:
    from belonging_cli.journal.exchange import KnownIds

# The models' limits (importing.py reads them from here).
NAME_MAX = 200  # ids, kinds and tags
TEXT_MAX = 100_000  # a note, a question, a title
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_UUID = re.compile(UUID_PATTERN[1:-1])  # fullmatch: `$` would allow a line break after

Record = dict[str, Any]

# The keys an export writes for each record: all of its record's fields.
_SESSION_KEYS = tuple(f.name for f in fields(Session))
_ANSWER_KEYS = tuple(f.name for f in fields(Answer))
_RATING_KEYS = tuple(f.name for f in fields(Rating))
EXPERIMENT_KEYS = tuple(f.name for f in fields(Experiment))
# Checked by the models (few records, and checks of their own): see `QuickCheck.rest`.
REST = ("assignments", "goals", "feedback_rounds")
_TOP_KEYS = frozenset({"format", "format_version", "sessions", "experiments", *REST})

_KINDS = frozenset(typing.get_args(StepKind))
_ROLES = frozenset(typing.get_args(Role))
_SESSION_STATUSES = frozenset(typing.get_args(SessionStatus))
_EXPERIMENT_STATUSES = frozenset(typing.get_args(ExperimentStatus))
_OUTCOMES = frozenset(typing.get_args(ExperimentOutcome))

# A time's day as written, strictly inside the range (see _day).
_AFTER_FIRST = (limits.FIRST_DAY + dt.timedelta(days=1)).isoformat()
_BEFORE_LAST = (limits.LAST_DAY - dt.timedelta(days=1)).isoformat()


Column = Sequence[Any]
Columns = dict[str, Column]


@dataclass
class SessionTables:
    """Sessions and their answers and ratings as columns (`columns`): what is checked,
    then written (import_rows.py). A child's columns have its session's id and its
    position in the session too."""

    sessions: Columns
    answers: Columns
    ratings: Columns


@dataclass
class QuickCheck:
    """An export whose sessions and experiments are surely valid, as json read them
    (each a plain dict with every key) and as columns, and its other records as
    checked records."""

    sessions: list[Record]
    experiments: list[Record]
    session_tables: SessionTables
    experiment_columns: Columns
    rest: JournalData = field(default_factory=JournalData)

    @property
    def given(self) -> int:
        """How many records the file holds."""
        rest = self.rest
        others = (rest.assignments, rest.goals, rest.feedback_rounds)
        return len(self.sessions) + len(self.experiments) + sum(map(len, others))


def has_rest(raw: dict[str, Any]) -> bool:
    """Whether the export holds records the models check (any but sessions and experiments)."""
    return any(raw.get(name) != [] for name in REST if name in raw)


def quick_check(raw: dict[str, Any], known: KnownIds) -> QuickCheck | None:
    """The export's sessions and experiments if each is surely valid and every id and
    reference among them holds (the journal's `known` ids included); else None."""
    if not raw.keys() <= _TOP_KEYS:
        return None
    if raw.get("format") != FORMAT or not _exactly(raw.get("format_version"), FORMAT_VERSION):
        return None
    sessions, experiments = raw.get("sessions", []), raw.get("experiments", [])
    try:
        tables = session_tables(sessions)
        experiment_columns = columns(experiments, EXPERIMENT_KEYS)
        sure = (
            tables is not None
            and experiment_columns is not None
            and _sessions(tables, _Names())
            and _experiments(experiment_columns, _Names())
            and _references(raw, tables.sessions, experiment_columns, known)
        )
    except TypeError:  # a list or an object where a name belongs (unhashable): the models'
        return None
    if not sure:
        return None
    assert tables is not None and experiment_columns is not None  # for mypy: `sure`
    return QuickCheck(sessions, experiments, tables, experiment_columns)


def session_tables(sessions: object) -> SessionTables | None:
    """`sessions` as columns, or None unless each is an object with exactly a session's
    keys, and each of its answers and ratings exactly an answer's or a rating's."""
    found = columns(sessions, _SESSION_KEYS)
    if found is None:
        return None
    children = []
    for key, keys in (("answers", _ANSWER_KEYS), ("ratings", _RATING_KEYS)):
        given = found[key]
        if not _types(given, list):
            return None
        table = columns([child for each in given for child in each], keys)
        if table is None:
            return None
        owners = zip(found["id"], given, strict=True)
        table["session_id"] = [id for id, each in owners for _ in each]
        table["position"] = [i for each in given for i in range(len(each))]
        children.append(table)
    return SessionTables(found, *children)


def _exactly(value: object, number: int) -> bool:
    return type(value) is int and value == number


# Each check below takes a column: one field of every record, as json read it. The
# columns are made and checked with C loops (map, zip, set, max), so a check costs a
# few tens of nanoseconds a value; a Python loop over the values costs ten times more.
_NONE = type(None)


def columns(records: object, keys: tuple[str, ...]) -> Columns | None:
    """Each of `keys` as a column of `records`, or None unless `records` is a list of
    objects that each have exactly these keys."""
    if type(records) is not list or not _types(records, dict):
        return None
    if not set(map(len, records)) <= {len(keys)}:  # with every key: no other
        return None
    try:
        found = list(zip(*map(itemgetter(*keys), records), strict=True))
    except KeyError:
        return None
    return dict(zip(keys, found or [()] * len(keys), strict=True))


def _given(values: Column) -> Column:
    return [value for value in values if value is not None]


def _types(values: Iterable[Any], *allowed: type) -> bool:
    return set(map(type, values)) <= set(allowed)


class _Names:
    """Whether every value is a name (an id, a kind, a tag): one line, 1 to NAME_MAX
    characters. Exports repeat the same few (behaviour and step ids): each distinct one
    is checked once."""

    def __init__(self) -> None:
        self.good: set[str] = set()

    def __call__(self, values: Column, *, optional: bool = False) -> bool:
        distinct = set(values) - self.good  # TypeError for a list or an object
        if optional:
            distinct.discard(None)
        for value in distinct:
            if type(value) is not str or not 0 < len(value) <= NAME_MAX:
                return False
            if text_problem(value, one_line=True) is not None:
                return False
        self.good |= distinct
        return True


# A time with its UTC offset, written exactly as Python writes it back (so that the text
# is what the journal stores, rows.iso): six digits of a second or none (not 000000), an
# offset of hours and minutes, -00:00 written +00:00. Its day is checked after.
_TIME = re.compile(
    r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.(?!000000)\d{6})?"
    r"(?!-00:00)[+-](?:[01]\d|2[0-3]):[0-5]\d"
)
_DAY = itemgetter(slice(0, 10))


def _times(values: Column, *, optional: bool = False) -> bool:
    """Times in range (limits.check_time), each as the journal stores it."""
    given = _given(values) if optional else values
    if not _types(given, str) or not all(map(_TIME.fullmatch, given)):
        return False
    return all(map(_day, set(map(_DAY, given))))


def _day(text: str) -> bool:
    """A real day strictly inside the range: then the UTC day of a time on it (at most a
    day away) is in range too (limits.check_time checks both); the two end days go to
    the models."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:  # 2026-02-30
        return False
    return _AFTER_FIRST <= text <= _BEFORE_LAST


def _texts(values: Column, *, optional: bool = False) -> bool:
    given = _given(values) if optional else values
    return _types(given, str) and max(map(len, given), default=0) <= TEXT_MAX


def _uuids(values: Column, *, optional: bool = False) -> bool:
    given = _given(values) if optional else values
    return _types(given, str) and all(map(_UUID.fullmatch, given))


def _words(values: Column, allowed: frozenset[str], *, optional: bool = False) -> bool:
    """One of the `allowed` words each (a Literal), or None if `optional`."""
    distinct = set(values)
    if optional:
        distinct.discard(None)
    return _types(distinct, str) and distinct <= allowed


def _weeks(values: Column) -> bool:
    distinct = set(values)
    if not _types(distinct, str):
        return False
    try:
        for week in distinct:
            limits.check_week(week)
    except ValueError:
        return False
    return True


def _booleans(values: Column) -> bool:
    return _types(values, bool)


def _counts(values: Column) -> bool:
    """Storable integers from 0, or None (a Count, limits.check_int)."""
    given = _given(values)
    return _types(given, int) and all(0 <= n <= limits.MAX_INT for n in given)


def _levels(values: Column) -> bool:
    return _types(values, int) and set(values) <= _LEVELS


_LEVELS = frozenset(range(1, 6))
_VALUE_TYPES = (str, bool, _NONE, int, float, list)


def _values(values: Column) -> bool:
    """Answers' values: text, yes/no, nothing, a storable integer, a finite number, or a
    list of texts (limits.check_value)."""
    kinds = set(map(type, values))
    if not kinds <= set(_VALUE_TYPES):
        return False
    if int in kinds and not all(
        limits.MIN_INT <= v <= limits.MAX_INT for v in values if type(v) is int
    ):
        return False
    if float in kinds and not all(math.isfinite(v) for v in values if type(v) is float):
        return False
    lists = [v for v in values if type(v) is list] if list in kinds else []
    return all(_types(items, str) for items in lists)


def _sessions(tables: SessionTables, name: _Names) -> bool:
    column, ratings, answers = tables.sessions, tables.ratings, tables.answers
    tags = column["tags"]
    return (
        _uuids(column["id"])
        and name(column["flow_id"])
        and name(column["rubric_id"])
        and name(column["rubric_version"])
        and _weeks(column["week"])
        and _words(column["status"], _SESSION_STATUSES)
        and _times(column["started_at"])
        and _times(column["completed_at"], optional=True)
        and name(column["focus_behaviour_id"], optional=True)
        and name(column["assignment_id"], optional=True)
        and _types(tags, list)
        and name([tag for given in tags for tag in given])
        and _ratings(ratings, name)
        and _answers(answers, name)
        and _distinct(list(zip(ratings["session_id"], ratings["behaviour_id"], strict=True)))
        and _distinct(list(zip(answers["session_id"], answers["step_id"], strict=True)))
    )


def _ratings(column: Columns, name: _Names) -> bool:
    return (
        name(column["behaviour_id"])
        and _levels(column["level"])
        and _times(column["rated_at"])
        and _texts(column["evidence"], optional=True)
        and _booleans(column["evidence_private"])
    )


def _answers(column: Columns, name: _Names) -> bool:
    return (
        name(column["step_id"])
        and _words(column["kind"], _KINDS)
        and _values(column["value"])
        and _times(column["answered_at"])
        and name(column["prompt_id"], optional=True)
        and name(column["behaviour_id"], optional=True)
        and _booleans(column["private"])
        and _texts(column["question"], optional=True)
        and _words(column["role"], _ROLES, optional=True)
    )


def _experiments(column: Columns, name: _Names) -> bool:
    return (
        _uuids(column["id"])
        and name(column["behaviour_id"])
        and _texts(column["title"])
        and _weeks(column["week"])
        and _times(column["created_at"])
        and _uuids(column["created_session_id"], optional=True)
        and name(column["rubric_experiment_id"], optional=True)
        and _counts(column["minutes"])
        and _texts(column["signal"], optional=True)
        and _words(column["status"], _EXPERIMENT_STATUSES)
        and _words(column["outcome"], _OUTCOMES, optional=True)
        and _texts(column["happened"], optional=True)
        and _texts(column["learned"], optional=True)
        and _times(column["reviewed_at"], optional=True)
        and _uuids(column["reviewed_session_id"], optional=True)
        and _booleans(column["private"])
        and _booleans(column["happened_private"])
        and _booleans(column["learned_private"])
    )


def _distinct(values: Column) -> bool:
    return len(set(values)) == len(values)


def _references(
    raw: dict[str, Any],
    sessions: Columns,
    experiments: Columns,
    known: KnownIds,
) -> bool:
    """Ids given once, and every reference to a session or an assignment leads somewhere."""
    session_ids = set(sessions["id"])
    if len(session_ids) != len(sessions["id"]) or not _distinct(experiments["id"]):
        return False
    given = raw.get("assignments", [])
    given = given if type(given) is list else []  # refused by the models
    assignments = {a["id"] for a in given if type(a) is dict and type(a.get("id")) is str}
    wanted = set(sessions["assignment_id"]) - {None}
    if not wanted <= assignments | known.assignments:
        return False
    referred = set(experiments["created_session_id"]) | set(experiments["reviewed_session_id"])
    return referred - {None} <= session_ids | known.sessions
