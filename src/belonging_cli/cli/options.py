"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path

import click

from belonging_cli.settings import Settings

json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


def _existing_folder(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """A folder option checked by the rule its setting and environment variable follow
    (config.existing_folder), so the mistake reads the same every way it is given."""
    if value is None:
        return None
    from belonging_cli.config import BadValue, existing_folder

    try:
        existing_folder(str(value))
    except BadValue as exc:
        # A usage mistake (exit 2), said as BELONGING_RUBRICS's is, pointing at the help.
        raise click.UsageError(f"{param.opts[0]}: {exc}", ctx) from None
    return value  # as given: messages name the folder the way it was typed


rubrics_option = click.option(
    "--rubrics",
    type=click.Path(path_type=Path),
    callback=_existing_folder,
    metavar="DIR",
    help="Use the rubric set in this folder (default: $BELONGING_RUBRICS, the rubrics "
    "setting, else the built-in).",
)

flows_option = click.option(
    "--flows",
    type=click.Path(path_type=Path),
    callback=_existing_folder,
    metavar="DIR",
    help="Use the reflection flows in this folder (default: $BELONGING_FLOWS, the flows "
    "setting, else the built-in).",
)

format_option = click.option(
    "--format",
    "-f",
    "fmt",
    metavar="FORMAT",
    help="md, html or json (default: from --out's extension, else md).",
)

out_option = click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Write to this file instead of the screen.",
)

answers_option = click.option(
    "--answers",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Answer from a YAML or JSON file, with no prompts (checked in full first).",
)

answers_template_option = click.option(
    "--answers-template",
    is_flag=True,
    help="Print a commented answers file to start from.",
)


class InOrder(click.Group):
    """A group whose help lists its commands as declared (the order of use), not sorted."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


# Every command takes the run's settings (resolved once by the root command) first.
pass_settings = click.make_pass_decorator(Settings)
