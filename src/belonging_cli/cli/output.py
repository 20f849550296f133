"""Printing for commands: rich consoles (NO_COLOR respected by rich) and JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """Machine output: stable, indented, UTF-8, one document on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def info(message: str) -> None:
    """A short note for people, on stderr so that stdout stays clean for pipes."""
    print(message, file=sys.stderr)


def write_private(path: Path, chunks: Iterable[str]) -> None:
    """Write `path` readable by its owner only (0600), all or nothing.

    The text goes to a temporary file beside it that replaces `path` only once
    complete: a full disk leaves no half-written report or export, and an older
    file at `path` (whatever its mode) is replaced by a private one.
    """
    import os
    import tempfile
    from pathlib import Path

    from belonging_cli.errors import BelongingError

    if path.exists() and not path.is_file():
        # A device, a pipe, /dev/stdout: there is no file to replace (and replacing
        # /dev/null would destroy it), so the text goes straight in.
        try:
            with path.open("w", encoding="utf-8", newline="") as handle:
                handle.writelines(chunks)
        except OSError as exc:
            raise BelongingError(f"cannot write {path}: {exc.strerror or exc}") from None
        return
    if path.is_symlink():
        path = path.resolve()  # replace the file the link points to, and keep the link
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise BelongingError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(chunks)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise BelongingError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
