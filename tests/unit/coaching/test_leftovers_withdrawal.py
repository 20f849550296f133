"""coaching/importing.plan_import when a newer pack no longer holds an exercise: what
the client finished stands, what was still to do is withdrawn (issue 16)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from belonging_cli.coaching.example import example_pack
from belonging_cli.coaching.importing import out_of_pack, plan_import
from belonging_cli.coaching.progress import record_done
from belonging_cli.content.packs import Pack, parse_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.content.source import parse_text
from belonging_cli.records import Assignment
from support.places import REPO

RUBRIC = load_rubric(REPO / "rubrics")
PACK = example_pack(RUBRIC)
NOW = dt.datetime(2026, 11, 2, 9, tzinfo=dt.timezone.utc)
LATER = NOW + dt.timedelta(weeks=2)
RHYTHM = "first-month/weekly-rhythm"  # weekly for 4 weeks


def imported() -> dict[str, Assignment]:
    first = plan_import(parse_pack(parse_text(PACK, "v1.yaml"), RUBRIC), [], NOW)
    return {a.id: a for a in first.writes}


def without_rhythm(version: str) -> Pack:
    """The pack at `version`, weekly-rhythm taken out."""
    cut = PACK.index("  - id: weekly-rhythm")
    text = PACK[:cut].replace('version: "1"', f'version: "{version}"')
    return parse_pack(parse_text(text, f"v{version}.yaml"), RUBRIC)


@pytest.mark.parametrize("weeks_done", [0, 1, 3])
def test_an_exercise_still_to_do_is_withdrawn_with_what_was_done(weeks_done: int) -> None:
    stored = imported()
    for week in range(weeks_done):
        stored[RHYTHM] = record_done(stored[RHYTHM], NOW + dt.timedelta(weeks=week))
    plan = plan_import(without_rhythm("2"), list(stored.values()), LATER)
    (gone,) = [a for a in plan.writes if a.id == RHYTHM]
    assert (gone.status, gone.times_done) == ("withdrawn", weeks_done)
    assert plan.withdrawn == (RHYTHM,) and plan.kept == ()


@pytest.mark.parametrize("status", ["done", "dropped"])
def test_one_done_or_dropped_is_kept_as_it_is_and_said_once(status: str) -> None:
    stored = imported()
    if status == "done":
        for week in range(4):
            stored[RHYTHM] = record_done(stored[RHYTHM], NOW + dt.timedelta(weeks=week))
    else:
        stored[RHYTHM] = replace(stored[RHYTHM], status="dropped", drop_reason="no time")
    before = stored[RHYTHM]
    assert before.status == status
    plan = plan_import(without_rhythm("2"), list(stored.values()), LATER)
    assert RHYTHM not in {a.id for a in plan.writes}  # nothing written: the record stands
    assert plan.kept == ((RHYTHM, status),) and plan.withdrawn == ()
    assert f"1 kept as {status}" in plan.summary()
    merged = {**stored, **{a.id: a for a in plan.writes}}
    assert out_of_pack(merged.values()) == {RHYTHM}
    # A later version without it says nothing more of it.
    later = plan_import(without_rhythm("3"), list(merged.values()), LATER)
    assert later.kept == () and later.withdrawn == ()
