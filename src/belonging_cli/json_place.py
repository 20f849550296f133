"""Where a value is in a JSON document someone else wrote: its line and column.

For the `file:line:col` of a problem in a bundle or an aggregate. Found with the
JSON decoder's own positions, so it agrees with what was read; stdlib only.
"""

from __future__ import annotations

import json


def locate(raw: bytes, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """Line and column of the value at `loc` in a JSON document, found with the JSON
    decoder's own positions (values on the way are skipped by decoding them): as
    far down `loc` as the document goes, and 1:1 if it cannot be decoded."""
    try:
        text = raw.decode(json.detect_encoding(raw))
        index = _value_at(text, loc)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return 1, 1
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _value_at(text: str, loc: tuple[str | int, ...]) -> int:
    decoder = json.JSONDecoder()

    def skip_space(at: int) -> int:
        while at < len(text) and text[at] in " \t\n\r":
            at += 1
        return at

    def after_value(at: int) -> int:
        """Past the value at `at` and the comma after it, if any."""
        at = skip_space(decoder.raw_decode(text, at)[1])
        return skip_space(at + 1) if text[at : at + 1] == "," else at

    index = skip_space(0)
    for part in loc:
        opened = text[index : index + 1]
        if isinstance(part, int) and opened == "[":
            at = skip_space(index + 1)
            for _ in range(part):
                at = after_value(at)
        elif isinstance(part, str) and opened == "{":
            at, found = skip_space(index + 1), None
            while text[at : at + 1] == '"':
                key, end = decoder.raw_decode(text, at)
                value = skip_space(skip_space(end) + 1)  # past the colon
                if key == part:
                    found = value  # a key given twice: the last is the one that was read
                at = after_value(value)
            if found is None:
                return index  # a missing key: the object that lacks it
            at = found
        else:
            return index
        index = at
    return index
