"""Records <-> rows, by field name: one `Table` per record type, generated from its fields.

A table's columns are the record's fields (`dataclasses.fields()`), spelled as the
schema spells them, in the record's own order; the SELECT, INSERT and UPSERT
statements are generated from the same list, so a value can never land in the
wrong column when a field is added or moved. How a value is stored follows its
declared type (`typing.get_type_hints`): times as ISO 8601 text with the user's
offset, days as ISO dates, yes/no as 0/1, an answer's value as JSON. A few columns
are derived from the record for ordering and filtering (`started_utc`,
`started_day`, `created_utc`).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any, Generic, TypeVar

from belonging_cli.records import Answer, Assignment, Experiment, Goal, Rating, Session

R = TypeVar("R")
Convert = Callable[[Any], Any]


def iso(value: dt.datetime) -> str:
    """A time as the journal stores it: with its offset (a naive one is refused)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"the journal stores timezone-aware times only, got {value!r}")
    return value.isoformat()


def utc_key(value: dt.datetime) -> str:
    """Fixed-width UTC text: sorts the same as the instants it names."""
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _or_none(convert: Convert) -> Convert:
    return lambda value: None if value is None else convert(value)


# An answer's value as the journal stores it: JSON, text kept readable. The encoder
# made once: json.dumps with an option makes one each call, most of its cost.
json_text: Convert = json.JSONEncoder(ensure_ascii=False).encode


def _codec(hint: Any) -> tuple[Convert | None, Convert | None] | None:
    """How a field of type `hint` is stored and read back (None: as it is); None when
    the journal has no column type for it."""
    members = [m for m in typing.get_args(hint) if m is not type(None)]
    optional = typing.get_origin(hint) in (typing.Union, types.UnionType) and len(members) == 1
    if optional:
        found = _codec(members[0])
        return None if found is None else (_maybe(found[0]), _maybe(found[1]))
    if hint is dt.datetime:
        return iso, dt.datetime.fromisoformat
    if hint is dt.date:
        return dt.date.isoformat, dt.date.fromisoformat
    if hint is bool:
        return int, bool
    if hint in (str, int):
        return None, None
    if typing.get_origin(hint) is typing.Literal:  # the schema's CHECKs hold the words
        return None, None
    if members:  # a union of several kinds of value: an answer's value, kept as JSON
        return json_text, json.loads
    return None


def _maybe(convert: Convert | None) -> Convert | None:
    return None if convert is None else _or_none(convert)


@dataclass(frozen=True)
class Table(Generic[R]):
    """How records of one type are stored in one table."""

    name: str
    record: type[R]
    fields: tuple[str, ...]  # the record's stored fields, in the record's order
    columns: tuple[str, ...]  # the column of each field
    encoders: tuple[Convert | None, ...]
    decoders: tuple[Convert | None, ...]
    derived: tuple[tuple[str, Callable[[R], Any]], ...]  # more columns, from the record
    keys: tuple[str, ...]  # what identifies a row: the conflict target of an upsert
    parent: str | None = None  # the column naming the owning session, written first
    positional: bool = True  # the stored fields are all the record's fields, in order
    repeated: tuple[str, ...] = ()  # text fields the bulk reader keeps one copy of

    @property
    def select(self) -> str:
        """The columns `from_row` reads, in its order (the parent column first, if any)."""
        return ", ".join((*([self.parent] if self.parent else []), *self.columns))

    @property
    def written(self) -> tuple[str, ...]:
        """The columns `row` fills, in its order."""
        parent = (self.parent,) if self.parent else ()
        return (*parent, *self.columns, *(name for name, _ in self.derived))

    def row(self, record: R, parent: str | None = None) -> tuple[Any, ...]:
        values = [
            getattr(record, name) if encode is None else encode(getattr(record, name))
            for name, encode in zip(self.fields, self.encoders, strict=True)
        ]
        derived = [make(record) for _, make in self.derived]
        return (*([parent] if self.parent else []), *values, *derived)

    def from_row(self, row: Sequence[Any], **given: Any) -> R:
        """The record stored in `row` (as `select` reads it); `given` fields are taken as
        they are (an answer's value parsed in bulk, a session's children)."""
        start = 1 if self.parent else 0
        if self.positional and len(given) <= 1:
            name, taken = next(iter(given.items()), (None, None))
            if len(row) - start != len(self.fields):
                raise ValueError(f"{self.name}: {len(row) - start} values for {self.fields}")
            return self.reader(name)(row, taken)
        found = {
            name: given[name] if name in given else value if decode is None else decode(value)
            for name, decode, value in zip(self.fields, self.decoders, row[start:], strict=True)
        }
        return self.record(**{**given, **found})

    def reader(self, given: str | None = None) -> Callable[[Sequence[Any], Any], R]:
        """The bulk path (a journal's answers and ratings, 100,000s in a report of years):
        `read(row, value)` is the record of a row of `select`'s columns, field `given`
        taken as `value`. Values in order, no dict, a call only for the fields decoded;
        worked out once a table. Only for a table whose stored fields are all its
        record's, in order (`positional`)."""
        key = (id(self), given)
        found = _READERS.get(key)
        if found is None or found[0] is not self:
            found = _READERS[key] = (self, _reader(self, given))
        return found[1]

    def insert(self, *, position: str = "?") -> str:
        """INSERT of one `row`, plus its `position` when the table keeps an order."""
        columns = list(self.written)
        marks = ["?"] * len(columns)
        if self.parent:
            columns.append("position")
            marks.append(position)
        return f"INSERT INTO {self.name} ({', '.join(columns)}) VALUES ({', '.join(marks)})"

    def upsert(self, *, position: str = "?") -> str:
        """The INSERT that replaces the row with the same keys instead (its position kept)."""
        changed = [c for c in self.written if c not in self.keys]
        return (
            self.insert(position=position)
            + f" ON CONFLICT ({', '.join(self.keys)}) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in changed)
        )


