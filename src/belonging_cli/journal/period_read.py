"""Reading what a report of some weeks needs, and no more: its cost follows the period.

A report (or `progress`) of the last 12 weeks shows those weeks, but a few of its
figures speak of the journal around them. `period_data` loads the period's completed
sessions whole, plus the few sessions outside it that those figures read, so every
figure is the one a report over the whole journal would give:

- the level each behaviour stood at before the period (its trends' "change"), and
  the latest rating and focus of each behaviour (the suggested next focus): the
  latest week before the period that holds one, for each behaviour;
- whether an open experiment's review was skipped: the two latest reflections
  before the period that held a review;
- the self-rating nearest the latest feedback round, for each behaviour it rated:
  every week nearer the round than one past the nearest rated week;
- a goal's progress: the ratings of its behaviour given after it was set, and the
  latest week of those given before.

Each is a latest (or nearest) per behaviour, and the sections order sessions by
week first, so loading every session of the winning weeks keeps their ties too.
The walk back from the period reads narrow rows (week, flags, the behaviours
rated), a few weeks at a time, until each behaviour has its week. Weeks and
reflections (the streak, the start of `--period all`) come from `reflection_weeks`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, NamedTuple, TypedDict

from belonging_cli.clock import iso_week, week_monday
from belonging_cli.journal import feedback_rounds, goals_store, loading
from belonging_cli.records import JournalData

if TYPE_CHECKING:
    from typing_extensions import NotRequired, Unpack

    from belonging_cli.records import Goal

# A completed weekly reflection, in SQL over sessions `s`: reports/scope.is_reflection's rule.
REFLECTION = "s.status = 'complete' AND s.assignment_id IS NULL"
COMPLETE = "s.status = 'complete'"
FIRST_STEP = 4  # weeks read back from the period at first; each further step reads 4x more


class Narrow(NamedTuple):
    """A completed session as the walk reads it: no answers, no texts."""

    week: str
    reflection: bool
    focus: str | None
    rated: frozenset[str]
    review: bool


_NARROW = (
    "SELECT s.week, s.assignment_id IS NULL, s.focus_behaviour_id, "
    "(SELECT json_group_array(behaviour_id) FROM ratings r WHERE r.session_id = s.id), "
    "EXISTS (SELECT 1 FROM answers a WHERE a.session_id = s.id AND a.kind = 'review') "
    f"FROM sessions s WHERE {COMPLETE} AND s.week >= ? AND s.week <= ?"
)


def narrow(conn: sqlite3.Connection, first: str, last: str) -> list[Narrow]:
    return [
        Narrow(week, bool(refl), focus, frozenset(json.loads(rated)), bool(review))
        for week, refl, focus, rated, review in conn.execute(_NARROW, (first, last))
    ]


def complete_weeks(conn: sqlite3.Connection) -> list[tuple[str, bool]]:
    """(week, is a reflection) of every completed session, in no order."""
    query = f"SELECT s.week, s.assignment_id IS NULL FROM sessions s WHERE {COMPLETE}"
    return [(week, bool(refl)) for week, refl in conn.execute(query)]


def last_reflection_day(conn: sqlite3.Connection) -> dt.date | None:
    """The latest day a reflection was completed (or started), as reports/scope.when
    reads a session: each time's own date, with its own offset."""
    query = f"SELECT coalesce(s.completed_at, s.started_at) FROM sessions s WHERE {REFLECTION}"
    days = [dt.datetime.fromisoformat(text).date() for (text,) in conn.execute(query)]
    return max(days, default=None)


