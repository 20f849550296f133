"""Reading what a flow's history needs, and no more: a sitting's cost follows what it shows.

A reflection (or an exercise) asks the journal a few questions, each answered here
in SQL shaped to it, so that `engine/history.History` gives the answers it gives over
the whole journal (tests/properties/test_history_read_props.py checks they agree):

- each prompt's uses across the journal and its latest (`choose_prompts`), and when
  each wording of a step was last answered in each flow (engine/rotation.py): one
  aggregate over the answers that name a prompt or answer a step taking turns;
- the latest rating and focus of each behaviour (overall, and up to the sitting's
  week), the latest focus, pulse and full pulse up to it (engine/pulse_plan.py; the
  month's first pulse is one in the latest pulse's week or none): the latest week
  holding each, found by period_read's narrow walk back from the newest week, then
  every session of those weeks whole (so their ties stay as they were);
- the sessions since the recap's first day (its trend), those that chose an experiment
  shown (the review reads its plan back), and those around the latest feedback round
  (the self-rating nearest it: period_read.weeks_near);
- experiments: the open ones, those of the last eight weeks, those reviewed since the
  recap's first day, and the person's own private ones of the same titles; each rubric
  experiment's latest try (`fresh_experiment`) as one aggregate.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection, Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, NamedTuple

from belonging_cli.clock import previous_week, week_monday
from belonging_cli.journal import evidence_store, feedback_rounds, loading, period_read

if TYPE_CHECKING:
    from belonging_cli.feedback.round import FeedbackRound
    from belonging_cli.journal.evidence_store import WeekEvidence
    from belonging_cli.records import Assignment, Experiment, Session

# json.dumps of engine/pulse_plan.NOT_SEEN, as the answers table keeps it.
_NOT_SEEN_JSON = json.dumps("not seen")

_NARROW = (
    "SELECT s.week, s.focus_behaviour_id, "
    "(SELECT json_group_array(behaviour_id) FROM ratings r WHERE r.session_id = s.id), "
    "(SELECT json_group_array(a.behaviour_id) FROM answers a WHERE a.session_id = s.id "
    "AND a.behaviour_id IS NOT NULL AND a.value_json = ?) "
    f"FROM sessions s WHERE {period_read.COMPLETE} AND s.week BETWEEN ? AND ?"
)

# One pass over the answers that can matter to a rotation (a prompt named, or a step
# taking turns), each group's count and latest: by the instant for prompts, by (week,
# instant) for wordings, as the fixed-width texts sort. Those answers are picked from
# the table scanned whole first: SQLite's own plan (by an index, a row lookup each)
# cost 2-3x more on 10,000 sessions.
_USED = (
    "WITH a AS MATERIALIZED (SELECT session_id, step_id, behaviour_id, prompt_id "
    "FROM answers WHERE prompt_id IS NOT NULL "
    "OR step_id IN (SELECT value FROM json_each(?))) "
    "SELECT s.flow_id, a.step_id, a.behaviour_id, a.prompt_id, count(*), "
    "max(s.started_utc), max(s.week || s.started_utc) "
    f"FROM a CROSS JOIN sessions s ON s.id = a.session_id WHERE {period_read.COMPLETE} "
    "GROUP BY 1, 2, 3, 4"
)


class Uses(NamedTuple):
    """What the rotations read: (behaviour, prompt) -> (uses, latest instant key), and
    (flow, step, prompt or "") -> latest (week + instant key)."""

    prompts: Mapping[tuple[str, str], tuple[int, str]]
    asked: Mapping[tuple[str, str, str], str]


class HistoryData(NamedTuple):
    """What a history is made of: read here, or a journal in memory's whole (then the
    aggregates are None, and History counts them from the records)."""

    sessions: tuple[Session, ...]  # newest first, as Journal.sessions() orders them
    experiments: tuple[Experiment, ...]
    assignments: tuple[Assignment, ...]
    feedback_rounds: tuple[FeedbackRound, ...]
    evidence: tuple[WeekEvidence, ...]
    uses: Uses | None = None
    tried: Mapping[str, dt.datetime] | None = None  # a rubric experiment's latest try


def used(conn: sqlite3.Connection, turning: Collection[str]) -> Uses:
    """Prompt uses and wordings' latest answers (`turning`: the steps taking turns)."""
    prompts: dict[tuple[str, str], tuple[int, str]] = {}
    asked: dict[tuple[str, str, str], str] = {}
    for flow, step, behaviour, prompt, count, utc, latest in conn.execute(
        _USED, (json.dumps(sorted(turning)),)
    ):
        if step in turning:
            key = (flow, step, prompt or "")
            asked[key] = max(asked.get(key, ""), latest)
        if prompt and behaviour:
            n, last = prompts.get((behaviour, prompt), (0, ""))
            prompts[behaviour, prompt] = (n + count, max(last, utc))
    return Uses(prompts, asked)


