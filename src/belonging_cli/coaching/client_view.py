"""What a coach preps a session from, per client: the shared words, each behaviour's
timeline, when coaching started, and the flags to act on.

Pure over one bundle (coaching/bundle.py) and the window the roll-up covers; each
part is small and bounded, so the roll-up keeps these and lets the bundle go.
The rules of a path (stretches, a fall back from a high) are the report's own
(reports/sections/timeline.py): a coach and a client read the same relapse.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from belonging_cli.clock import iso_week
from belonging_cli.coaching.bundle import Bundle, Goal
from belonging_cli.reports.charts import sparkline, weeks_between
from belonging_cli.reports.model import WeekLevel
from belonging_cli.reports.sections.timeline import Stretch, fell_back, story, stretches

if TYPE_CHECKING:
    from belonging_cli.reports.sections.feedback import Verdict

MAX_WORDS = 12  # shared words per client: a session's worth, newest first
MAX_CHARS = 200  # each cut at a word boundary past this
QUIET_DAYS = 14  # "has not reflected for two weeks or more"
RELAPSE_LEVELS = 2  # a behaviour down this many levels from its high
NOT_TRIED_RUN = 2  # experiments answered "not this time" in a row


@dataclass(frozen=True, slots=True)
class SharedWord:
    week: str
    kind: str  # exercise, experiment, rating, takeaway
    about: str  # what it answers: the exercise and question, the experiment, ...
    text: str


@dataclass(frozen=True, slots=True)
class BehaviourLine:
    behaviour_id: str
    title: str
    spark: str  # one mark a week from the window's first week; a space: not rated
    high: int
    low: int
    latest: int
    story: str
    relapse: str | None  # "4 in 2026-W47, now 2": down RELAPSE_LEVELS or more from its high


@dataclass(frozen=True, slots=True)
class Dropped:
    id: str
    title: str
    reason: str | None


@dataclass(frozen=True, slots=True)
class Flag:
    kind: str  # quiet, relapse, not-tried (and the prep sheet's overdue)
    text: str


@dataclass(frozen=True, slots=True)
class GoalLine:
    """A goal as the coach reads it: `Protect time 2 -> 4 by 1 Mar: now 3, rising`."""

    id: str
    behaviour_id: str
    title: str
    status: str  # open, achieved, dropped
    start: int | None  # where the client was when it was set
    target: int
    due: dt.date
    due_words: str  # `1 Mar`, with the year when it is not the roll-up's
    now: int | None
    standing: str  # goals.standing: worked out here, never the bundle's own words
    success: str
    closed_on: dt.date | None
    closed_words: str | None  # `dropped 20 Nov 2026`
    coach: str | None  # set by this coach's pack
    plan: str  # the one line every coach view shows: `2 → 4 by 1 Mar: now 3, rising`


@dataclass(frozen=True, slots=True)
class SeenLine:
    """A blind spot or hidden strength: `Cultivate belonging (you 4, others 2.33)`."""

    behaviour_id: str
    title: str
    self_level: int
    others_mean: float
    gap: float
    verdict: Verdict  # blind spot, hidden strength
    text: str


@dataclass(frozen=True, slots=True)
class RoundLine:
    """The client's latest feedback round as the coach reads it."""

    collected_on: dt.date
    collected_words: str  # `20 Nov`, with the year when it is not the roll-up's
    raters: int
    groups: str  # `direct-report 3`
    blind_spots: tuple[SeenLine, ...]  # the largest gap first
    hidden_strengths: tuple[SeenLine, ...]
    head: str  # `Round of 20 Nov: 3 raters (direct-report 3)`
    verdicts: str  # `Blind spot: ... Hidden strength: ...` (or that there is neither)


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """One line, cut at the last word boundary before `limit` with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,.;:") + "\u2026"


def shared_words(bundle: Bundle, since_week: str) -> tuple[SharedWord, ...]:
    """Every word the client shared from `since_week` on, newest first, at most MAX_WORDS.

    A shared bundle holds no private text (the writer leaves it out), so nothing
    here can show one."""
    found = [w for w in _words(bundle) if w.week >= since_week and w.text.strip()]
    found.sort(key=lambda w: w.week, reverse=True)  # stable: within a week, as written
    return tuple(
        SharedWord(w.week, w.kind, shorten(w.about, 120), shorten(w.text))
        for w in found[:MAX_WORDS]
    )


def _words(bundle: Bundle) -> Iterator[SharedWord]:
    for item in bundle.exercises.items if bundle.exercises else ():
        for answer in item.answers:
            about = f"{item.title}: {answer.question}" if answer.question else item.title
            yield SharedWord(answer.week, "exercise", about, answer.answer)
    for exp in bundle.experiments.items:
        if exp.learned:
            title = exp.title or "an experiment"
            outcome = (exp.outcome or "open").replace("_", " ")
            yield SharedWord(exp.week, "experiment", f"{title} ({outcome})", exp.learned)
    for rating in bundle.ratings:
        for point in rating.series:
            if point.evidence:
                about = f"{rating.title} at {point.level}"
                yield SharedWord(point.week, "rating", about, point.evidence)
    for takeaway in bundle.writing.takeaways:
        yield SharedWord(takeaway.week, "takeaway", takeaway.question or "", takeaway.text)


def behaviour_lines(bundle: Bundle, since_week: str) -> tuple[BehaviourLine, ...]:
    """Each behaviour rated in the window: a strip of its weeks, highs, lows, a relapse."""
    weeks = _window_weeks(since_week, max(bundle.period.last_week, since_week))
    path = _kept_path if len(weeks) <= KEPT_WEEKS else _path
    lines = []
    for rating in bundle.ratings:
        points = tuple([(p.week, p.level) for p in rating.series if p.week >= since_week])
        if points:
            lines.append(BehaviourLine(rating.behaviour_id, rating.title, *path(weeks, points)))
    return tuple(lines)


@functools.cache
def _window_weeks(first: str, last: str) -> tuple[str, ...]:
    """The window's weeks: one window for nearly every client of a roll-up."""
    return tuple(weeks_between(first, last))


