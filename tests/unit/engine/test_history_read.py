"""A flow's history is read in SQL shaped to what a sitting shows (issue 19): on a long
journal it holds the few sessions its questions read, not every one, and an exercise's
history (a coach's assignment) is read the same way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from belonging_cli.clock import iso_week
from belonging_cli.coaching.doing import exercise_flow
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Assignment
from belonging_cli.synthetic import generate
from support.history_whole import answers, both

END = dt.date(2026, 6, 12)
RUBRIC = load_rubric()
# A coach's exercise on one behaviour, imported a few weeks before the sitting.
ASSIGNMENT = Assignment(
    id="coach/block",
    pack_id="coach",
    pack_version="2",
    exercise_id="block",
    behaviour_id="protect-time",
    title="Block an hour",
    instructions="Do it.",
    imported_at=dt.datetime(2026, 5, 1, 9, tzinfo=dt.timezone.utc),
)


def test_a_long_journals_history_holds_the_weeks_a_sitting_reads(tmp_path: Path) -> None:
    flow = load_flows().get("weekly")
    with open_journal(tmp_path / "j.db") as journal:
        journal.import_data(generate(RUBRIC, weeks=150, end=END, seed=3))
        read, whole = both(journal, RUBRIC, flow, iso_week(END), END)
    assert len(whole.sessions) == 150
    assert len(read.sessions) <= 15  # the latest weeks and the recap's month
    assert len(read.past_experiments) <= 15
    assert answers(read, RUBRIC, flow, iso_week(END), END) == answers(
        whole, RUBRIC, flow, iso_week(END), END
    )


def test_an_exercises_history_is_read_as_its_assignment_asks(tmp_path: Path) -> None:
    from belonging_cli.engine.history import History

    flow = exercise_flow(ASSIGNMENT)
    week = iso_week(END)
    with open_journal(tmp_path / "j.db") as journal:
        journal.import_data(generate(RUBRIC, weeks=30, end=END, seed=5))
        read = History.read(journal, RUBRIC, flow, week, END, assignment=ASSIGNMENT)
        whole = History.from_journal(journal, assignment=ASSIGNMENT)
    assert read.assigned_behaviours == whole.assigned_behaviours == ("protect-time",)
    assert answers(read, RUBRIC, flow, week, END) == answers(whole, RUBRIC, flow, week, END)
