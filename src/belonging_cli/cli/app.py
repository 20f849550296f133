"""The `belonging` command: the global options, and every command group loaded lazily.

Only the group a command line names is imported and built (click's "lazily
loading subcommands" pattern), so `belonging status` pays for click and the
status module, not for every command's imports. `COMMANDS` is the one list of
commands; its order is the help's order.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import click

from belonging_cli import __version__, settings

# name -> "module:attribute" of a click command or group, and its one-line help
# (shown by `belonging --help` without importing the module).
COMMANDS: dict[str, tuple[str, str]] = {
    "reflect": (
        "belonging_cli.cli.reflect:reflect",
        "Run a reflection: the weekly flow, or another.",
    ),
    "status": (
        "belonging_cli.cli.status:status",
        "What is due, your streak, what waits.",
    ),
    "report": (
        "belonging_cli.cli.report:report",
        "Your progress as a report (md, html or json).",
    ),
    "progress": (
        "belonging_cli.cli.report:progress",
        "Your progress at a glance in the terminal.",
    ),
    "demo": (
        "belonging_cli.cli.report:demo",
        "Make a demo journal of realistic weeks to explore.",
    ),
    "journal": (
        "belonging_cli.cli.journal:journal",
        "Your journal: list, show, search, edit, export.",
    ),
    "rubric": (
        "belonging_cli.cli.rubric:rubric",
        "Browse and validate the leadership rubric.",
    ),
    "flows": (
        "belonging_cli.cli.flows:flows",
        "List, show and validate reflection flows.",
    ),
    "goals": ("belonging_cli.cli.goals:goals", "Your goals (one to three): add, close, review."),
    "exercises": (
        "belonging_cli.cli.exercises:exercises",
        "Your coach's exercises: import, list, do.",
    ),
    "coach": (
        "belonging_cli.cli.coach:coach",
        "For coaches: write packs, roll up clients' reports.",
    ),
    "feedback": (
        "belonging_cli.cli.feedback:feedback",
        "Others' view: a round of anonymous 360 feedback.",
    ),
    "evidence": (
        "belonging_cli.cli.evidence:evidence",
        "Evidence from your own week: calendar, meetings.",
    ),
    "config": (
        "belonging_cli.cli.config:config",
        "Show and change your settings.",
    ),
    "remind": (
        "belonging_cli.cli.remind:remind",
        "A weekly reminder: a calendar file or a cron line.",
    ),
    "completion": (
        "belonging_cli.cli.completion:completion",
        "Print a shell completion script.",
    ),
}

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when named (click's documented pattern)."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.lazy, *super().list_commands(ctx)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            return load(self.lazy[cmd_name][0])
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The one-line helps from COMMANDS: `--help` imports no command module.
        rows = [(name, short) for name, (_, short) in self.lazy.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def load(target: str) -> click.Command:
    module_name, _, attribute = target.partition(":")
    command = getattr(importlib.import_module(module_name), attribute)
    if not isinstance(command, click.Command):  # pragma: no cover - a wiring mistake
        raise TypeError(f"{target} is not a click command")
    return command


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"belonging {__version__}")
        ctx.exit()


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    invoke_without_command=True,
    context_settings=CONTEXT,
)
@click.option(
    "--home",
    envvar="BELONGING_HOME",  # either way, settings.resolve checks it (finding D)
    type=click.Path(path_type=Path),
    help="Keep the journal and config in this folder (default: $BELONGING_HOME, "
    "else the platform's data folder).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
@click.option(
    "--version",
    "-V",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="Show the version and exit.",
)
@click.pass_context
def app(ctx: click.Context, home: Path | None, debug: bool) -> None:
    """Leadership self-coaching: reflect weekly, try small experiments, see your growth.

    A weekly reflection on ten behaviours of leading through influence, not control.
    """
    given_as = "--home"
    if ctx.get_parameter_source("home") is click.core.ParameterSource.ENVIRONMENT:
        given_as = "BELONGING_HOME"
    ctx.obj = settings.resolve(home, debug=debug, home_given_as=given_as)
    if ctx.invoked_subcommand is None:
        # No command: what is due and the most useful next command, not the help.
        from belonging_cli.cli.status import show_status

        show_status(ctx.obj, bare=True)