def weeks_before(
    conn: sqlite3.Connection,
    weeks: Sequence[str],
    first_week: str,
    behaviours: Collection[str],
    reviews_since: str | None,
) -> set[str]:
    """The weeks before `first_week` whose sessions the report's figures read (see the
    module's docstring); `weeks`: the distinct weeks of completed sessions, sorted;
    `reviews_since`: the earliest week of an open experiment set before the period (a
    review before that week says nothing of it), None when there is none."""
    earlier = [w for w in weeks if w < first_week]
    wanted = {(kind, b) for kind in ("level", "rated", "focus") for b in behaviours}
    found: set[str] = set()
    reviews: list[str] = []

    def reviews_wanted(newest: str) -> bool:
        # A review in a week before every open experiment's says nothing of them.
        return reviews_since is not None and len(reviews) < 2 and newest >= reviews_since

    for first, last in steps_back(earlier):
        if not (wanted or reviews_wanted(last)):
            break
        rows = narrow(conn, first, last)
        rows.sort(key=lambda r: r.week, reverse=True)
        for row in rows:
            for kind, ids in (
                ("level", row.rated if row.reflection else ()),
                ("rated", row.rated),
                ("focus", (row.focus,) if row.focus else ()),
            ):
                for b in ids:
                    if (kind, b) in wanted:
                        wanted.discard((kind, b))
                        found.add(row.week)
            if row.review and row.reflection and len(reviews) < 2:
                reviews.append(row.week)
    return found | set(reviews)


