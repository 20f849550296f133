"""Journal export and import: records <-> a versioned JSON document (Markdown: markdown.py).

JSON export is full fidelity: importing it into a fresh journal and exporting
again gives the same bytes. Import checks the whole file first (every problem
as `file:line:col: field: message`) and builds records only if all is well; for
`journal import`, sessions and experiments surely valid (import_check.py) stay as
json read them and are written straight into rows (import_rows.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from belonging_cli.errors import ContentError, Problem
from belonging_cli.journal.import_decode import Located, decode
from belonging_cli.located import decode_text
from belonging_cli.records import Assignment, Experiment, Goal, JournalData, Session

if TYPE_CHECKING:
    from belonging_cli.feedback.round import FeedbackRound
    from belonging_cli.journal.import_check import QuickCheck

FORMAT = "belonging-journal"
FORMAT_VERSION = 1

# Characters JSON may carry raw but YAML (used to locate problems) refuses, or counts
# as line breaks (NEL, LS, PS): escaping them keeps the file valid JSON that every
# tool reads the same way, with the same line numbers.
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _time(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


# The export's fields of a session, a rating and an answer, in the order it writes
# them: one list for the export from records (here) and from rows (export_rows.py).
SESSION_KEYS = (
    "id",
    "flow_id",
    "rubric_id",
    "rubric_version",
    "week",
    "status",
    "started_at",
    "completed_at",
    "focus_behaviour_id",
    "assignment_id",
)
RATING_KEYS = ("behaviour_id", "level", "rated_at", "evidence", "evidence_private")
ANSWER_KEYS = (
    "step_id",
    "kind",
    "value",
    "answered_at",
    "prompt_id",
    "behaviour_id",
    "private",
    "question",
    "role",
)
RECORD_LISTS = ("sessions", "experiments", "assignments", "goals", "feedback_rounds")


def _fields(record: object, keys: tuple[str, ...]) -> dict[str, Any]:
    data = {key: getattr(record, key) for key in keys}
    for key, value in data.items():
        if isinstance(value, dt.datetime):
            data[key] = value.isoformat()
    return data


def session_dict(s: Session) -> dict[str, Any]:
    return {
        **_fields(s, SESSION_KEYS),
        "tags": list(s.tags),
        "ratings": [_fields(r, RATING_KEYS) for r in s.ratings],
        "answers": [_fields(a, ANSWER_KEYS) for a in s.answers],
    }


def plain_record(record: Experiment | Assignment | Goal) -> dict[str, Any]:
    # Not dataclasses.asdict: it deep-copies every value, a third of the export's time.
    data = {name: getattr(record, name) for name in record.__dataclass_fields__}
    for key, value in data.items():
        if isinstance(value, (dt.datetime, dt.date)):
            data[key] = value.isoformat()
    return data


def to_document(data: JournalData) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "sessions": [session_dict(s) for s in data.sessions],
        "experiments": [plain_record(e) for e in data.experiments],
        "assignments": [plain_record(a) for a in data.assignments],
        "goals": [plain_record(g) for g in data.goals],
        "feedback_rounds": [round_dict(r) for r in data.feedback_rounds],
    }


def round_dict(round: FeedbackRound) -> dict[str, Any]:
    """A round as its id, when it was imported and its (already anonymous) aggregate."""
    from belonging_cli.feedback.round import to_aggregate

    return {
        "id": round.id,
        "imported_at": _time(round.imported_at),
        "aggregate": to_aggregate(round),
    }


def export_json(data: JournalData) -> str:
    """The whole journal as stable UTF-8 JSON (`export_chunks`), from its records."""
    from belonging_cli._gc import collector_paused

    with collector_paused():
        document = to_document(data)
    return "".join(export_chunks({name: document[name] for name in RECORD_LISTS}))


def export_chunks(lists: Mapping[str, Iterable[dict[str, Any]]]) -> Iterator[str]:
    """The export's text in pieces, one record a line (one trailing newline), written
    as `lists` (each of RECORD_LISTS) yields its records.

    One record a line keeps the file diffable and its problems easy to find, and
    lets json use its C encoder (`indent` forces the ~10x slower Python one).
    """

    def dumps(value: Any) -> str:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
        return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)

    yield f'{{\n  "format": {dumps(FORMAT)},\n  "format_version": {FORMAT_VERSION}'
    for name in RECORD_LISTS:
        before = f',\n  "{name}": [\n    '  # before the first record, then between two
        empty = True
        for record in lists[name]:
            yield f"{before}{dumps(record)}"
            before, empty = ",\n    ", False
        yield f',\n  "{name}": []' if empty else "\n  ]"
    yield "\n}\n"


# ---------------------------------------------------------------------------
# Import: check everything, then build records.


@dataclass(frozen=True)
class KnownIds:
    """Ids already in the journal an import may refer to."""

    sessions: frozenset[str] = frozenset()
    assignments: frozenset[str] = frozenset()


def parse_export(text: str, path: str, known: KnownIds | None = None) -> JournalData:
    """Read an export (JSON text) into records, or raise every problem found."""
    from belonging_cli._gc import collector_paused

    with collector_paused():
        located = Located(path, text)
        return _records(_header(decode(located), located), located, known or KnownIds())


def _records(raw: dict[str, Any], located: Located, known: KnownIds) -> JournalData:
    """The export's records, checked by the models (importing.py), or every problem."""
    from pydantic import ValidationError

    from belonging_cli.content.validation import problems_from
    from belonging_cli.journal.importing import ExportFile

    try:
        model = ExportFile.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(problems_from(exc, located.doc(), ExportFile)) from None
    data = model.to_records()
    _cross_check(data, known, located)
    if located.problems:
        raise ContentError(located.problems)
    return data


