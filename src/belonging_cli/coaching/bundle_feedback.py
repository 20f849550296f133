"""The bundle's `feedback` key (format_minor 4): a client's latest round, read as hostile.

It is what reports/sections/feedback.py writes (docs/report-json.md, Feedback): the
round's days and raters, and per behaviour the self-rating beside others' view.
Read with the aggregate's own types (feedback/aggregate_file.py: one-line bounded
names, levels 1..5, means that are numbers) and the aggregate's anonymity rule again
(feedback/round.first_breach): a group or a round of fewer than three raters, or a
figure from fewer answers, is refused at that figure, as `feedback import` refuses
one, since a bundle can be edited by hand. The comments and look-fors are not read:
a coach's views do not show them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from belonging_cli.feedback.aggregate_file import Count, Level, Mean, Name
from belonging_cli.feedback.round import KeyPath, first_breach

MAX_GROUPS = 8  # as an aggregate's
# A validator's error may say where below its model the value at fault is: the key
# path, in the error's context under this name (coaching/bundle.py adds it to its loc).
PLACE = "at"
Gap = Annotated[float, Field(ge=-4, le=4, allow_inf_nan=False)]


class _Part(BaseModel):
    # Unknown keys ignored, as the bundle contract lets writers add them.
    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)


class Raters(_Part):
    """A group of the round and how many raters it counts (a bundle before this key
    lost its false `"mean": 0` still reads: unknown keys are ignored)."""

    group: Name
    n: Count


class Group(_Part):
    """A group's view of one behaviour: its mean level over its answers."""

    group: Name
    mean: Mean
    n: Count


class Seen(_Part):
    """One behaviour others rated, beside the client's own level nearest the round."""

    behaviour_id: Name
    title: Name
    self_level: Level | None
    self_rated_on: dt.date | None
    others_mean: Mean | None  # None: fewer than three answered
    others_n: Count
    by_group: list[Group] = Field(max_length=MAX_GROUPS)
    gap: Gap | None = None  # the writer's; the coach's views work it out again


class Feedback(_Part):
    requested_on: dt.date
    collected_on: dt.date
    raters_total: Count
    groups: list[Raters] = Field(max_length=MAX_GROUPS)
    behaviours: list[Seen] = Field(max_length=100)

    @model_validator(mode="after")
    def _anonymous(self) -> Feedback:
        """The aggregate's rule, one home (round.first_breach), over the same counts;
        a breach is refused at the figure at fault (its path from here: `PLACE`)."""
        names = [g.group for g in self.groups]
        for index, name in enumerate(names):
            if name in names[:index]:
                at = {PLACE: ("groups", index, "group")}
                raise PydanticCustomError("anonymity", "a group is listed twice", at)
        found = first_breach(_counts(self))
        if found is not None:
            key, why = found
            message = f"refused, it breaks the anonymity rules: {why}"
            raise PydanticCustomError(
                "anonymity", "{why}", {"why": message, PLACE: _place(self, key)}
            )
        return self


def _counts(feedback: Feedback) -> dict[str, Any]:
    """The counts first_breach checks, in the aggregate's shape: a behaviour with
    others' mean or any group's is a level, checked for its answers' count."""
    return {
        "raters": {
            "total": feedback.raters_total,
            "groups": {g.group: g.n for g in feedback.groups},
        },
        "behaviours": [
            {
                "id": b.behaviour_id,
                "level": None
                if b.others_mean is None and not b.by_group
                else {"n": b.others_n, "by_group": {g.group: {"n": g.n} for g in b.by_group}},
            }
            for b in feedback.behaviours
        ],
    }


def _place(feedback: Feedback, key: KeyPath) -> KeyPath:
    """Where the figure at an aggregate-shaped key path (`_counts`) is in the bundle's
    `feedback`: the last group of a name, as `_counts` keeps the last."""

    def last_of(groups: Sequence[Raters | Group], name: str | int) -> int:
        return max(i for i, g in enumerate(groups) if g.group == name)

    match key:
        case ("raters", "total"):
            return ("raters_total",)
        case ("raters", "groups", name):
            return ("groups", last_of(feedback.groups, name), "n")
        case ("behaviours", int(index), "level", "n"):
            return ("behaviours", index, "others_n")
        case ("behaviours", int(index), "level", "by_group", name, *rest):
            where = last_of(feedback.behaviours[index].by_group, name)
            return ("behaviours", index, "by_group", where, "n" if rest else "group")
    return ()
