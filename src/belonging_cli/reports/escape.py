"""A user's words inside Markdown: shown exactly as written, never as structure.

Reflections are free text: a note can hold `|`, `#`, backticks, HTML or line
breaks. Escaped here, it cannot end a table cell, start a heading or a list,
open a code span or smuggle in HTML. Bare web addresses become autolinks (so
markdownlint's no-bare-urls rule passes and they stay clickable).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

# An HTML entity (`&amp;`, `&#60;`) would be decoded: escape its ampersand.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What only means something at the start of a line, and only when a space or
# the line's end follows: headings, list items, setext underlines and rules.
_LINE_START = re.compile(r"^(#+|[-+=]+|\d{1,9}[.)])(?=\s|$)")
_URL = re.compile(r"https?://[^\s<>|`\\\"'{}\[\]]+")
_URL_TAIL = ".,;:!?)'\""
# What a person's formatting (emphasis, a link) needs: text without it is escaped whole.
_FORMATTING = re.compile(r"[*_\[]")
# The characters that can start or end inline structure anywhere in a line, each
# backslashed in one C pass (a regex's per-match template was half of drawing a
# roll-up of thousands of clients, issue 19).
_ESCAPED = "\\`*_[]<>|~$"
_BACKSLASHED = str.maketrans({c: "\\" + c for c in _ESCAPED})
# Anything _escape_text changes: most values (names, titles, levels) hold none of it.
_SPECIAL = re.compile(f"[{re.escape(_ESCAPED)}&]|https?://")
_STARTS = frozenset("#-+=")  # what _LINE_START can begin with, besides a digit


def _escape_plain(text: str) -> str:
    escaped = text.translate(_BACKSLASHED)
    return _ENTITY.sub(r"\\&", escaped) if "&" in escaped else escaped


def web_addresses(text: str) -> list[tuple[int, str]]:
    """The bare web addresses in `text` with where each starts (a sentence's closing
    punctuation left out)."""
    found = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_URL_TAIL)
        if len(url) > len("https://"):
            found.append((match.start(), url))
    return found


def _escape_line(line: str) -> str:
    """One line of text, whitespace already tidied."""
    return _line_start(_escape_text(line))


def _escape_text(text: str) -> str:
    """Text escaped, its bare web addresses made autolinks."""
    parts: list[str] = []
    position = 0
    for start, url in web_addresses(text):
        parts.append(_escape_plain(text[position:start]))
        parts.append(f"<{url}>")
        position = start + len(url)
    parts.append(_escape_plain(text[position:]))
    return "".join(parts)


def _line_start(escaped: str) -> str:
    """What would start a heading, list item or rule at a line's start, escaped."""
    start = _LINE_START.match(escaped)
    if start is None:
        return escaped
    token = start.group(1)
    if token[0].isdigit():  # "2026. was" would start a numbered list: escape the dot
        return token[:-1] + "\\" + escaped[len(token) - 1 :]
    return "\\" + escaped


def md_inline(text: object) -> str:
    """Text for one line of Markdown (a table cell, a list item, a sentence)."""
    line = " ".join(str(text).split())
    if _SPECIAL.search(line) is None:  # nothing inside to escape: at most its start
        first = line[:1]
        return _line_start(line) if first in _STARTS or first.isdecimal() else line
    return _escape_line(line)


def md_cell(text: object) -> str:
    """Text for a table cell: one line, and a dash when empty (tables keep their shape)."""
    return md_inline(text if text is not None else "") or "\u2013"


def md_lines(text: object) -> list[str]:
    """A person's text kept as its lines (quotes, notes): each escaped, blank runs
    reduced to one; their emphasis and links kept as the HTML report keeps them."""
    said = str(text)
    formatted = _FORMATTING.search(said) is not None
    lines: list[str] = []
    for raw in _formatted(said) if formatted else said.splitlines():
        line = " ".join(raw.split())
        if line or (lines and lines[-1]):
            lines.append(line if formatted else _escape_line(line))
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _formatted(text: str) -> list[str]:
    """Text that may hold emphasis or a link, as escaped Markdown lines: parsed by the
    HTML report's own parser (html_text.py: the one rule of what is rendered), so the
    two show the same; emphasis written with asterisks only (markdownlint's one style)."""
    from belonging_cli.reports.html_text import _parser

    out: list[str] = []
    for token in _parser().parse(text):
        if token.type == "paragraph_open" and out:
            out.append("\n\n")
        elif token.type == "inline":
            out.append(_inline_markdown(token.children or []))
    return [_line_start(line.strip()) for line in "".join(out).split("\n")]


_MARKERS = {"em_open": "*", "em_close": "*", "strong_open": "**", "strong_close": "**"}


def _inline_markdown(children: list[Token]) -> str:
    parts: list[str] = []
    inside = False  # a written link's text: no autolink in it
    href = ""
    for token in children:
        kind = token.type
        if kind == "text":
            said = token.content
            parts.append(_escape_plain(said) if inside else _escape_text(said))
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind in _MARKERS:
            parts.append(_MARKERS[kind])
        elif kind == "link_open":  # links do not nest
            inside, href = True, str(token.attrs.get("href", ""))
            parts.append("[")
        elif kind == "link_close":
            parts.append(f"](<{href}>)")
            inside = False
    return "".join(parts)


def md_quote(text: object) -> str:
    """Text as a Markdown block quote, line breaks kept."""
    return "\n".join(f"> {line}" if line else ">" for line in md_lines(text))


def md_note(text: object, indent: str = "  ") -> str:
    """A note in a list item, its line breaks kept: each line escaped, joined by a hard
    break (a backslash at the end of a line) and indented under the item."""
    return ("\\\n" + indent).join(line for line in md_lines(text) if line)
