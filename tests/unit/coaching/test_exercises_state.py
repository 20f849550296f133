"""One rule for an exercise's state, whoever asks: the list, the report, status."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.coaching.progress import all_done, record_done, state, state_of, urgency
from belonging_cli.habits import exercises_due
from belonging_cli.journal.status_queries import AssignmentInfo
from belonging_cli.records import Assignment

TODAY = dt.date(2026, 11, 27)
DAYS = st.one_of(st.none(), st.dates(dt.date(2026, 10, 1), dt.date(2027, 1, 31)))


def assignment(status: str, due: dt.date | None, times_done: int = 0) -> Assignment:
    return Assignment(
        id="p/e",
        pack_id="p",
        pack_version="1",
        exercise_id="e",
        behaviour_id="protect-time",
        title="E",
        instructions="Do it.",
        imported_at=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc),
        due=due,
        status=status,  # type: ignore[arg-type]
        times_done=times_done,
    )


def test_the_states() -> None:
    yesterday, tomorrow = TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=1)
    assert state_of("assigned", yesterday, TODAY) == "overdue"
    assert state_of("assigned", TODAY, TODAY) == "due"  # due today is not yet overdue
    assert state_of("assigned", tomorrow, TODAY) == "due"
    assert state_of("assigned", None, TODAY) == "due"
    for kept in ("done", "dropped", "withdrawn"):
        assert state_of(kept, yesterday, TODAY) == kept


@settings(max_examples=100, deadline=None)
@given(due=DAYS, status=st.sampled_from(["assigned", "done", "dropped", "withdrawn"]))
def test_status_and_the_report_agree_with_the_list(due: dt.date | None, status: str) -> None:
    listed = state(assignment(status, due), TODAY)
    if status == "assigned":
        shown = urgency(due, TODAY)  # status refines "due": soon, undated, later
        assert (shown == "overdue") == (listed == "overdue")
        assert listed in ("due", "overdue")
    else:
        assert listed == status


@settings(max_examples=50, deadline=None)
@given(cadence=st.integers(1, 8), times=st.integers(0, 9))
def test_done_means_the_same_to_status_and_to_doing(cadence: int, times: int) -> None:
    a = replace(assignment("assigned", TODAY), cadence_weeks=cadence)
    for _ in range(times):
        if a.status == "assigned":
            a = record_done(a, dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc))
    info = AssignmentInfo(a.id, a.title, a.behaviour_id, a.due, a.cadence_weeks, a.times_done)
    assert (a.status == "done") == all_done(a.times_done, cadence)
    assert bool(exercises_due((info,), TODAY)) == (a.status == "assigned")


def test_the_rule_is_cheap_to_import() -> None:
    code = (
        "import sys, belonging_cli.coaching.progress; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'rich', 'jinja2'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
