"""What `belonging reflect` checks before it starts a new weekly reflection.

The weekly ritual is once a week: a second weekly reflection in the same ISO week
is asked about at the terminal ("edit that one, start another, or stop") and
refused from an answers file unless `--again` says it is meant. The week's flows
are held to this together (`FlowSet.week_flows`: the weekly, the quick week, the
default flow): a quick week after the weekly one is a second. Week one (the intake)
is the week's reflection too (it rates every behaviour, and status counts the week
done), so a weekly after it is a second; the intake itself, asked once, is never held
back. A monthly look back, a deep dive or a coach's exercise can come any day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from belonging_cli.journal.loading import SessionSummary
    from belonging_cli.journal.store import Journal

Second = Literal["edit", "again", "stop"]


def reflected_this_week(
    journal: Journal, flow_ids: Collection[str], day: dt.date
) -> SessionSummary | None:
    """The latest complete session of one of `flow_ids`, or the intake, for the ISO week
    of `day`, if any."""
    from belonging_cli.clock import iso_week
    from belonging_cli.next_flows import INTAKE

    week = iso_week(day)
    monday = day - dt.timedelta(days=day.weekday())
    # A day either side: a session's day is the one its person lived (its own zone).
    found = journal.summaries(
        since=monday - dt.timedelta(days=1), until=monday + dt.timedelta(days=7)
    )
    counted = {*flow_ids, INTAKE}
    return next((s for s in found if s.week == week and s.flow_id in counted), None)


def _when(found: SessionSummary) -> str:
    from belonging_cli.drafts import day

    return day(found.started_at.date())


def refuse_second(found: SessionSummary, week: str) -> None:
    """An answers file for a week already reflected on: one line, exit 1."""
    from belonging_cli.errors import BelongingError

    raise BelongingError(
        f"you already reflected for {week} on {_when(found)} (session {found.id[:8]}): "
        "add --again to save a second reflection for that week"
    )


def ask_second(found: SessionSummary, which: str = "this week") -> Second:
    """At the terminal: edit the week's reflection, start another, or stop."""
    from belonging_cli import ask

    ask.say(f"You reflected for {which} on {_when(found)}.")
    picked = ask.choose(
        "Edit that one, or start another?",
        [
            ("edit", f"Edit that one (belonging journal edit {found.id[:8]})"),
            (
                "again",
                f"Start another reflection for {'this' if which == 'this week' else 'that'} week",
            ),
            ("stop", "Stop here"),
        ],
        default="edit",
    )
    return "edit" if picked == "edit" else "again" if picked == "again" else "stop"
