"""The journal store: the only code that speaks SQL.

One SQLite file in rollback-journal mode with `synchronous=FULL`: a commit is on
disk when it returns, and the file is a single file that backup and restore can
copy. Every write is one `BEGIN IMMEDIATE` transaction (it waits for another
writer, up to the busy timeout, instead of failing with "database is locked");
every multi-query read runs inside one read transaction so it sees one state.

Times are stored as ISO 8601 text with the user's offset, exactly as given, plus
a UTC copy for ordering. Answer values are stored as JSON.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from belonging_cli.errors import JournalError
from belonging_cli.journal.conflicts import NotADraft, SessionChanged
from belonging_cli.journal.safekeeping import (
    backup_path as _backup_path,
)
from belonging_cli.journal.safekeeping import (
    copy_database,
    create_private_file,
    keep_private,
    remove_if_blank,
)
from belonging_cli.journal.schema import (
    APPLICATION_ID,
    LATEST_VERSION,
    MIGRATIONS,
    SQLITE_MAGIC,
)
from belonging_cli.records import (
    Answer,
    Assignment,
    Experiment,
    JournalData,
    Rating,
    Session,
)

if TYPE_CHECKING:
    from belonging_cli.journal.exchange import KnownIds

BUSY_TIMEOUT_SECONDS = 15.0
UPGRADE_HINT = "upgrade belonging (python3 -m pip install -U belonging-cli) to open it"


class _Unset:
    """The type of UNSET (a plain class: defining an Enum costs import time)."""

    def __repr__(self) -> str:
        return "UNSET"


# "Leave this field as it is" for `update_session`, where None means "clear it".
UNSET = _Unset()


class SessionSummary(NamedTuple):
    """One line of `journal list`: a session without its answers (a NamedTuple: cheap to
    define, and `journal list` is on a latency budget)."""

    id: str
    started_at: dt.datetime
    week: str
    flow_id: str
    status: str
    focus_behaviour_id: str | None
    average_rating: float | None
    tags: tuple[str, ...]


class ImportCounts(NamedTuple):
    """What an import added; records whose id was already there are skipped."""

    sessions: int = 0
    experiments: int = 0
    assignments: int = 0
    skipped: int = 0

    @property
    def added(self) -> int:
        return self.sessions + self.experiments + self.assignments


# ---------------------------------------------------------------------------
# Opening: recognise the file, refuse what is not ours, migrate what is old.


@contextlib.contextmanager
def open_journal(path: Path | None = None) -> Iterator[Journal]:
    """Open (creating and migrating as needed) the journal at `path` (default: in use)."""
    journal = Journal.open(path)
    try:
        yield journal
    finally:
        journal.close()


def inspect_file(path: Path) -> int | None:
    """The schema version of the journal at `path`; None for an empty file.

    Reads only the 100-byte SQLite header, so nothing is opened or changed:
    raises JournalError for anything that is not one of our journals, or is
    from a newer version of the tool.
    """
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except IsADirectoryError:
        raise JournalError(f"{path} is a folder, not a journal file") from None
    except OSError as exc:
        raise JournalError(f"cannot read {path}: {exc.strerror}") from None
    if not head:
        return None
    if not head.startswith(SQLITE_MAGIC) or len(head) < 100:
        raise not_a_journal(path, "it is not an SQLite database, or it is truncated")
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        raise not_a_journal(path, "it is another program's SQLite database")
    version = int.from_bytes(head[60:64], "big")
    if version > LATEST_VERSION:
        raise JournalError(
            f"{path} was written by a newer version of belonging (journal version "
            f"{version}; this version reads up to {LATEST_VERSION}); nothing was changed",
            hint=UPGRADE_HINT,
        )
    return version


def _inspect_settled(path: Path) -> int | None:
    """`inspect_file`, waiting out another process that is writing the file right now.

    The header is read without SQLite's locks, so while another belonging creates
    the journal it can look half-written; its rollback journal (`-journal`) shows
    a write in progress. Only then is it worth asking again.
    """
    in_progress = path.with_name(path.name + "-journal")
    deadline = time.monotonic() + 2.0
    while True:
        try:
            return inspect_file(path)
        except JournalError:
            if not in_progress.exists() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _opening_error(exc: BaseException, path: Path, stage: str) -> BaseException:
    """What to tell the user when opening failed at `stage` (open, back up, upgrade...)."""
    if isinstance(exc, JournalError) or not isinstance(exc, (sqlite3.Error, OSError)):
        return exc
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return JournalError(
            f"the journal {path} is busy (another belonging is writing to it)",
            hint="try again in a moment",
        )
    if isinstance(exc, OSError):
        return JournalError(f"cannot {stage} the journal {path}: {exc.strerror or exc}")
    refused = _refused_write(text, path)
    if refused is not None:
        return refused
    if stage == "open":
        return not_a_journal(path, f"SQLite says: {text}")
    return JournalError(
        f"could not {stage} the journal {path}: {text}; the journal was left as it was",
        hint="please report this, with the output of `belonging --version`",
    )


def _refused_write(text: str, path: Path) -> JournalError | None:
    """The disk or the file refused a write (SQLite's words in `text`), said plainly."""
    if "readonly" in text:
        return JournalError(
            f"the journal {path} is read-only, so nothing more could be saved",
            hint="make it and its folder writable for you, or pass another path with --home",
        )
    if "full" in text:
        return JournalError(
            f"the disk holding the journal {path} is full, so nothing more could be saved",
            hint="free some space, then run the command again",
        )
    if "I/O error" in text:
        return JournalError(
            f"the journal {path} could not be written ({text}), so nothing more was saved",
            hint="check that its disk has space and is writable, then run the command again",
        )
    return None


def not_a_journal(path: Path, why: str) -> JournalError:
    return JournalError(
        f"{path} is not a belonging journal ({why}); it was left untouched",
        hint="move it aside or pass another path with --home",
    )


def _connect(path: Path) -> sqlite3.Connection:
    # mode=rw: SQLite must never create a file; we create it with the right mode.
    uri = path.resolve().as_uri() + "?mode=rw"
    conn = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,  # we issue BEGIN/COMMIT ourselves
        check_same_thread=False,
    )
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def migrate(conn: sqlite3.Connection, path: Path, *, upto: int = LATEST_VERSION) -> None:
    """Bring the schema to version `upto`.

    A blank file gets every migration in one transaction, so no other process
    ever sees a half-created journal (and mistakes it for an old one). An
    existing journal takes each missing migration in its own transaction; the
    version is re-read inside each, as another process may have migrated it.
    """
    if conn.execute("PRAGMA user_version").fetchone()[0] >= upto:
        return  # the usual case: no write lock needed just to open the journal
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current >= upto:
                conn.execute("COMMIT")
                return
            if current == 0:
                _require_blank(conn, path)
            steps = range(1, upto + 1) if current == 0 else range(current + 1, current + 2)
            for step in steps:
                for statement in _statements(MIGRATIONS[step - 1]):
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {steps[-1]}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite rolls back by itself on a full disk
                conn.execute("ROLLBACK")
            raise


