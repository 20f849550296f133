"""Shared bundles with several experiments open at once, for the roll-up's open column.

    data = with_open(sample_bundle("Ana", 1, TODAY), ["Ask first", "Say no"], total=2)

`with_open` sets the experiments as `belonging report --share --format json` writes them
from format_minor 8: `open` (the one status shows), `open_now` (it first, then the
others, at most 5) and `open_total`. `as_older` makes a bundle of before minor 8 of it:
only `open`. The hostile titles are tests/hostile/rollup_open/titles.json.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from support.places import REPO

TITLES: dict[str, str] = {
    key: value
    for key, value in json.loads(
        (REPO / "tests" / "hostile" / "rollup_open" / "titles.json").read_text(encoding="utf-8")
    ).items()
    if not key.startswith("_")
}
LISTED = 5  # a bundle's `open_now` holds at most this many (docs/report-json.md)


def experiment(title: str | None, week: str, n: int, private: bool = False) -> dict[str, Any]:
    """One open experiment as a shared bundle writes it (a private one's title is null)."""
    return {
        "id": f"exp-open-{n}",
        "week": week,
        "behaviour_id": "protect-time",
        "behaviour_title": "Protect time to reflect, experiment, engage and rest",
        "title": None if private else title,
        "status": "open",
        "outcome": None,
        "happened": None,
        "learned": None,
        "private": private,
        "state": "open",
    }


def with_open(
    data: dict[str, Any],
    titles: Sequence[str | None],
    total: int | None = None,
    weeks: Sequence[str] | None = None,
) -> dict[str, Any]:
    """`data` with `titles` open (None: a private one), the first the one status shows;
    `total` open in all (default: as many as the titles)."""
    week = data["period"]["last_week"]
    items = [
        experiment(t, weeks[n] if weeks else week, n, private=t is None)
        for n, t in enumerate(titles)
    ]
    data["format_minor"] = 9
    data["experiments"]["open"] = items[0] if items else None
    data["experiments"]["open_now"] = items[:LISTED]
    data["experiments"]["open_total"] = len(items) if total is None else total
    return data


def as_older(data: dict[str, Any]) -> dict[str, Any]:
    """`data` as a bundle of format_minor 7 wrote it: no `open_now`, no `open_total`."""
    data["format_minor"] = 7
    data["experiments"].pop("open_now", None)
    data["experiments"].pop("open_total", None)
    return data
