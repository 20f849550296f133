"""What status says, from hand-made journal facts: due dates, streaks, zones, priorities."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from belonging_cli.habits import Schedule, build_status, due_at
from belonging_cli.journal.status_queries import (
    AssignmentInfo,
    DraftInfo,
    ExperimentInfo,
    StatusInputs,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
FRIDAY_4PM = Schedule(5, dt.time(16, 0), BERLIN)


def at(text: str, zone: dt.tzinfo = BERLIN) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone)


def weeks(*names: str) -> StatusInputs:
    return StatusInputs(reflection_weeks=frozenset(names))


def test_due_on_the_configured_day_and_time_in_the_zone() -> None:
    status = build_status(weeks("2026-W47"), at("2026-11-25 09:00"), FRIDAY_4PM)  # Wednesday
    assert status.this_week == "2026-W48"
    assert status.reflection.state == "due"
    assert status.reflection.at == at("2026-11-27 16:00")
    assert status.next_command() == "belonging reflect"


def test_overdue_after_the_time_passes_and_next_week_once_done() -> None:
    late = build_status(weeks("2026-W47"), at("2026-11-27 16:01"), FRIDAY_4PM)
    assert late.reflection.state == "overdue"
    assert late.lines()[0].urgent
    done = build_status(weeks("2026-W47", "2026-W48"), at("2026-11-27 16:01"), FRIDAY_4PM)
    assert done.reflection.state == "done"
    assert done.reflection.week == "2026-W49"
    assert done.reflection.at == at("2026-12-04 16:00")
    assert done.next_command() == "belonging progress"  # nothing due: see how it goes


def test_sunday_reflection_of_week_53_is_due_on_3_january() -> None:
    sunday = Schedule(7, dt.time(18, 30), BERLIN)
    status = build_status(weeks(), at("2027-01-01 12:00"), sunday)  # a Friday in 2026-W53
    assert status.this_week == "2026-W53"
    assert status.reflection.at == at("2027-01-03 18:30")
    monday = Schedule(1, dt.time(9, 0), BERLIN)
    assert due_at("2025-W01", monday) == at("2024-12-30 09:00")


def test_a_due_time_inside_the_dst_gap_is_a_real_moment() -> None:
    sunday_2_30 = Schedule(7, dt.time(2, 30), BERLIN)  # clocks jump 02:00 -> 03:00
    moment = due_at("2026-W13", sunday_2_30)
    assert moment.astimezone(dt.timezone.utc) == dt.datetime(
        2026, 3, 29, 1, 30, tzinfo=dt.timezone.utc
    )


def test_streak_counts_weeks_and_ignores_a_second_reflection_in_a_week() -> None:
    inputs = weeks("2026-W46", "2026-W47", "2026-W48", "2026-W40")
    status = build_status(inputs, at("2026-11-25 09:00"), FRIDAY_4PM)
    assert (status.current_streak, status.longest_streak) == (3, 3)
    assert status.last_week_reflected == "2026-W48"


def test_a_back_dated_reflection_fills_its_own_week() -> None:
    # Monday of W49: last week (W48) was missed, then recorded with --date for W48.
    monday = at("2026-11-30 08:00")
    before = build_status(weeks("2026-W46", "2026-W47"), monday, FRIDAY_4PM)
    assert before.current_streak == 0
    after = build_status(weeks("2026-W46", "2026-W47", "2026-W48"), monday, FRIDAY_4PM)
    assert after.current_streak == 3
    assert after.reflection.week == "2026-W49"  # the back-dated one is not this week's


def test_a_future_week_does_not_lengthen_the_streak() -> None:
    status = build_status(weeks("2026-W48", "2026-W50"), at("2026-11-25 09:00"), FRIDAY_4PM)
    assert status.current_streak == 1
    assert status.longest_streak == 1


def test_this_week_follows_the_configured_zone() -> None:
    # Monday 01:30 in Berlin is still Sunday evening in New York.
    instant = at("2026-11-30 01:30")
    inputs = weeks("2026-W47")
    in_berlin = build_status(inputs, instant, FRIDAY_4PM)
    in_new_york = build_status(inputs, instant, Schedule(5, dt.time(16, 0), NEW_YORK))
    assert in_berlin.this_week == "2026-W49"
    assert in_new_york.this_week == "2026-W48"
    assert in_new_york.zone == "America/New_York"
    assert in_new_york.reflection.at == at("2026-11-27 16:00", NEW_YORK)


def test_moving_zone_keeps_the_recorded_weeks() -> None:
    # Reflected in Berlin for W46-W48 (weeks fixed when recorded), then moved to New York.
    inputs = weeks("2026-W46", "2026-W47", "2026-W48")
    now = at("2026-12-01 10:00", NEW_YORK)
    status = build_status(inputs, now, Schedule(5, dt.time(16, 0), NEW_YORK))
    assert status.this_week == "2026-W49"
    assert status.current_streak == 3
    assert status.now.tzinfo == NEW_YORK


def test_a_draft_comes_first_and_says_how_to_resume() -> None:
    draft = DraftInfo("d1", "weekly", "2026-W48", at("2026-11-24 20:00"), answered=4)
    inputs = StatusInputs(frozenset({"2026-W47"}), drafts=(draft,))
    status = build_status(inputs, at("2026-11-28 09:00"), FRIDAY_4PM)
    assert status.next_command() == "belonging reflect --resume"
    reflection = status.lines()[0]
    assert reflection.command == "belonging reflect --resume"
    assert (
        status.lines()[-1].text
        == "a weekly reflection for 2026-W48 is waiting (4 questions answered)"
    )


def test_a_week_one_begun_is_resumed_not_suggested_again() -> None:
    # A trial: "an intake reflection ... is waiting" beside "Week one: new here ...".
    draft = DraftInfo("d1", "intake", "2026-W49", at("2026-12-01 20:00"), answered=15)
    status = build_status(StatusInputs(drafts=(draft,)), at("2026-12-01 21:00"), FRIDAY_4PM)
    texts = [line.text for line in status.lines()]
    assert "an intake reflection for 2026-W49 is waiting (15 questions answered)" in texts
    assert not any("new here" in text for text in texts), texts
    assert status.next_command() == "belonging reflect --resume"
    fresh = build_status(StatusInputs(), at("2026-12-01 21:00"), FRIDAY_4PM)
    assert any("new here" in line.text for line in fresh.lines())


def test_an_exercise_draft_resumes_the_exercise() -> None:
    draft = DraftInfo("d2", "exercise", "2026-W48", at("2026-11-24 20:00"), 1, "pack/walk")
    inputs = StatusInputs(frozenset({"2026-W48"}), drafts=(draft,))
    status = build_status(inputs, at("2026-11-25 09:00"), FRIDAY_4PM)
    assert status.next_command() == "belonging exercises do pack/walk"


def test_exercises_due_overdue_repeating_and_done() -> None:
    today = at("2026-11-25 09:00")
    inputs = StatusInputs(
        frozenset({"2026-W48"}),
        assignments=(
            AssignmentInfo("p/later", "Later", "protect-time", dt.date(2026, 12, 20)),
            AssignmentInfo("p/late", "Late", "cultivate-belonging", dt.date(2026, 11, 20)),
            AssignmentInfo("p/week", "This week", "prompt-insight", dt.date(2026, 11, 27)),
            AssignmentInfo("p/any", "Whenever", "embrace-messiness"),
            # Weekly for 3 weeks, done twice: the journal holds the next due day, 24 Nov.
            AssignmentInfo("p/rep", "Weekly", "meaningful-vision", dt.date(2026, 11, 24), 3, 2),
            AssignmentInfo("p/all", "All done", "navigate-paradox", dt.date(2026, 11, 1), 2, 2),
        ),
    )
    status = build_status(inputs, today, FRIDAY_4PM)
    # Most pressing first, as everywhere (coaching.progress.pressing): by due day, undated
    # last; the lines leave out what is due later.
    assert [(e.id, e.state) for e in status.exercises] == [
        ("p/late", "overdue"),
        ("p/rep", "overdue"),
        ("p/week", "due"),
        ("p/later", "later"),
        ("p/any", "open"),
    ]
    assert status.next_command() == "belonging exercises do p/late"
    texts = [line.text for line in status.lines() if line.label == "Exercise"]
    assert "Weekly (overdue since 2026-11-24, 3 of 3)" in texts
    assert texts[-1] == "1 more, due later"


def test_the_open_experiment_and_its_week() -> None:
    old = ExperimentInfo("e1", "protect-time", "Block a thinking hour", "2026-W47")
    inputs = StatusInputs(frozenset({"2026-W47"}), open_experiments=(old,))
    status = build_status(inputs, at("2026-11-25 09:00"), FRIDAY_4PM)
    assert status.experiment == old
    assert status.experiment_when == "to review"
    current = ExperimentInfo("e2", "protect-time", "Walk meeting", "2026-W48")
    inputs = StatusInputs(frozenset({"2026-W47"}), open_experiments=(old, current))
    status = build_status(inputs, at("2026-11-25 09:00"), FRIDAY_4PM)
    assert status.experiment == current
    assert status.experiment_when == "this week"


def test_json_has_every_part_and_the_next_command() -> None:
    status = build_status(weeks("2026-W47"), at("2026-11-25 09:00"), FRIDAY_4PM)
    data = status.to_json()
    assert data["reflection"] == {
        "week": "2026-W48",
        "due": "2026-11-27T16:00:00+01:00",
        "state": "due",
    }
    assert data["streak"] == {"current": 1, "longest": 1, "last_week_reflected": "2026-W47"}
    assert data["next_command"] == "belonging reflect"
    assert data["experiment"] is None and data["draft"] is None and data["exercises"] == []


def test_this_weeks_experiment_wins_over_others_still_open() -> None:
    old = ExperimentInfo("e1", "protect-time", "Old", "2026-W46")
    current = ExperimentInfo("e2", "protect-time", "Current", "2026-W48")
    upcoming = ExperimentInfo("e3", "protect-time", "Upcoming", "2026-W49")
    later = ExperimentInfo("e4", "protect-time", "Later", "2026-W50")
    now = at("2026-11-25 09:00")
    pick = build_status(StatusInputs(open_experiments=(upcoming, current, old)), now, FRIDAY_4PM)
    assert pick.experiment == current
    assert pick.lines()[2].text.endswith("this week (2 more open)")
    assert pick.to_json()["experiment"]["more_open"] == 2
    pick = build_status(StatusInputs(open_experiments=(old, upcoming)), now, FRIDAY_4PM)
    assert pick.experiment == old  # waiting for review comes before the next one
    pick = build_status(StatusInputs(open_experiments=(later, upcoming)), now, FRIDAY_4PM)
    assert (pick.experiment, pick.experiment_when) == (upcoming, "next week")
