"""A user's words inside Markdown: shown exactly as written, never as structure.

Reflections are free text: a note can hold `|`, `#`, backticks, HTML or line
breaks. Escaped here, it cannot end a table cell, start a heading or a list,
open a code span or smuggle in HTML. Bare web addresses become autolinks (so
markdownlint's no-bare-urls rule passes and they stay clickable).
"""

from __future__ import annotations

import re

# Characters that can start or end inline structure anywhere in a line.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~$])")
# An HTML entity (`&amp;`, `&#60;`) would be decoded: escape its ampersand.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What only means something at the start of a line, and only when a space or
# the line's end follows: headings, list items, setext underlines and rules.
_LINE_START = re.compile(r"^(#+|[-+=]+|\d{1,9}[.)])(?=\s|$)")
_URL = re.compile(r"https?://[^\s<>|`\\\"'{}\[\]]+")
_URL_TAIL = ".,;:!?)'\""


def _escape_plain(text: str) -> str:
    return _ENTITY.sub(r"\\&", _ANYWHERE.sub(r"\\\1", text))


def _escape_line(line: str) -> str:
    """One line of text, whitespace already tidied."""
    parts: list[str] = []
    position = 0
    for match in _URL.finditer(line):
        url = match.group(0).rstrip(_URL_TAIL)
        if len(url) <= len("https://"):
            continue
        parts.append(_escape_plain(line[position : match.start()]))
        parts.append(f"<{url}>")
        position = match.start() + len(url)
    parts.append(_escape_plain(line[position:]))
    escaped = "".join(parts)
    start = _LINE_START.match(escaped)
    if start is None:
        return escaped
    token = start.group(1)
    if token[0].isdigit():  # "2026. was" would start a numbered list: escape the dot
        return token[:-1] + "\\" + escaped[len(token) - 1 :]
    return "\\" + escaped


def md_inline(text: object) -> str:
    """Text for one line of Markdown (a table cell, a list item, a sentence)."""
    return _escape_line(" ".join(str(text).split()))


def md_cell(text: object) -> str:
    """Text for a table cell: one line, and a dash when empty (tables keep their shape)."""
    return md_inline(text if text is not None else "") or "\u2013"


def md_lines(text: object) -> list[str]:
    """Text kept as its lines (for quotes): each escaped, blank runs reduced to one."""
    lines: list[str] = []
    for raw in str(text).splitlines():
        line = " ".join(raw.split())
        if line or (lines and lines[-1]):
            lines.append(_escape_line(line))
    while lines and not lines[-1]:
        lines.pop()
    return lines


def md_quote(text: object) -> str:
    """Text as a Markdown block quote, line breaks kept."""
    return "\n".join(f"> {line}" if line else ">" for line in md_lines(text))


def md_note(text: object, indent: str = "  ") -> str:
    """A note in a list item, its line breaks kept: each line escaped, joined by a hard
    break (a backslash at the end of a line) and indented under the item."""
    return ("\\\n" + indent).join(line for line in md_lines(text) if line)
