"""Sharing is decided here, once: what private text a report shows, and what it left out.

With `--share` every text the person marked private (a reflection, a note on a
rating, a balance note, an exercise answer, an experiment's title or one of its
notes) is left out of the report model itself, so no renderer or user template can
leak it. Privacy is per text, never per record: a private note on an experiment hides
that note, not the experiment. Levels, counts and outcomes are never private. Each
section of reports/build.py asks `keep` before it copies a text into the model.

A person may include private items in one shared report (`--include ID`, or picked
at the terminal: reports/share_choice.py); what is stored never changes. An item's
id is its record's id cut to 8 characters and the field: `3f2a9c1b/reflect.1`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

ID_LENGTH = 8  # of a record's id in an item's id: as `journal show` prints it


class Withheld(NamedTuple):
    """A private text a shared report left out, as the share-time listing shows it."""

    id: str
    section: str
    week: str
    text: str


def item_id(record_id: str, field: str) -> str:
    """What `--include` takes for the text `field` of a record (`journal show` prints it)."""
    return f"{record_id[:ID_LENGTH]}/{field}"


class Privacy:
    """Decides what private text is shown, and keeps what a shared report leaves out."""

    __slots__ = ("_included", "_left_out", "include", "share")

    def __init__(self, share: bool, include: Collection[str] = ()) -> None:
        self.share = share
        self.include = frozenset(include)
        self._left_out: dict[str, Withheld] = {}
        self._included: set[str] = set()

    def keep(
        self,
        private: bool,
        key: tuple[str, ...],
        *,
        section: str = "",
        week: str = "",
        text: str | None = None,
    ) -> bool:
        """Whether to show a text. `key` is (kind, record id, field): one text shown twice
        (an experiment that is also the open one) is one item, counted once."""
        if not (private and self.share):
            return True
        ident = item_id(key[1], "/".join(key[2:])) if len(key) > 2 else item_id(key[-1], key[0])
        if ident in self.include:
            self._included.add(ident)
            return True
        self._left_out.setdefault(ident, Withheld(ident, section, week, text or ""))
        return False

    @property
    def left_out(self) -> int:
        """How many private things were left out so far."""
        return len(self._left_out)

    @property
    def withheld(self) -> tuple[Withheld, ...]:
        """What was left out, in the order the report met it."""
        return tuple(self._left_out.values())

    def unknown(self) -> list[str]:
        """The ids asked for that name no private text of this report."""
        return sorted(self.include - self._included)
