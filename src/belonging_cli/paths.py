"""Where things live: the journal's and the config's folders for a home, and private folders.

The home itself (`--home DIR`, then `BELONGING_HOME`, then the platform's data and
config directories) is resolved once, with every other setting, in settings.py.
Tests always point `BELONGING_HOME` at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "belonging"
HOME_ENV = "BELONGING_HOME"


def data_dir(home: Path | None) -> Path:
    """The folder holding the journal (and the demo journal)."""
    if home is not None:
        return home
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir(home: Path | None) -> Path:
    """The folder holding config.toml."""
    if home is not None:
        return home
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


# The run's places, from the settings resolved once (settings.py).


def home_override() -> Path | None:
    """The explicit home (option or environment), if any."""
    from belonging_cli.settings import current

    return current().home


def journal_path() -> Path:
    from belonging_cli.settings import current

    return current().journal_path


def config_path() -> Path:
    from belonging_cli.settings import current

    return current().config_path


def forget_warnings() -> None:
    """A new run in the same process (tests): warn again."""
    _warned.clear()


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by the user only: it holds private writing.

    Parents created here are private too (`mkdir -p` would give them the umask's
    mode, so a home given as --home a/b/c could be listed by anyone). A folder that
    already existed keeps its mode, `path` included: it may be shared on purpose (a
    sticky 1777 or a group's 2775 folder), and the files in it are 0600 anyway; if
    others can list it, a warning says so, once.
    """
    missing = []
    folder = path
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)  # exists: made by another process meanwhile
        folder.chmod(0o700)  # mkdir's mode is filtered through the umask
    path.mkdir(parents=True, exist_ok=True, mode=0o700)  # a file there: FileExistsError
    if not missing:
        _warn_if_open(path)
    return path


_warned: set[Path] = set()


def _warn_if_open(folder: Path) -> None:
    mode = folder.stat().st_mode
    if mode & 0o077 and folder not in _warned:
        import sys

        _warned.add(folder)
        print(
            f"belonging: warning: the folder {folder} is readable by others "
            f"(mode {mode & 0o7777:o}): they can see which files it holds; "
            f"`chmod 700 {folder}` would make it private",
            file=sys.stderr,
        )
