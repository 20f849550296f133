"""Sharing is decided here, once: what private text a report shows, and what it left out.

With `--share` every text the person marked private (a reflection, a note on a
rating, a balance note, an exercise answer, an experiment's words) is left out of
the report model itself, so no renderer or user template can leak it. Levels,
counts and outcomes are never private. Each section of reports/build.py asks
`keep` before it copies a text into the model.
"""

from __future__ import annotations


class Privacy:
    """Decides what private text is shown, and counts what a shared report leaves out."""

    __slots__ = ("_left_out", "share")

    def __init__(self, share: bool) -> None:
        self.share = share
        self._left_out: set[tuple[str, ...]] = set()

    def keep(self, private: bool, key: tuple[str, ...]) -> bool:
        """Whether to show a text; `key` names the thing, so that one shown twice
        (an experiment that is also the open one) is counted once."""
        if private and self.share:
            self._left_out.add(key)
            return False
        return True

    @property
    def left_out(self) -> int:
        """How many private things were left out so far."""
        return len(self._left_out)
