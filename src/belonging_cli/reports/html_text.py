"""A user's words inside the HTML report: Markdown-ish text made safe.

What of a person's formatting a report renders is decided here, once, for HTML and
Markdown alike (reports/escape.py writes the Markdown from the same parse): inline
emphasis (`*em*`, `**strong**`), links written `[text](url)` (only http, https,
mailto and relative ones), and line breaks. Everything else is
shown as typed: `#`, `>`, `-`, `*`, `1.` at a line start (no heading, quote, list or
rule can reshape the report around a note), code spans, HTML, entities, backslashes.
Raw HTML is escaped; images are off (an image would fetch from the network). One
difference is kept: a bare web address is a link in the Markdown (markdownlint asks
for no bare URLs) and text in the HTML (a report file points nowhere by itself).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def safe_link(url: str) -> bool:
    """Only http, https, mailto and relative links (no scheme at all)."""
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    cleaned = "".join(c for c in url if c > " " and c != "\x7f")
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Only paragraphs and the inline rules the docstring names; breaks: a person's
    # line breaks are kept, as the Markdown report keeps them.
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False, "breaks": True})
    md.enable(["emphasis", "newline", "link"])
    md.validateLink = safe_link  # type: ignore[method-assign]
    md.core.ruler.push("flatten_emphasis", _flatten_emphasis)
    return md


def _flatten_emphasis(state: Any) -> None:
    """Emphasis inside the same emphasis (`_1*1*_`: italic in italic) is shown once, and
    two side by side (`*1*_1_`) as one: the Markdown report cannot write either back so
    that every viewer reads it alike (asterisks side by side read as bold, or as text),
    so the one parser both reports use gives them the shape Markdown can hold."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        open_now = {"em": 0, "strong": 0}
        dropped: list[bool] = []  # for each emphasis open now: whether it was dropped
        kept: list[Any] = []
        for token in block.children:
            kind, _, edge = token.type.rpartition("_")
            if kind in open_now and edge == "open":
                drop = open_now[kind] > 0
                if not drop and kept and kept[-1].type == f"{kind}_close":
                    # `*1*_1_`: two emphases side by side read as one in Markdown
                    # (`*1**1*` would not), so they are one here too.
                    kept.pop()
                    dropped.append(False)  # its close now closes the one before
                    open_now[kind] += 1
                    continue
                open_now[kind] += 1
                dropped.append(drop)
                if drop:
                    continue
            elif kind in open_now and edge == "close":
                open_now[kind] -= 1
                if dropped.pop() if dropped else False:
                    continue
            kept.append(token)
        block.children = kept


# Text with none of these can hold no Markdown structure: one line of prose.
_MARKUP = re.compile(r"[\\`*_\[\]<>&~\x00-\x1f\x7f]|^ *([-+#=|>]|\d+[.)])|^ {4}")


def _odd_edges(text: str) -> bool:
    """Other whitespace at either end: markdown-it trims it its own way."""
    return bool(text) and any(c.isspace() or c == "\ufeff" for c in (text[0], text[-1]))


def markdown_html(text: str) -> str:
    """Render the user's text as HTML; anything unsafe comes out as visible text."""
    stripped = text.strip(" ")
    if _MARKUP.search(text) is None and not _odd_edges(stripped):
        # Plain prose (most answers): exactly what markdown-it makes of it, without
        # parsing: with no `&`, `<` or `>`, only quotes need escaping.
        return f"<p>{stripped.replace(chr(34), '&quot;')}</p>\n" if stripped else ""
    rendered: str = _parser().render(text)
    return rendered
