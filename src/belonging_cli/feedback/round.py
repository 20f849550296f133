"""A feedback round as the journal keeps it: what others said, already anonymous.

Plain code (no pydantic): the report and the roll-up read rounds from the journal,
where only checked aggregates are stored (`feedback/aggregate_file.py` checks one
from outside). The aggregate's format is docs/feedback.md's; a round is that
aggregate, typed, with the id it is known by (a hash of its content, so the same
aggregate imported twice is one round) and when it was imported.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

FORMAT = "belonging-feedback"
FORMAT_VERSION = 1
# The anonymity rule collect applies, checked again on import (defence in depth):
# no group, and no round, of fewer raters than this.
MIN_RATERS = 3


@dataclass(frozen=True, slots=True)
class GroupLevel:
    """Others' levels for a behaviour, from one group that passed the threshold."""

    group: str
    mean: float
    n: int


@dataclass(frozen=True, slots=True)
class OthersLevel:
    """Others' levels for a behaviour: average, spread (min..max), how many answered."""

    mean: float
    min: int
    max: int
    n: int
    by_group: tuple[GroupLevel, ...] = ()


@dataclass(frozen=True, slots=True)
class LookForSeen:
    """How often others see a look-for: 0 never .. 4 always, over `n` answers."""

    text: str
    mean: float
    n: int


@dataclass(frozen=True, slots=True)
class BehaviourSeen:
    id: str
    level: OthersLevel | None  # None: fewer than three level answers
    look_fors: tuple[LookForSeen, ...] = ()


@dataclass(frozen=True, slots=True)
class FeedbackRound:
    id: str
    imported_at: dt.datetime
    leader: str
    rubric_id: str
    rubric_version: str
    requested_on: dt.date
    collected_on: dt.date
    raters_total: int
    groups: tuple[tuple[str, int], ...]
    behaviours: tuple[BehaviourSeen, ...]
    keep: tuple[str, ...] = ()
    change: tuple[str, ...] = ()


def round_id(aggregate: dict[str, Any]) -> str:
    """The same aggregate, however its keys are ordered or spaced, has the same id."""
    import hashlib  # only to make an id: off every report's and status's imports

    canonical = json.dumps(aggregate, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def from_aggregate(
    aggregate: dict[str, Any], imported_at: dt.datetime, id: str | None = None
) -> FeedbackRound:
    """A checked aggregate (its format's plain data) as a round."""
    raters = aggregate["raters"]
    return FeedbackRound(
        id=id or round_id(aggregate),
        imported_at=imported_at,
        leader=aggregate["leader"],
        rubric_id=aggregate["rubric"]["id"],
        rubric_version=aggregate["rubric"]["version"],
        requested_on=dt.date.fromisoformat(aggregate["requested_on"]),
        collected_on=dt.date.fromisoformat(aggregate["collected_on"]),
        raters_total=raters["total"],
        groups=tuple(sorted(raters["groups"].items())),
        behaviours=tuple(_behaviour(b) for b in aggregate["behaviours"]),
        keep=tuple(aggregate["comments"]["keep"]),
        change=tuple(aggregate["comments"]["change"]),
    )


def _behaviour(raw: dict[str, Any]) -> BehaviourSeen:
    level = raw["level"]
    others = None
    if level is not None:
        groups = tuple(
            GroupLevel(g, float(v["mean"]), v["n"]) for g, v in sorted(level["by_group"].items())
        )
        others = OthersLevel(float(level["mean"]), level["min"], level["max"], level["n"], groups)
    seen = tuple(LookForSeen(f["text"], float(f["mean"]), f["n"]) for f in raw["look_fors"])
    return BehaviourSeen(raw["id"], others, seen)


def to_aggregate(round: FeedbackRound) -> dict[str, Any]:
    """The round as its aggregate again (export, `--share`): `from_aggregate`'s inverse."""
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "leader": round.leader,
        "rubric": {"id": round.rubric_id, "version": round.rubric_version},
        "requested_on": round.requested_on.isoformat(),
        "collected_on": round.collected_on.isoformat(),
        "raters": {"total": round.raters_total, "groups": dict(round.groups)},
        "behaviours": [_behaviour_data(b) for b in round.behaviours],
        "comments": {"keep": list(round.keep), "change": list(round.change)},
    }


def _behaviour_data(b: BehaviourSeen) -> dict[str, Any]:
    level = None
    if b.level is not None:
        level = {
            "mean": b.level.mean,
            "min": b.level.min,
            "max": b.level.max,
            "n": b.level.n,
            "by_group": {g.group: {"mean": g.mean, "n": g.n} for g in b.level.by_group},
        }
    looks = [{"text": f.text, "mean": f.mean, "n": f.n} for f in b.look_fors]
    return {"id": b.id, "level": level, "look_fors": looks}


# Where a figure is in an aggregate: its keys and list indexes, from the top.
KeyPath = tuple[str | int, ...]


def first_breach(aggregate: dict[str, Any]) -> tuple[KeyPath, str] | None:
    """The first figure of an aggregate that breaks the anonymity rules, as its key path
    (so a refusal can point at it in the file), and why; or None.

    No group and no round of fewer than `MIN_RATERS` raters, and no figure drawn from
    fewer answers: a level, a group's level, a look-for, or what a level's answers
    leave outside the groups shown (the overall figure minus the groups' would reveal
    one or two). Collect never writes one (feedback/collect.py), so such a file was
    made or edited by hand."""
    raters = aggregate["raters"]
    if raters["total"] < MIN_RATERS:
        return ("raters", "total"), (
            f"only {raters['total']} raters: a round needs at least {MIN_RATERS}"
        )
    for group, n in raters["groups"].items():
        if n < MIN_RATERS:
            return ("raters", "groups", group), (
                f"the group {group!r} has {n} raters: every group needs at least {MIN_RATERS}"
            )
    if sum(raters["groups"].values()) > raters["total"]:
        return ("raters", "total"), "its groups count more raters than its total"
    for index, b in enumerate(aggregate["behaviours"]):
        found = _behaviour_breach(b, raters["groups"])
        if found is not None:
            return ("behaviours", index, *found[0]), f"{b['id']}: {found[1]}"
    return None


def _behaviour_breach(b: dict[str, Any], groups: dict[str, int]) -> tuple[KeyPath, str] | None:
    level = b["level"]
    if level is not None:
        if level["n"] < MIN_RATERS:
            return ("level", "n"), f"a level from {level['n']} answers (at least {MIN_RATERS})"
        for group, seen in level["by_group"].items():
            if group not in groups:
                return ("level", "by_group", group), (
                    f"a level from the group {group!r}, not among its raters"
                )
            if seen["n"] < MIN_RATERS:
                return ("level", "by_group", group, "n"), (
                    f"the group {group!r} answered {seen['n']} times"
                )
        outside = level["n"] - sum(seen["n"] for seen in level["by_group"].values())
        if 0 < outside < MIN_RATERS:
            return ("level", "n"), (
                f"{outside} of its {level['n']} answers are in no group shown "
                f"(none, or at least {MIN_RATERS})"
            )
    # A bundle's copy of a round carries no look-fors (coaching/bundle_feedback.py).
    for number, seen in enumerate(b.get("look_fors", ())):
        if seen["n"] < MIN_RATERS:
            return ("look_fors", number, "n"), (
                f"a look-for seen from {seen['n']} answers (at least {MIN_RATERS})"
            )
    return None
