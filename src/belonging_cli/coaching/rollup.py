"""The coach's roll-up: many clients' bundles -> one picture, per client and across them.

Pure: bundles in, plain dataclasses out; the templates in `render.py` draw them.
"Today" is passed in, so that overdue exercises and quiet clients are judged
as of the day the roll-up is made, not the day each bundle was. Bundles are
taken one at a time and only their summaries kept, so a roll-up of many large
bundles needs the memory of one.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from belonging_cli.clock import iso_week
from belonging_cli.coaching import client_view
from belonging_cli.coaching.bundle import Bundle, ExperimentItem, Experiments, Rating
from belonging_cli.coaching.client_view import (
    QUIET_DAYS,
    BehaviourLine,
    Dropped,
    Flag,
    GoalLine,
    RoundLine,
    SharedWord,
)
from belonging_cli.coaching.progress import state_of
from belonging_cli.errors import Problem
from belonging_cli.reports.movement import average, movement

OPEN_LISTED = 5  # open experiments kept per client: as many as a bundle lists
WINDOW_DAYS = 28  # without --since, the words and timelines of the last four weeks
NOT_SHARED = (
    "not a shared report: it may hold private answers, so it is not rolled up; "
    "ask for one made with `belonging report --share --format json`"
)


@dataclass(frozen=True, slots=True)
class BehaviourRating:
    behaviour_id: str
    title: str
    latest: int | None
    change: int | None
    label: str | None

    @property
    def start(self) -> int | None:
        """The level the change counts from (the roll-up's `from` column)."""
        return counted_from(self.latest, self.change)


@dataclass(frozen=True, slots=True)
class OpenExperiment:
    behaviour_id: str
    behaviour_title: str | None
    title: str | None  # None when the client kept it private
    week: str


@dataclass(frozen=True, slots=True)
class ExerciseCounts:
    done: int = 0
    due: int = 0
    overdue: int = 0


@dataclass(frozen=True, slots=True)
class ClientSummary:
    name: str
    source: str  # the file it came from
    rubric: str  # "id version"
    rubric_note: str | None  # set when it differs from the roll-up's rubric
    period_start: dt.date
    period_end: dt.date
    sessions: int | None  # None when --since cuts into the bundle's period (not knowable)
    weeks_reflected: int
    weeks_in_period: int
    last_reflection: dt.date | None
    days_since_reflection: int | None
    quiet: bool
    ratings: tuple[BehaviourRating, ...]
    exercises: ExerciseCounts | None
    overdue_exercises: tuple[str, ...]
    open_experiment: OpenExperiment | None  # the one status shows: `open_experiments`' first
    open_experiments: tuple[OpenExperiment, ...]  # at most OPEN_LISTED, as the bundle lists
    open_total: int  # how many are open (a bundle before format_minor 8: the one it says)
    shared: bool
    window_start: str = ""  # the first week the words and timelines cover
    started: dt.date | None = None  # coaching started: --started, else the first import
    weeks_coached: int | None = None  # whole weeks from `started` to the roll-up's day
    words: tuple[SharedWord, ...] = ()
    timeline: tuple[BehaviourLine, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    flags: tuple[Flag, ...] = ()
    goals: tuple[GoalLine, ...] = ()
    feedback: RoundLine | None = None  # the latest round of others' view

    @property
    def open_more(self) -> int:
        """How many are open besides `open_experiment` (a coach reads "+2 more")."""
        return max(0, self.open_total - 1)

    @property
    def open_unlisted(self) -> int:
        """How many are open that `open_experiments` leaves out ("and 2 more open")."""
        return max(0, self.open_total - len(self.open_experiments))


@dataclass(frozen=True, slots=True)
class BehaviourSpread:
    behaviour_id: str
    title: str
    clients: int
    average: float | None
    lowest: int | None
    highest: int | None
    stdev: float | None


@dataclass(frozen=True, slots=True)
class OverdueExercise:
    id: str
    title: str
    clients: int
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rollup:
    generated_on: dt.date
    since: dt.date | None
    rubric: str
    clients: tuple[ClientSummary, ...]
    behaviours: tuple[BehaviourSpread, ...]
    quiet_clients: tuple[str, ...]
    overdue: tuple[OverdueExercise, ...]
    skipped: tuple[str, ...] = field(default=())  # why each unreadable file was left out


def _window(rating: Rating, since_week: str | None) -> tuple[int | None, int | None]:
    """Latest level and change over the weeks from `since_week` on, as the report moves
    them: from the rating just before the window (movement's `before`), not its first."""
    if since_week is None:  # the bundle's period: its own figures, counted the same way
        return rating.latest, rating.change
    inside = [p.level for p in rating.series if p.week >= since_week]
    earlier = [p.level for p in rating.series if p.week < since_week]
    # Else from where the bundle's own change counts: the rating before its period (its
    # first when there is none, which counts the same as no `before`).
    start = earlier[-1] if earlier else counted_from(rating.latest, rating.change)
    _, latest, change, _ = movement(inside, start)
    return latest, change


def counted_from(latest: int | None, change: int | None) -> int | None:
    """The level a change counts from, as the report counts it: the one that stood when
    the window began, else the window's first rating."""
    if latest is None or change is None:
        return None
    return latest - change


def summarise_client(
    bundle: Bundle,
    source: str,
    today: dt.date,
    since: dt.date | None,
    reference_rubric: str | None = None,
    started: dt.date | None = None,
) -> ClientSummary:
    """One client's summary; the note on another rubric needs `reference_rubric`.

    The words, timelines and flags cover `since` on, else the last WINDOW_DAYS."""
    since_week = iso_week(since) if since is not None and since > bundle.period.start else None
    ratings = []
    reflected_weeks: set[str] = set()
    for rating in bundle.ratings:
        latest, change = _window(rating, since_week)
        if since_week is not None:  # else the bundle's own count is the period's
            reflected_weeks.update(p.week for p in rating.series if p.week >= since_week)
        ratings.append(
            BehaviourRating(
                rating.behaviour_id,
                rating.title,
                latest,
                change,
                rating.latest_label if latest is not None else None,
            )
        )
    if since_week is None:
        sessions: int | None = bundle.summary.sessions_completed
        weeks = bundle.summary.weeks_reflected
        weeks_in_period = bundle.summary.weeks_in_period
    else:
        sessions = None
        weeks = len(reflected_weeks)
        assert since is not None
        weeks_in_period = max(0, (bundle.period.end - since).days // 7 + 1)
    last = bundle.summary.last_reflection
    days = (today - last).days if last is not None else None
    rubric = sys.intern(f"{bundle.rubric.id} {bundle.rubric.version}")  # one for all clients
    note = None if reference_rubric is None else _rubric_note(rubric, reference_rubric)
    counts, overdue = _exercises(bundle, today)
    opened, open_total = _open_experiments(bundle.experiments)
    first = client_view.window_start(bundle, since or today - dt.timedelta(days=WINDOW_DAYS))
    timeline = client_view.behaviour_lines(bundle, first)
    began = client_view.coaching_started(bundle, started)
    return ClientSummary(
        name=bundle.person.name or _stem(source),
        source=source,
        rubric=rubric,
        rubric_note=note,
        period_start=bundle.period.start if since is None or since_week is None else since,
        period_end=bundle.period.end,
        sessions=sessions,
        weeks_reflected=weeks,
        weeks_in_period=weeks_in_period,
        last_reflection=last,
        days_since_reflection=days,
        quiet=days is None or days >= QUIET_DAYS,
        ratings=tuple(ratings),
        exercises=counts,
        overdue_exercises=overdue,
        open_experiment=opened[0] if opened else None,
        open_experiments=opened,
        open_total=open_total,
        shared=bundle.shared,
        window_start=first,
        started=began,
        weeks_coached=None if began is None else max(0, (today - began).days // 7),
        words=client_view.shared_words(bundle, first),
        timeline=timeline,
        dropped=client_view.dropped(bundle),
        flags=client_view.flags(bundle, days, timeline),
        goals=client_view.goals(bundle, today),
        feedback=client_view.feedback_round(bundle, today),
    )


def _open_experiments(found: Experiments) -> tuple[tuple[OpenExperiment, ...], int]:
    """The client's open experiments, the one status shows first, and how many are open.

    A bundle before format_minor 8 says only `open`: that one, read as it always was.
    A total below what the bundle lists (a damaged one) counts what it lists."""
    listed = found.open_now or ([found.open] if found.open is not None else [])
    shown = tuple(_open(item) for item in listed[:OPEN_LISTED])
    return shown, max(found.open_total or 0, len(listed))


def _open(item: ExperimentItem) -> OpenExperiment:
    # A private title never leaves here, whatever a (forged) shared bundle carries. The
    # behaviour and week repeat across a roll-up's clients: one copy of each.
    title = None if item.private else item.title
    about = None if item.behaviour_title is None else sys.intern(item.behaviour_title)
    return OpenExperiment(sys.intern(item.behaviour_id), about, title, sys.intern(item.week))


def _exercises(bundle: Bundle, today: dt.date) -> tuple[ExerciseCounts | None, tuple[str, ...]]:
    """Counts judged as of today: an exercise due in the bundle may be overdue by now."""
    if bundle.exercises is None:
        return None, ()
    done = due = 0
    overdue: list[str] = []
    for item in bundle.exercises.items:
        if item.state == "done":
            done += 1
        elif item.state in ("due", "overdue"):
            if state_of("assigned", item.due, today) == "overdue":
                overdue.append(item.id)
            else:
                due += 1
    return ExerciseCounts(done, due, len(overdue)), tuple(overdue)


def shared_only(
    pairs: Iterable[tuple[str, Bundle]], problems: list[Problem]
) -> Iterator[tuple[str, Bundle]]:
    """The shared bundles; each other one is refused as a problem naming its file.

    A bundle made without --share holds every private answer: a coach's roll-up
    must never show it, and a small note beside it would be missed."""
    for source, bundle in pairs:
        if bundle.shared:
            yield source, bundle
        else:
            problems.append(Problem(source, 1, 1, "shared", NOT_SHARED))
        del bundle  # let it go before the next is read: one bundle held at a time


def _rubric_note(rubric: str, reference: str) -> str | None:
    if rubric == reference:
        return None
    return f"made with rubric {rubric}; the roll-up compares against {reference}"


def _stem(source: str) -> str:
    from pathlib import Path

    return Path(source).stem


def build_rollup(
    bundles: Iterable[tuple[str, Bundle]],
    today: dt.date,
    since: dt.date | None = None,
    skipped: Sequence[str] = (),
    started: dt.date | None = None,
) -> Rollup:
    """The roll-up of `(source, bundle)` pairs, in the order given, read once each."""
    found: list[ClientSummary] = []
    titles: dict[str, str] = {}  # exercise id -> its title, as first seen
    for source, bundle in bundles:
        found.append(summarise_client(bundle, source, today, since, started=started))
        for item in bundle.exercises.items if bundle.exercises else ():
            titles.setdefault(item.id, item.title)
        # The loop's name would hold this bundle while the next is read and parsed:
        # two at a time, the peak doubled (caught by the memory test in CI).
        del bundle
    rubrics = Counter(c.rubric for c in found)
    reference = rubrics.most_common(1)[0][0] if rubrics else ""
    # Most clients share the reference rubric: only the others' summaries are made again.
    clients = tuple(
        c if c.rubric == reference else replace(c, rubric_note=_rubric_note(c.rubric, reference))
        for c in found
    )
    return Rollup(
        generated_on=today,
        since=since,
        rubric=reference,
        clients=clients,
        behaviours=_spread(clients),
        quiet_clients=tuple(c.name for c in clients if c.quiet),
        overdue=_most_overdue(titles, clients),
        skipped=tuple(skipped),
    )


def _spread(clients: Sequence[ClientSummary]) -> tuple[BehaviourSpread, ...]:
    """Per behaviour, across clients' latest ratings; behaviours in first-seen rubric order."""
    titles: dict[str, str] = {}
    levels: dict[str, list[int]] = {}
    for client in clients:
        for rating in client.ratings:
            titles.setdefault(rating.behaviour_id, rating.title)
            found = levels.setdefault(rating.behaviour_id, [])
            if rating.latest is not None:
                found.append(rating.latest)
    result = []
    for behaviour_id, title in titles.items():
        values = levels[behaviour_id]
        result.append(
            BehaviourSpread(
                behaviour_id=behaviour_id,
                title=title,
                clients=len(values),
                average=average(values) if values else None,
                lowest=min(values) if values else None,
                highest=max(values) if values else None,
                stdev=round(statistics.pstdev(values), 2) if len(values) > 1 else None,
            )
        )
    return tuple(result)


def _most_overdue(
    titles: dict[str, str], clients: Sequence[ClientSummary]
) -> tuple[OverdueExercise, ...]:
    who: dict[str, list[str]] = {}
    for client in clients:
        for exercise_id in client.overdue_exercises:
            who.setdefault(exercise_id, []).append(client.name)
    ranked = sorted(who.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return tuple(
        OverdueExercise(key, titles.get(key, key), len(names), tuple(names))
        for key, names in ranked
    )
