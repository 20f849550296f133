"""`belonging config ...`: where the settings live, what they are, and changing them."""

from __future__ import annotations

from pathlib import Path

import click
from click.shell_completion import CompletionItem

from belonging_cli.cli.options import InOrder, json_option, pass_settings
from belonging_cli.cli.output import info, print_json
from belonging_cli.config import SETTINGS, parse_setting
from belonging_cli.config_file import read_values, render_toml, set_value
from belonging_cli.errors import UsageProblem
from belonging_cli.settings import Settings, env_name


@click.group(
    "config",
    cls=InOrder,
    no_args_is_help=True,
    help="Show and change your settings (reflection day and time, time zone, ...).",
)
def config() -> None:
    pass


def _complete_key(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    return [CompletionItem(key) for key in SETTINGS if key.startswith(incomplete)]


# A setting: see `belonging config show`.
key_argument = click.argument("key", metavar="KEY", shell_complete=_complete_key)


@config.command("path")
@pass_settings
def path(settings: Settings) -> None:
    """Print the config file in use (it may not exist yet)."""
    click.echo(str(settings.config_path))


@config.command("show")
@json_option
@pass_settings
def show(settings: Settings, as_json: bool) -> None:
    """Every setting in effect, and where it comes from.

    From the file, from the environment (BELONGING_<KEY>, which wins over the file),
    or the default.
    """
    file = settings.config_path
    in_effect = settings.config  # a broken file or variable stops here, located
    written = read_values(file)
    from_env = settings.from_environment()
    effective = {k: str(v) if isinstance(v, Path) else v for k, v in in_effect._asdict().items()}
    if as_json:
        print_json(
            {
                "path": str(file),
                "settings": effective,
                "from_file": sorted(written),
                "from_environment": sorted(from_env),
                "effective_timezone": in_effect.zone_name(),
                "help": {key: setting.help for key, setting in SETTINGS.items()},
            }
        )
        return
    click.echo(f"# {file}{'' if file.exists() else ' (not created yet: defaults in use)'}")
    width = max(len(key) for key in SETTINGS)
    for key, setting in SETTINGS.items():
        value = effective[key]
        if value is None:
            shown = f"(not set: {in_effect.zone_name()})" if key == "timezone" else "(not set)"
        else:
            shown = str(value).lower() if isinstance(value, bool) else str(value)
        if key in from_env:
            source = f"  [{env_name(key)}]"
        elif key not in written and value is not None:
            source = "  [default]"
        else:
            source = ""
        click.echo(f"{key:<{width}}  {shown}{source}")
        click.echo(f"{'':<{width}}  # {setting.help}")
    click.echo("\nChange one: belonging config set KEY VALUE")


@config.command("set")
@key_argument
@click.argument("value", metavar="VALUE")
@pass_settings
def set_(settings: Settings, key: str, value: str) -> None:
    """Change one setting; a bad value is refused with the allowed values.

    KEY is one of the settings `belonging config show` lists.
    """
    parsed = parse_setting(key, value)
    if key == "default_flow":
        _require_flow(settings, str(parsed))
    written = set_value(key, parsed, settings.config_path)
    click.echo(f"{key} = {render_toml(parsed)}  ({written})")
    _note_environment(settings, key)
    if key == "key_file":
        from belonging_cli.cli.journal_crypt import warn_if_shared

        warn_if_shared(Path(str(parsed)))


def _require_flow(settings: Settings, flow_id: str) -> None:
    """The default flow must be one `belonging reflect` can find (built-in or yours)."""
    from belonging_cli.content.flows import load_flows  # pydantic: only for this setting

    ids = load_flows(settings.flows).ids()
    if flow_id not in ids:
        raise UsageProblem(f"default_flow: no flow {flow_id!r} (allowed: {', '.join(ids)})")


@config.command("unset")
@key_argument
@pass_settings
def unset(settings: Settings, key: str) -> None:
    """Remove one setting from the file, so the default applies again."""
    if key not in SETTINGS:
        raise UsageProblem(f"unknown setting {key!r} (settings: {', '.join(SETTINGS)})")
    written = set_value(key, None, settings.config_path)
    click.echo(f"{key} unset: the default applies  ({written})")
    _note_environment(settings, key)


def _note_environment(settings: Settings, key: str) -> None:
    """The file changed, but what is in effect did not: say so rather than mislead."""
    if key in settings.from_environment():
        info(f"note: {env_name(key)} is set: it wins over the file while it is")
