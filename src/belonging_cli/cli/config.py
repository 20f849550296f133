"""`belonging config ...`: where the settings live, what they are, and changing them."""

from __future__ import annotations

from typing import Annotated

import typer

from belonging_cli.cli.typer_options import JsonOption

app = typer.Typer(
    help="Show and change your settings (reflection day and time, time zone, ...).",
    no_args_is_help=True,
)


def _complete_key(incomplete: str) -> list[str]:
    from belonging_cli.config import SETTINGS

    return [key for key in SETTINGS if key.startswith(incomplete)]


KeyArgument = Annotated[
    str,
    typer.Argument(
        help="A setting: see `belonging config show`.",
        autocompletion=_complete_key,
        show_default=False,
    ),
]


@app.command("path")
def path() -> None:
    """Print the config file in use (it may not exist yet)."""
    from belonging_cli import paths

    typer.echo(str(paths.config_path()))


@app.command("show")
def show(as_json: JsonOption = False) -> None:
    """Every setting in effect, and whether it comes from the file or is the default."""
    from dataclasses import asdict
    from pathlib import Path

    from belonging_cli import paths
    from belonging_cli.config import SETTINGS, config_from, read_values

    file = paths.config_path()
    written = read_values(file)
    config = config_from(written, base=file.parent)
    effective = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(config).items()}
    if as_json:
        from belonging_cli.cli.output import print_json

        print_json(
            {
                "path": str(file),
                "settings": effective,
                "from_file": sorted(written),
                "effective_timezone": config.zone_name(),
                "help": {key: setting.help for key, setting in SETTINGS.items()},
            }
        )
        return
    typer.echo(f"# {file}{'' if file.exists() else ' (not created yet: defaults in use)'}")
    width = max(len(key) for key in SETTINGS)
    for key, setting in SETTINGS.items():
        value = effective[key]
        if value is None:
            shown = f"(not set: {config.zone_name()})" if key == "timezone" else "(not set)"
        else:
            shown = str(value).lower() if isinstance(value, bool) else str(value)
        source = "" if key in written else "  [default]" if value is not None else ""
        typer.echo(f"{key:<{width}}  {shown}{source}")
        typer.echo(f"{'':<{width}}  # {setting.help}")
    typer.echo("\nChange one: belonging config set KEY VALUE")


@app.command("set")
def set_(
    key: KeyArgument,
    value: Annotated[str, typer.Argument(help="The new value.", show_default=False)],
) -> None:
    """Change one setting; a bad value is refused with the allowed values."""
    from belonging_cli.config import parse_setting, render_toml, set_value

    parsed = parse_setting(key, value)
    if key == "default_flow":
        _require_flow(str(parsed))
    written = set_value(key, parsed)
    typer.echo(f"{key} = {render_toml(parsed)}  ({written})")


def _require_flow(flow_id: str) -> None:
    """The default flow must be one `belonging reflect` can find (built-in or yours)."""
    from belonging_cli.content.flows import load_flows
    from belonging_cli.errors import UsageProblem

    ids = load_flows().ids()
    if flow_id not in ids:
        raise UsageProblem(f"default_flow: no flow {flow_id!r} (allowed: {', '.join(ids)})")


@app.command("unset")
def unset(key: KeyArgument) -> None:
    """Remove one setting from the file, so the default applies again."""
    from belonging_cli.config import SETTINGS, set_value
    from belonging_cli.errors import UsageProblem

    if key not in SETTINGS:
        raise UsageProblem(f"unknown setting {key!r} (settings: {', '.join(SETTINGS)})")
    written = set_value(key, None)
    typer.echo(f"{key} unset: the default applies  ({written})")


def register(app_: typer.Typer) -> None:
    """Add this module's commands to the main app."""
    app_.add_typer(app, name="config")
