"""Pack updates keep due dates where the client had them; weekly exercises fall due a
week after each time they are done (docs/packs.md)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.coaching.example import example_pack
from belonging_cli.coaching.importing import plan_import
from belonging_cli.coaching.progress import next_due, record_done, state
from belonging_cli.content.packs import Pack, parse_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.content.source import parse_text
from belonging_cli.records import Assignment
from support.places import REPO

RUBRIC = load_rubric(REPO / "rubrics")
PACK = example_pack(RUBRIC)
NOV_9 = dt.datetime(2026, 11, 9, 9, 0, tzinfo=dt.timezone.utc)


def pack(version: str, text: str = PACK) -> Pack:
    text = text.replace('version: "1"', f'version: "{version}"')
    return parse_pack(parse_text(text, "p.yaml"), RUBRIC)


def by_id(records: tuple[Assignment, ...] | list[Assignment]) -> dict[str, Assignment]:
    return {a.exercise_id: a for a in records}


def test_an_update_keeps_relative_due_dates_anchored_to_the_first_import() -> None:
    first = by_id(plan_import(pack("1"), [], NOV_9).writes)
    three_weeks_later = NOV_9 + dt.timedelta(days=21)
    # The coach only rewords a question: nothing the client sees as a date moves.
    reworded = pack("2", PACK.replace("two open questions", "three open questions"))
    second = by_id(plan_import(reworded, list(first.values()), three_weeks_later).writes)
    ask = second["ask-dont-tell"]
    assert ask.due == dt.date(2026, 11, 17)  # 8d from 9 Nov, not from the update
    assert state(ask, three_weeks_later.date()) == "overdue"  # still overdue, as it was
    # A coach who changes the time changes it from the first import too.
    longer = pack("3", PACK.replace("due: 8d", "due: 10d", 1))
    third = by_id(plan_import(longer, list(second.values()), three_weeks_later).writes)
    assert third["ask-dont-tell"].due == dt.date(2026, 11, 19)


def test_a_done_exercise_keeps_its_completion_and_date_through_an_update() -> None:
    first = by_id(plan_import(pack("1"), [], NOV_9).writes)
    done = record_done(first["ask-dont-tell"], NOV_9 + dt.timedelta(days=2))
    stored = [done, first["weekly-rhythm"]]
    later = NOV_9 + dt.timedelta(days=20)
    after = by_id(plan_import(pack("2"), stored, later).writes)["ask-dont-tell"]
    assert after.status == "done" and after.times_done == 1
    assert after.due == done.due


def test_a_weekly_exercise_falls_due_a_week_after_each_time_it_is_done() -> None:
    weekly = by_id(plan_import(pack("1"), [], NOV_9).writes)["weekly-rhythm"]
    assert weekly.due == dt.date(2026, 11, 17)  # 8d: once its first week is over
    late = record_done(weekly, dt.datetime(2026, 11, 30, 18, 0, tzinfo=dt.timezone.utc))
    assert late.due == dt.date(2026, 12, 7)  # a week after it was done, not 17 Nov + 1w
    # The next week (Tuesday 8 Dec: once a week counts, so not the same ISO week).
    again = record_done(late, dt.datetime(2026, 12, 8, 18, 0, tzinfo=dt.timezone.utc))
    assert again.due == dt.date(2026, 12, 15)
    # An update works the date out the same way from what the client did.
    updated = by_id(plan_import(pack("2"), [again], NOV_9 + dt.timedelta(days=30)).writes)
    assert updated["weekly-rhythm"].due == again.due


def test_done_early_the_next_time_is_never_due_sooner() -> None:
    weekly = by_id(plan_import(pack("1"), [], NOV_9).writes)["weekly-rhythm"]
    early = record_done(weekly, NOV_9 + dt.timedelta(days=1))
    assert early.due == weekly.due  # 17 Nov: doing week one early does not pull week two in


@settings(max_examples=100, deadline=None)
@given(
    cadence=st.integers(1, 8),
    gaps=st.lists(st.integers(0, 20), max_size=9),
)
def test_doing_and_reimporting_agree(cadence: int, gaps: list[int]) -> None:
    """However the client spaces the weeks, a newer pack finds the same next due day."""
    weekly = by_id(plan_import(pack("1"), [], NOV_9).writes)["weekly-rhythm"]
    from dataclasses import replace

    done = replace(weekly, cadence_weeks=cadence)
    when = NOV_9
    for gap in gaps:
        if done.status != "assigned":
            break
        when += dt.timedelta(days=gap)
        done = record_done(done, when)
    if done.status == "assigned":
        last = done.completed_at.date() if done.completed_at else None
        assert done.due == next_due(weekly.due, done.times_done, last)
