"""Draw a roll-up as Markdown, HTML or JSON with the templates beside this module.

HTML is rendered with autoescape on: every value from a bundle is text, never
markup, so nothing a client's file holds can inject script into the page.
Markdown escapes punctuation in values, so a name holding `|` or `#` cannot
break a table or start a heading.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from belonging_cli.coaching.client_view import shorten
from belonging_cli.coaching.rollup import Rollup
from belonging_cli.reports.escape import md_cell
from belonging_cli.reports.words import one_decimal

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMATS = ("md", "html", "json")

NONE = "\u2013"  # an en dash stands for "no value" in tables
# A title in the clients' table is cut at a word past this, so that the "+2 more" after
# it is seen on a terminal's line; each client's section says it whole.
CELL_CHARS = 48


def signed(value: int | float | None) -> str:
    if value is None:
        return NONE
    return f"+{value}" if value > 0 else str(value)


def cell(text: str) -> str:
    return shorten(text, CELL_CHARS)


def number(value: object) -> str:
    """A figure as a coach reads it: a fraction (an average, a spread) as the reports
    show one (words.one_decimal); a count, a level or a day as it is; none, a dash."""
    if value is None:
        return NONE
    return one_decimal(value) if isinstance(value, float) else str(value)


# A roll-up says each rubric's titles, labels and each strip's story for every client:
# each text escaped once (names and files, one a client, pass through the bound).
_md_cell = functools.lru_cache(maxsize=4096)(md_cell)
PIECES = 2048  # a template's pieces written at once: thousands of clients, ~300 each


def _environment(html: bool) -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _md_cell
    env.filters["signed"] = signed
    env.filters["num"] = number
    env.filters["cell"] = cell
    return env


def render(rollup: Rollup, fmt: str) -> str:
    return "".join(chunks(rollup, fmt))


def chunks(rollup: Rollup, fmt: str) -> Iterator[str]:
    """The roll-up drawn piece by piece, as `render` joins it: a roll-up of thousands of
    clients is written out without ever holding all its text (megabytes) at once."""
    if fmt == "json":
        from belonging_cli.coaching import rollup_json

        yield from rollup_json.chunks(rollup)
        return
    html = fmt == "html"
    template = _environment(html).get_template("rollup.html.j2" if html else "rollup.md.j2")
    pieces = template.generate(r=rollup)
    while batch := list(itertools.islice(pieces, PIECES)):
        yield "".join(batch)


def at_terminal(chunks: Iterable[str], width: int) -> Iterator[str]:
    """The Markdown roll-up fitted to a terminal `width` wide: every line broken at
    words (a list item's lines under its text, a table row's under its first cell), so
    the terminal never cuts a word in two. Whole lines out, as the chunks came in;
    piped or written to a file, the Markdown stays as it is."""
    from belonging_cli.fitting import wrap

    pending = ""
    for chunk in chunks:
        pending += chunk
        *lines, pending = pending.split("\n")
        for line in lines:
            yield _fitted(line, width, wrap) + "\n"
    if pending:
        yield _fitted(pending, width, wrap)


def _fitted(line: str, width: int, wrap: Callable[[str, int | None, int], list[str]]) -> str:
    if len(line) <= width:
        return line
    lead = len(line) - len(line.lstrip(" "))
    marker = re.match(r"(?:[-*|]|\d+\.) ", line[lead:])
    indent = lead + (len(marker.group()) if marker else 0)
    body = wrap(line[lead:], width - lead, indent - lead)
    return "\n".join(" " * lead + row for row in body)
