"""`Journal.import_data` and `export_chunks`: the journal's exchange with export files.

An import adds an export's records in one transaction, known ids skipped: one id
query a table and one INSERT statement a table for all the records (executemany),
never a query a record. `import_file` (`journal import`) writes an export's sessions
and experiments straight from the file's checked dicts when it can (import_check.py,
import_rows.py). The JSON export is read from the rows (export_rows.py).

A base of `Journal` (as `goals_store.JournalGoals` is), so the store stays one
object while each of its jobs lives in a module of its own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from belonging_cli.journal import feedback_rounds, goals_store
from belonging_cli.journal.rows import ASSIGNMENTS, EXPERIMENTS, insert_sessions

if TYPE_CHECKING:
    from belonging_cli.journal.exchange import KnownIds
    from belonging_cli.journal.export_rows import Counted
    from belonging_cli.journal.import_check import QuickCheck
    from belonging_cli.records import JournalData


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_R = TypeVar("_R", bound=_Identified)


class ImportCounts(NamedTuple):
    """What an import added; records whose id was already there are skipped."""

    sessions: int = 0
    experiments: int = 0
    assignments: int = 0
    skipped: int = 0
    goals: int = 0
    feedback_rounds: int = 0

    @property
    def added(self) -> int:
        return (
            self.sessions + self.experiments + self.assignments + self.goals + self.feedback_rounds
        )

    def said(self, file: Path) -> str:
        """'Imported 3 sessions, 2 experiments, 0 assignments and 1 goal from F.': goals
        and feedback rounds are named when there are some (older exports hold none)."""
        from belonging_cli.reports.words import plural

        parts = [
            plural(self.sessions, "session"),
            plural(self.experiments, "experiment"),
            plural(self.assignments, "assignment"),
        ]
        parts += [plural(self.goals, "goal")] if self.goals else []
        parts += [plural(self.feedback_rounds, "feedback round")] if self.feedback_rounds else []
        already = f"; {self.skipped} already in the journal" if self.skipped else ""
        return f"Imported {', '.join(parts[:-1])} and {parts[-1]} from {file}{already}."


class JournalImport:
    """`Journal`'s import (a base of it)."""

    if TYPE_CHECKING:  # Journal's own transactions

        def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def _reading(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def known_ids(self) -> KnownIds: ...

    def export_chunks(self, counted: Counted) -> Generator[str, None, None]:
        """The JSON export, in pieces, read from one consistent state of the journal."""
        from belonging_cli.journal.export_rows import journal_chunks

        with self._reading() as conn:
            yield from journal_chunks(conn, counted)

    def import_file(self, path: Path) -> ImportCounts:
        """Check the export at `path` whole (a ContentError says every problem), then add
        what is not there yet, in one transaction; known ids are skipped."""
        from belonging_cli.journal.exchange import read_for_import

        return self.import_data(read_for_import(path, self.known_ids()))

    def import_data(self, data: JournalData | QuickCheck) -> ImportCounts:
        """Add what is not there yet, in one transaction; known ids are skipped."""
        from belonging_cli.journal.import_check import QuickCheck

        quick = data if isinstance(data, QuickCheck) else None
        records = data.rest if isinstance(data, QuickCheck) else data
        with self._writing() as conn:
            # In this order: a session names its assignment, an experiment its sessions.
            assignments = new_records(conn, "assignments", records.assignments)
            conn.executemany(ASSIGNMENTS.insert(), map(ASSIGNMENTS.row, assignments))
            if quick is None:
                sessions = new_records(conn, "sessions", records.sessions)
                insert_sessions(conn, sessions)
                experiments = new_records(conn, "experiments", records.experiments)
                conn.executemany(EXPERIMENTS.insert(), map(EXPERIMENTS.row, experiments))
                added = len(sessions), len(experiments)
            else:
                from belonging_cli.journal import import_rows

                added = import_rows.write(conn, quick)
            # A few at most (rounds are refused past 1,000): one at a time.
            rounds = sum(feedback_rounds.insert(conn, r) for r in records.feedback_rounds)
            # Goals come whole from an export: known ids skipped, the three-open rule
            # is for opening one, not for restoring what a journal held.
            goals = sum(goals_store.insert_new(conn, goal) for goal in records.goals)
        given = quick.given if quick is not None else _given(records)
        return ImportCounts(
            sessions=added[0],
            experiments=added[1],
            assignments=len(assignments),
            skipped=given - len(assignments) - sum(added) - rounds - goals,
            goals=goals,
            feedback_rounds=rounds,
        )


def _given(data: JournalData) -> int:
    return sum(
        map(
            len,
            (data.assignments, data.sessions, data.experiments, data.feedback_rounds, data.goals),
        )
    )


def new_records(conn: sqlite3.Connection, table: str, records: Sequence[_R]) -> list[_R]:
    """The records whose id `table` does not hold yet: one query, however many."""
    if not records:
        return []
    known = {row[0] for row in conn.execute(f"SELECT id FROM {table}")}
    return [r for r in records if r.id not in known]


def exists(conn: sqlite3.Connection, table: str, row_id: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None
