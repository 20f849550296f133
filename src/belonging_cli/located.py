"""Places in a user's file: the line and column of an offset, and text decoded so that
an undecodable byte is a `Problem` at its place.

Stdlib only: the settings file is read through it on the path of `belonging status`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from belonging_cli.errors import BelongingError, ContentError, Problem

if TYPE_CHECKING:
    from pathlib import Path

NOT_UTF8 = "not valid UTF-8 text (save the file as UTF-8)"


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset in `text`."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode_text(raw: bytes, path: str) -> str:
    """A user's file as text: UTF-8, without the byte-order mark some editors write first.

    A byte that is not UTF-8 is a ContentError at its line and column, counted in
    characters after the mark, as an editor shows them.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # exc.object is what was decoded (the mark already skipped); all of it before
        # exc.start is valid UTF-8.
        before = exc.object[: exc.start].decode("utf-8")
        line, column = line_column(before, len(before))
        raise ContentError([Problem(path, line, column, "", NOT_UTF8)]) from None


def read_bounded(path: Path, limit: int) -> bytes:
    """Someone else's file, never more than `limit` bytes of it read: a larger one is a
    ContentError at its start, one that cannot be read a one-line BelongingError."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise BelongingError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > limit:
        size = f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1024} KB"
        raise ContentError([Problem(str(path), 1, 1, "", f"larger than {size}")])
    return raw