def steps_back(weeks: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(first, last) spans of `weeks` (sorted), the newest first: FIRST_STEP weeks, then
    each span 4x the one before, so a walk back reads a few weeks when the latest of
    each is near, and the whole journal in a few queries when it is not."""
    end, step = len(weeks), FIRST_STEP
    while end > 0:
        start = max(end - step, 0)
        yield weeks[start], weeks[end - 1]
        end, step = start, step * 4


def weeks_near(
    conn: sqlite3.Connection,
    weeks: Sequence[str],
    day: dt.date,
    last_week: str,
    behaviours: Collection[str],
) -> tuple[str, str] | None:
    """The weeks around `day` that hold each behaviour's self-rating nearest it (as
    reports/sections/feedback.nearest_ratings finds it): among reflections of any week,
    and among completed sessions up to `last_week`. A reflection's day lies in its week,
    so none more than one week past the nearest rated week can be nearer."""
    if not weeks:
        return None
    centre = week_monday(iso_week(day))

    def week(distance: int) -> str:
        return iso_week(centre + dt.timedelta(weeks=distance))

    span = 1
    while True:
        lo, hi = week(-span), week(span)
        rows = narrow(conn, lo, hi)
        nearest: dict[tuple[str, str], int] = {}
        for row in rows:
            far = abs((week_monday(row.week) - centre).days) // 7
            # feedback_view reads reflections of any week; blind_spots_by, completed
            # sessions up to the period's end.
            for kind, counts in (("reflection", row.reflection), ("upto", row.week <= last_week)):
                for b in row.rated if counts else ():
                    nearest[kind, b] = min(nearest.get((kind, b), far), far)
        settled = all(
            nearest.get((kind, b), span) < span
            for kind in ("reflection", "upto")
            for b in behaviours
        )
        if settled or (lo <= weeks[0] and hi >= weeks[-1]):
            return lo, hi
        span *= 2


def goal_sessions(
    conn: sqlite3.Connection, goals: Iterable[Goal], last_week: str
) -> tuple[set[str], set[str]]:
    """(session ids, weeks) that goals.progress reads for `goals`: each rating of the
    goal's behaviour given after it was set (up to its closing), and the latest week
    (by the order the report reads them) of those given before."""
    ids: set[str] = set()
    weeks: set[str] = set()
    query = (
        "SELECT r.session_id, s.week, r.rated_at FROM ratings r JOIN sessions s "
        f"ON s.id = r.session_id WHERE {COMPLETE} AND r.behaviour_id = ? AND s.week <= ?"
    )
    for goal in goals:
        before: list[str] = []
        for sid, week, rated in conn.execute(query, (goal.behaviour_id, last_week)):
            at = dt.datetime.fromisoformat(rated)
            if goal.closed_at is not None and at > goal.closed_at:
                continue
            if at > goal.set_at:
                ids.add(sid)
            else:
                before.append(week)
        if before:
            weeks.add(max(before))
    return ids, weeks


def in_play(goals: Iterable[Goal], first: dt.date, last: dt.date) -> list[Goal]:
    """The goals a report of these days may show (reports/sections/goals.py judges them in
    the person's zone: a day either side is kept, whatever the zone)."""
    slack = dt.timedelta(days=1)
    return [
        g
        for g in goals
        if g.set_at.date() <= last + slack
        and (g.closed_at is None or g.closed_at.date() >= first - slack)
    ]


def answers_read(roles: Iterable[str], kinds: Iterable[str]) -> str:
    """The answers (over alias `a`) a report reads: of steps with one of `roles` or
    `kinds`, a rubric prompt's, and every answer of a session doing an exercise."""
    words = [*roles, *kinds]
    if not all(w.replace("_", "").isalnum() for w in words):  # our own names, quoted here
        raise ValueError(f"not a step role or kind: {words}")
    listed = ", ".join(f"'{w}'" for w in roles) or "NULL"
    typed = ", ".join(f"'{w}'" for w in kinds) or "NULL"
    return (
        f"a.role IN ({listed}) OR a.kind IN ({typed}) "
        "OR (a.prompt_id IS NOT NULL AND a.behaviour_id IS NOT NULL) "
        "OR a.session_id IN (SELECT id FROM sessions WHERE assignment_id IS NOT NULL)"
    )


class Around(TypedDict):
    """What a period's read needs besides its weeks: the rubric's `behaviours`, the day
    the period ends (`until`), the weeks of every completed session (`weeks`, when
    the caller has read them), and which answers it reads (`answers`: answers_read's
    clause; every answer without it)."""

    behaviours: Collection[str]
    until: dt.date
    weeks: NotRequired[Sequence[str]]
    answers: NotRequired[str]


def period_data(
    conn: sqlite3.Connection, first_week: str, last_week: str, **around: Unpack[Around]
) -> JournalData:
    """What a report of `first_week`..`last_week` reads: every assignment, feedback
    round and goal (small tables), the experiments of the period and the open ones, and
    the completed sessions of the module's docstring."""
    behaviours, until = around["behaviours"], around["until"]
    given = around.get("weeks")
    weeks = sorted({w for w, _ in complete_weeks(conn)} if given is None else set(given))
    experiments = loading.experiments(
        conn, "(week BETWEEN ? AND ?) OR status = 'open'", (first_week, last_week)
    )
    set_before = [e.week for e in experiments if e.status == "open" and e.week < first_week]
    ranges: list[tuple[str, str]] = [(first_week, last_week)]
    found = weeks_before(conn, weeks, first_week, behaviours, min(set_before, default=None))
    ranges += [(w, w) for w in found]
    rounds = feedback_rounds.rounds(conn)
    collected = [r for r in rounds if r.collected_on <= until]
    if collected:  # feedback_view and blind_spots_by read the latest one
        latest = collected[-1]
        near = weeks_near(
            conn, weeks, latest.collected_on, last_week, [b.id for b in latest.behaviours]
        )
        ranges += [near] if near else []
    goals = goals_store.load(conn)
    start = week_monday(first_week)
    ids, goal_weeks = goal_sessions(conn, in_play(goals, start, until), last_week)
    ranges += [(w, w) for w in goal_weeks]
    clause = " OR ".join("s.week BETWEEN ? AND ?" for _ in ranges)
    where = f"{COMPLETE} AND ({clause} OR s.id IN (SELECT value FROM json_each(?)))"
    params = [w for pair in ranges for w in pair] + [json.dumps(sorted(ids))]
    return JournalData(
        tuple(
            loading.sessions(conn, where, params, newest_first=False, answers=around.get("answers"))
        ),
        tuple(experiments),
        tuple(loading.assignments(conn)),
        feedback_rounds=tuple(rounds),
        goals=tuple(goals),
    )


class _Transactions:
    if TYPE_CHECKING:  # Journal's own transactions

        def _reading(self) -> AbstractContextManager[sqlite3.Connection]: ...


class JournalPeriod(_Transactions):
    """`Journal`'s reads for a report of some weeks (a base of `Journal`)."""

    def reflection_weeks(self) -> list[str]:
        """The week of every completed reflection, in no order (reports/build.weeks_of)."""
        return [w for w, refl in self.complete_weeks() if refl]

    def complete_weeks(self) -> list[tuple[str, bool]]:
        with self._reading() as conn:
            return complete_weeks(conn)

    def last_reflection_day(self) -> dt.date | None:
        with self._reading() as conn:
            return last_reflection_day(conn)

    def period_data(self, first_week: str, last_week: str, **around: Unpack[Around]) -> JournalData:
        with self._reading() as conn:
            return period_data(conn, first_week, last_week, **around)
