"""Places in a user's file: the line and column of an offset, and text decoded so that
an undecodable byte is a `Problem` at its place.

Stdlib only: the settings file is read through it on the path of `belonging status`.
"""

from __future__ import annotations

from belonging_cli.errors import ContentError, Problem

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
