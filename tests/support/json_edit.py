"""A JSON document with one value changed: for hostile bundles made from a real one."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any


def changed(data: dict[str, Any], path: Sequence[Any], value: Any) -> dict[str, Any]:
    """A deep copy of `data` with the value at `path` (keys and list indexes) set to
    `value`: a key the last object lacks is added."""
    data = copy.deepcopy(data)
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data
