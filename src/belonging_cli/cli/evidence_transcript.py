"""`belonging evidence transcript FILE... --me NAME`: how the person talks in meetings.

Its own module (the `evidence` group in cli/evidence.py adds it with one line). Every
file is read and measured before anything is written: one bad file, or one where
`--me` names nobody, stores nothing. A week's transcripts are measured together and
replace what was kept for that week before, so a week is given in one command.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from belonging_cli.cli.options import pass_settings
from belonging_cli.errors import BelongingError, UsageProblem
from belonging_cli.safe_text import strip_controls
from belonging_cli.settings import Settings

if TYPE_CHECKING:
    import datetime as dt

    from belonging_cli.evidence.transcript import Meeting
    from belonging_cli.evidence.transcript_read import Transcript
    from belonging_cli.journal.evidence_store import Source, WeekEvidence

MAX_FILES = 200  # a year of weekly meetings, and more, in one command
MAX_LISTED = 12  # speakers named when --me matches none


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _me_in(transcript: Transcript, names: tuple[str, ...]) -> frozenset[str]:
    """The speakers of `transcript` that are the person; a one-line error naming the
    speakers found when none is."""
    wanted = {_key(name) for name in names}
    speakers = list(dict.fromkeys(cue.speaker for cue in transcript.cues))
    me = frozenset(speaker for speaker in speakers if _key(speaker) in wanted)
    if me:
        return me
    listed = ", ".join(speakers[:MAX_LISTED])
    if len(speakers) > MAX_LISTED:
        listed += f" and {len(speakers) - MAX_LISTED} more"
    given = " or ".join(repr(name) for name in names)
    raise BelongingError(
        f"{transcript.path}: no speaker is {given}; the speakers in it: {listed}",
        hint="give --me as the file names you",
    )


def _day(transcript: Transcript, given: dt.date | None, today: dt.date) -> dt.date:
    from belonging_cli.limits import check_reflection_day

    day = transcript.day or given
    if day is None:
        raise BelongingError(
            f"{transcript.path}: no date in the file or its name",
            hint="give the meeting's day with --date 2026-03-10",
        )
    try:
        return check_reflection_day(day, today)
    except ValueError as exc:
        raise BelongingError(f"{transcript.path}: the meeting's date: {exc}") from None


@click.command("transcript")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FILE..."
)
@click.option(
    "--me",
    "names",
    multiple=True,
    required=True,
    metavar="NAME",
    help="Your name as the transcript gives it (repeat for another spelling).",
)
@click.option("--date", "date", metavar="DAY", help="The meeting's day, for a file without one.")
@pass_settings
def transcript(
    settings: Settings, files: tuple[Path, ...], names: tuple[str, ...], date: str | None
) -> None:
    """Measure how you talk in meetings, from their transcripts (Teams, Zoom: .vtt, .srt, text).

    Your share of the talk time and of the words, your longest monologue, turns,
    questions (open or closed), directive against inviting phrasing, and who spoke
    least (as "speaker 3 of 5"). Kept per week: the figures and, privately, up to three
    of your own sentences; nobody else's words. Give all of a week's meetings at once:
    importing a week again replaces it.
    """
    from belonging_cli.clock import iso_week
    from belonging_cli.evidence.transcript import describe, examples, measure, week_figures
    from belonging_cli.evidence.transcript_read import read_transcript
    from belonging_cli.journal.evidence_store import WeekEvidence
    from belonging_cli.limits import day_option

    if len(files) > MAX_FILES:
        raise UsageProblem(f"at most {MAX_FILES} transcripts at once")
    if any(not name.strip() for name in names):
        raise UsageProblem("--me needs a name")
    now = settings.now()
    given = day_option(date, "--date", not_after=now.date())
    weeks: dict[str, list[Meeting]] = {}
    for path in files:
        read = read_transcript(path)
        meeting = measure(read.cues, _me_in(read, names), read.path, _day(read, given, now.date()))
        weeks.setdefault(iso_week(meeting.day), []).append(meeting)
    stored = [
        WeekEvidence(week, "transcript", week_figures(meetings), examples(meetings))
        for week, meetings in sorted(weeks.items())
    ]
    replaced = keep(settings, stored, "transcript", now)
    for meetings in (weeks[week] for week in sorted(weeks)):
        for meeting in sorted(meetings, key=lambda m: m.day):
            name = strip_controls(Path(meeting.path).name)
            click.echo(f"{meeting.day.isoformat()}  {name}: {describe(week_figures([meeting]))}")
    for item in stored:
        click.echo(f"{item.week}  {describe(item.figures)}")
    from belonging_cli.cli.output import info
    from belonging_cli.reports.words import plural

    kept = sum(len(item.examples) for item in stored)
    info(
        f"Kept the figures of {plural(len(stored), 'week')} and {kept} of your own "
        "sentences (private); nobody else's words."
    )
    say_replaced(replaced)


def keep(
    settings: Settings, stored: list[WeekEvidence], source: Source, now: dt.datetime
) -> list[str]:
    """Store a source's weeks; the weeks it had already, which these replace."""
    from belonging_cli.journal.store import open_journal

    with open_journal(settings.journal_path) as journal:
        before = {item.week for item in journal.evidence(source)}
        journal.save_evidence(stored, now)
    return sorted(item.week for item in stored if item.week in before)


def say_replaced(weeks: list[str]) -> None:
    """The note after every evidence import that stored over weeks kept before."""
    from belonging_cli.cli.output import info

    if weeks:
        info(f"Replaced what was kept before for {', '.join(weeks)}.")
