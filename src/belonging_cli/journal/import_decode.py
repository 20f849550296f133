"""Reading an import file's JSON: every refusal of the text itself at its file:line:col.

The first step of `journal import` (exchange.py): JSON as Python reads it, a key
given twice refused (JSON allows it, and the last one would silently win), NaN and
Infinity kept as numbers for the models to refuse at their field, and text that
holds a lone surrogate refused at its place (it could never be written again).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from belonging_cli.errors import ContentError, Problem
from belonging_cli.located import line_column


@dataclass
class Located:
    """Problems found after reading, placed with the document's marks when we have them."""

    path: str
    text: str
    problems: list[Problem] = field(default_factory=list)
    _doc: Any = None

    def doc(self) -> Any:
        if self._doc is None:
            from belonging_cli.content.source import Document, parse_text

            try:
                self._doc = parse_text(self.text, self.path)
            except ContentError:
                self._doc = Document(self.path, None)
        return self._doc

    def add(self, loc: Iterable[str | int], message: str) -> None:
        self.problems.append(self.doc().problem(tuple(loc), message))


# How an age-encrypted file begins, armoured (as `journal export --age-recipient`
# writes it) or binary.
AGE_HEADERS = ("-----BEGIN AGE ENCRYPTED FILE-----", "age-encryption.org/")


def decode(located: Located) -> Any:
    """The JSON value of `located.text`, or a ContentError placing what is wrong."""
    text, path = located.text, located.path
    try:
        raw = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith(AGE_HEADERS):  # `journal export --age-recipient`'s
            message = "an age-encrypted file, not JSON: decrypt it first (age -d -i KEYFILE)"
            raise ContentError([Problem(path, 1, 1, "", message)]) from None
        raise ContentError(
            [Problem(path, exc.lineno, exc.colno, "", f"not valid JSON: {exc.msg}")]
        ) from None
    except _DuplicateKey:
        problems = located.doc().problems or [Problem(path, 1, 1, "", "a key appears twice")]
        raise ContentError(problems) from None
    except (ValueError, RecursionError) as exc:
        message = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ContentError([Problem(path, 1, 1, "", f"not valid JSON: {message}")]) from None
    lone = _lone_surrogate(text)
    if lone is not None:
        line, column = line_column(text, lone)
        shown = text[lone : lone + 6] if text.startswith("\\u", lone) else ascii(text[lone])
        reason = f"{shown} is half of a surrogate pair, not a character (text must be Unicode)"
        raise ContentError([Problem(path, line, column, "", reason)])
    return raw


class _DuplicateKey(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKey
    return result


def _constant(name: str) -> float:
    # NaN and Infinity are not JSON, but Python reads them: kept as numbers, so that the
    # models refuse them (limits.check_float) at their line and field, like 1e999.
    return float(name)


# A `\ud800` escape is valid JSON but no character: text holding one can never be
# written as UTF-8 again (the export, the terminal). Only a high and a low surrogate
# escape side by side (a pair, which json joins into one character) are text.
# Found by their literal `\u` (a fast search) and the backslashes before it counted
# back, so a long run of backslashes costs its length once, not its square.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LOW_ESCAPE = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate (escaped or raw) in JSON text, or None."""
    raw = _raw_surrogate(text)
    paired = -1
    for match in _SURROGATE_ESCAPE.finditer(text):
        start = match.start()
        if raw is not None and raw < start:
            break
        if start == paired:
            continue  # the low half of a pair
        backslashes = 1
        while backslashes <= start and text[start - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            continue  # an escaped backslash, then "u..."
        if int(match[0][2:], 16) < 0xDC00 and _LOW_ESCAPE.match(text, match.end()):
            paired = match.end()
            continue
        return start
    return raw


def _raw_surrogate(text: str) -> int | None:
    # Python text only: UTF-8 never decodes to one. Found by the encoder (C, fast).
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None