def _require_blank(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id not in (0, APPLICATION_ID) or tables:
        raise not_a_journal(path, "it already holds other tables")


# ---------------------------------------------------------------------------
# Converting between records and rows.


def _iso(value: dt.datetime) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"the journal stores timezone-aware times only, got {value!r}")
    return value.isoformat()


def _iso_or_none(value: dt.datetime | None) -> str | None:
    return None if value is None else _iso(value)


def _utc_key(value: dt.datetime) -> str:
    """Fixed-width UTC text: sorts the same as the instants it names."""
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_parse = dt.datetime.fromisoformat


def _parse_or_none(text: str | None) -> dt.datetime | None:
    return None if text is None else _parse(text)


SESSION_COLUMNS = (
    "id, flow_id, rubric_id, rubric_version, started_at, week, status, completed_at, "
    "focus_behaviour_id, assignment_id"
)
ANSWER_COLUMNS = (
    "session_id, step_id, kind, value_json, answered_at, prompt_id, behaviour_id, private, question"
)
RATING_COLUMNS = "session_id, behaviour_id, level, rated_at, evidence, evidence_private"
EXPERIMENT_FIELDS = (
    "id",
    "behaviour_id",
    "title",
    "week",
    "created_at",
    "created_session_id",
    "rubric_experiment_id",
    "minutes",
    "signal",
    "status",
    "outcome",
    "happened",
    "learned",
    "reviewed_at",
    "reviewed_session_id",
    "private",
)
ASSIGNMENT_FIELDS = (
    "id",
    "pack_id",
    "pack_version",
    "exercise_id",
    "behaviour_id",
    "title",
    "instructions",
    "imported_at",
    "due",
    "cadence_weeks",
    "minutes",
    "status",
    "coach",
    "questions_json",
    "completed_at",
    "times_done",
)


def _session_row(s: Session) -> tuple[Any, ...]:
    return (
        s.id,
        s.flow_id,
        s.rubric_id,
        s.rubric_version,
        s.week,
        s.status,
        _iso(s.started_at),
        _utc_key(s.started_at),
        s.started_at.date().isoformat(),
        _iso_or_none(s.completed_at),
        s.focus_behaviour_id,
        s.assignment_id,
    )


