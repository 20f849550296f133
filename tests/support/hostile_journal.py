"""A real journal file whose sessions hold hostile text (tests/hostile/listings/texts.yaml).

from support.hostile_journal import HOSTILE_TEXTS, hostile_journal

data = hostile_journal(home / "journal.db")   # writes it, returns what it holds

Four weeks of the synthetic weekly reflection; in the newest, every free-text answer,
rating note, tag and the experiment set carry the hostile texts, one each in turn.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from pathlib import Path

import yaml

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.records import JournalData
from belonging_cli.synthetic import generate
from support.places import HOSTILE

HOSTILE_TEXTS: tuple[str, ...] = tuple(
    yaml.safe_load((HOSTILE / "listings" / "texts.yaml").read_text("utf-8"))
)


def with_texts(data: JournalData, texts: tuple[str, ...]) -> JournalData:
    """`data` with its newest session's words replaced by `texts`, in turn."""
    newest = max(data.sessions, key=lambda s: s.started_at)
    turn = itertools.cycle(texts)
    answers = tuple(
        replace(a, value=next(turn)) if isinstance(a.value, str) and a.kind == "long_text" else a
        for a in newest.answers
    )
    ratings = tuple(replace(r, evidence=next(turn)) for r in newest.ratings)
    tags = tuple(next(turn) for _ in range(3))
    changed = replace(newest, answers=answers, ratings=ratings, tags=tags)
    experiments = tuple(
        replace(e, title=next(turn)) if e.created_session_id == newest.id else e
        for e in data.experiments
    )
    sessions = tuple(changed if s.id == newest.id else s for s in data.sessions)
    return replace(data, sessions=sessions, experiments=experiments)


def hostile_journal(path: Path, texts: tuple[str, ...] = HOSTILE_TEXTS) -> JournalData:
    data = with_texts(generate(load_rubric(), weeks=4, end=dt.date(2026, 11, 27), seed=3), texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open_journal(path) as journal:
        journal.import_data(data)
    return data
