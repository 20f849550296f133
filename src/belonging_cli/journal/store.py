"""The journal: the one object the rest of the tool reads and writes records through.

Every write is one `BEGIN IMMEDIATE` transaction (it waits for another writer,
up to the busy timeout, instead of failing with "database is locked"); every
multi-query read runs inside one read transaction so it sees one state. Times
are stored as ISO 8601 text with the user's offset, exactly as given, plus a UTC
copy for ordering; answer values as JSON (see `rows.py`).

The file itself (recognised, created, migrated) is `file.py`; records <-> rows
`rows.py`; bulk reads `loading.py`; SQLite's errors become messages in `errors.py`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from belonging_cli.errors import BelongingError, JournalError
from belonging_cli.files import file_identity
from belonging_cli.journal import feedback_rounds, file, goals_store, loading, safekeeping
from belonging_cli.journal.conflicts import NotADraft, SessionChanged
from belonging_cli.journal.errors import sqlite_errors
from belonging_cli.journal.history_read import JournalHistory
from belonging_cli.journal.outside_store import JournalEvidence, JournalFeedback
from belonging_cli.journal.period_read import JournalPeriod
from belonging_cli.journal.rows import (
    ANSWERS,
    ASSIGNMENTS,
    EXPERIMENTS,
    NEXT_POSITION,
    RATINGS,
    insert_session,
    insert_tags,
    iso,
    stored_form,
)
from belonging_cli.journal.store_import import JournalImport, exists
from belonging_cli.records import Answer, Assignment, Experiment, JournalData, Rating, Session

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from belonging_cli.journal.exchange import KnownIds
    from belonging_cli.journal.loading import SessionFilter, SessionSummary
    from belonging_cli.records import Goal


class _Unset:
    """The type of UNSET (a plain class: defining an Enum costs import time)."""

    def __repr__(self) -> str:
        return "UNSET"


# "Leave this field as it is" for `update_session`, where None means "clear it".
UNSET = _Unset()


@contextlib.contextmanager
def open_journal(path: Path | None = None) -> Iterator[Journal]:
    """Open (creating and migrating as needed) the journal at `path` (default: in use)."""
    journal = Journal.open(path)
    try:
        yield journal
    finally:
        journal.close()


_ANSWER_SAVE = ANSWERS.upsert(position=NEXT_POSITION.format(table="answers"))
_RATING_SAVE = RATINGS.upsert(position=NEXT_POSITION.format(table="ratings"))


class Journal(
    JournalImport,
    JournalFeedback,
    JournalEvidence,
    goals_store.JournalGoals,
    JournalPeriod,
    JournalHistory,
):
    """An open journal file. Use `open_journal()`; close it when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._file = file_identity(path)  # the file this connection writes (see _writing)

    @classmethod
    def open(cls, path: Path | None = None) -> Journal:
        from belonging_cli import paths

        # The run's own journal (given by its settings or not) lives in a private home.
        default_location = path is None or path == paths.journal_path()
        path = paths.journal_path() if path is None else path
        return cls(file.open_file(path, default_location), path)

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
        self._refuse_foreign()
        with sqlite_errors(self.path, "use"):
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._refuse_replaced()
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # SQLite rolls back by itself on a full disk
                    conn.execute("ROLLBACK")
                raise

    def _refuse_foreign(self) -> None:
        """What a person writes goes into their own file only: a journal that another
        user owns (planted in a shared home, or behind a link) is read, never written."""
        from belonging_cli.files import is_mine

        try:
            info = self.path.stat()
        except OSError:
            return  # not there any more: SQLite's own error says so
        if not is_mine(info):
            raise BelongingError(
                f"{self.path} belongs to another user (uid {info.st_uid}): belonging "
                "treats it as read-only and will not write your answers into it",
                hint="use a home folder of your own (--home or BELONGING_HOME)",
            )

    def _refuse_replaced(self) -> None:
        """A journal encrypted or decrypted (renamed over) since this one was opened is
        a new file: writing into the old one would be lost. Checked under the lock."""
        if file_identity(self.path) != self._file:
            raise JournalError(
                f"the journal {self.path} was replaced (encrypted or decrypted) by another "
                "belonging since this one opened it, so nothing more was saved here",
                hint="run the command again",
            )

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """Several queries that see one consistent state of the file."""
        conn = self._conn
        with sqlite_errors(self.path, "use"):
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")

    # -- writes ---------------------------------------------------------------

    def create_session(self, session: Session) -> None:
        """Store a new session with the answers, ratings and tags it carries."""
        with self._writing() as conn:
            if exists(conn, "sessions", session.id):
                raise JournalError(f"a session with id {session.id} already exists")
            insert_session(conn, session, upsert=False)

    def save_answer(self, session_id: str, answer: Answer) -> None:
        """Save (or replace) the answer to one step of a draft, the moment it is given."""
        with self._writing() as conn:
            _require_draft(conn, session_id)
            conn.execute(_ANSWER_SAVE, (*ANSWERS.row(answer, session_id), session_id))

    def save_rating(self, session_id: str, rating: Rating) -> None:
        """Save (or replace) the rating of one behaviour in a draft."""
        with self._writing() as conn:
            _require_draft(conn, session_id)
            conn.execute(_RATING_SAVE, (*RATINGS.row(rating, session_id), session_id))

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
                insert_tags(conn, session_id, tags)

    def complete_session(self, session_id: str, completed_at: dt.datetime) -> None:
        """Complete a draft; refused (NotADraft) if another terminal completed it first."""
        with self._writing() as conn:
            _require_draft(conn, session_id)
            conn.execute(
                "UPDATE sessions SET status = 'complete', completed_at = ? "
                "WHERE id = ? AND status = 'draft'",
                (iso(completed_at), session_id),
            )

    def add_experiment(self, experiment: Experiment) -> None:
        with self._writing() as conn:
            if exists(conn, "experiments", experiment.id):
                raise JournalError(f"an experiment with id {experiment.id} already exists")
            conn.execute(EXPERIMENTS.insert(), EXPERIMENTS.row(experiment))

    def save_whole_session(
        self,
        session: Session,
        experiments: Sequence[Experiment],
        *,
        assignment: Assignment | None = None,
        goals: Sequence[tuple[Goal, str]] = (),
    ) -> None:
        """Store a session as given (replacing any draft of it) and its experiments, at once.

        A coach's exercise passes its `assignment` as doing it left it (done once
        more): it is written in the same transaction, so the exercise never counts
        as done without its answers, nor its answers saved without counting.

        The `goals` the session set (an intake's, each with its behaviour's title) open
        in the same transaction, each checked as `goals add` checks one (goals_store.add):
        one refused (a fourth, a second for a behaviour) writes nothing at all.

        Only a draft is replaced: if another terminal completed it meanwhile, nothing
        is written (NotADraft), so neither its answers nor its experiments land twice.
        """
        with self._writing() as conn:
            status = _status(conn, session.id)
            if status is not None and status != "draft":
                raise NotADraft(session.id, status)
            insert_session(conn, session, upsert=True)
            conn.executemany(EXPERIMENTS.upsert(), [EXPERIMENTS.row(e) for e in experiments])
            if assignment is not None:
                conn.execute(ASSIGNMENTS.upsert(), ASSIGNMENTS.row(assignment))
            for goal, title in goals:
                goals_store.add(conn, goal, title)

    def replace_session(self, session: Session, *, expected: Session) -> None:
        """Overwrite a session, its answers, ratings and tags (after an edit of `expected`).

        Refused (SessionChanged) unless the journal still holds `expected` exactly,
        checked inside the write: an edit never overwrites what another terminal
        wrote since it was read. Its status and completion time are never changed.
        """
        with self._writing() as conn:
            found = loading.sessions(conn, "s.id = ?", [session.id])
            if not found or stored_form(found[0]) != stored_form(expected):
                raise SessionChanged(session.id, deleted=not found)
            kept = replace(session, status=found[0].status, completed_at=found[0].completed_at)
            insert_session(conn, kept, upsert=True)

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
                conn.execute(ASSIGNMENTS.upsert(), ASSIGNMENTS.row(assignment))

    def restore_from(self, source: Path) -> Path:
        """Replace this journal's contents with the journal at `source`; the copy of
        what was replaced is kept beside the journal and its path returned."""
        return safekeeping.restore_into(self._conn, self.path, source)

    def backup_to(self, target: Path) -> Path:
        """A consistent private copy of the journal at `target` (which must not exist)."""
        return safekeeping.backup_to(self._conn, target)

    def backup_path(self) -> Path:
        """Where `backup` writes by default: beside the journal, stamped with the time."""
        return safekeeping.backup_path(self.path, "backup")

    # -- reads ------------------------------------------------------------------

    def session(self, id_or_prefix: str) -> Session:
        """The session with this id, or the only one whose id starts with it."""
        with self._reading() as conn:
            return loading.sessions(conn, "s.id = ?", [loading.session_id(conn, id_or_prefix)])[0]

    def sessions(
        self, *, limit: int | None = None, **filters: Unpack[SessionFilter]
    ) -> list[Session]:
        """Sessions newest first, with answers and ratings (complete ones unless
        `status` says otherwise; None for all)."""
        clause, params = loading.where(filters)
        with self._reading() as conn:
            return loading.sessions(conn, clause, params, newest_first=True, limit=limit)

    def summaries(
        self, *, limit: int | None = None, **filters: Unpack[SessionFilter]
    ) -> list[SessionSummary]:
        """What `journal list` shows, newest first, without loading answers (same filters)."""
        with self._reading() as conn:
            return loading.summaries(conn, filters, limit)

    def drafts(self) -> list[Session]:
        return self.sessions(status="draft")

    def experiments(self, status: str | None = None) -> list[Experiment]:
        """Experiments oldest first, optionally only those with `status`."""
        with self._reading() as conn:
            if status is None:
                return loading.experiments(conn)
            return loading.experiments(conn, "status = ?", [status])

    def session_experiments(self, session_id: str) -> tuple[list[Experiment], list[Experiment]]:
        """The experiments a session set, and those it reviewed."""
        with self._reading() as conn:
            found = loading.experiments(
                conn, "created_session_id = ? OR reviewed_session_id = ?", [session_id] * 2
            )
        return (
            [e for e in found if e.created_session_id == session_id],
            [e for e in found if e.reviewed_session_id == session_id],
        )

    def assignments(self) -> list[Assignment]:
        with self._reading() as conn:
            return loading.assignments(conn)

    def assignment(self, assignment_id: str) -> Assignment:
        with self._reading() as conn:
            found = loading.assignments(conn, "id = ?", [assignment_id])
        if not found:
            raise JournalError(f"no assignment {assignment_id!r} in the journal")
        return found[0]

    def load_all(self) -> JournalData:
        """Everything, oldest first: sessions of every status, experiments, assignments."""
        with self._reading() as conn:
            sessions = loading.sessions(conn, "1", [], newest_first=False)
            experiments = loading.experiments(conn)
            assignments = loading.assignments(conn)
            rounds = feedback_rounds.rounds(conn)
            goals = goals_store.load(conn)
        return JournalData(
            tuple(sessions),
            tuple(experiments),
            tuple(assignments),
            feedback_rounds=tuple(rounds),
            goals=tuple(goals),
        )

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


def _status(conn: sqlite3.Connection, session_id: str) -> str | None:
    row = conn.execute("SELECT status FROM sessions WHERE id = ?", (session_id,)).fetchone()
    return None if row is None else str(row[0])


def _require_draft(conn: sqlite3.Connection, session_id: str) -> None:
    """Answers go to drafts only: one saved (or discarded) elsewhere is not written to."""
    status = _status(conn, session_id)
    if status != "draft":
        raise NotADraft(session_id, status)
