"""The settings in effect for one run, resolved once, with one precedence rule.

For every setting: the command-line option, then the environment
(`BELONGING_<KEY>`, e.g. `BELONGING_HOME`, `BELONGING_RUBRICS`,
`BELONGING_TIMEZONE`), then `config.toml`, then the default. The root command
resolves them once (`resolve`) and hands the result to each command; loaders
take the folders they are given and never look at the environment or the
config themselves. `$VISUAL`/`$EDITOR` and the system's zone are defaults, not
settings: the `editor` and `timezone` settings win over them.

Internals that cannot be handed the settings (where the journal lives, for the
writer that refuses to overwrite it) read the run's through `current()`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from belonging_cli import paths
from belonging_cli.errors import BelongingError, UsageProblem

# The settings' table and the file are imported when a setting is first read: every
# command resolves the settings, but `--help` and `--version` read none (~1.5 ms).
if TYPE_CHECKING:
    from belonging_cli.config import Config

ENV_PREFIX = "BELONGING_"


def env_name(key: str) -> str:
    """The environment variable of a setting: `rubrics` -> `BELONGING_RUBRICS`."""
    return ENV_PREFIX + key.upper()


class Settings:
    """Where things live and every setting in effect, for one run.

    The config file is read on first use, so a broken `config.toml` fails only the
    commands that need a setting (`config path` and `config set` still work to fix it).
    A plain class, not a frozen dataclass: every command builds one, and creating the
    dataclass costs ~1.5 ms of start-up (benchmarks/startup.py).
    """

    def __init__(
        self,
        home: Path | None,
        environ: Mapping[str, str],
        debug: bool = False,
        rubrics_option: Path | None = None,
        flows_option: Path | None = None,
    ) -> None:
        self.home = home  # --home or BELONGING_HOME; None: the platform's folders
        self.environ = environ
        self.debug = debug
        self.rubrics_option = rubrics_option
        self.flows_option = flows_option

    @property
    def config_path(self) -> Path:
        return paths.config_dir(self.home) / "config.toml"

    @property
    def data_dir(self) -> Path:
        return paths.data_dir(self.home)

    @property
    def journal_path(self) -> Path:
        return self.data_dir / "journal.db"

    @cached_property
    def config(self) -> Config:
        """Every setting: the environment's over the file's over the defaults."""
        return self.read_config()

    def read_config(self) -> Config:
        """The same, read afresh (after `config set` in the same process)."""
        from belonging_cli.config import PATHS, config_from, parse_setting
        from belonging_cli.config_file import read_values

        options = {"rubrics": self.rubrics_option, "flows": self.flows_option}
        chosen = {key for key, given in options.items() if given is not None}
        environment = {k: v for k, v in self.from_environment().items() if k not in chosen}
        # What an option or the environment sets is not read from the file: a value
        # that loses never stops a command (nor does a mistake in it).
        values = read_values(self.config_path, skip=chosen | set(environment))
        config = config_from(values, base=self.config_path.parent)
        from_env: dict[str, Any] = {}
        for key, text in environment.items():
            try:
                value = parse_setting(key, text)
            except UsageProblem as exc:
                raise UsageProblem(f"{env_name(key)}: {exc.message.partition(': ')[2]}") from None
            from_env[key] = Path(str(value)).expanduser() if key in PATHS else value
        return config._replace(**from_env) if from_env else config

    def from_environment(self) -> dict[str, str]:
        """The settings the environment sets (`BELONGING_<KEY>`, not empty), as written."""
        from belonging_cli.config import SETTINGS

        given = {key: self.environ.get(env_name(key), "") for key in SETTINGS if key != "home"}
        return {key: text for key, text in given.items() if text}

    @cached_property
    def rubrics(self) -> Path:
        """The rubric folder in use: --rubrics, BELONGING_RUBRICS, the setting, built-in."""
        return self._folder(self.rubrics_option, self.config.rubrics, "rubrics")

    @cached_property
    def flows(self) -> Path:
        """The flows folder in use: --flows, BELONGING_FLOWS, the setting, built-in."""
        return self._folder(self.flows_option, self.config.flows, "prompts")

    def _folder(self, option: Path | None, setting: Path | None, packaged: str) -> Path:
        if option is not None:
            return option.expanduser()
        if setting is not None:
            return setting
        from belonging_cli.resources import packaged_dir

        return packaged_dir(packaged)

    def missing_folder(self, key: str, folder: Path) -> BelongingError:
        """The one error for a rubric or flows folder that is not there; at the line of
        config.toml that names it when that is where it came from (not an option, not
        the environment), so a person sees which line to fix."""
        option = self.rubrics_option if key == "rubrics" else self.flows_option
        if option is None and key not in self.from_environment():
            from belonging_cli.config_file import locate
            from belonging_cli.errors import ContentError, Problem

            if getattr(self.config, key) == folder:  # typed into the file by hand
                line, column = locate(self.config_path, key)
                # The words of every other way of giving a folder (config.existing_folder).
                words = f"{str(folder)!r} is not a folder (allowed: an existing folder)"
                problem = Problem(str(self.config_path), line, column, key, words)
                return ContentError([problem])
        return BelongingError(f"{'rubric' if key == 'rubrics' else key} folder not found: {folder}")

    def zone(self) -> dt.tzinfo:
        return self.config.zone()

    def now(self) -> dt.datetime:
        """Now in the user's zone: the one clock every command dates things by."""
        from belonging_cli import clock

        return clock.now(self.zone())

    def editor(self) -> str | None:
        """The `editor` setting, else $VISUAL, else $EDITOR."""
        return self.config.editor or self.environ.get("VISUAL") or self.environ.get("EDITOR")

    def with_folders(self, *, rubrics: Path | None = None, flows: Path | None = None) -> Settings:
        """A command's own `--rubrics`/`--flows` options, which win over everything else."""
        if rubrics is None and flows is None:
            return self
        changed = Settings(
            self.home,
            self.environ,
            self.debug,
            rubrics_option=rubrics if rubrics is not None else self.rubrics_option,
            flows_option=flows if flows is not None else self.flows_option,
        )
        install(changed)
        return changed


