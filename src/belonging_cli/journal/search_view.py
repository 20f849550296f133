"""How `journal search` prints its hits: each as where it is, then the line, match in bold.

Two lines a hit, so that a long question never pushes the answer off a narrow
terminal: the date, the session and the question (shortened at a word to the
width), then the line as typed, indented, wrapped at words. Bold only where rich
sees a terminal; piped, the same lines plain and unwrapped, for grep.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from belonging_cli.fitting import shorten
from belonging_cli.journal.search import Hit, count_line

if TYPE_CHECKING:
    from rich.console import Console

INDENT = 2


def show_hits(hits: list[Hit], out: Console) -> None:
    from rich.padding import Padding
    from rich.text import Text

    terminal = out.is_terminal
    for hit in hits:
        head = f"{hit.date}  {hit.session_id[:8]}  "
        where = hit.question if not terminal else shorten(hit.question, out.width - len(head))
        title = Text()
        title.append(head, style="bold")
        title.append(where, style="dim")
        line = Text(hit.line)
        for start, end in hit.spans:
            line.stylize("bold", start, end)
        if terminal:
            out.print(title)
            out.print(Padding(line, (0, 0, 0, INDENT)))
        else:
            out.print(title, soft_wrap=True)
            out.print(Text(" " * INDENT) + line, soft_wrap=True)
    out.print(Text(count_line(hits), style="dim"), soft_wrap=not terminal)
