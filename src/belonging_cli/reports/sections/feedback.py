"""Self beside others: the latest feedback round set against the person's own ratings.

Pure. For each behaviour others rated: the self-rating nearest the round (the
day it was collected), others' average and spread, per group that passed the
threshold (the aggregate holds no other), and the verdict: a **blind spot**
when others see it at least one level lower than the person does, a **hidden
strength** when at least one level higher. The look-fors most and least seen
(none, when all are seen as often), and with an earlier round, how others' view
changed since. The aggregate is already anonymous, so a shared report carries it
all, comments too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

if TYPE_CHECKING:
    from belonging_cli.feedback.round import FeedbackRound
    from belonging_cli.records import Session

Verdict = Literal["blind spot", "hidden strength"]
# Others at least this far from the person's own level: a difference worth a word.
GAP = 1.0


@dataclass(frozen=True, slots=True)
class GroupSeen:
    """A group's view of one behaviour: its mean level over its `n` answers."""

    group: str
    mean: float
    n: int


@dataclass(frozen=True, slots=True)
class GroupCount:
    """A group of the round and its raters. No mean: a group's figures are per
    behaviour (`SelfBesideOthers.by_group`), and a round has no one level."""

    group: str
    n: int


@dataclass(frozen=True, slots=True)
class SelfBesideOthers:
    behaviour_id: str
    title: str
    self_level: int | None  # the self-rating nearest the round (nearest_ratings)
    self_rated_on: dt.date | None  # the day of the reflection it is from
    others_mean: float | None  # None: fewer than three answered
    others_min: int | None
    others_max: int | None
    others_n: int
    by_group: tuple[GroupSeen, ...]
    gap: float | None  # others' mean minus the self-rating
    verdict: Verdict | None
    change: float | None  # others' mean since the round before, when both have one
    most_seen: str | None  # the look-for others see most often
    least_seen: str | None
    # Two or more look-fors, all seen as often: none stands out, so none is named.
    look_fors_even: bool = False


@dataclass(frozen=True, slots=True)
class FeedbackView:
    requested_on: dt.date
    collected_on: dt.date
    raters_total: int
    groups: tuple[GroupCount, ...]  # each group shown, with its count
    behaviours: tuple[SelfBesideOthers, ...]
    blind_spots: tuple[str, ...]  # behaviour ids, the largest gap first
    hidden_strengths: tuple[str, ...]
    previous_collected_on: dt.date | None  # the round before, when there is one
    keep: tuple[str, ...]
    change: tuple[str, ...]


def verdict(self_level: int | None, others: float | None) -> Verdict | None:
    """The one rule for a blind spot and a hidden strength."""
    if self_level is None or others is None:
        return None
    if others <= self_level - GAP:
        return "blind spot"
    if others >= self_level + GAP:
        return "hidden strength"
    return None


class Gapped(Protocol):
    @property
    def behaviour_id(self) -> str: ...
    @property
    def gap(self) -> float | None: ...
    @property
    def verdict(self) -> Verdict | None: ...


G = TypeVar("G", bound=Gapped)


def largest_first(rows: Iterable[G], kind: Verdict) -> list[G]:
    """The rows of `kind`, the largest gap first (ties by id): the one order of blind
    spots and hidden strengths (the report's and the coach's)."""
    picked = [r for r in rows if r.verdict == kind and r.gap is not None]
    picked.sort(key=lambda r: (-abs(r.gap or 0.0), r.behaviour_id))
    return picked


def nearest_ratings(
    sessions: Iterable[Session], day: dt.date, zone: dt.tzinfo | None
) -> dict[str, tuple[int, dt.date]]:
    """Each behaviour's self-rating nearest `day`, and the day of its reflection.

    Nearest by the day each reflection is for (`reflection_day`), never by when a
    rating was saved: a reflection back-dated with `--date` (or `date:`) is saved today
    but speaks for its own week. Ties go to the later day (the person's later word),
    and two reflections of one day to the one finished last."""
    from belonging_cli.reports.scope import when

    best: dict[str, tuple[tuple[int, dt.date, dt.datetime], int]] = {}
    for session in sessions:
        on = reflection_day(session, zone)
        # Larger is better: nearer, then later, then finished later.
        rank = (-abs((on - day).days), on, when(session))
        for rating in session.ratings:
            found = best.get(rating.behaviour_id)
            if found is None or rank > found[0]:
                best[rating.behaviour_id] = (rank, rating.level)
    return {b: (level, rank[1]) for b, (rank, level) in best.items()}


