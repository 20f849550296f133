"""Modules put off until something uses them: what the keyring's import pays for.

`keyring` imports `jaraco.context`, which imports `urllib.request` (and with it
`http.client`, `email` and `ssl`, about 40 ms), `subprocess` and `backports.tarfile`
for helpers the keyring never calls, and `jaraco.functools`, which imports
`more_itertools` (about 9 ms) for helpers it never calls either; `keyring.core` and
`keyring.backend` import `configparser` and `importlib_metadata` (about 15 ms) for
the keyring's own discovery of a backend, which a named backend
(PYTHON_KEYRING_BACKEND) skips, and `jaraco.context` `tempfile` (and, through
`shutil`, `bz2` and `lzma`, for archives it never makes); `logging` imports
`traceback` (with `textwrap`) to format an exception, which keyring's log never does
here. Every command on a journal whose key is in the keyring imports `keyring`, and
`status` is meant to answer within 150 ms (issue 20): so, while `keyring` is
imported, each is a stand-in that imports the real module the first time one of its
names is read, and then steps aside.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import types
from collections.abc import Iterator
from typing import Any

KEYRING_UNUSED = (
    "urllib.request",
    "more_itertools",
    "subprocess",
    "backports.tarfile",
    "configparser",
    "importlib_metadata",
    "importlib.metadata",
    "tempfile",
    "bz2",
    "lzma",
    "traceback",
)


class _Deferred(types.ModuleType):
    """Stands in for a module not imported yet; the first name read imports it."""

    def __getattr__(self, attr: str) -> Any:
        return getattr(_load(self.__name__), attr)


def _load(name: str) -> types.ModuleType:
    if isinstance(sys.modules.get(name), _Deferred):
        del sys.modules[name]
    real = importlib.import_module(name)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, real)
    return real


@contextlib.contextmanager
def deferred(*names: str) -> Iterator[None]:
    """Within the block, `import NAME` binds a stand-in for each of `names` (but those
    imported already)."""
    for name in names:
        if name in sys.modules:
            continue
        parent, _, child = name.rpartition(".")
        stand_in = _Deferred(name)
        sys.modules[name] = stand_in
        if parent:
            setattr(importlib.import_module(parent), child, stand_in)
    yield
