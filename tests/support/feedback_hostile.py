"""Hostile feedback aggregates: the sample aggregate with one thing changed, and
what `belonging feedback import` must say about each (a part of the one line).
For the import's tests and the aggregate reader's property tests."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from support.feedback_samples import five_raters_three_groups

Change = Callable[[dict[str, Any]], None]


def _set(path: tuple[Any, ...], value: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        at = data
        for key in path[:-1]:
            at = at[key]
        at[path[-1]] = value

    return change


# name -> (change, words the one line holds)
HOSTILE: dict[str, tuple[Change, str]] = {
    "a group of two": (_set(("raters", "groups"), {"direct-report": 3, "peer": 2}), "anonymity"),
    "two raters in all": (_set(("raters", "total"), 2), "anonymity"),
    "a level from two answers": (
        _set(("behaviours", 0, "level", "n"), 2),
        "anonymity",
    ),
    "a group level from a hidden group": (
        _set(("behaviours", 0, "level", "by_group"), {"peer": {"mean": 2.0, "n": 3}}),
        "anonymity",
    ),
    "a count as text": (_set(("raters", "total"), "3"), "raters.total"),
    "a level of 7": (_set(("behaviours", 0, "level", "max"), 7), "behaviours[0].level.max"),
    "a mean that is not a number": (
        _set(("behaviours", 1, "level", "mean"), float("nan")),
        "behaviours[1].level.mean",
    ),
    "an escape in a group name": (
        _set(("raters", "groups"), {"direct\x1b]0;pwned\x07": 3}),
        "control character",
    ),
    "an escape in a comment": (
        _set(("comments", "keep"), ["fine \x1b[2J"]),
        "control character",
    ),
    "a line break in a look-for": (
        _set(("behaviours", 0, "look_fors", 0, "text"), "one\ntwo"),
        "line break",
    ),
    "an unknown key": (_set(("raters", "names"), ["Sam"]), "raters.names"),
    "a day that is no day": (_set(("collected_on",), "2026-02-30"), "collected_on"),
    "a newer version": (_set(("version",), 2), "version"),
    "a huge comment list": (_set(("comments", "change"), ["x"] * 5000), "comments.change"),
}


def hostile(name: str) -> dict[str, Any]:
    data = copy.deepcopy(five_raters_three_groups())
    HOSTILE[name][0](data)
    return data