_Line = tuple[str, int, int, int, str, str | None]  # spark, high, low, latest, story, relapse


def _path(weeks: tuple[str, ...], points: tuple[tuple[str, int], ...]) -> _Line:
    """A behaviour's line but its names, by the report's rules (timeline.py, charts.py)."""
    by_week = dict(points)
    levels = [level for _, level in points]
    found = stretches([WeekLevel(week, level) for week, level in points])
    # A roll-up keeps every client's lines: one copy of each strip and story (a few
    # weeks' marks repeat across clients), not one per client.
    spark = sys.intern(sparkline([by_week.get(week) for week in weeks]))
    return spark, max(levels), min(levels), levels[-1], sys.intern(story(found)), _relapse(found)


# In a window of a few weeks (the default four) many clients' behaviours take the same
# path: each path's line is worked out once. Bounded, and only for short windows, where
# a path's key is small (a long --since window repeats little and would keep a lot).
KEPT_WEEKS = 13
_kept_path = functools.lru_cache(maxsize=1024)(_path)


def _relapse(found: Sequence[Stretch]) -> str | None:
    back = fell_back(found)
    now = found[-1].level  # where it is now, not the level of the first week down
    if back is None or back.high - now < RELAPSE_LEVELS:
        return None
    return f"down from {back.high} to {now} since {back.week}"


def dropped(bundle: Bundle) -> tuple[Dropped, ...]:
    return tuple(
        Dropped(item.id, item.title, item.reason)
        for item in (bundle.exercises.items if bundle.exercises else ())
        if item.state == "dropped"
    )


def goals(bundle: Bundle, today: dt.date) -> tuple[GoalLine, ...]:
    """Each goal in the bundle (open ones first, as the report orders them)."""
    return tuple(_goal_line(g, today) for g in bundle.goals)