def _answer_row(session_id: str, a: Answer) -> tuple[Any, ...]:
    return (
        session_id,
        a.step_id,
        a.kind,
        json.dumps(a.value, ensure_ascii=False),
        _iso(a.answered_at),
        a.prompt_id,
        a.behaviour_id,
        int(a.private),
        a.question,
    )


def _rating_row(session_id: str, r: Rating) -> tuple[Any, ...]:
    return (
        session_id,
        r.behaviour_id,
        r.level,
        _iso(r.rated_at),
        r.evidence,
        int(r.evidence_private),
    )


def _experiment_row(e: Experiment) -> tuple[Any, ...]:
    return (
        e.id,
        e.behaviour_id,
        e.title,
        e.week,
        _iso(e.created_at),
        e.created_session_id,
        e.rubric_experiment_id,
        e.minutes,
        e.signal,
        e.status,
        e.outcome,
        e.happened,
        e.learned,
        _iso_or_none(e.reviewed_at),
        e.reviewed_session_id,
        int(e.private),
        _utc_key(e.created_at),
    )


def _experiment_from(row: Sequence[Any]) -> Experiment:
    return Experiment(
        row[0],
        row[1],
        row[2],
        row[3],
        _parse(row[4]),
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
        row[11],
        row[12],
        _parse_or_none(row[13]),
        row[14],
        bool(row[15]),
    )


def _assignment_row(a: Assignment) -> tuple[Any, ...]:
    return (
        a.id,
        a.pack_id,
        a.pack_version,
        a.exercise_id,
        a.behaviour_id,
        a.title,
        a.instructions,
        _iso(a.imported_at),
        None if a.due is None else a.due.isoformat(),
        a.cadence_weeks,
        a.minutes,
        a.status,
        a.coach,
        a.questions_json,
        _iso_or_none(a.completed_at),
        a.times_done,
    )


def _assignment_from(row: Sequence[Any]) -> Assignment:
    return Assignment(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        _parse(row[7]),
        None if row[8] is None else dt.date.fromisoformat(row[8]),
        row[9],
        row[10],
        row[11],
        row[12],
        row[13],
        _parse_or_none(row[14]),
        row[15],
    )


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


_EXPERIMENT_INSERT = (
    f"INSERT INTO experiments ({', '.join(EXPERIMENT_FIELDS)}, created_utc) "
    f"VALUES ({_placeholders(len(EXPERIMENT_FIELDS) + 1)})"
)
_EXPERIMENT_UPSERT = (
    _EXPERIMENT_INSERT
    + " ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{f} = excluded.{f}" for f in (*EXPERIMENT_FIELDS[1:], "created_utc"))
)
_ASSIGNMENT_INSERT = (
    f"INSERT INTO assignments ({', '.join(ASSIGNMENT_FIELDS)}) "
    f"VALUES ({_placeholders(len(ASSIGNMENT_FIELDS))})"
)
_ASSIGNMENT_UPSERT = (
    _ASSIGNMENT_INSERT
    + " ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{f} = excluded.{f}" for f in ASSIGNMENT_FIELDS[1:])
)
_SESSION_INSERT = (
    "INSERT INTO sessions (id, flow_id, rubric_id, rubric_version, week, status, started_at, "
    "started_utc, started_day, completed_at, focus_behaviour_id, assignment_id) "
    f"VALUES ({_placeholders(12)})"
)
_SESSION_UPSERT = (
    _SESSION_INSERT
    + " ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(
        f"{f} = excluded.{f}"
        for f in (
            "flow_id",
            "rubric_id",
            "rubric_version",
            "week",
            "status",
            "started_at",
            "started_utc",
            "started_day",
            "completed_at",
            "focus_behaviour_id",
            "assignment_id",
        )
    )
)
_ANSWER_INSERT = (
    "INSERT INTO answers (session_id, step_id, kind, value_json, answered_at, prompt_id, "
    "behaviour_id, private, question, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_ANSWER_UPSERT = (
    "INSERT INTO answers (session_id, step_id, kind, value_json, answered_at, prompt_id, "
    "behaviour_id, private, question, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "(SELECT coalesce(max(position) + 1, 0) FROM answers WHERE session_id = ?)) "
    "ON CONFLICT (session_id, step_id) DO UPDATE SET kind = excluded.kind, "
    "value_json = excluded.value_json, answered_at = excluded.answered_at, "
    "prompt_id = excluded.prompt_id, behaviour_id = excluded.behaviour_id, "
    "private = excluded.private, question = excluded.question"
)
_RATING_INSERT = (
    "INSERT INTO ratings (session_id, behaviour_id, level, rated_at, evidence, "
    "evidence_private, position) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_RATING_UPSERT = (
    "INSERT INTO ratings (session_id, behaviour_id, level, rated_at, evidence, "
    "evidence_private, position) VALUES (?, ?, ?, ?, ?, ?, "
    "(SELECT coalesce(max(position) + 1, 0) FROM ratings WHERE session_id = ?)) "
    "ON CONFLICT (session_id, behaviour_id) DO UPDATE SET level = excluded.level, "
    "rated_at = excluded.rated_at, evidence = excluded.evidence, "
    "evidence_private = excluded.evidence_private"
)


