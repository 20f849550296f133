"""`Journal.import_data`: an export's records added in one transaction, known ids skipped.

A base of `Journal` (as `goals_store.JournalGoals` is), so the store stays one
object while each of its jobs lives in a module of its own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from belonging_cli.journal import feedback_rounds, goals_store
from belonging_cli.journal.rows import ASSIGNMENTS, EXPERIMENTS, insert_session

if TYPE_CHECKING:
    from belonging_cli.records import JournalData


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

    if TYPE_CHECKING:  # Journal's own transaction

        def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def import_data(self, data: JournalData) -> ImportCounts:
        """Add what is not there yet, in one transaction; known ids are skipped."""
        added = {"sessions": 0, "experiments": 0, "assignments": 0}
        skipped = goals = rounds = 0
        with self._writing() as conn:
            # In this order: a session names its assignment, an experiment its sessions.
            inserts: dict[str, Callable[[Any], object]] = {
                "assignments": lambda a: conn.execute(ASSIGNMENTS.insert(), ASSIGNMENTS.row(a)),
                "sessions": lambda s: insert_session(conn, s, upsert=False),
                "experiments": lambda e: conn.execute(EXPERIMENTS.insert(), EXPERIMENTS.row(e)),
            }
            for table, insert in inserts.items():
                for record in getattr(data, table):
                    if exists(conn, table, record.id):
                        skipped += 1
                    else:
                        insert(record)
                        added[table] += 1
            for round in data.feedback_rounds:
                rounds += feedback_rounds.insert(conn, round)
            # Goals come whole from an export: known ids skipped, the three-open rule
            # is for opening one, not for restoring what a journal held.
            for goal in data.goals:
                goals += goals_store.insert_new(conn, goal)
        skipped += len(data.feedback_rounds) - rounds + len(data.goals) - goals
        return ImportCounts(skipped=skipped, goals=goals, feedback_rounds=rounds, **added)


def exists(conn: sqlite3.Connection, table: str, row_id: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None
