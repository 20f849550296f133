"""`belonging status` (and bare `belonging`): what is due, the streak, what waits.

The most-run command, so its path imports no rich, pydantic or jinja2: plain
lines, bold only on a terminal without NO_COLOR. What it says is decided in
habits.py; this module reads the inputs and prints.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from belonging_cli.cli.options import json_option, pass_settings, rubrics_option
from belonging_cli.fitting import text_width, wrap
from belonging_cli.settings import Settings

if TYPE_CHECKING:
    from belonging_cli.habits import Status

LABEL_WIDTH = 12


@click.command("status")
@rubrics_option
@json_option
@pass_settings
def status(settings: Settings, rubrics: Path | None, as_json: bool) -> None:
    """When the next reflection is due, your streak, the open experiment, what waits."""
    show_status(settings.with_folders(rubrics=rubrics), as_json=as_json)


def show_status(settings: Settings, *, as_json: bool = False, bare: bool = False) -> None:
    """Print the status; `bare` (no command given) also points at the help."""
    current = current_status(settings)
    if as_json:
        from belonging_cli.cli.output import print_json

        print_json(current.to_json())
        return
    lines = render(current, bold=_wants_bold())
    if bare:
        lines.append("All commands: belonging --help")
    sys.stdout.write("\n".join(lines) + "\n")


def current_status(settings: Settings) -> Status:
    from belonging_cli.habits import Schedule, build_status
    from belonging_cli.journal.status_queries import read_status_inputs
    from belonging_cli.reports.facts_cache import Titles

    config = settings.config
    schedule = Schedule(config.weekday_number(), config.time_of_day(), settings.zone())
    inputs = read_status_inputs(settings.journal_path, weekly_flow=config.default_flow)
    # Titles from the rubric's cache (reflect, demo and reports keep it), read only if a
    # line names a behaviour; a stale or missing cache is rebuilt once (Titles).
    return build_status(inputs, settings.now(), schedule, Titles(settings.rubrics))


def _wants_bold() -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def render(s: Status, *, bold: bool = False) -> list[str]:
    """Plain lines: a label, what it says, and under it `run:` the command to act."""
    from belonging_cli.safe_text import strip_controls

    def strong(text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if bold else text

    width = text_width()  # wrapped at words under its label: an id is never split

    out = [f"Week {s.this_week} ({s.zone}), {s.now:%a} {s.now.day} {s.now:%b %H:%M}", ""]
    previous = ""
    for line in s.lines():
        label = "" if line.label == previous else line.label  # one label per group
        previous = line.label
        text = wrap(strip_controls(line.text), width, LABEL_WIDTH)  # titles: typed text
        out += [strong(label.ljust(LABEL_WIDTH)) + text[0], *text[1:]]
        if line.command:  # names ids from the journal: a hand-edited one may hold anything
            out += _command_lines(strip_controls(line.command), width)
    out += ["", f"Next: {strong(strip_controls(s.next_command()))}"]
    return out


def _command_lines(command: str, width: int | None) -> list[str]:
    """`run: COMMAND` under the text; too long, broken at spaces with a shell's ` \\`, so
    that what is copied from the screen still runs as one command."""
    room = None if width is None else width - LABEL_WIDTH - 2  # 2 for the ` \\`
    parts = wrap(f"run: {command}", room, len("run: "))
    return [
        " " * LABEL_WIDTH + part + (" \\" if i < len(parts) - 1 else "")
        for i, part in enumerate(parts)
    ]
