"""`belonging evidence`: figures from the person's own week, measured on this machine.

`evidence calendar FILE.ics` reads an exported calendar (evidence/calendar.py),
measures each ISO week (evidence/figures.py) and keeps the figures in the journal
(journal/evidence_store.py); `evidence transcript` is cli/evidence_transcript.py's.
The readers' libraries are imported inside the commands.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from belonging_cli.cli.evidence_transcript import keep, say_replaced, transcript
from belonging_cli.cli.options import pass_settings
from belonging_cli.errors import UsageProblem
from belonging_cli.reports.words import plural
from belonging_cli.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from belonging_cli.config import Config
    from belonging_cli.evidence.calendar import Person
    from belonging_cli.evidence.figures import WorkTime

DEFAULT_WEEKS = 12  # without --since: this week and the twelve before it
MAX_WEEKS = 260  # five years of weeks in one import


@click.group(
    "evidence", help="Evidence from your own week: your calendar and meetings, measured locally."
)
def evidence() -> None:
    pass


evidence.add_command(transcript)  # cli/evidence_transcript.py


@evidence.command("calendar")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--since", metavar="DATE", help="The first week: the one with this day in it.")
@click.option("--until", metavar="DATE", help="The last week: the one with this day (today).")
@pass_settings
def calendar(settings: Settings, file: Path, since: str | None, until: str | None) -> None:
    """Measure each week of an exported calendar (.ics) and keep the figures.

    Meeting hours (overlaps once), the longest free stretch and free blocks of 2 h or
    more in your working hours, meetings after hours, back-to-back chains and how much
    of your protected time stayed free. Cancelled and declined meetings are left out;
    no title, attendee or description is kept.
    """
    from belonging_cli.cli.output import info
    from belonging_cli.clock import iso_week
    from belonging_cli.evidence.calendar import read
    from belonging_cli.evidence.figures import by_week
    from belonging_cli.journal.evidence_store import WeekEvidence
    from belonging_cli.limits import day_option

    config = settings.config
    now = settings.now()
    last = day_option(until, "--until") or now.date()
    first = day_option(since, "--since") or last - dt.timedelta(weeks=DEFAULT_WEEKS)
    if first > last:
        raise UsageProblem(f"--since {first} is after --until {last}")
    if (last - first).days // 7 >= MAX_WEEKS:
        raise UsageProblem(f"at most {MAX_WEEKS} weeks at once: give a later --since")
    person, work = _person(config), _work_time(config)
    found = read(file, first, last, person)
    weeks = by_week(found.occurrences, work, found.mondays)
    stored = [WeekEvidence(iso_week(monday), "calendar", f) for monday, f in weeks.items()]
    replaced = keep(settings, stored, "calendar", now)
    for item in stored:
        click.echo(f"{item.week}  {describe(item.figures)}")
    # Notes on stderr, as every note of the tool (cli/output.info); the figures on stdout.
    info(_summary(len(stored), found.declined, found.cancelled, found.owner))
    say_replaced(replaced)


def _person(config: Config) -> Person:
    import re

    from belonging_cli.evidence.calendar import Person

    return Person(config.email, re.compile(config.protected_pattern, re.IGNORECASE), config.zone())


def _work_time(config: Config) -> WorkTime:
    from belonging_cli.config import day_numbers, hours_span
    from belonging_cli.evidence.figures import WorkTime

    start, end = hours_span(config.working_hours)
    return WorkTime(config.zone(), day_numbers(config.working_days), start, end)


def describe(figures: Mapping[str, float | int | str]) -> str:
    """A week's calendar figures as one line, as `evidence calendar` prints them."""
    parts = [
        f"{figures['meeting_hours']:g} h of meetings "
        f"({plural(int(figures['meetings']), 'meeting')})",
        f"longest free stretch {figures['longest_free_hours']:g} h",
        f"{plural(int(figures['free_blocks_2h']), 'free block')} of 2 h or more",
        f"{figures['after_hours_hours']:g} h after hours",
        f"{plural(int(figures['back_to_back_chains']), 'back-to-back chain')}",
    ]
    share = figures.get("protected_free_share")
    if isinstance(share, float | int):
        parts.append(f"protected {figures['protected_hours']:g} h, {share:.0%} kept free")
    return ", ".join(parts)


def _summary(weeks: int, declined: int, cancelled: int, owner: str | None) -> str:
    if not weeks:
        line = "No events in these weeks: nothing stored."
    else:
        line = f"Kept the figures of {plural(weeks, 'week')} (no titles, attendees or notes)."
    left = [plural(declined, "declined meeting")] if declined else []
    left += [plural(cancelled, "cancelled event")] if cancelled else []
    if left:
        line += f" Left out {' and '.join(left)}."
    if owner is None:
        line += (
            " Meetings you declined could not be told apart: "
            "`belonging config set email you@example.com`."
        )
    return line