def _goal_line(goal: Goal, today: dt.date) -> GoalLine:
    from belonging_cli.goals import GoalProgress, day_words, standing

    where = standing(GoalProgress(**goal.model_dump()))
    closed = goal.closed_on
    closed_words = None if closed is None else f"{goal.status} {day_words(closed, today)}"
    start = "" if goal.start is None else f"{goal.start} "
    plan = f"{start}\u2192 {goal.target} by {day_words(goal.due, today)}: {where}"
    return GoalLine(
        id=goal.id,
        behaviour_id=goal.behaviour_id,
        title=goal.title,
        status=goal.status,
        start=goal.start,
        target=goal.target,
        due=goal.due,
        due_words=day_words(goal.due, today),
        now=goal.now,
        standing=where,
        success=goal.success,
        closed_on=closed,
        closed_words=closed_words,
        coach=goal.coach,
        plan=plan if closed_words is None else f"{plan} ({closed_words})",
    )


def feedback_round(bundle: Bundle, today: dt.date) -> RoundLine | None:
    """The bundle's latest round; each verdict worked out again from the levels it
    sets side by side (the report's rule and order), never the bundle's own words."""
    from belonging_cli.goals import day_words
    from belonging_cli.reports.sections.feedback import largest_first, verdict
    from belonging_cli.reports.words import one_decimal

    found = bundle.feedback
    if found is None:
        return None
    seen = []
    for b in found.behaviours:
        said = verdict(b.self_level, b.others_mean)
        if said is None or b.self_level is None or b.others_mean is None:
            continue
        gap = round(b.others_mean - b.self_level, 2)
        # Others' average as the report shows it: one rule (words.one_decimal).
        words = f"{b.title} (you {b.self_level}, others {one_decimal(b.others_mean)})"
        mine, others = b.self_level, b.others_mean
        seen.append(SeenLine(b.behaviour_id, b.title, mine, others, gap, said, words))
    blind = tuple(largest_first(seen, "blind spot"))
    hidden = tuple(largest_first(seen, "hidden strength"))
    when = day_words(found.collected_on, today)
    groups = ", ".join(f"{g.group} {g.n}" for g in found.groups)
    rated = f"{found.raters_total} rater{'s' if found.raters_total != 1 else ''}"
    head = f"Round of {when}: {rated}" + (f" ({groups})" if groups else "")
    parts = [
        f"{label}{'s' if len(lines) > 1 else ''}: " + "; ".join(x.text for x in lines)
        for label, lines in (("Blind spot", blind), ("Hidden strength", hidden))
        if lines
    ]
    return RoundLine(
        collected_on=found.collected_on,
        collected_words=when,
        raters=found.raters_total,
        groups=groups,
        blind_spots=blind,
        hidden_strengths=hidden,
        head=head,
        verdicts=". ".join(parts) if parts else "No blind spot or hidden strength",
    )


def coaching_started(bundle: Bundle, given: dt.date | None) -> dt.date | None:
    """The day the coach gave, else the first import of the coach's pack, as the
    bundle's exercises say (None: no pack, and no day given)."""
    if given is not None:
        return given
    days = [i.imported_on for i in (bundle.exercises.items if bundle.exercises else ())]
    known = [d for d in days if d is not None]
    return min(known) if known else None


def flags(
    bundle: Bundle,
    days_quiet: int | None,
    lines: Sequence[BehaviourLine],
) -> tuple[Flag, ...]:
    """What a coach acts on, most urgent first."""
    found: list[Flag] = []
    if days_quiet is None:
        found.append(Flag("quiet", "has not reflected yet"))
    elif days_quiet >= QUIET_DAYS:
        found.append(Flag("quiet", f"not reflected for {days_quiet} days"))
    # No wellbeing flag: the weekly wellbeing check is private by design and never in
    # a shared bundle, so a flag on it could only ever be silent (docs/packs.md).
    for line in lines:
        if line.relapse is not None:
            found.append(Flag("relapse", f"{line.title}: {line.relapse}"))
    answered = [e for e in bundle.experiments.items if e.outcome is not None]
    answered.sort(key=lambda e: e.week)
    tail = answered[-NOT_TRIED_RUN:]
    if len(tail) == NOT_TRIED_RUN and all(e.outcome == "not_tried" for e in tail):
        found.append(
            Flag(
                "not-tried",
                f"experiment not tried {NOT_TRIED_RUN} weeks in a row (to {tail[-1].week})",
            )
        )
    return tuple(found)


def window_start(bundle: Bundle, since: dt.date) -> str:
    """The first ISO week the roll-up covers for this bundle."""
    return max(iso_week(since), bundle.period.first_week)
