"""Printing for commands: rich consoles (NO_COLOR respected by rich) and JSON.

Every console here removes control characters from the text it prints (see
safe_text.py): a journal answer, a pack's title or a bundle's name can then never
set the window title, write the clipboard or hide text. Rich's own styling is
unaffected: it is made from styles, not from the text. Rich markup is still
markup: user text goes into a markup string through `rich.markup.escape`, or as a
`Text` or table cell.
"""

from __future__ import annotations

import functools
import re
import sys
from typing import TYPE_CHECKING, Any

from belonging_cli.safe_text import strip_controls

if TYPE_CHECKING:
    from rich.console import Console

_PADDING = re.compile(r" +(?=\n)")


def console() -> Console:
    return _safe_console()(highlight=False)


def err_console() -> Console:
    return _safe_console()(stderr=True, highlight=False)


@functools.cache
def _safe_console() -> type[Console]:
    from collections.abc import Iterable

    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment

    class SafeConsole(Console):
        """A console whose text segments never carry a control character."""

        def render(
            self, renderable: RenderableType, options: ConsoleOptions | None = None
        ) -> Iterable[Segment]:
            for segment in super().render(renderable, options):
                clean = segment.text if segment.control else strip_controls(segment.text)
                yield segment if clean == segment.text else Segment(clean, segment.style)

        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            # Rich pads each line to the width (a table's cells, Markdown's blocks):
            # invisible in a terminal, trailing spaces in a file or `| cat`. Only spaces
            # before a line's end go: the end of a `print(..., end="")` is kept.
            text = super()._render_buffer(buffer)
            return text if self.is_terminal else _PADDING.sub("", text)

        def on_broken_pipe(self) -> None:
            # Rich would exit 1 here; as an OSError, click and main.py see the reader
            # of `belonging progress | head` leave, which is no error (exit 0).
            import errno
            import os

            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return SafeConsole


def print_json(data: Any) -> None:
    """Machine output: stable, indented, UTF-8, one document on stdout."""
    import json  # here: most commands print no JSON, and json costs start-up ~2 ms

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def info(message: str) -> None:
    """A short note for people, on stderr so that stdout stays clean for pipes; at a
    terminal a long one is broken at words to its width (the terminal cuts anywhere,
    a path or a word in two), piped it stays one line for grep."""
    from belonging_cli.fitting import for_stderr

    print(for_stderr(strip_controls(message)), file=sys.stderr)
