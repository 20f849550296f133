"""When a report's table fits a terminal, and how its rows stack when it does not:
the one rule of the Ratings and the Evidence sections (terminal_ratings.py,
terminal_evidence.py).

A table fits while each of its columns gets the room its words need whole (and the
gap between columns); else each row is stacked: its key in bold on a line of its
own, then its cells as lines indented by INDENT, wrapped at words. So no word is
ever cut to "experim…" however narrow the window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

INDENT = 4
GAP = 2  # between two columns: the report's tables pad each cell by one on both sides


def fits(width: int, needs: Sequence[int], *, gap: int = GAP) -> bool:
    """Whether columns needing these widths fit side by side in `width`."""
    return sum(needs) + gap * (len(needs) - 1) <= width


def widths(width: int, needs: Sequence[int], wholes: Sequence[int]) -> list[int]:
    """Columns' widths in `width`: each its `needs` (its longest word), and the room
    left shared out towards its `wholes` (its words on one line), the nearest first."""
    given = list(needs)
    room = width - sum(needs) - GAP * (len(needs) - 1)
    order = sorted(range(len(needs)), key=lambda n: wholes[n] - needs[n])
    for left, n in enumerate(order):
        more = min(wholes[n] - needs[n], max(room, 0) // (len(order) - left))
        given[n] += more
        room -= more
    return given


def longest_word(*texts: str) -> int:
    """The room a column needs to keep every word of `texts` whole."""
    return max((len(word) for text in texts for word in text.split()), default=1)


def stacked(console: Console, key: RenderableType, lines: Iterable[RenderableType]) -> None:
    """A row on lines of its own: `key` in bold, then each line indented under it."""
    from rich.padding import Padding
    from rich.text import Text

    console.print(Text(key, style="bold") if isinstance(key, str) else key)
    for line in lines:
        console.print(Padding(line, (0, 0, 0, INDENT), expand=False))
