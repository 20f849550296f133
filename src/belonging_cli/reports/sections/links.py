"""Experiments linked to ratings: what each tried experiment was followed by.

"After "Hand the release plan over" (tried, 2026-W46), Grow others without needing
credit rose 2 -> 3 within two weeks", and the experiments followed by nothing. An
experiment tried (or partly) is set for a week; its behaviour's level before that
week is compared with the highest level in that week and the next (WITHIN weeks).
Pure over the report's trends and experiments: what a person can check by eye.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from belonging_cli.clock import next_week
from belonging_cli.reports.words import OUTCOME_WORDS

if TYPE_CHECKING:
    from belonging_cli.reports.model import BehaviourTrend, ExperimentItem

WITHIN = 2  # weeks: the experiment's own week and the one after
QUOTED_CHARS = 120  # of a title or note quoted in a sentence
TRIED = ("tried", "partly")
Effect = Literal["rose", "same", "fell", "not rated"]


@dataclass(slots=True)
class ExperimentLink:
    experiment_id: str
    week: str  # the week the experiment was for
    title: str | None  # None: a private title a shared report left out
    behaviour_id: str
    behaviour_title: str | None
    outcome: str  # tried or partly
    effect: Effect
    before: int | None  # the level before the experiment's week
    after: int | None  # the highest level in the WITHIN weeks from it
    text: str  # the link in words


def links(
    ratings: Sequence[BehaviourTrend], items: Sequence[ExperimentItem]
) -> tuple[ExperimentLink, ...]:
    """A link for each experiment tried or partly tried in the period, in time order."""
    trends = {t.behaviour_id: _Weeks(t) for t in ratings}
    return tuple(
        link(item, trends.get(item.behaviour_id)) for item in items if item.outcome in TRIED
    )


class _Weeks:
    """A trend and the week of each of its points: its series is in week order
    (sections/ratings.py), so the weeks around an experiment are found by bisection, not
    by a pass over years of weeks for each experiment."""

    def __init__(self, trend: BehaviourTrend) -> None:
        self.series = trend.series
        self.weeks = [point.week for point in trend.series]


def link(item: ExperimentItem, trend: _Weeks | None) -> ExperimentLink:
    before, after = _levels_around(item.week, trend)
    effect: Effect
    if before is None or after is None:
        effect = "not rated"
    elif after > before:
        effect = "rose"
    elif after == before:
        effect = "same"
    else:
        effect = "fell"
    title = item.behaviour_title or item.behaviour_id
    return ExperimentLink(
        experiment_id=item.id,
        week=item.week,
        title=item.title,
        behaviour_id=item.behaviour_id,
        behaviour_title=item.behaviour_title,
        outcome=item.outcome or "tried",
        effect=effect,
        before=before,
        after=after,
        text=_words(item, title, effect, before, after),
    )


def worked(found: Sequence[ExperimentLink]) -> ExperimentLink | None:
    """The experiment to name as what worked: one fully tried before one partly tried, then
    the latest, followed by a rise."""
    rises = [x for x in found if x.effect == "rose"]
    return max(rises, key=lambda x: (x.outcome == "tried", x.week), default=None)


def quoted(text: str) -> str:
    """A person's words quoted on one line of a sentence, cut at a word to QUOTED_CHARS."""
    flat = " ".join(text.split())
    if len(flat) > QUOTED_CHARS:
        flat = flat[:QUOTED_CHARS].rsplit(" ", 1)[0] + "\u2026"
    return f"\u201c{flat}\u201d"


def _levels_around(week: str, trend: _Weeks | None) -> tuple[int | None, int | None]:
    """The level before `week` and the highest in the WITHIN weeks from it."""
    if trend is None:
        return None, None
    last = week
    for _ in range(WITHIN - 1):
        last = next_week(last)
    start = bisect_left(trend.weeks, week)
    before = trend.series[start - 1].level if start else None
    after: int | None = None
    for point in trend.series[start : bisect_right(trend.weeks, last)]:
        if before is None:  # the period starts here: the level just before it
            before = point.previous
        after = point.level if after is None else max(after, point.level)
    return before, after


def _words(
    item: ExperimentItem, behaviour: str, effect: Effect, before: int | None, after: int | None
) -> str:
    what = quoted(item.title) if item.title else "a private experiment"
    how = OUTCOME_WORDS[item.outcome or "tried"]
    head = f"After {what} ({how}, {item.week}), {behaviour}"
    if effect == "rose":
        return f"{head} rose {before} \u2192 {after} within two weeks."
    if effect in ("same", "fell"):
        return f"{head} did not rise within two weeks ({before} before, {after} at best)."
    return f"{head} was not rated before and after it."
