"""A roll-up as JSON (`belonging-rollup`, version 1, minor 1), written client by client.

The text is what `json.dumps(..., indent=2, ensure_ascii=False)` of the whole roll-up
wrote, byte for byte; each piece is encoded by pydantic-core (already loaded to read
the bundles) in Rust instead of Python's pure-Python indenting encoder, and no dict of
every client is ever built (issue 19: at 5,000 bundles that dict was half the memory and
the encoder most of the time). The roll-up's floats are levels, averages and spreads
(1-5, rounded), which both encoders write alike; a text that is not UTF-8 (a file name's
undecodable bytes) goes through Python's encoder, as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from belonging_cli.coaching.rollup import Rollup

# format_minor: what was added within version 1 (docs/report-json.md, "The roll-up").
HEAD = {"format": "belonging-rollup", "format_version": 1, "format_minor": 1}
STREAMED = "clients"  # thousands of them: one at a time
STEP = "  "  # indent=2


def chunks(rollup: Rollup) -> Iterator[str]:
    """The roll-up's JSON text, piece by piece, ending with a newline."""
    fields = {f.name: getattr(rollup, f.name) for f in dataclasses.fields(rollup)}
    yield "{"
    for n, (key, value) in enumerate({**HEAD, **fields}.items()):
        yield f"{',' if n else ''}\n{STEP}{json.dumps(key)}: "
        if key == STREAMED:
            yield from _items(value, STEP)
        else:
            yield _dumps(value, STEP)
    yield "\n}\n"


def _items(values: Iterable[object], indent: str) -> Iterator[str]:
    inner = indent + STEP
    empty = True
    for value in values:
        yield f"{'[' if empty else ','}\n{inner}{_dumps(value, inner)}"
        empty = False
    yield "[]" if empty else f"\n{indent}]"


def _dumps(value: object, indent: str) -> str:
    """One value as it reads `indent` deep (a JSON text holds no raw line break, so each
    line break of its own text is where the next line's indent goes)."""
    from pydantic_core import PydanticSerializationError, to_json

    try:
        text = to_json(value, indent=len(STEP)).decode("utf-8")
    except PydanticSerializationError:  # a lone surrogate: Python's encoder writes it
        text = json.dumps(_plain(value), indent=len(STEP), ensure_ascii=False)
    return text.replace("\n", "\n" + indent)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
