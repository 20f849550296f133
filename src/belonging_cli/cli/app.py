"""The `belonging` command: global options and the command groups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from belonging_cli import __version__
from belonging_cli.cli import (
    coach,
    config,
    exercises,
    flows,
    journal,
    reflect,
    remind,
    report,
    rubric,
    status,
)

app = typer.Typer(
    name="belonging",
    help="Leadership self-coaching: a weekly reflection on ten behaviours of leading "
    "through influence, not control.",
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=True,
)
app.add_typer(rubric.app, name="rubric")
# Each module adds its own commands or sub-app; the order here is the help's order.
for module in (reflect, status, report, journal, flows, exercises, coach, config, remind):
    module.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"belonging {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            help="Keep the journal and config in this folder (default: $BELONGING_HOME, "
            "else the platform's data folder).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Leadership self-coaching: reflect weekly, try small experiments, see your growth."""
    from belonging_cli import paths

    paths.set_home(home)
    if ctx.invoked_subcommand is None:
        # No command: what is due and the most useful next command, not the help.
        from belonging_cli.cli.status import show_status

        show_status(bare=True)
