"""Content folders and files: which files a folder holds, and checking many files at once.

Rubrics, flows and packs share these rules: a folder's content is its `*.yaml` and
`*.yml` files, hidden ones left out (editors keep their lock and backup files beside
the file being edited: Emacs's `.#weekly.yaml` is a link to nowhere), and a user sees
every problem of every file in one go, never just the first file's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from belonging_cli.errors import ContentError, Problem

T = TypeVar("T")

SUFFIXES = (".yaml", ".yml")


def yaml_files(folder: Path) -> list[Path]:
    """The content files in `folder`, by name; a folder that cannot be read is a ContentError."""
    try:
        names = [path for path in folder.iterdir() if not path.name.startswith(".")]
    except OSError as exc:
        problem = Problem(str(folder), 1, 1, "", f"cannot read: {exc.strerror or exc}")
        raise ContentError([problem]) from None
    return sorted(path for path in names if path.suffix in SUFFIXES)


def no_files(folder: Path, what: str) -> Problem:
    return Problem(str(folder), 1, 1, "", f"no {what} files (*.yaml) found")


def each_loaded(
    paths: Iterable[Path], load: Callable[[Path], T], problems: list[Problem]
) -> Iterator[tuple[Path, T]]:
    """`load` of every path that loads; the problems of those that do not go to `problems`."""
    for path in paths:
        try:
            loaded = load(path)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        yield path, loaded


def check_paths(
    paths: Iterable[Path], check: Callable[[Path], str], *, what: str | None = None
) -> list[str]:
    """`check` every file (a folder: its content files, when it holds files of `what`;
    else `check` takes the folder itself); the lines it returns, or every problem raised.
    """
    problems: list[Problem] = []
    files: list[Path] = []
    for path in paths:
        if what is None or not path.is_dir():
            files.append(path)
            continue
        for folder, found in each_loaded([path], yaml_files, problems):
            files.extend(found)
            if not found:
                problems.append(no_files(folder, what))
    checked = [line for _, line in each_loaded(files, check, problems)]
    if problems:
        raise ContentError(problems)
    return checked
