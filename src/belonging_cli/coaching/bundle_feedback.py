"""The bundle's `feedback` key (format_minor 4): a client's latest round, read as hostile.

It is what reports/sections/feedback.py writes (docs/report-json.md, Feedback): the
round's days and raters, and per behaviour the self-rating beside others' view.
Read with the aggregate's own types (feedback/aggregate_file.py: one-line bounded
names, levels 1..5, means that are numbers) and the aggregate's anonymity rule again
(feedback/round.below_threshold): a group or a round of fewer than three raters is
refused, as `feedback import` refuses one, since a bundle can be edited by hand. The
comments and look-fors are not read: a coach's views do not show them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from belonging_cli.feedback.aggregate_file import Count, Level, Mean, Name
from belonging_cli.feedback.round import below_threshold

MAX_GROUPS = 8  # as an aggregate's
Gap = Annotated[float, Field(ge=-4, le=4, allow_inf_nan=False)]


class _Part(BaseModel):
    # Unknown keys ignored, as the bundle contract lets writers add them.
    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)


class Group(_Part):
    group: Name
    mean: Annotated[float, Field(ge=0, le=5, allow_inf_nan=False)]  # 0 in `groups`: unused
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
    groups: list[Group] = Field(max_length=MAX_GROUPS)
    behaviours: list[Seen] = Field(max_length=100)

    @model_validator(mode="after")
    def _anonymous(self) -> Feedback:
        """The aggregate's rule, one home (round.below_threshold), over the same counts."""
        names = [g.group for g in self.groups]
        if len(set(names)) != len(names):
            raise ValueError("a group is listed twice")
        unsafe = below_threshold(_counts(self))
        if unsafe is not None:
            raise ValueError(f"refused, it breaks the anonymity rules: {unsafe}")
        return self


def _counts(feedback: Feedback) -> dict[str, Any]:
    """The counts below_threshold checks, in the aggregate's shape: a behaviour with
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