def latest_weeks(
    conn: sqlite3.Connection, weeks: list[str], week: str, behaviours: Collection[str]
) -> set[str]:
    """The weeks holding each latest the history reads (see the module's docstring),
    walking back from the newest of `weeks` (sorted) as period_read does."""
    ids = set(behaviours)
    wanted = {(k, b) for k in ("rated", "rated-by", "focus") for b in ids}
    wanted |= {("focus-by", ""), ("pulse-by", ""), ("full-by", "")}
    found: set[str] = set()
    for first, last in period_read.steps_back(weeks):
        rows = conn.execute(_NARROW, (_NOT_SEEN_JSON, first, last)).fetchall()
        rows.sort(key=lambda r: r[0], reverse=True)
        for row_week, focus, rated_json, unseen_json in rows:
            rated = set(json.loads(rated_json))
            covered = rated | set(json.loads(unseen_json))
            by = row_week <= week
            hits = [("rated", b) for b in rated] + [("focus", focus)] * bool(focus)
            if by:
                hits += [("rated-by", b) for b in rated] + [("focus-by", "")] * bool(focus)
                hits += [("pulse-by", "")] * bool(covered)
                hits += [("full-by", "")] * (ids <= covered)
            for hit in hits:
                if hit in wanted:
                    wanted.discard(hit)
                    found.add(row_week)
        if not wanted:
            break
    return found


class Ask(NamedTuple):
    """What a sitting's history is for: its `week`, the rubric's `behaviours`, the
    recap's first day (`since`, when the flow has one), the ids of the flow's steps
    with wordings or turns (`turning`), and the week after which an experiment was
    chosen lately (`recent`)."""

    week: str
    behaviours: Collection[str]
    since: dt.date | None
    turning: Collection[str]
    recent: str


def history_data(conn: sqlite3.Connection, ask: Ask) -> HistoryData:
    """What a sitting asking `ask` reads (the module's docstring)."""
    week, behaviours, since, turning, recent = ask
    shown = "status = 'open' OR week > ?"
    params: list[object] = [recent]
    if since is not None:
        shown += " OR substr(reviewed_at, 1, 10) >= ?"
        params.append(since.isoformat())
    # An own experiment chosen again is private if it ever was (kinds/experiment.take).
    clause = (
        f"{shown} OR (private = 1 AND (behaviour_id, title) IN "
        f"(SELECT behaviour_id, title FROM experiments WHERE {shown}))"
    )
    experiments = loading.experiments(conn, clause, params * 2)
    weeks = sorted({w for w, _ in period_read.complete_weeks(conn)})
    ranges = [(w, w) for w in latest_weeks(conn, weeks, week, behaviours)]
    rounds = feedback_rounds.rounds(conn)
    sunday = week_monday(week) + dt.timedelta(days=6)
    collected = [r for r in rounds if r.collected_on <= sunday]
    if collected and weeks:  # history.suggest_focus: the latest round's blind spots
        latest = max(collected, key=lambda r: r.collected_on)
        ids = [b.id for b in latest.behaviours]
        near = period_read.weeks_near(conn, weeks, latest.collected_on, weeks[-1], ids)
        ranges += [near] if near else []
    # The weeks found, and the sessions that chose an experiment shown or began since.
    clauses = ["s.week BETWEEN ? AND ?" for _ in ranges]
    found: list[object] = [w for pair in ranges for w in pair]
    clauses.append("s.id IN (SELECT value FROM json_each(?))")
    found.append(json.dumps(sorted({e.created_session_id or "" for e in experiments})))
    if since is not None:
        clauses.append("s.started_day >= ?")
        found.append(since.isoformat())
    where = f"{period_read.COMPLETE} AND ({' OR '.join(clauses)})"
    tried = {
        rid: dt.datetime.fromisoformat(at)
        for rid, at, _ in conn.execute(
            "SELECT rubric_experiment_id, created_at, max(created_utc) FROM experiments "
            "WHERE rubric_experiment_id IS NOT NULL GROUP BY 1"
        )
    }
    return HistoryData(
        tuple(loading.sessions(conn, where, found)),
        tuple(experiments),
        tuple(loading.assignments(conn)),
        tuple(rounds),
        tuple(evidence_store.load(conn, None, (previous_week(week), week))),
        used(conn, turning),
        tried,
    )


class _Transactions:
    if TYPE_CHECKING:  # Journal's own transactions

        def _reading(self) -> AbstractContextManager[sqlite3.Connection]: ...


class JournalHistory(_Transactions):
    """`Journal`'s read for a flow's history (a base of `Journal`)."""

    def history_data(self, ask: Ask) -> HistoryData:
        with self._reading() as conn:
            return history_data(conn, ask)