def reflection_day(session: Session, zone: dt.tzinfo | None) -> dt.date:
    """The day a reflection is for: the day it was started (`reflect --date` starts a
    back-dated one on its day), in the person's zone, kept within its `week` (the week
    decides when a journal's start lies outside it)."""
    from belonging_cli.clock import week_monday

    started = session.started_at.astimezone(zone).date()
    monday = week_monday(session.week)
    return min(max(started, monday), monday + dt.timedelta(days=6))


def feedback_view(
    rounds: Sequence[FeedbackRound],
    sessions: Iterable[Session],
    titles: Mapping[str, str],
    until: dt.date,
    zone: dt.tzinfo | None = None,
    wanted: Iterable[str] | None = None,
) -> FeedbackView | None:
    """The latest round collected by `until` beside the person's ratings (None: no round)."""
    upto = sorted((r for r in rounds if r.collected_on <= until), key=lambda r: r.collected_on)
    if not upto:
        return None
    latest = upto[-1]
    before = upto[-2] if len(upto) > 1 else None
    earlier = {b.id: b.level.mean for b in before.behaviours if b.level} if before else {}
    mine = nearest_ratings(sessions, latest.collected_on, zone)
    keep = set(wanted) if wanted is not None else None
    rows = []
    for seen in latest.behaviours:
        if keep is not None and seen.id not in keep:
            continue
        level, on = mine.get(seen.id, (None, None))
        others = seen.level
        mean = others.mean if others else None
        looks = sorted(seen.look_fors, key=lambda f: (-f.mean, f.text))
        even = len(looks) > 1 and looks[0].mean == looks[-1].mean
        rows.append(
            SelfBesideOthers(
                behaviour_id=seen.id,
                title=titles.get(seen.id, seen.id),
                self_level=level,
                self_rated_on=on,
                others_mean=mean,
                others_min=others.min if others else None,
                others_max=others.max if others else None,
                others_n=others.n if others else 0,
                by_group=tuple(GroupSeen(g.group, g.mean, g.n) for g in others.by_group)
                if others
                else (),
                gap=None if mean is None or level is None else round(mean - level, 2),
                verdict=verdict(level, mean),
                change=None
                if mean is None or seen.id not in earlier
                else round(mean - earlier[seen.id], 2),
                most_seen=looks[0].text if looks and not even else None,
                least_seen=looks[-1].text if len(looks) > 1 and not even else None,
                look_fors_even=even,
            )
        )

    return FeedbackView(
        requested_on=latest.requested_on,
        collected_on=latest.collected_on,
        raters_total=latest.raters_total,
        groups=tuple(GroupCount(g, n) for g, n in latest.groups),
        behaviours=tuple(rows),
        blind_spots=tuple(r.behaviour_id for r in largest_first(rows, "blind spot")),
        hidden_strengths=tuple(r.behaviour_id for r in largest_first(rows, "hidden strength")),
        previous_collected_on=before.collected_on if before else None,
        keep=latest.keep,
        change=latest.change,
    )


def largest_blind_spot(view: FeedbackView | None) -> str | None:
    """The behaviour others see furthest below the person's own view (focus_rule's input)."""
    return view.blind_spots[0] if view and view.blind_spots else None


def blind_spots_by(
    rounds: Sequence[FeedbackRound],
    sessions: Iterable[Session],
    until: dt.date,
    zone: dt.tzinfo | None = None,
) -> tuple[tuple[str, ...], dt.date | None]:
    """The latest round's blind spots by `until`, the largest first, and the day it was
    collected: what focus_rule.pick_focus weighs (the reflection's and the report's)."""
    view = feedback_view(rounds, sessions, {}, until, zone)
    return (view.blind_spots, view.collected_on) if view else ((), None)