# ---------------------------------------------------------------------------
# The journal.


class Journal:
    """An open journal file. Use `open_journal()`; close it when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None) -> Journal:
        from belonging_cli import paths

        default_location = path is None
        path = paths.journal_path() if path is None else path
        created = not path.exists() and create_private_file(path, default_location)
        version = _inspect_settled(path)
        conn: sqlite3.Connection | None = None
        stage = "open"
        try:
            conn = _connect(path)
            _check_readable(conn, path)
            if version is not None:
                keep_private(path)
            if version is not None and 0 < version < LATEST_VERSION:
                stage = "back up"
                copy_database(conn, _backup_path(path, f"v{version}"))
            stage = "upgrade" if version else "create"
            migrate(conn, path)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if created:
                remove_if_blank(path)
            raise _opening_error(exc, path, stage) from None
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction that waits for other writers instead of failing."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._busy(exc) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.IntegrityError as exc:
            conn.execute("ROLLBACK")
            raise JournalError(f"the journal refused the change: {exc}") from None
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise self._busy(exc) from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """Several queries that see one consistent state of the file."""
        conn = self._conn
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise self._busy(exc) from None

    def _busy(self, exc: sqlite3.OperationalError) -> JournalError:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return JournalError(
                f"the journal {self.path} is busy: another belonging has been writing to it "
                f"for over {BUSY_TIMEOUT_SECONDS:.0f} s",
                hint="try again in a moment",
            )
        return _refused_write(text, self.path) or JournalError(
            f"the journal {self.path} could not be used: {text}"
        )

    # -- writes ---------------------------------------------------------------

    def create_session(self, session: Session) -> None:
        """Store a new session with the answers, ratings and tags it carries."""
        with self._writing() as conn:
            if _exists(conn, "sessions", session.id):
                raise JournalError(f"a session with id {session.id} already exists")
            _insert_session(conn, session, upsert=False)

    def save_answer(self, session_id: str, answer: Answer) -> None:
        """Save (or replace) the answer to one step of a draft, the moment it is given."""
        with self._writing() as conn:
            _require_draft(conn, session_id)
            conn.execute(_ANSWER_UPSERT, (*_answer_row(session_id, answer), session_id))

    def save_rating(self, session_id: str, rating: Rating) -> None:
        """Save (or replace) the rating of one behaviour in a draft."""
        with self._writing() as conn:
            _require_draft(conn, session_id)
            conn.execute(_RATING_UPSERT, (*_rating_row(session_id, rating), session_id))

    def update_session(
        self,
        session_id: str,
        *,
        focus_behaviour_id: str | _Unset | None = UNSET,
        tags: Sequence[str] | _Unset = UNSET,
        week: str | _Unset = UNSET,
    ) -> None:
        """Change the focus, tags or week of a draft; UNSET leaves a field as it is."""
        with self._writing() as conn:
            _require_draft(conn, session_id)
            if not isinstance(focus_behaviour_id, _Unset):
                conn.execute(
                    "UPDATE sessions SET focus_behaviour_id = ? WHERE id = ?",
                    (focus_behaviour_id, session_id),
                )
            if not isinstance(week, _Unset):
                conn.execute("UPDATE sessions SET week = ? WHERE id = ?", (week, session_id))
            if not isinstance(tags, _Unset):
                conn.execute("DELETE FROM session_tags WHERE session_id = ?", (session_id,))
                _insert_tags(conn, session_id, tags)

    def complete_session(self, session_id: str, completed_at: dt.datetime) -> None:
        """Complete a draft; refused (NotADraft) if another terminal completed it first."""
        with self._writing() as conn:
            _require_draft(conn, session_id)
            conn.execute(
                "UPDATE sessions SET status = 'complete', completed_at = ? "
                "WHERE id = ? AND status = 'draft'",
                (_iso(completed_at), session_id),
            )

    def add_experiment(self, experiment: Experiment) -> None:
        with self._writing() as conn:
            if _exists(conn, "experiments", experiment.id):
                raise JournalError(f"an experiment with id {experiment.id} already exists")
            conn.execute(_EXPERIMENT_INSERT, _experiment_row(experiment))

    def update_experiment(self, experiment: Experiment) -> None:
        """Replace the stored experiment with the same id (to review or close it)."""
        with self._writing() as conn:
            if not _exists(conn, "experiments", experiment.id):
                raise JournalError(f"no experiment with id {experiment.id}")
            conn.execute(_EXPERIMENT_UPSERT, _experiment_row(experiment))

    def save_whole_session(
        self,
        session: Session,
        experiments: Sequence[Experiment],
        *,
        assignment: Assignment | None = None,
    ) -> None:
        """Store a session as given (replacing any draft of it) and its experiments, at once.

        A coach's exercise passes its `assignment` as doing it left it (done once
        more): it is written in the same transaction, so the exercise never counts
        as done without its answers, nor its answers saved without counting.

        Only a draft is replaced: if another terminal completed it meanwhile, nothing
        is written (NotADraft), so neither its answers nor its experiments land twice.
        """
        with self._writing() as conn:
            status = _status(conn, session.id)
            if status is not None and status != "draft":
                raise NotADraft(session.id, status)
            _insert_session(conn, session, upsert=True)
            conn.executemany(_EXPERIMENT_UPSERT, [_experiment_row(e) for e in experiments])
            if assignment is not None:
                conn.execute(_ASSIGNMENT_UPSERT, _assignment_row(assignment))

    def replace_session(self, session: Session, *, expected: Session) -> None:
        """Overwrite a session, its answers, ratings and tags (after an edit of `expected`).

        Refused (SessionChanged) unless the journal still holds `expected` exactly,
        checked inside the write: an edit never overwrites what another terminal
        wrote since it was read. Its status and completion time are never changed.
        """
        with self._writing() as conn:
            found = _load_sessions(conn, "s.id = ?", [session.id])
            if not found or _stored_form(found[0]) != _stored_form(expected):
                raise SessionChanged(session.id, deleted=not found)
            kept = replace(session, status=found[0].status, completed_at=found[0].completed_at)
            _insert_session(conn, kept, upsert=True)

    def delete_session(self, session_id: str) -> None:
        """Delete a session, its answers, ratings, tags and the experiments it set."""
        with self._writing() as conn:
            deleted = conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount
            if not deleted:
                raise JournalError(f"no session with id {session_id}")

    def upsert_assignment(self, assignment: Assignment) -> None:
        self.upsert_assignments([assignment])

    def upsert_assignments(self, assignments: Iterable[Assignment]) -> None:
        """Add or replace these assignments in one transaction: all of them, or none."""
        with self._writing() as conn:
            for assignment in assignments:
                conn.execute(_ASSIGNMENT_UPSERT, _assignment_row(assignment))

    def import_data(self, data: JournalData) -> ImportCounts:
        """Add what is not there yet, in one transaction; known ids are skipped."""
        added = {"sessions": 0, "experiments": 0, "assignments": 0}
        skipped = 0
        with self._writing() as conn:
            for a in data.assignments:
                if _exists(conn, "assignments", a.id):
                    skipped += 1
                else:
                    conn.execute(_ASSIGNMENT_INSERT, _assignment_row(a))
                    added["assignments"] += 1
            for s in data.sessions:
                if _exists(conn, "sessions", s.id):
                    skipped += 1
                else:
                    _insert_session(conn, s, upsert=False)
                    added["sessions"] += 1
            for e in data.experiments:
                if _exists(conn, "experiments", e.id):
                    skipped += 1
                else:
                    conn.execute(_EXPERIMENT_INSERT, _experiment_row(e))
                    added["experiments"] += 1
        return ImportCounts(skipped=skipped, **added)

    def restore_from(self, source: Path) -> Path:
        """Replace this journal's contents with the journal at `source`.

        `source` is checked first (and never written); a copy of what is
        replaced is kept beside the journal and its path returned.
        """
        if source.resolve() == self.path.resolve():
            raise JournalError(f"{source} is the journal itself; restore from a backup copy")
        version = inspect_file(source)
        if version is None:
            raise not_a_journal(source, "it is empty")
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            try:
                _check_readable(src, source)
                if src.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise not_a_journal(source, "it is damaged")
            except sqlite3.DatabaseError as exc:
                raise not_a_journal(source, f"SQLite says: {exc}") from None
            kept = _backup_path(self.path, "before-restore")
            try:
                copy_database(self._conn, kept)
            except (OSError, sqlite3.Error) as exc:
                raise JournalError(
                    f"cannot keep a copy of the journal before restoring: {exc}; nothing changed"
                ) from None
            try:
                src.backup(self._conn)  # one transaction: all of it, or the journal as it was
                # A backup in WAL mode would bring its mode along: the journal stays one file.
                self._conn.execute("PRAGMA journal_mode = DELETE")
                migrate(self._conn, self.path)
            except sqlite3.Error as exc:
                text = str(exc)
                raise _refused_write(text, self.path) or JournalError(
                    f"could not restore {source}: {text}"
                ) from None
        finally:
            src.close()
        return kept

    def backup_to(self, target: Path) -> Path:
        """A consistent private copy of the journal at `target` (which must not exist)."""
        from belonging_cli.files import refuse_own_file

        refuse_own_file(target, new_backup=True)  # a copy named journal.db-wal would be read
        if target.exists():
            raise JournalError(f"{target} already exists; choose another file")
        try:
            return copy_database(self._conn, target)
        except OSError as exc:
            raise JournalError(f"cannot write {target}: {exc.strerror}") from None
        except sqlite3.Error as exc:
            raise JournalError(f"cannot write {target}: {exc}") from None

    def backup_path(self) -> Path:
        """Where `backup` writes by default: beside the journal, stamped with the time."""
        return _backup_path(self.path, "backup")

    # -- reads ------------------------------------------------------------------

    def session(self, id_or_prefix: str) -> Session:
        """The session with this id, or the only one whose id starts with it."""
        key = id_or_prefix.strip().lower()
        if not key:
            raise JournalError("give a session id (or its first few characters)")
        with self._reading() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM sessions WHERE id = ?", (key,))]
            if not ids:
                ids = [
                    r[0]
                    for r in conn.execute(
                        "SELECT id FROM sessions WHERE substr(id, 1, ?) = ? "
                        "ORDER BY started_utc DESC, id DESC",
                        (len(key), key),
                    )
                ]
            if not ids:
                raise JournalError(
                    f"no session with an id starting {id_or_prefix.strip()!r}",
                    hint="see `belonging journal list`",
                )
            if len(ids) > 1:
                shown = ", ".join(ids[:10]) + (
                    f" and {len(ids) - 10} more" if len(ids) > 10 else ""
                )
                raise JournalError(
                    f"{id_or_prefix.strip()!r} matches {len(ids)} sessions: {shown}",
                    hint="give more characters of the id",
                )
            return _load_sessions(conn, "s.id = ?", [ids[0]])[0]

    def sessions(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        behaviour: str | None = None,
        tag: str | None = None,
        status: str | None = "complete",
        limit: int | None = None,
    ) -> list[Session]:
        """Sessions newest first, with answers and ratings; `status=None` for all.

        `since`/`until` are inclusive days as the user lived them; `behaviour`
        matches the focus behaviour or any answer about that behaviour.
        """
        where, params = _session_filter(since, until, behaviour, tag, status)
        with self._reading() as conn:
            return _load_sessions(conn, where, params, newest_first=True, limit=limit)

    def summaries(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        behaviour: str | None = None,
        tag: str | None = None,
        status: str | None = "complete",
        limit: int | None = None,
    ) -> list[SessionSummary]:
        """What `journal list` shows, newest first, without loading answers (same filters)."""
        where, params = _session_filter(since, until, behaviour, tag, status)
        if limit is not None:
            params.append(max(limit, 0))
        query = (
            "SELECT s.id, s.started_at, s.week, s.flow_id, s.status, s.focus_behaviour_id, "
            "(SELECT avg(level) FROM ratings r WHERE r.session_id = s.id), "
            "(SELECT json_group_array(tag) FROM (SELECT tag FROM session_tags t "
            "WHERE t.session_id = s.id ORDER BY position)) "
            f"FROM sessions s WHERE {where} ORDER BY s.started_utc DESC, s.id DESC"
            + (" LIMIT ?" if limit is not None else "")
        )
        with self._reading() as conn:
            rows = conn.execute(query, params).fetchall()
        return [
            SessionSummary(
                r[0], _parse(r[1]), r[2], r[3], r[4], r[5], r[6], tuple(json.loads(r[7]))
            )
            for r in rows
        ]

    def drafts(self) -> list[Session]:
        return self.sessions(status="draft")

    def experiments(self, status: str | None = None) -> list[Experiment]:
        """Experiments oldest first, optionally only those with `status`."""
        where, params = ("WHERE status = ?", [status]) if status is not None else ("", [])
        with self._reading() as conn:
            return [
                _experiment_from(row)
                for row in conn.execute(
                    f"SELECT {', '.join(EXPERIMENT_FIELDS)} FROM experiments {where} "
                    "ORDER BY created_utc, id",
                    params,
                )
            ]

    def session_experiments(self, session_id: str) -> tuple[list[Experiment], list[Experiment]]:
        """The experiments a session set, and those it reviewed."""
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {', '.join(EXPERIMENT_FIELDS)} FROM experiments "
                "WHERE created_session_id = ? OR reviewed_session_id = ? ORDER BY created_utc, id",
                (session_id, session_id),
            ).fetchall()
        found = [_experiment_from(r) for r in rows]
        return (
            [e for e in found if e.created_session_id == session_id],
            [e for e in found if e.reviewed_session_id == session_id],
        )

    def assignments(self) -> list[Assignment]:
        with self._reading() as conn:
            return _load_assignments(conn)

    def assignment(self, assignment_id: str) -> Assignment:
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {', '.join(ASSIGNMENT_FIELDS)} FROM assignments WHERE id = ?",
                (assignment_id,),
            ).fetchone()
        if row is None:
            raise JournalError(f"no assignment {assignment_id!r} in the journal")
        return _assignment_from(row)

    def load_all(self) -> JournalData:
        """Everything, oldest first: sessions of every status, experiments, assignments."""
        with self._reading() as conn:
            sessions = _load_sessions(conn, "1", [], newest_first=False)
            experiments = [
                _experiment_from(row)
                for row in conn.execute(
                    f"SELECT {', '.join(EXPERIMENT_FIELDS)} FROM experiments "
                    "ORDER BY created_utc, id"
                )
            ]
            assignments = _load_assignments(conn)
        return JournalData(tuple(sessions), tuple(experiments), tuple(assignments))

    def known_ids(self) -> KnownIds:
        """The ids an import may refer to without carrying them itself."""
        from belonging_cli.journal.exchange import KnownIds

        with self._reading() as conn:
            sessions = frozenset(r[0] for r in conn.execute("SELECT id FROM sessions"))
            assignments = frozenset(r[0] for r in conn.execute("SELECT id FROM assignments"))
        return KnownIds(sessions, assignments)

    def count_sessions(self) -> int:
        with self._reading() as conn:
            return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])


# ---------------------------------------------------------------------------
# Helpers working inside a transaction.


def _check_readable(conn: sqlite3.Connection, path: Path) -> None:
    """Make SQLite read the header and schema: a damaged or truncated file fails here."""
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.execute("COMMIT")
    if app_id not in (0, APPLICATION_ID):
        raise not_a_journal(path, "it is another program's SQLite database")
    if version > LATEST_VERSION:
        raise JournalError(
            f"{path} was written by a newer version of belonging; nothing was changed",
            hint=UPGRADE_HINT,
        )


def _session_filter(
    since: dt.date | None,
    until: dt.date | None,
    behaviour: str | None,
    tag: str | None,
    status: str | None,
) -> tuple[str, list[Any]]:
    """A WHERE clause over sessions `s` for the filters given, and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if status is not None:
        clauses.append("s.status = ?")
        params.append(status)
    if since is not None:
        clauses.append("s.started_day >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("s.started_day <= ?")
        params.append(until.isoformat())
    if behaviour is not None:
        clauses.append(
            "(s.focus_behaviour_id = ? OR EXISTS (SELECT 1 FROM answers a "
            "WHERE a.session_id = s.id AND a.behaviour_id = ?))"
        )
        params += [behaviour, behaviour]
    if tag is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM session_tags t WHERE t.session_id = s.id AND t.tag = ?)"
        )
        params.append(tag)
    return (" AND ".join(clauses) if clauses else "1"), params


