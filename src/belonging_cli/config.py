"""The user's settings, from config.toml in the config folder (or --home).

Skeleton: the habits work (issue 7) adds validation messages, `config set/unset`
and atomic writes. Other modules read settings only through `load_config()`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from belonging_cli import paths


@dataclass(frozen=True)
class Config:
    name: str | None = None
    reflection_weekday: str = "friday"
    reflection_time: str = "16:00"
    timezone: str | None = None  # an IANA zone; None: the system's
    report_period: str = "quarter"  # week, month, quarter, year, all
    default_flow: str = "weekly"
    rubrics: Path | None = None
    flows: Path | None = None
    editor: str | None = None
    private_by_default: bool = False


def load_config() -> Config:
    path = paths.config_path()
    if not path.is_file():
        return Config()
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    known = {k: v for k, v in data.items() if k in Config.__dataclass_fields__}
    return Config(**known)
