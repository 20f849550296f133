"""`Journal.import_data` and `export_chunks`: the journal's exchange with export files.

An import adds an export's records in one transaction, known ids skipped: one id
query a table and one INSERT statement a table for all the records (executemany),
never a query a record. The JSON export is read from the rows (export_rows.py).

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
    from belonging_cli.journal.export_rows import Counted
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

    def export_chunks(self, counted: Counted) -> Generator[str, None, None]:
        """The JSON export, in pieces, read from one consistent state of the journal."""
        from belonging_cli.journal.export_rows import journal_chunks

        with self._reading() as conn:
            yield from journal_chunks(conn, counted)

    def import_data(self, data: JournalData) -> ImportCounts:
        """Add what is not there yet, in one transaction; known ids are skipped."""
        with self._writing() as conn:
            # In this order: a session names its assignment, an experiment its sessions.
            assignments = new_records(conn, "assignments", data.assignments)
            conn.executemany(ASSIGNMENTS.insert(), map(ASSIGNMENTS.row, assignments))
            sessions = new_records(conn, "sessions", data.sessions)
            insert_sessions(conn, sessions)
            experiments = new_records(conn, "experiments", data.experiments)
            conn.executemany(EXPERIMENTS.insert(), map(EXPERIMENTS.row, experiments))
            # A few at most (rounds are refused past 1,000): one at a time.
            rounds = sum(feedback_rounds.insert(conn, r) for r in data.feedback_rounds)
            # Goals come whole from an export: known ids skipped, the three-open rule
            # is for opening one, not for restoring what a journal held.
            goals = sum(goals_store.insert_new(conn, goal) for goal in data.goals)
        given = (
            data.assignments,
            data.sessions,
            data.experiments,
            data.feedback_rounds,
            data.goals,
        )
        added = len(assignments) + len(sessions) + len(experiments) + rounds + goals
        return ImportCounts(
            sessions=len(sessions),
            experiments=len(experiments),
            assignments=len(assignments),
            skipped=sum(map(len, given)) - added,
            goals=goals,
            feedback_rounds=rounds,
        )


def new_records(conn: sqlite3.Connection, table: str, records: Sequence[_R]) -> list[_R]:
    """The records whose id `table` does not hold yet: one query, however many."""
    if not records:
        return []
    known = {row[0] for row in conn.execute(f"SELECT id FROM {table}")}
    return [r for r in records if r.id not in known]


def exists(conn: sqlite3.Connection, table: str, row_id: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None
