"""Goals in the journal: the queries `Journal`'s goal methods run inside its transactions.

The rule that at most three are open is checked inside the write that opens one
(goals.refuse_another), so two terminals can never open a fourth between them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from belonging_cli.goals import Rated, find, refuse_another
from belonging_cli.journal.rows import GOALS, iso
from belonging_cli.records import Goal, GoalStatus


class JournalGoals:
    """`Journal`'s goal methods (a base of it, so the store stays one object)."""

    if TYPE_CHECKING:  # Journal's own transactions

        def _writing(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _reading(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def add_goal(self, goal: Goal, title: str) -> None:
        """Open a goal: refused (one line) with three open, or one open for its behaviour."""
        with self._writing() as conn:
            add(conn, goal, title)

    def close_goal(self, id_or_prefix: str, status: GoalStatus, when: dt.datetime) -> Goal:
        with self._writing() as conn:
            return close(conn, id_or_prefix, status, when)

    def save_pack_goals(self, goals: Sequence[Goal], title: Callable[[str], str]) -> PackGoals:
        with self._writing() as conn:
            return save_pack_goals(conn, goals, title)

    def goals(self) -> list[Goal]:
        """Every goal, the earliest set first."""
        with self._reading() as conn:
            return load(conn)

    def goal_ratings(self, behaviour_ids: Iterable[str]) -> dict[str, list[Rated]]:
        """Each behaviour's ratings, oldest first: what goal progress is read from."""
        with self._reading() as conn:
            return rating_series(conn, behaviour_ids)


class PackGoals(NamedTuple):
    """What importing a pack's goals did: added, updated, and refused (three open)."""

    added: tuple[Goal, ...] = ()
    updated: tuple[Goal, ...] = ()
    refused: tuple[tuple[Goal, str], ...] = ()  # and why


def load(conn: sqlite3.Connection, clause: str = "1", params: Sequence[Any] = ()) -> list[Goal]:
    query = f"SELECT {GOALS.select} FROM goals WHERE {clause} ORDER BY set_utc, id"
    return [GOALS.from_row(row) for row in conn.execute(query, params)]


def add(conn: sqlite3.Connection, goal: Goal, title: str) -> None:
    refuse_another(load(conn, "status = 'open'"), goal, title)
    conn.execute(GOALS.insert(), GOALS.row(goal))


def insert_new(conn: sqlite3.Connection, goal: Goal) -> bool:
    """Store an imported goal as it is; False (nothing written) when its id is known."""
    if load(conn, "id = ?", [goal.id]):
        return False
    conn.execute(GOALS.insert(), GOALS.row(goal))
    return True


def close(
    conn: sqlite3.Connection, id_or_prefix: str, status: GoalStatus, when: dt.datetime
) -> Goal:
    from belonging_cli.errors import BelongingError

    goal = find(load(conn), id_or_prefix)
    if goal.status != "open":
        raise BelongingError(f"goal {goal.id[:8]} is closed already ({goal.status})")
    conn.execute(
        "UPDATE goals SET status = ?, closed_at = ? WHERE id = ?", (status, iso(when), goal.id)
    )
    return replace(goal, status=status, closed_at=when)


def save_pack_goals(
    conn: sqlite3.Connection, goals: Iterable[Goal], title: Callable[[str], str]
) -> PackGoals:
    """A pack's goals: new ones opened while there is room, open ones updated to the
    pack's words (set day kept), closed ones left closed."""
    from belonging_cli.errors import BelongingError

    added: list[Goal] = []
    updated: list[Goal] = []
    refused: list[tuple[Goal, str]] = []
    for goal in goals:
        known = load(conn, "id = ?", [goal.id])
        if known:
            if known[0].status == "open":
                kept = replace(goal, set_at=known[0].set_at)
                if kept != known[0]:
                    conn.execute(GOALS.upsert(), GOALS.row(kept))
                    updated.append(kept)
            continue
        try:
            refuse_another(load(conn, "status = 'open'"), goal, title(goal.behaviour_id))
        except BelongingError as exc:
            refused.append((goal, exc.message))
            continue
        conn.execute(GOALS.insert(), GOALS.row(goal))
        added.append(goal)
    return PackGoals(tuple(added), tuple(updated), tuple(refused))


def rating_series(conn: sqlite3.Connection, behaviour_ids: Iterable[str]) -> dict[str, list[Rated]]:
    """Each behaviour's ratings in completed sessions, oldest first (few columns only)."""
    wanted = sorted(set(behaviour_ids))
    found: dict[str, list[Rated]] = {b: [] for b in wanted}
    if not wanted:
        return found
    marks = ", ".join("?" * len(wanted))
    rows = conn.execute(
        "SELECT r.behaviour_id, r.rated_at, r.level FROM ratings r "
        "JOIN sessions s ON s.id = r.session_id "
        f"WHERE s.status = 'complete' AND r.behaviour_id IN ({marks}) "
        "ORDER BY s.started_utc, r.position",
        wanted,
    )
    for behaviour, rated_at, level in rows:
        found[behaviour].append((dt.datetime.fromisoformat(rated_at), int(level)))
    return found
