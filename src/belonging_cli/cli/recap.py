"""The three lines after a reflection is saved: a closing, not a report.

What moved since last time (the ratings against the last rating of each
behaviour, as the pulse showed them), the experiment now open and the week it is
for, and the streak as `status` counts it (streaks.py through the status model).
Each line is wrapped at words to 60 columns, so a narrow terminal cuts nothing.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from belonging_cli.engine.session import Engine, Outcome
    from belonging_cli.journal.store import Journal
    from belonging_cli.records import Session
    from belonging_cli.settings import Settings

WIDTH = 58  # columns: the 60-column terminal's, a column spare on either side


def recap(
    settings: Settings, journal: Journal, engine: Engine, session: Session, outcome: Outcome
) -> list[str]:
    """The recap of `session`, just saved, as lines to print."""
    from belonging_cli.cli.goals import goal_lines
    from belonging_cli.cli.status import current_status
    from belonging_cli.engine.kinds.plan import plan_of

    status = current_status(settings)
    experiment = outcome.new or status.experiment
    planned = plan_of(outcome.new, [session]) if outcome.new else None
    opened = next_line(experiment.title, experiment.week) if experiment else None
    if opened and planned is not None and planned.line():
        opened += f" ({planned.line()})"
    found = [
        moved(engine, session),
        opened or "Next: no experiment open",
        replacing(outcome, "It"),
        streak(status.current_streak, status.longest_streak),
        *goal_lines(settings, journal, engine, session),  # a goal a line, those rated now
    ]
    return [wrapped for line in found if line for wrapped in wrap(line)]


def moved(engine: Engine, session: Session) -> str | None:
    """`Moved: Protect time 2 -> 3; ...`, `No rating moved`, or None with no rating."""
    if not session.ratings:
        return None
    changes, compared = [], 0
    for rating in session.ratings:
        last = engine.history.last_rating(rating.behaviour_id, before_week=engine.week)
        if last is None:
            continue
        compared += 1
        if last != rating.level:
            behaviour = engine.rubric.find(rating.behaviour_id)
            name = behaviour.title if behaviour else rating.behaviour_id
            changes.append(f"{name} {last} -> {rating.level}")
    if not compared:
        return "First ratings: next week's are compared with these"
    if not changes:
        return "No rating moved since last time"
    return "Moved: " + "; ".join(changes)


def next_line(title: str, week: str) -> str:
    """`Next: 'Ask before telling', for the week of Mon 7 Dec`."""
    from belonging_cli.clock import week_monday
    from belonging_cli.drafts import day

    return f"Next: {title!r}, for the week of {day(week_monday(week))}"


def replacing(outcome: Outcome, subject: str) -> str | None:
    """`<subject> replaces the one set earlier this week ('...')`: the experiment set
    by an earlier reflection of the same week that the new one takes the place of
    (kinds/experiment.set_earlier_this_week), or None."""
    if outcome.replaced is None or outcome.new is None:
        return None
    return f"{subject} replaces the one set earlier this week ({outcome.replaced.title!r})."


def streak(current: int, longest: int) -> str:
    """The streak: `3 weeks in a row` (and the longest, when it was longer)."""
    from belonging_cli.streaks import in_a_row

    if current == 0:
        return "No streak running: a reflection this week starts one"
    weeks = in_a_row(current)
    return f"{weeks} (longest {longest})" if longest > current else weeks


def wrap(line: str) -> list[str]:
    from belonging_cli.safe_text import strip_controls

    return textwrap.wrap(strip_controls(line), WIDTH, subsequent_indent="  ", break_long_words=True)
