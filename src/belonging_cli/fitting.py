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


def wrap(text: str, width: int | None, indent: int) -> list[str]:
    """`text` as lines of at most `width`, broken at spaces; lines after the first
    indented by `indent` (the first is assumed to start there too). A word longer than
    a line stays whole on its own line: a split id cannot be typed back."""
    words = text.split()  # one item, one paragraph: a typed line break is a space here
    if width is None or indent + len(" ".join(words)) <= width:
        return [" ".join(words)]
    room = max(width - indent, 10)
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > room:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return [lines[0], *(" " * indent + line for line in lines[1:])]