# Keyed by the table's id (hashing a table a row would cost more than the read), and
# holding the table: while its reader is kept no other table can be given its id.
_READERS: dict[tuple[int, str | None], tuple[Table[Any], Callable[[Sequence[Any], Any], Any]]] = {}


def _reader(table: Table[R], given: str | None) -> Callable[[Sequence[Any], Any], R]:
    """`read(row, value)` written out for this table, one expression a field: a
    loop over fields a row cost twice the record itself (issue 19). The source is made
    from the table's own field names only, never from a row; the record's own
    constructor is called, so whatever it checks stays checked."""
    if not table.positional:
        raise TypeError(f"{table.name}: a record with fields not stored has no bulk reader")
    unknown = {given, *table.repeated} - {None, *table.fields}
    if unknown:  # a misspelt name would silently read the column as stored
        raise ValueError(f"{table.name}: no field {', '.join(sorted(map(str, unknown)))}")
    start = 1 if table.parent else 0
    names: dict[str, Any] = {"make": table.record, "intern": sys.intern}
    arguments = []
    for at, (field, decode) in enumerate(zip(table.fields, table.decoders, strict=True)):
        if field == given:
            arguments.append("value")
            continue
        read = f"row[{start + at}]"
        if decode is not None:
            names[f"decode{at}"] = decode
            read = f"decode{at}({read})"
        if field in table.repeated:  # one shared copy of a word every row repeats
            read = f"(None if (text := {read}) is None else intern(text))"
        arguments.append(read)
    source = f"def read(row, value=None):\n    return make({', '.join(arguments)})\n"
    exec(compile(source, f"<reader of {table.name}>", "exec"), names)
    reader: Callable[[Sequence[Any], Any], R] = names["read"]
    return reader