def read_export(path: Path, known: KnownIds | None = None) -> JournalData:
    """Read and check an export file; every failure is a ContentError."""
    name = str(path)
    return parse_export(_read_text(path), name, known)


def read_for_import(path: Path, known: KnownIds) -> QuickCheck | JournalData:
    """An export file checked for `journal import`: its sessions and experiments as json
    read them when they are surely valid (import_check.py), else records from the
    models; every failure is a ContentError, as `read_export` raises it."""
    from belonging_cli._gc import collector_paused
    from belonging_cli.journal.import_check import has_rest, quick_check

    name = str(path)
    with collector_paused():
        located = Located(name, _read_text(path))
        raw = _header(decode(located), located)
        # The text is as big as the file, and only the models' problems need it: read
        # again for them, a file that may have changed since read whole again.
        del located
        checked = quick_check(raw, known)
        if checked is not None and has_rest(raw):
            # Assignments, goals and rounds are few, with checks of their own: the models'.
            rest = {**raw, "sessions": [], "experiments": []}
            try:
                checked.rest = _records(rest, Located(name, ""), known)
            except ContentError:
                checked = None
        if checked is not None:
            return checked
        del raw
        return parse_export(_read_text(path), name, known)  # every problem, at its place


def _read_text(path: Path) -> str:
    from belonging_cli.content.source import read_bytes

    name = str(path)
    raw = read_bytes(path)
    if raw.startswith(b"SQLite format 3\x00"):
        raise ContentError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    "this is a journal database, not an export "
                    "(use `belonging journal restore` for backups)",
                )
            ]
        )
    return decode_text(raw, name)


def _header(raw: object, located: Located) -> dict[str, Any]:
    """The export's top level, refused whole if it is not a journal export we can read."""
    if not isinstance(raw, dict):
        from belonging_cli.content.source import type_name

        located.add((), f"expected a journal export (a JSON object), found {type_name(raw)}")
        raise ContentError(located.problems)
    if raw.get("format") != FORMAT:
        located.add(("format",), f"not a belonging journal export (expected format {FORMAT!r})")
        raise ContentError(located.problems)
    version = raw.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        located.add(
            ("format_version",),
            f"written by a newer belonging (format {version}; this one reads up to "
            f"{FORMAT_VERSION}): upgrade belonging to import it",
        )
        raise ContentError(located.problems)
    return raw


def _cross_check(data: JournalData, known: KnownIds, located: Located) -> None:
    """Rules that span records: unique ids, references that lead somewhere."""
    session_ids: set[str] = set()
    for i, s in enumerate(data.sessions):
        if s.id in session_ids:
            located.add(("sessions", i, "id"), f"session id {s.id} appears twice")
        session_ids.add(s.id)
        for kind, ids in (
            ("answers", [a.step_id for a in s.answers]),
            ("ratings", [r.behaviour_id for r in s.ratings]),
        ):
            seen: set[str] = set()
            for j, key in enumerate(ids):
                what = "step_id" if kind == "answers" else "behaviour_id"
                if key in seen:
                    located.add(("sessions", i, kind, j, what), f"{key!r} appears twice")
                seen.add(key)
    assignment_ids: set[str] = set()
    for i, a in enumerate(data.assignments):
        if a.id in assignment_ids:
            located.add(("assignments", i, "id"), f"assignment id {a.id!r} appears twice")
        assignment_ids.add(a.id)
    for i, s in enumerate(data.sessions):
        if s.assignment_id and s.assignment_id not in assignment_ids | known.assignments:
            located.add(
                ("sessions", i, "assignment_id"),
                f"no assignment {s.assignment_id!r} in the file or the journal",
            )
    goal_ids: set[str] = set()
    for i, g in enumerate(data.goals):
        if g.id in goal_ids:
            located.add(("goals", i, "id"), f"goal id {g.id} appears twice")
        goal_ids.add(g.id)
    experiment_ids: set[str] = set()
    reachable = session_ids | known.sessions
    for i, e in enumerate(data.experiments):
        if e.id in experiment_ids:
            located.add(("experiments", i, "id"), f"experiment id {e.id} appears twice")
        experiment_ids.add(e.id)
        for ref in ("created_session_id", "reviewed_session_id"):
            target = getattr(e, ref)
            if target and target not in reachable:
                located.add(
                    ("experiments", i, ref), f"no session {target} in the file or the journal"
                )
