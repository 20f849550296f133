"""Every place in a JSON document, and a copy of it with one place changed: for tests that
damage a valid file one value at a time."""

from __future__ import annotations

import copy
from typing import Any

Place = tuple[Any, ...]


def places(node: Any, prefix: Place = ()) -> list[Place]:
    """The path of `node` and of every value inside it (keys and list indexes)."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += places(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += places(value, (*prefix, i))
    return found


def changed(document: Any, place: Place, value: Any) -> Any:
    """A deep copy of `document` with the value at `place` (not the root) set to `value`."""
    copied = copy.deepcopy(document)
    target = copied
    for part in place[:-1]:
        target = target[part]
    target[place[-1]] = value
    return copied
