"""`belonging remind`: a calendar event or a crontab line that nudges the weekly reflection."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import click

from belonging_cli.cli.options import out_option, pass_settings
from belonging_cli.cli.output import info
from belonging_cli.clock import system_zone
from belonging_cli.errors import UsageProblem
from belonging_cli.files import write_private
from belonging_cli.habits import Schedule
from belonging_cli.reminders import calendar_event, cron_line
from belonging_cli.settings import Settings


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
    which command to run.
    """
    if ics == cron:
        raise UsageProblem("choose one: --ics (a calendar file) or --cron (a crontab line)")
    if out is not None and not ics:
        raise UsageProblem("--out goes with --ics")
    config = settings.config
    schedule = Schedule(config.weekday_number(), config.time_of_day(), settings.zone())
    now = settings.now()
    when = f"{config.reflection_weekday}s at {config.reflection_time} ({config.zone_name()})"
    if ics:
        _write_ics(now, schedule, out, when)
    else:
        _print_cron(now, schedule, settings.home, when)


def _write_ics(now: dt.datetime, schedule: Schedule, out: Path | None, when: str) -> None:
    data = calendar_event(now, schedule)
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_private(out, [data.decode("utf-8")])  # never over the journal, never through a trap
    info(f"wrote {out}: a weekly event on {when}; import it into your calendar")


def _print_cron(now: dt.datetime, schedule: Schedule, home: Path | None, when: str) -> None:
    # The program running now, by absolute path: cron's PATH is short.
    script = Path(sys.argv[0])
    found = str(script.resolve()) if script.name == "belonging" else shutil.which("belonging")
    command = [found] if found else [sys.executable, "-m", "belonging_cli"]
    if home is not None:  # cron must read the same journal and settings
        command = ["env", f"BELONGING_HOME={home.resolve()}", *command]
    line = cron_line(now, schedule, system_zone(), command)  # first: it may refuse the home
    click.echo(f"# belonging: weekly reflection reminder, {when}")
    click.echo(line)
    info(
        "Add it with `crontab -e` (paste both lines), "
        "or: (crontab -l; belonging remind --cron) | crontab -"
    )
