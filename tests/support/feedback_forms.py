"""The packaged rubric as a rater form asks it, and filled forms made in code, for the
feedback tests (the hand-written ones are in tests/hostile/feedback/)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.feedback.form import Behaviour, Round, behaviours_of, item_kinds
from belonging_cli.feedback.parse import Filled, Kind
from support.places import HOSTILE

FORMS = HOSTILE / "feedback"
ROUND = Round("belonging-core", "2.0.0", dt.date(2026, 11, 2), "Alex Rivera")


def behaviours() -> list[Behaviour]:
    return behaviours_of(load_rubric())


def kinds() -> Mapping[str, Kind]:
    return item_kinds(behaviours())


def filled(group: str, level: int, *, keep: str = "", change: str = "") -> Filled:
    """A form answering the first behaviour's level and first look-for."""
    return Filled(
        ROUND,
        group,
        {"cultivate-belonging/l1": level - 1},
        {"cultivate-belonging": level},
        frozenset({"cultivate-belonging"}),
        keep,
        change,
        (1, 1),
    )
