"""Writing the user's files: private to them (0600), and all or nothing."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from belonging_cli.errors import BelongingError


def write_private(path: Path, chunks: Iterable[str]) -> None:
    """Write `path` readable by its owner only (0600), all or nothing.

    The text goes to a temporary file beside it that replaces `path` only once
    complete: a full disk leaves no half-written report or export, and an older
    file at `path` (whatever its mode) is replaced by a private one.
    """
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
