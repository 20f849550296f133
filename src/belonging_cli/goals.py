"""Development goals: the rules, as pure functions of plain data (no SQL, no terminal).

A goal is a behaviour, the level to reach, the day to reach it by and, in words,
what success looks like. A person keeps at most three open at once (a fourth is
refused): a development plan with more is a wish list. Progress is read from the
ratings: where the person was when the goal was set (the last rating up to then,
else the first after), where they are now, and the trend word of that stretch
(reports/movement.py, the one rule for a series). The journal keeps goals in
journal/goals_store.py; `belonging goals`, the recap, the report, the bundle and
the roll-up all show progress through `progress` and `line`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from belonging_cli.errors import BelongingError
from belonging_cli.limits import LAST_DAY
from belonging_cli.records import Goal, GoalStatus
from belonging_cli.reports.movement import trend

MAX_OPEN = 3
MAX_SUCCESS = 300  # characters: a sentence or two, read at a glance in a roll-up
TARGETS = range(1, 6)

# `12w` or `30d`: a date counted from today, for people who think in weeks.
_FROM_TODAY = re.compile(r"([0-9]{1,4})\s*([dw])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# The namespace of a pack goal's id (uuid5); uuid is imported only to make one: it
# brings `platform` along, a few milliseconds of every report and status.
_PACK_GOALS = "6a0f3c52-8a1e-4e43-9a59-2c0b6f6f0a16"


def parse_due(text: str, today: dt.date) -> dt.date:
    """The day of `--by`: YYYY-MM-DD or `12w`/`30d` from today, after today, by 2100."""
    raw = text.strip().lower()
    counted = _FROM_TODAY.fullmatch(raw)
    if counted:
        amount, unit = int(counted[1]), counted[2]
        days = amount * (7 if unit == "w" else 1)
        if days > (LAST_DAY - today).days:
            raise ValueError(f"{text!r} is after {LAST_DAY.isoformat()}: choose a nearer date")
        day = today + dt.timedelta(days=days)
    elif re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"{text!r} is not a day of the calendar") from None
    else:
        # Short: at a prompt it is one line under the answer, cut at the screen's edge.
        like = (today + dt.timedelta(weeks=12)).isoformat()
        raise ValueError(f"{text!r} is not a date: use YYYY-MM-DD ({like}) or 12w (weeks)")
    if day <= today:
        raise ValueError(f"{day.isoformat()} is not after today: a goal's date lies ahead")
    if day > LAST_DAY:
        raise ValueError(f"{day.isoformat()} is after {LAST_DAY.isoformat()}: choose a nearer date")
    return day


def check_target(target: int) -> int:
    if target not in TARGETS:
        raise ValueError(f"the target level is 1 to 5, not {target}")
    return target


def check_success(text: str) -> str:
    """What success looks like: one line of words, at most MAX_SUCCESS characters."""
    words = " ".join(_CONTROL.sub(" ", text).split())
    if not words:
        raise ValueError("say in words what success looks like (--success TEXT)")
    if len(words) > MAX_SUCCESS:
        raise ValueError(f"what success looks like is at most {MAX_SUCCESS} characters")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in words):
        raise ValueError("what success looks like must be text (it holds half a character)")
    return words


def new_goal(
    behaviour_id: str,
    target: int,
    due: dt.date,
    success: str,
    set_at: dt.datetime,
    *,
    pack_id: str | None = None,
    coach: str | None = None,
) -> Goal:
    """A new open goal; a pack's has the same id every time the pack is imported."""
    import uuid

    goal_id = (
        str(uuid.uuid5(uuid.UUID(_PACK_GOALS), f"{pack_id}/{behaviour_id}"))
        if pack_id is not None
        else str(uuid.uuid4())
    )
    return Goal(
        goal_id,
        behaviour_id,
        check_target(target),
        due,
        check_success(success),
        set_at,
        pack_id=pack_id,
        coach=coach,
    )


class OfBehaviour(Protocol):
    """A goal as the check before opening one reads it (a Goal, its progress, a choice)."""

    @property
    def behaviour_id(self) -> str: ...