def resolve(
    home: Path | None = None,
    *,
    debug: bool = False,
    environ: Mapping[str, str] | None = None,
    home_given_as: str = "--home",
) -> Settings:
    """The settings for this run: option > environment > config.toml > default."""
    env = dict(os.environ if environ is None else environ)
    if home is None and env.get(paths.HOME_ENV):
        home, home_given_as = Path(env[paths.HOME_ENV]), paths.HOME_ENV
    if home is not None:
        _refuse_file_home(home.expanduser(), home_given_as)
    settings = Settings(
        home=home.expanduser() if home is not None else None, environ=env, debug=debug
    )
    install(settings)
    return settings


def _refuse_file_home(home: Path, given_as: str) -> None:
    """A home is a folder, or a place one can be made: a file there, or above it where
    the folder would go, is a usage mistake said in one line, however it was given."""
    for place in (home, *home.parents):
        try:
            if not place.exists():
                continue
        except OSError:
            return  # unreadable: the command that opens it says so
        if not place.is_dir():
            raise UsageProblem(
                f"{given_as}: '{place}' is a file, not a folder",
                hint="give a folder for the journal and config; it is made if missing",
            )
        return


def rubric_folder(option: Path | None = None) -> Path:
    """The rubric folder to load: the one given (a command's --rubrics), else the run's."""
    return option.expanduser() if option is not None else current().rubrics


def flows_folder(option: Path | None = None) -> Path:
    """The flows folder to load: the one given (a command's --flows), else the run's."""
    return option.expanduser() if option is not None else current().flows


_current: Settings | None = None


def install(settings: Settings | None) -> None:
    """Make `settings` the run's (tests reset it with None)."""
    global _current
    _current = settings
    paths.forget_warnings()


def current() -> Settings:
    """The run's settings, resolved from the environment if no command did yet."""
    return _current if _current is not None else resolve()
