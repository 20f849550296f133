"""Which behaviours a pulse rates this week: every one, or the few.

The few are last week's focus, the behaviour of a coach's open exercise, and the
one rated least recently (so the rest come round in turn), without repeats: up to
three. Every behaviour is rated (a full pulse) in the first reflection of a calendar
month, when the last full pulse is four weeks old or more (a first week has none),
or when the person asks for it (`Engine.pulse = "all"`). The pulses counted are
every earlier session's that rated anything, whatever its flow (a quick week's few
ratings count as a pulse; a first quick week is still the first week). A pulse
step with `rates: few` (the quick week) never plans a full pulse itself.

Why the few by default: reports show each behaviour's latest level and its trend
over the weeks. A full pulse at least monthly keeps every behaviour's latest level
no more than a month old, while rating the few every week keeps the trend dense
where the person is working (the focus, the coach's exercise). Ten ratings every
week become ten presses of Enter by week three, and then the trend is noise.

Pure: the journal's history in, a plan out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from belonging_cli.clock import week_monday
from belonging_cli.reports.words import plural

if TYPE_CHECKING:
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.engine.history import History
    from belonging_cli.records import Session

FEW = 3
FULL_EVERY_WEEKS = 4  # a full pulse at least this often, whatever else
NOT_SEEN = "not seen"  # a rating's answer when the behaviour did not come up this week


@dataclass(frozen=True)
class PulsePlan:
    behaviours: tuple[str, ...]  # the ids rated, in rubric order
    full: bool
    line: str  # the one line that names the choice at the pulse's start


def plan_pulse(
    rubric: Rubric, history: History, week: str, choice: str = "few", *, planned: bool = True
) -> PulsePlan:
    """The behaviours a pulse rates in `week` (an ISO week); `choice` is the `pulse`
    setting's value: "few", or "all" for every behaviour every week; not `planned`:
    the few unless `choice` is "all"."""
    ids = rubric.ids()
    earlier = [s for s in history.sessions if s.week <= week]
    pulses = [s for s in earlier if covered(s)]
    reason = _full_reason(ids, pulses, week, choice)
    if not planned and choice != "all":
        reason = None
    if reason is not None:
        return PulsePlan(
            tuple(ids), True, f"This week you rate all {len(ids)} behaviours: {reason}."
        )
    picked: dict[str, str] = {}  # behaviour -> why it is rated, in the order picked
    focus = next((s.focus_behaviour_id for s in _newest(earlier) if s.focus_behaviour_id), None)
    if focus in ids:
        picked[focus] = "your focus"
    coach = next((b for b in history.assigned_behaviours if b in ids), None)
    if coach is not None and coach not in picked:
        picked[coach] = "your coach's"
    if len(picked) < FEW:
        rest = [b for b in ids if b not in picked]
        last = _last_rated(earlier)
        oldest = min(rest, key=lambda b: (last.get(b, ""), ids.index(b)))
        picked[oldest] = "one in rotation"
    order = [b for b in ids if b in picked]
    why = ", ".join(picked.values())
    return PulsePlan(
        tuple(order),
        False,
        # How many of the rubric's, never "2 of 10": beside a rating's "#1" that read
        # as a counter of screens.
        f"This week you rate {plural(len(order), 'behaviour')} ({why}); all {len(ids)} come "
        "round in the month's first reflection.",
    )


def _full_reason(
    ids: Sequence[str], pulses: Sequence[Session], week: str, choice: str
) -> str | None:
    """Why this week's pulse rates every behaviour, or None: it rates the few."""
    if choice == "all":
        return "as you chose"
    if not pulses:
        return "your first week"
    full = [s for s in _newest(pulses) if set(ids) <= covered(s)]
    if not full:
        return "none rated all of them yet"
    month = _month(week)
    if all(_month(s.week) != month for s in pulses):
        return "the month's first reflection"
    weeks = (week_monday(week) - week_monday(full[0].week)).days // 7
    if weeks >= FULL_EVERY_WEEKS:
        return f"{weeks} weeks since you last rated them all"
    return None


def covered(session: Session) -> set[str]:
    """The behaviours a session's pulse went over: rated, or answered "not seen"."""
    rated = {r.behaviour_id for r in session.ratings}
    unseen = {a.behaviour_id for a in session.answers if a.value == NOT_SEEN and a.behaviour_id}
    return rated | unseen


def _month(week: str) -> tuple[int, int]:
    """The calendar month a week belongs to: its Thursday's (as ISO years go)."""
    thursday = week_monday(week) + dt.timedelta(days=3)
    return thursday.year, thursday.month


def _newest(sessions: Iterable[Session]) -> list[Session]:
    return sorted(sessions, key=lambda s: (s.week, s.started_at), reverse=True)


def _last_rated(sessions: Iterable[Session]) -> dict[str, str]:
    """Each behaviour's latest week with a rating (a "not seen" is no rating)."""
    last: dict[str, str] = {}
    for session in sessions:
        for rating in session.ratings:
            last[rating.behaviour_id] = max(last.get(rating.behaviour_id, ""), session.week)
    return last
