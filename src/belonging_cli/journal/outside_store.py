"""`Journal`'s methods for what comes from outside the reflection: feedback rounds
(feedback_rounds.py) and calendar or transcript evidence (evidence_store.py).

Bases of `Journal` (as `goals_store.JournalGoals` is): the store stays one
object, each table's queries in their own module.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from belonging_cli.journal import evidence_store, feedback_rounds

if TYPE_CHECKING:
    from belonging_cli.feedback.round import FeedbackRound
    from belonging_cli.journal.evidence_store import Source, WeekEvidence


class _Transactions:
    if TYPE_CHECKING:  # Journal's own transactions

        def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _reading(self) -> AbstractContextManager[sqlite3.Connection]: ...


class JournalFeedback(_Transactions):
    def add_feedback_round(self, round: FeedbackRound) -> bool:
        """Store a feedback round; False (nothing written) when it is there already."""
        with self._writing() as conn:
            return feedback_rounds.insert(conn, round)

    def feedback_rounds(self) -> list[FeedbackRound]:
        """Every feedback round, the earliest collected first."""
        with self._reading() as conn:
            return feedback_rounds.rounds(conn)


class JournalEvidence(_Transactions):
    def save_evidence(self, weeks: Iterable[WeekEvidence], imported_at: dt.datetime) -> int:
        """Store weeks of evidence in one write, each replacing its source's week."""
        with self._writing() as conn:
            return evidence_store.replace_weeks(conn, weeks, imported_at)

    def evidence(
        self, source: Source | None = None, weeks: tuple[str, str] | None = None
    ) -> list[WeekEvidence]:
        with self._reading() as conn:
            return evidence_store.load(conn, source, weeks)
