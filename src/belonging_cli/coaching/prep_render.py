"""Draw a session prep sheet as Markdown or HTML (templates beside render.py), or at a
terminal: the Markdown drawn by rich, at most 80 columns wide so it reads as a page.

HTML is autoescaped and Markdown escapes every value (render.py's environment), so
nothing a client's bundle holds can become markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from belonging_cli.coaching.render import _environment

if TYPE_CHECKING:
    from rich.console import Console

    from belonging_cli.coaching.prep import PrepSheet

FORMATS = ("md", "html")
WIDTH = 80


def render_prep(sheet: PrepSheet, fmt: str) -> str:
    html = fmt == "html"
    template = _environment(html).get_template("prep.html.j2" if html else "prep.md.j2")
    return template.render(p=sheet)


def show_prep(sheet: PrepSheet, console: Console) -> None:
    from rich.markdown import Markdown

    console.width = min(console.width, WIDTH)
    console.print(Markdown(render_prep(sheet, "md")))
