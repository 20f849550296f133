"""The session prep sheet: one client's bundle -> one page for the next session.

Pure: a bundle, the coach's rubric and today in, a `PrepSheet` out; `prep_render.py`
draws it. The client's summary (weeks, quiet, overdue) is the roll-up's own
(`rollup.summarise_client`), so the sheet and the roll-up never disagree. Every
list is bounded, so a long engagement still fits one printed page; the questions
are the rubric's prompts of the behaviours that moved most, then of those that fell
back, then of those that stalled (one question each). First against latest hides a
fall back (2, 3, 4, 2 reads "0"): a path that climbed and fell back to where it
started is told as one, by the timeline's own rule (reports/sections/timeline.py),
never as stalled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from belonging_cli.clock import iso_week
from belonging_cli.coaching.client_view import Flag, GoalLine, RoundLine, shorten
from belonging_cli.coaching.rollup import ClientSummary, summarise_client
from belonging_cli.errors import BelongingError
from belonging_cli.reports.sections.timeline import fell_back, stretches

if TYPE_CHECKING:
    from belonging_cli.coaching.bundle import Bundle, Rating
    from belonging_cli.content.rubrics import Rubric

DEFAULT_WEEKS = 4  # "since" defaults to the last four weeks: a typical month between sessions
MOVED_SHOWN = 4  # behaviours that moved, biggest move first
NOTES_SHOWN = 2  # the client's words per behaviour, newest first
EXPERIMENTS_SHOWN = 4
EXERCISES_SHOWN = 4
ANSWERS_SHOWN = 6  # per exercise: a time done's every answer, as the packs' exercises run
QUESTION_CHARS = 120  # a question's words, cut at a word past this
WANTS_SHOWN = 3
QUESTIONS = (3, 5)  # at least, at most


@dataclass(frozen=True)
class Moved:
    title: str
    first: int | None
    latest: int
    change: int
    notes: tuple[str, ...]  # what the client wrote when it moved


@dataclass(frozen=True)
class Returned:
    """A behaviour that climbed and fell back to where it started: `up to 4, now 2`."""

    title: str
    high: int
    now: int


@dataclass(frozen=True)
class Tried:
    week: str
    title: str | None  # None when the client kept it private
    outcome: str  # the state it is counted as (tried, partly, not tried, open...)
    learned: str | None


@dataclass(frozen=True)
class Answered:
    question: str | None  # the question's words (None in a bundle that left them out)
    answer: str


@dataclass(frozen=True)
class Exercise:
    title: str
    state: str  # done, due, overdue, dropped, withdrawn
    due: dt.date | None
    answers: tuple[Answered, ...]
    reason: str | None = None  # why the client dropped it, when they said


@dataclass(frozen=True)
class Want:
    question: str | None
    text: str


@dataclass(frozen=True)
class Question:
    behaviour: str
    why: str  # "moved up 2", "fell back from 4 to 2", "stalled at 2"
    text: str


@dataclass(frozen=True)
class PrepSheet:
    client: ClientSummary
    generated_on: dt.date
    since: dt.date
    wants: tuple[Want, ...]
    moved: tuple[Moved, ...]
    stalled: tuple[str, ...]  # titles of behaviours rated and unchanged
    experiments: tuple[Tried, ...]
    exercises: tuple[Exercise, ...]
    flags: tuple[Flag, ...]  # the roll-up's own (client_view.flags), then overdue exercises
    questions: tuple[Question, ...]
    goals: tuple[GoalLine, ...] = ()  # the roll-up's own (client_view.goals)
    feedback: RoundLine | None = None  # the roll-up's own (client_view.feedback_round)
    fell_back: tuple[Returned, ...] = ()  # climbed and back where they started


class NotShared(BelongingError):
    def __init__(self, source: str) -> None:
        super().__init__(
            f"{source}: not a shared report: it may hold what the client kept private",
            hint="ask the client for `belonging report --share --format json`",
        )


def build_prep(
    bundle: Bundle, source: str, rubric: Rubric, today: dt.date, since: dt.date | None = None
) -> PrepSheet:
    """The sheet for `bundle` from `since` (default: four weeks before today) on."""
    if not bundle.shared:
        raise NotShared(source)
    start = since if since is not None else today - dt.timedelta(weeks=DEFAULT_WEEKS)
    week = iso_week(start)
    client = summarise_client(bundle, source, today, start)
    moved, stalled, returned = _movement(bundle.ratings, week)
    return PrepSheet(
        client=client,
        generated_on=today,
        since=start,
        wants=tuple(
            Want(a.question, a.text)
            for a in sorted(bundle.prep, key=lambda a: a.date, reverse=True)
            if a.date >= start
        )[:WANTS_SHOWN],
        moved=moved,
        stalled=tuple(r.title for r in stalled),
        experiments=_experiments(bundle, week),
        exercises=_exercises(bundle, client),
        flags=_flags(client),
        questions=_questions(rubric, moved, returned, stalled, bundle.ratings),
        goals=client.goals,
        feedback=client.feedback,
        fell_back=tuple(r for _, r in returned),
    )


_Returned = tuple[tuple["Rating", Returned], ...]


def _movement(
    ratings: list[Rating], week: str
) -> tuple[tuple[Moved, ...], tuple[Rating, ...], _Returned]:
    """What moved (biggest first), what stalled (lowest first) and what fell back."""
    moved: list[tuple[Moved, Rating]] = []
    stalled: list[Rating] = []
    returned: list[tuple[Rating, Returned]] = []
    for rating in ratings:
        points = [p for p in rating.series if p.week >= week]
        if not points:
            continue
        # From the rating just before the weeks, as the change counts: 2, then 4, 2 fell back.
        path = [p for p in rating.series if p.week < week][-1:] + points
        start = path[0].level
        change = points[-1].level - start
        if change == 0:
            back = fell_back(stretches(path))
            if back is not None:
                returned.append((rating, Returned(rating.title, back.high, points[-1].level)))
            elif len(path) >= 2:
                stalled.append(rating)
            continue
        notes = tuple(p.evidence for p in reversed(points) if p.evidence)[:NOTES_SHOWN]
        moved.append((Moved(rating.title, start, points[-1].level, change, notes), rating))
    moved.sort(key=lambda m: -abs(m[0].change))
    stalled.sort(key=lambda r: r.latest or 0)  # the lowest first: where help is needed
    kept = moved[:MOVED_SHOWN]
    return tuple(m for m, _ in kept), tuple(stalled), tuple(returned)


def _experiments(bundle: Bundle, week: str) -> tuple[Tried, ...]:
    items = [e for e in bundle.experiments.items if e.week >= week]
    items.sort(key=lambda e: e.week, reverse=True)
    return tuple(
        Tried(e.week, e.title, (e.state or e.status).replace("_", " "), e.learned)
        for e in items[:EXPERIMENTS_SHOWN]
    )


def _exercises(bundle: Bundle, client: ClientSummary) -> tuple[Exercise, ...]:
    if bundle.exercises is None:
        return ()
    overdue = set(client.overdue_exercises)  # judged as of today, as the roll-up does
    found = []
    for item in bundle.exercises.items:
        state = "overdue" if item.id in overdue else item.state
        # The newest time done first, each time's answers in the exercise's order, each
        # with its question: a bare "very hard" or "4" means nothing to a coach. Every
        # shared answer the bundle holds is one the client was asked (a `when:` one too).
        newest = sorted(item.answers, key=lambda a: a.week, reverse=True)
        answers = tuple(
            Answered(shorten(a.question, QUESTION_CHARS) if a.question else None, shorten(a.answer))
            for a in newest[:ANSWERS_SHOWN]
        )
        reason = item.reason if state == "dropped" else None
        found.append(Exercise(item.title, state, item.due, answers, reason))
    order = {"overdue": 0, "dropped": 1, "done": 2, "due": 3, "withdrawn": 4}
    found.sort(key=lambda e: order.get(e.state, 5))
    return tuple(found[:EXERCISES_SHOWN])


def _flags(client: ClientSummary) -> tuple[Flag, ...]:
    """The roll-up's flags (one rule: a coach reads the same in both), and the
    exercises overdue, which the roll-up shows in its own column instead."""
    count = len(client.overdue_exercises)
    overdue = (Flag("overdue", f"{count} exercise{'s' if count != 1 else ''} overdue"),)
    return client.flags + (overdue if count else ())


def _questions(
    rubric: Rubric,
    moved: tuple[Moved, ...],
    returned: _Returned,
    stalled: tuple[Rating, ...],
    ratings: list[Rating],
) -> tuple[Question, ...]:
    """One rubric prompt per behaviour that moved (biggest first), then fell back, then
    stalled, then the lowest rated, until there are enough; a behaviour the coach's
    rubric lacks is skipped."""
    by_title = {r.title: r for r in ratings}
    picks: list[tuple[Rating, str]] = []
    for m in moved:
        direction = "up" if m.change > 0 else "down"
        picks.append((by_title[m.title], f"moved {direction} {abs(m.change)}"))
    picks += [(r, f"fell back from {f.high} to {f.now}") for r, f in returned]
    picks += [(r, f"stalled at {r.latest}") for r in stalled]
    rated = sorted((r for r in ratings if r.latest is not None), key=lambda r: r.latest or 0)
    picks += [(r, f"at {r.latest}") for r in rated]
    found: list[Question] = []
    seen: set[str] = set()
    for rating, why in picks:
        behaviour = rubric.find(rating.behaviour_id)
        if behaviour is None or rating.behaviour_id in seen or not behaviour.prompts:
            continue
        seen.add(rating.behaviour_id)
        # The prompt that asks nothing a weekly step already asks, else the first.
        prompt = next((p for p in behaviour.prompts if not p.asks), behaviour.prompts[0])
        found.append(Question(rating.title, why, prompt.text))
        if len(found) == QUESTIONS[1]:
            break
    return tuple(found)
