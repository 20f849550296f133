"""The two-minute top: at most five lines a person (or their coach) reads first, and
up to two more where evidence and a rating disagree (sections/evidence.py).

Rhythm, the biggest move and what the person wrote about it, what worked (an
experiment followed by a rise), what is stuck, evidence against a rating, and the
one suggested next focus with its reason (sections/focus.py: the report makes one
suggestion). Findings are
the person's own figures and words, never the rubric's descriptors read back.
Pure over the report's parts; every renderer prints `lines` (user text inside
them is escaped by the renderer, like any text), the JSON bundle has the parts too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from belonging_cli.reports.sections.links import ExperimentLink, quoted, worked
from belonging_cli.reports.words import plural, signed

if TYPE_CHECKING:
    from belonging_cli.reports.model import BehaviourTrend, Suggestion, Summary
    from belonging_cli.reports.sections.evidence import Disagreement
    from belonging_cli.reports.sections.timeline import Timeline

STUCK_AT = 3  # a stretch at this level or lower ...
STUCK_FOR = 3  # ... for this many ratings in a row, up to the latest, is stuck


@dataclass(slots=True)
class Move:
    behaviour_id: str
    title: str
    start: int  # where the period started from (the level before it, else its first)
    latest: int
    change: int
    note: str | None  # what the person wrote about a move that way, if shown
    note_week: str | None


@dataclass(slots=True)
class Stuck:
    behaviour_id: str
    title: str
    level: int
    label: str | None
    ratings: int  # in a row, up to the latest
    since: str  # the week the stretch began


@dataclass(slots=True)
class Top:
    lines: tuple[str, ...]  # in this order: rhythm, move, worked, stuck, evidence, focus
    rhythm: str
    move: Move | None
    worked: ExperimentLink | None
    stuck: Stuck | None
    focus: Suggestion | None
    evidence: tuple[Disagreement, ...] = ()  # where evidence and a rating disagree (at most 2)


def top(
    summary: Summary,
    ratings: Sequence[BehaviourTrend],
    timelines: Sequence[Timeline],
    found_links: Sequence[ExperimentLink],
    focus: Suggestion | None,
    disagreements: Sequence[Disagreement] = (),
) -> Top:
    rhythm = rhythm_line(summary)
    move = biggest_move(ratings, timelines)
    success = worked(found_links)
    stuck = stuck_one(ratings, timelines)
    lines = [rhythm]
    if move is not None:
        lines.append(_move_line(move))
    if success is not None:
        lines.append(f"What worked: {success.text[:1].lower()}{success.text[1:]}")
    if stuck is not None:
        label = f" ({stuck.label})" if stuck.label else ""
        lines.append(
            f"Stuck: {stuck.title} at {stuck.level}{label}, "
            f"{stuck.ratings} ratings in a row since {stuck.since}."
        )
    lines += (d.text for d in disagreements)  # sections/evidence.py bounds them
    if focus is not None:
        lines.append(f"Next focus: {focus.title}. {focus.reason}")
    return Top(tuple(lines), rhythm, move, success, stuck, focus, tuple(disagreements))


def rhythm_line(summary: Summary) -> str:
    sessions, weeks = summary.sessions_completed, summary.weeks_in_period
    if sessions == 0:
        return "Rhythm: no reflection in this period yet."
    count = plural(sessions, "reflection")
    if weeks == 1:
        said = f"Rhythm: {count} this week"
    else:
        said = f"Rhythm: {count} in {summary.weeks_reflected} of {weeks} weeks"
    streak = summary.current_streak
    if streak >= 2:
        return f"{said}; {streak} weeks in a row."
    if streak == 1:
        return f"{said}; a streak starts this week."
    return f"{said}; the streak has paused."


def biggest_move(ratings: Sequence[BehaviourTrend], timelines: Sequence[Timeline]) -> Move | None:
    """The largest change over the period; ties: the steadier path, then rubric order."""
    turns = {t.behaviour_id: len(t.stretches) for t in timelines}
    moved = [t for t in ratings if t.change and t.latest is not None]
    if not moved:
        return None
    best = min(moved, key=lambda t: (-abs(t.change or 0), turns.get(t.behaviour_id, 0), t.number))
    change = best.change or 0
    latest = best.latest or 0
    note, week = None, None
    for point in best.series:  # the latest note on a step the same way
        step = point.level - point.previous if point.previous is not None else 0
        if point.evidence and step * change > 0:
            note, week = point.evidence, point.week
    return Move(best.behaviour_id, best.title, latest - change, latest, change, note, week)


def stuck_one(ratings: Sequence[BehaviourTrend], timelines: Sequence[Timeline]) -> Stuck | None:
    """The lowest behaviour that has not moved for STUCK_FOR ratings up to the latest."""
    labels = {t.behaviour_id: (t.latest_label, t.number) for t in ratings}
    found = [
        (t, t.stretches[-1])
        for t in timelines
        if t.stretches[-1].weeks >= STUCK_FOR and t.stretches[-1].level <= STUCK_AT
    ]
    if not found:
        return None
    t, last = min(found, key=lambda f: (f[1].level, -f[1].weeks, labels[f[0].behaviour_id][1]))
    label = labels[t.behaviour_id][0]
    return Stuck(t.behaviour_id, t.title, last.level, label, last.weeks, last.first_week)


def _move_line(move: Move) -> str:
    line = f"Biggest move: {move.title} {move.start} \u2192 {move.latest} ({signed(move.change)})."
    if move.note:
        line += f" You wrote ({move.note_week}): {quoted(move.note)}"
    return line
