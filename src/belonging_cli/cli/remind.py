"""`belonging remind`: a calendar event or a crontab line that nudges the weekly reflection."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from belonging_cli.cli.options import out_option, pass_settings
from belonging_cli.cli.output import info
from belonging_cli.errors import UsageProblem
from belonging_cli.settings import Settings

TYPE_CHECKING = False  # as typing's
if TYPE_CHECKING:
    from belonging_cli.habits import Schedule


@click.command("remind")
@click.option("--ics", is_flag=True, help="Write an iCalendar file with a weekly event.")
@out_option
@click.option(
    "--cron", is_flag=True, help="Print a crontab line that shows `belonging status` weekly."
)
@pass_settings
def remind(settings: Settings, ics: bool, out: Path | None, cron: bool) -> None:
    """Remind yourself of the weekly reflection: a calendar event or a cron notification.

    The reminder comes at the configured reflection_weekday and reflection_time in
    your time zone (`belonging config set ...`) and runs nothing: it tells you
    which command to run: this belonging by its full path (and `--home`, when
    given), so it works in a new terminal and under cron.
    """
    # The reminder's machinery is imported here: `remind --help` costs only its options.
    from belonging_cli.habits import Schedule
    from belonging_cli.reminders import program_command

    if ics == cron:
        raise UsageProblem("choose one: --ics (a calendar file) or --cron (a crontab line)")
    if out is not None and not ics:
        raise UsageProblem("--out goes with --ics")
    config = settings.config
    schedule = Schedule(config.weekday_number(), config.time_of_day(), settings.zone())
    now = settings.now()
    when = f"{config.reflection_weekday}s at {config.reflection_time} ({config.zone_name()})"
    if ics:
        command = program_command(settings.home, "a calendar event")
        _write_ics(settings, now, schedule, command, out, when)
    else:
        command = program_command(settings.home, "a crontab line")
        _print_cron(now, schedule, command, when)


def _write_ics(
    settings: Settings,
    now: dt.datetime,
    schedule: Schedule,
    command: Sequence[str],
    out: Path | None,
    when: str,
) -> None:
    from belonging_cli.clock import iso_week
    from belonging_cli.files import write_private
    from belonging_cli.habits import current_experiment
    from belonging_cli.journal.status_queries import read_status_inputs
    from belonging_cli.reminders import calendar_event

    # The experiment status shows (no journal: none), as of now.
    open_experiments = read_status_inputs(settings.journal_path).open_experiments
    this_week = iso_week(now.astimezone(schedule.zone).date())
    experiment = current_experiment(open_experiments, this_week)
    data = calendar_event(now, schedule, command=command, experiment=experiment)
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_private(out, [data.decode("utf-8")])  # never over the journal, never through a trap
    info(f"wrote {out}: a weekly event on {when}; import it into your calendar")


def _print_cron(now: dt.datetime, schedule: Schedule, command: Sequence[str], when: str) -> None:
    from belonging_cli.clock import system_zone
    from belonging_cli.reminders import cron_line, shell_words

    line = cron_line(now, schedule, system_zone(), command)
    click.echo(f"# belonging: weekly reflection reminder, {when}")
    click.echo(line)
    info(
        "Add it with `crontab -e` (paste both lines), "
        f"or: (crontab -l; {shell_words(command)} remind --cron) | crontab -"
    )