def _exists(conn: sqlite3.Connection, table: str, row_id: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None


def _status(conn: sqlite3.Connection, session_id: str) -> str | None:
    row = conn.execute("SELECT status FROM sessions WHERE id = ?", (session_id,)).fetchone()
    return None if row is None else str(row[0])


def _require_draft(conn: sqlite3.Connection, session_id: str) -> None:
    """Answers go to drafts only: one saved (or discarded) elsewhere is not written to."""
    status = _status(conn, session_id)
    if status != "draft":
        raise NotADraft(session_id, status)


def _stored_form(s: Session) -> tuple[Any, ...]:
    """A session exactly as its rows store it: equal forms, nothing changed in between."""
    return (
        _session_row(s),
        s.tags,
        tuple(_answer_row(s.id, a) for a in s.answers),
        tuple(_rating_row(s.id, r) for r in s.ratings),
    )


def _insert_tags(conn: sqlite3.Connection, session_id: str, tags: Iterable[str]) -> None:
    unique = list(dict.fromkeys(tags))  # a tag given twice is one tag
    conn.executemany(
        "INSERT INTO session_tags (session_id, position, tag) VALUES (?, ?, ?)",
        [(session_id, i, tag) for i, tag in enumerate(unique)],
    )


def _insert_session(conn: sqlite3.Connection, s: Session, *, upsert: bool) -> None:
    """The session row and all its children; on upsert the children are replaced."""
    conn.execute(_SESSION_UPSERT if upsert else _SESSION_INSERT, _session_row(s))
    if upsert:
        for table in ("answers", "ratings", "session_tags"):
            conn.execute(f"DELETE FROM {table} WHERE session_id = ?", (s.id,))
    _insert_tags(conn, s.id, s.tags)
    conn.executemany(_ANSWER_INSERT, [(*_answer_row(s.id, a), i) for i, a in enumerate(s.answers)])
    conn.executemany(_RATING_INSERT, [(*_rating_row(s.id, r), i) for i, r in enumerate(s.ratings)])


def _load_assignments(conn: sqlite3.Connection) -> list[Assignment]:
    return [
        _assignment_from(row)
        for row in conn.execute(
            f"SELECT {', '.join(ASSIGNMENT_FIELDS)} FROM assignments ORDER BY imported_at, id"
        )
    ]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector while building ~10^5 records.

    Allocating that many objects triggers it again and again (~40% of loading
    10,000 sessions), and records hold no cycles for it to find.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_sessions(
    conn: sqlite3.Connection,
    where: str,
    params: Sequence[Any],
    *,
    newest_first: bool = True,
    limit: int | None = None,
) -> list[Session]:
    with collector_paused():
        return _load_sessions_unpaused(conn, where, params, newest_first, limit)


def _load_sessions_unpaused(
    conn: sqlite3.Connection,
    where: str,
    params: Sequence[Any],
    newest_first: bool,
    limit: int | None,
) -> list[Session]:
    """Sessions matching `where` (over alias `s`) with their children: four queries in all."""
    order = "DESC" if newest_first else "ASC"
    selection = f"FROM sessions s WHERE {where} ORDER BY s.started_utc {order}, s.id {order}"
    params = list(params)
    if limit is not None:
        selection += " LIMIT ?"
        params.append(max(limit, 0))
    rows = conn.execute(f"SELECT {SESSION_COLUMNS} {selection}", params).fetchall()
    if not rows:
        return []
    # Children of exactly these sessions, in one query per table (no N+1).
    if where == "1" and limit is None:
        child_filter, child_params = "", []
    else:
        child_filter, child_params = f"WHERE session_id IN (SELECT s.id {selection})", params
    answer_rows = conn.execute(
        f"SELECT {ANSWER_COLUMNS} FROM answers {child_filter} ORDER BY session_id, position",
        child_params,
    ).fetchall()
    # One JSON parse for all values: a call per value costs more than the rest together.
    values = json.loads("[" + ",".join(row[3] for row in answer_rows) + "]")
    answers: dict[str, list[Answer]] = {}
    bucket: list[Answer] = []
    for a, value in zip(answer_rows, values, strict=True):
        if a[0] not in answers:
            bucket = answers[a[0]] = []
        bucket.append(Answer(a[1], a[2], value, _parse(a[4]), a[5], a[6], bool(a[7]), a[8]))
    ratings: dict[str, list[Rating]] = {}
    shelf: list[Rating] = []
    for r in conn.execute(
        f"SELECT {RATING_COLUMNS} FROM ratings {child_filter} ORDER BY session_id, position",
        child_params,
    ):
        if r[0] not in ratings:
            shelf = ratings[r[0]] = []
        shelf.append(Rating(r[1], r[2], _parse(r[3]), r[4], bool(r[5])))
    tags: dict[str, list[str]] = {}
    for sid, tag in conn.execute(
        f"SELECT session_id, tag FROM session_tags {child_filter} ORDER BY session_id, position",
        child_params,
    ):
        tags.setdefault(sid, []).append(tag)
    empty: tuple[Any, ...] = ()
    return [
        Session(
            id=row[0],
            flow_id=row[1],
            rubric_id=row[2],
            rubric_version=row[3],
            started_at=_parse(row[4]),
            week=row[5],
            status=row[6],
            completed_at=_parse_or_none(row[7]),
            focus_behaviour_id=row[8],
            tags=tuple(tags.get(row[0], empty)),
            answers=tuple(answers.get(row[0], empty)),
            ratings=tuple(ratings.get(row[0], empty)),
            assignment_id=row[9],
        )
        for row in rows
    ]
