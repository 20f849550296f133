"""Pausing Python's cycle collector while many small records are built.

Allocating ~10^5 objects triggers the collector again and again (~40% of loading
10,000 sessions), and the records (frozen dataclasses, tuples, dicts of text)
hold no cycles for it to find. The journal's loader, export and import, the
demo journal and the report model use this one helper.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector inside; it runs again after (if it was running)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
