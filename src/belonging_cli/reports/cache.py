"""Where reports keep what can be rebuilt: rubric facts (data, never code).

Under the home folder when one is given (`--home`, BELONGING_HOME: tests and
demos stay self-contained), else the platform's cache folder. Anything kept
here can be deleted at any time; a cache that cannot be used is skipped.
Nothing kept here is ever loaded as code: a synced or shared folder can be
written by others (builtin_templates.py says where compiled templates live).
"""

from __future__ import annotations

from pathlib import Path

from belonging_cli import paths


def cache_dir(name: str, home: Path | None = None) -> Path | None:
    """The folder for one kind of cached thing (not created here), or None; `home`: of
    another home than the run's (the demo's)."""
    home = home if home is not None else paths.home_override()
    if home is not None:
        return home / "cache" / name
    try:
        from platformdirs import user_cache_path

        return user_cache_path(paths.APP_NAME, appauthor=False) / name
    except Exception:  # pragma: no cover - no usable cache folder: no cache
        return None
