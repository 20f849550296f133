"""`belonging remind`: a calendar event or a crontab line that nudges the weekly reflection."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    import datetime as dt

    from belonging_cli.habits import Schedule


def remind(
    ics: Annotated[
        bool, typer.Option("--ics", help="Write an iCalendar file with a weekly event.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Where to write the .ics file (default: standard output).", dir_okay=False
        ),
    ] = None,
    cron: Annotated[
        bool,
        typer.Option("--cron", help="Print a crontab line that shows `belonging status` weekly."),
    ] = False,
) -> None:
    """Remind yourself of the weekly reflection: a calendar event or a cron notification.

    The reminder comes at the configured reflection_weekday and reflection_time in
    your time zone (`belonging config set ...`) and runs nothing: it tells you
    which command to run.
    """
    from belonging_cli import clock
    from belonging_cli.config import load_config, system_zone
    from belonging_cli.errors import UsageProblem
    from belonging_cli.habits import Schedule

    if ics == cron:
        raise UsageProblem("choose one: --ics (a calendar file) or --cron (a crontab line)")
    if out is not None and not ics:
        raise UsageProblem("--out goes with --ics")
    config = load_config()
    zone = config.zone()
    schedule = Schedule(config.weekday_number(), config.time_of_day(), zone)
    now = clock.user_now(config)
    when = f"{config.reflection_weekday}s at {config.reflection_time} ({config.zone_name()})"
    if ics:
        _write_ics(now, schedule, out, when)
    else:
        _print_cron(now, schedule, system_zone(), when)


def _write_ics(now: dt.datetime, schedule: Schedule, out: Path | None, when: str) -> None:
    import sys

    from belonging_cli.cli.output import info
    from belonging_cli.files import write_private
    from belonging_cli.reminders import calendar_event

    data = calendar_event(now, schedule)
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_private(out, [data.decode("utf-8")])  # never over the journal, never through a trap
    info(f"wrote {out}: a weekly event on {when}; import it into your calendar")


def _print_cron(now: dt.datetime, schedule: Schedule, system: dt.tzinfo, when: str) -> None:
    import shutil
    import sys

    from belonging_cli import paths
    from belonging_cli.cli.output import info
    from belonging_cli.reminders import cron_line

    # The program running now, by absolute path: cron's PATH is short.
    script = Path(sys.argv[0])
    found = str(script.resolve()) if script.name == "belonging" else shutil.which("belonging")
    command = [found] if found else [sys.executable, "-m", "belonging_cli"]
    home = paths.home_override()
    if home is not None:  # cron must read the same journal and settings
        command = ["env", f"BELONGING_HOME={home.resolve()}", *command]
    line = cron_line(now, schedule, system, command)  # first: it may refuse the home
    typer.echo(f"# belonging: weekly reflection reminder, {when}")
    typer.echo(line)
    info(
        "Add it with `crontab -e` (paste both lines), "
        "or: (crontab -l; belonging remind --cron) | crontab -"
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the main app."""
    app.command("remind")(remind)
