"""Plain text made to fit a terminal's width: shortened or wrapped at words, never inside one.

For the listings that print plain lines (`journal list`, `status`): rich would do
this, but costs more than their whole budget. Stdlib only, no dataclasses.
"""

from __future__ import annotations

import os
import sys

ELLIPSIS = "…"


def text_width() -> int | None:
    """The width to fit: $COLUMNS if set, else the terminal's; None when piped (a file
    or grep gets whole lines)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        try:  # not shutil's: importing shutil costs status ~2.5 ms
            return os.get_terminal_size(sys.stdout.fileno()).columns or 80
        except (OSError, ValueError):
            return 80
    return None


def shorten(text: str, width: int) -> str:
    """`text` in at most `width` characters, cut at a word with an ellipsis; a first word
    longer than that is cut (there is no better place)."""
    if len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    cut = text.rfind(" ", 0, width)  # a space where the ellipsis would go is fine too
    kept = text[:cut] if cut > 0 else text[: width - 1]
    return kept.rstrip(" ,;:·-") + ELLIPSIS


def terminal_columns() -> int:
    """The columns of the terminal the output goes to, as it says itself (what a person
    sees, whatever $COLUMNS claims); $COLUMNS or 80 when the output is not a terminal."""
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns or 80
    except (OSError, ValueError):
        columns = os.environ.get("COLUMNS", "")
        return int(columns) if columns.isdigit() and int(columns) > 0 else 80


def for_stderr(text: str) -> str:
    """A note or a prompt's "try again" as stderr shows it: at a terminal, a long line
    broken at words to its width (the terminal cuts anywhere, a path or a word in two);
    piped, one line for grep. The one rule for every note belonging writes."""
    if "\n" in text or len(text) <= 40 or not sys.stderr.isatty():
        return text
    try:
        columns = os.get_terminal_size(sys.stderr.fileno()).columns or 80
    except (OSError, ValueError):
        columns = 80
    return "\n".join(wrap(text, columns, 0))


def wrap(text: str, width: int | None, indent: int) -> list[str]:
    """`text` as lines of at most `width`, broken at spaces; lines after the first
    indented by `indent` (the first is assumed to start there too). A word longer than
    a line stays whole on its own line: a split id cannot be typed back."""
    words = text.split()  # one item, one paragraph: a typed line break is a space here
    if width is None or indent + len(" ".join(words)) <= width:
        return [" ".join(words)]
    room = max(width - indent, 10)
    lines = _broken(words, room, room, cut=False)
    return [lines[0], *(" " * indent + line for line in lines[1:])]


def fold(text: str, width: int, indent: str = "", start: int = 0) -> list[str]:
    """`text` (one paragraph) as lines of at most `width` columns for a prompt: broken at
    spaces, its first line starting at column `start` with its own leading spaces kept,
    the lines after it starting with `indent`. A word longer than a line is cut with an
    ellipsis: a person reads it, and a terminal would cut it anyway, without one."""
    lead = text[: len(text) - len(text.lstrip(" "))]
    first = max(width - start - len(lead), 2)
    lines = _broken(text.split(), first, max(width - len(indent), 2), cut=True)
    return [lead + lines[0], *(indent + line for line in lines[1:])]


def _broken(words: list[str], first: int, room: int, *, cut: bool) -> list[str]:
    """`words` in lines, the first at most `first` long, the others `room`."""
    lines: list[str] = []
    current = ""
    for word in words:
        limit = room if lines else first
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current, limit = "", room
        if cut and len(word) > limit:
            word = shorten(word, limit)
        current = f"{current} {word}" if current else word
    lines.append(current)
    return lines