def _table(
    name: str,
    record: type[R],
    *,
    keys: tuple[str, ...],
    renamed: dict[str, str] | None = None,
    children: tuple[str, ...] = (),
    derived: tuple[tuple[str, Callable[[R], Any]], ...] = (),
    parent: str | None = None,
    repeated: tuple[str, ...] = (),
) -> Table[R]:
    """`repeated`: text fields whose few values recur in nearly every row (ids, kinds,
    a step's question), read as one shared copy each: years of answers held ~13 MB of
    copies of the same words."""
    every = fields(record)  # type: ignore[arg-type]
    hints = typing.get_type_hints(record)
    stored = [f for f in every if f.name not in children]
    found = {f.name: _codec(hints[f.name]) for f in stored}
    codecs = {name: codec for name, codec in found.items() if codec is not None}
    unknown = sorted(found.keys() - codecs.keys())
    if unknown:  # a new field of a new type: say how it is stored before it can be saved
        raise TypeError(f"no column type for {record.__name__} fields {unknown}")
    renamed = renamed or {}
    return Table(
        name=name,
        record=record,
        fields=tuple(f.name for f in stored),
        columns=tuple(renamed.get(f.name, f.name) for f in stored),
        encoders=tuple(codecs[f.name][0] for f in stored),
        decoders=tuple(codecs[f.name][1] for f in stored),
        derived=derived,
        keys=keys,
        parent=parent,
        positional=len(stored) == len(every),
        repeated=repeated,
    )


SESSIONS = _table(
    "sessions",
    Session,
    keys=("id",),
    children=("tags", "answers", "ratings"),
    derived=(
        ("started_utc", lambda s: utc_key(s.started_at)),
        ("started_day", lambda s: s.started_at.date().isoformat()),  # the day as lived
    ),
)
ANSWERS = _table(
    "answers",
    Answer,
    keys=("session_id", "step_id"),
    renamed={"value": "value_json"},
    parent="session_id",
    repeated=("step_id", "kind", "prompt_id", "behaviour_id", "question", "role"),
)
RATINGS = _table(
    "ratings",
    Rating,
    keys=("session_id", "behaviour_id"),
    parent="session_id",
    repeated=("behaviour_id",),
)
EXPERIMENTS = _table(
    "experiments",
    Experiment,
    keys=("id",),
    derived=(("created_utc", lambda e: utc_key(e.created_at)),),
)
ASSIGNMENTS = _table("assignments", Assignment, keys=("id",))
GOALS = _table("goals", Goal, keys=("id",), derived=(("set_utc", lambda g: utc_key(g.set_at)),))

# A saved answer or rating of a draft goes after those already there.
NEXT_POSITION = "(SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE session_id = ?)"


def stored_form(s: Session) -> tuple[Any, ...]:
    """A session exactly as its rows store it: equal forms, nothing changed in between."""
    return (
        SESSIONS.row(s),
        s.tags,
        tuple(ANSWERS.row(a, s.id) for a in s.answers),
        tuple(RATINGS.row(r, s.id) for r in s.ratings),
    )


INSERT_TAG = "INSERT INTO session_tags (session_id, position, tag) VALUES (?, ?, ?)"


def tag_rows(session_id: str, tags: Iterable[str]) -> list[tuple[str, int, str]]:
    unique = list(dict.fromkeys(tags))  # a tag given twice is one tag
    return [(session_id, i, tag) for i, tag in enumerate(unique)]


def insert_tags(conn: sqlite3.Connection, session_id: str, tags: Iterable[str]) -> None:
    conn.executemany(INSERT_TAG, tag_rows(session_id, tags))


def insert_session(conn: sqlite3.Connection, s: Session, *, upsert: bool) -> None:
    """The session row and all its children; on upsert the children are replaced."""
    if upsert:
        conn.execute(SESSIONS.upsert(), SESSIONS.row(s))
        for table in ("answers", "ratings", "session_tags"):
            conn.execute(f"DELETE FROM {table} WHERE session_id = ?", (s.id,))
        _insert_children(conn, [s])
    else:
        insert_sessions(conn, [s])


def insert_sessions(conn: sqlite3.Connection, sessions: Sequence[Session]) -> None:
    """New sessions and all their children: one statement a table for all of them."""
    conn.executemany(SESSIONS.insert(), map(SESSIONS.row, sessions))
    _insert_children(conn, sessions)


def _insert_children(conn: sqlite3.Connection, sessions: Sequence[Session]) -> None:
    conn.executemany(INSERT_TAG, [row for s in sessions for row in tag_rows(s.id, s.tags)])
    conn.executemany(
        ANSWERS.insert(),
        [(*ANSWERS.row(a, s.id), i) for s in sessions for i, a in enumerate(s.answers)],
    )
    conn.executemany(
        RATINGS.insert(),
        [(*RATINGS.row(r, s.id), i) for s in sessions for i, r in enumerate(s.ratings)],
    )