def refuse_another(open_goals: Sequence[OfBehaviour], goal: OfBehaviour, title: str) -> None:
    """The one check before a goal opens: three at most, one a behaviour."""
    if any(g.behaviour_id == goal.behaviour_id for g in open_goals):
        raise BelongingError(
            f"you already have an open goal for {title}: close it first (belonging goals close ID)"
        )
    if len(open_goals) >= MAX_OPEN:
        raise BelongingError(
            f"you have {MAX_OPEN} open goals already, the most there can be: close one first "
            "(belonging goals close ID --achieved or --dropped)"
        )


def short_id(goal: Goal) -> str:
    return goal.id[:8]


def find(goals: Iterable[Goal], id_or_prefix: str) -> Goal:
    """The goal with this id, or the only one whose id starts with it."""
    wanted = id_or_prefix.strip().lower()
    found = [g for g in goals if g.id == wanted] or [
        g for g in goals if wanted and g.id.startswith(wanted)
    ]
    if not found:
        raise BelongingError(f"no goal {id_or_prefix!r} (belonging goals lists them with ids)")
    if len(found) > 1:
        raise BelongingError(f"{id_or_prefix!r} starts more than one goal's id: give more of it")
    return found[0]


# A rating as progress reads it: when it was given, and its level.
Rated = tuple[dt.datetime, int]


@dataclass(frozen=True, slots=True)
class GoalProgress:
    """One goal and where the person stands against it (docs/report-json.md `goals`)."""

    id: str
    behaviour_id: str
    title: str
    target: int
    due: dt.date
    success: str
    status: GoalStatus
    set_on: dt.date
    closed_on: dt.date | None
    start: int | None  # where the person was when it was set
    now: int | None  # the latest rating (up to its closing, for a closed goal)
    ratings_since: int  # ratings given after it was set
    trend: str  # of the stretch from `start` to `now` (movement.trend)
    reached: bool
    by_coach: bool  # carried by a coach's pack
    coach: str | None
    standing: str = ""  # in words: `now 3, rising` (`standing`, for templates and readers)


def progress(
    goal: Goal, title: str, series: Sequence[Rated], zone: dt.tzinfo | None
) -> GoalProgress:
    """Where the person stands against `goal`, from its behaviour's ratings in time order."""
    upto = [r for r in series if goal.closed_at is None or r[0] <= goal.closed_at]
    before = [level for when, level in upto if when <= goal.set_at]
    after = [level for when, level in upto if when > goal.set_at]
    levels = [*before[-1:], *after]
    now = levels[-1] if levels else None
    found = GoalProgress(
        id=goal.id,
        behaviour_id=goal.behaviour_id,
        title=title,
        target=goal.target,
        due=goal.due,
        success=goal.success,
        status=goal.status,
        set_on=goal.set_at.astimezone(zone).date(),
        closed_on=goal.closed_at.astimezone(zone).date() if goal.closed_at else None,
        start=levels[0] if levels else None,
        now=now,
        ratings_since=len(after),
        trend=trend(levels),
        reached=now is not None and now >= goal.target,
        by_coach=goal.pack_id is not None,
        coach=goal.coach,
    )
    return replace(found, standing=standing(found))


def day_words(day: dt.date, today: dt.date) -> str:
    """`1 Mar`, with the year when it is not this one: `1 Mar 2028`."""
    words = f"{day.day} {day:%b}"
    return words if day.year == today.year else f"{words} {day.year}"


def standing(p: GoalProgress) -> str:
    """`now 3, rising`, `target reached`, `not rated yet`: where the person is."""
    if p.now is None:
        return "not rated yet"
    if not p.ratings_since:
        return f"now {p.now}, no rating since it was set"
    words = f"now {p.now}, {p.trend}"
    return f"{words}, target reached" if p.reached else words


def line(p: GoalProgress, today: dt.date) -> str:
    """The one line: `Goal: Protect time 2 -> 4 by 1 Mar: now 3, rising`."""
    start = f"{p.start} " if p.start is not None else ""
    return f"Goal: {p.title} {start}-> {p.target} by {day_words(p.due, today)}: {standing(p)}"
