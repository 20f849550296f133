"""Text from other people made safe: which characters a file may hold, and what a
terminal may be shown. Plain code (only `re`), so that every path can use it.

A terminal obeys control characters: ESC starts sequences that set the window
title, write the clipboard (OSC 52) or hide text, and C1 controls (U+0080-U+009F)
do the same on many terminals. So text read from someone else's file (rubrics,
flows, packs, bundles) may hold no control character but tab and line feed, and
one-line values (names, titles) not even those, nor the Unicode line and
paragraph separators. Text typed by the user is kept as typed; what is printed
to a terminal has its control characters removed.
"""

from __future__ import annotations

import functools
import re

MAX_NAME = 200  # a person's name, in the settings and in a shared bundle: one limit for both
MAX_TEXT = 20_000  # one free-text answer (own experiments included), written or read

# C0 but tab and line feed, DEL, C1.
CONTROL_CHARS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
_CONTROL = re.compile(CONTROL_CHARS)
# All of C0 (tab and line feed too), DEL, C1, and the line and paragraph separators.
ONE_LINE_CHARS = r"[\x00-\x1f\x7f-\x9f\u2028\u2029]"
_ONE_LINE = re.compile(ONE_LINE_CHARS)
# A whole terminal escape sequence, by ECMA-48: a control sequence (ESC [ or CSI,
# parameters, intermediates, a final byte); a string (OSC, DCS, SOS, PM, APC) up to
# BEL or ST, or to the line's end when it has neither; or ESC, intermediates and one
# final byte ("ESC ( B", "ESC 7", "ESC c"). Removing only the controls would leave
# "[2J" or "]0;title" in the text, to be read and counted as words.
_ESCAPE_PATTERN = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)


@functools.cache
def _escape() -> re.Pattern[str]:
    """Compiled on first use: compiling it costs every command's start-up ~1 ms."""
    return re.compile(_ESCAPE_PATTERN)


def _described(char: str, one_line: bool) -> str:
    if one_line and char in "\n\r\u2028\u2029":
        return f"a line break (U+{ord(char):04X}) is not allowed: write it on one line"
    if char == "\t":
        return "a tab (U+0009) is not allowed: write it on one line"
    return f"a control character (U+{ord(char):04X}) is not allowed in text"


def text_problem(text: str, *, one_line: bool = False) -> str | None:
    """Why `text` cannot be shown as it is (the first bad character), or None."""
    found = (_ONE_LINE if one_line else _CONTROL).search(text)
    return None if found is None else _described(found.group(), one_line)


def no_controls(text: str) -> str:
    """`text` if it holds no control character but tab and line feed; else ValueError."""
    problem = text_problem(text)
    if problem is not None:
        raise ValueError(problem)
    return text


def one_line(text: str) -> str:
    """`text` if it is one line with no control character; else ValueError."""
    problem = text_problem(text, one_line=True)
    if problem is not None:
        raise ValueError(problem)
    return text


def strip_escapes(text: str) -> str:
    """`text` with every terminal escape sequence removed whole, then every other
    control character but tab and line feed: what is kept and counted of someone
    else's words (a transcript's names and sentences)."""
    return strip_controls(_escape().sub("", text))


def strip_controls(text: str) -> str:
    """`text` with every control character but tab and line feed removed: what a
    terminal is shown, and what a shared bundle carries of a person's own words."""
    # Most text has none: a printable string holds no control character (nor a tab or
    # a line feed), and asking is ~5 times cheaper than the search (issue 19).
    return text if type(text) is str and text.isprintable() else _CONTROL.sub("", text)
