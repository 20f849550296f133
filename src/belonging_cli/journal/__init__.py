"""The journal: a durable local SQLite store of reflections (see store.py)."""

from belonging_cli.journal.records import (
    Answer,
    Assignment,
    Experiment,
    JournalData,
    Rating,
    Session,
)
from belonging_cli.journal.store import UNSET, ImportCounts, Journal, open_journal

__all__ = [
    "UNSET",
    "Answer",
    "Assignment",
    "Experiment",
    "ImportCounts",
    "Journal",
    "JournalData",
    "Rating",
    "Session",
    "open_journal",
]
