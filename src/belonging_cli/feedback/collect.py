"""Filled forms -> the anonymous aggregate (docs/feedback.md), pure.

The anonymity rules live here, once (the threshold `MIN_RATERS` is round.py's, which
checks an aggregate from a file again): a group with fewer than `MIN_RATERS` raters
(and every "other") is merged into "others", which is left out, every answer of it,
if still fewer; fewer than `MIN_RATERS` raters counted means no aggregate at all.
Each figure is over at least `MIN_RATERS` answers, and a group's figure is shown only
when the answers it leaves unaccounted for are none or at least `MIN_RATERS` (else the
overall figure minus the groups' would reveal them). Comments are kept word for word
but ordered by their hash, not by who sent them, and never labelled with a group.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from belonging_cli.errors import BelongingError
from belonging_cli.feedback.form import FORMAT, GROUPS, VERSION, Behaviour, Round, look_for_key
from belonging_cli.feedback.parse import Filled
from belonging_cli.feedback.round import MIN_RATERS as MIN_RATERS  # state.py counts with it

OTHERS = "others"


class Counted(NamedTuple):
    """Which forms count, under which group shown, and how many were left out."""

    forms: tuple[tuple[str, Filled], ...]  # (group shown, form)
    groups: dict[str, int]
    left_out: int


def count(forms: Sequence[Filled]) -> Counted:
    """The anonymity rule for groups: who counts, as which group."""
    sizes = Counter(form.group for form in forms)
    shown = {g for g, _ in GROUPS if sizes[g] >= MIN_RATERS}
    pooled = [form for form in forms if form.group not in shown]
    keep_pool = len(pooled) >= MIN_RATERS
    counted = tuple(
        (form.group if form.group in shown else OTHERS, form)
        for form in forms
        if form.group in shown or keep_pool
    )
    groups = {g: sizes[g] for g, _ in GROUPS if g in shown}
    if keep_pool:
        groups[OTHERS] = len(pooled)
    return Counted(counted, groups, len(forms) - len(counted))


def too_few(counted: Counted) -> BelongingError | None:
    total = len(counted.forms)
    if total >= MIN_RATERS:
        return None
    return BelongingError(
        f"only {total} form{'' if total == 1 else 's'} can be counted: an aggregate needs "
        f"at least {MIN_RATERS} raters (in groups of {MIN_RATERS} or more), so none was written",
        hint="collect more replies, then run collect again",
    )


def aggregate(
    counted: Counted, round_: Round, behaviours: Sequence[Behaviour], collected_on: dt.date
) -> dict[str, Any]:
    """The aggregate of the counted forms, with no per-rater data."""
    problem = too_few(counted)
    if problem is not None:
        raise problem
    asked = set().union(*(form.asked for _, form in counted.forms))
    return {
        "format": FORMAT,
        "version": VERSION,
        "leader": round_.leader,
        "rubric": {"id": round_.rubric_id, "version": round_.rubric_version},
        "requested_on": round_.requested_on.isoformat(),
        "collected_on": collected_on.isoformat(),
        "raters": {"total": len(counted.forms), "groups": dict(counted.groups)},
        "behaviours": [_behaviour(b, counted) for b in behaviours if b.id in asked],
        "comments": {
            "keep": _shuffled(form.keep for _, form in counted.forms),
            "change": _shuffled(form.change for _, form in counted.forms),
        },
    }


def _mean(values: Sequence[int]) -> float:
    return round(sum(values) / len(values), 2)


def _behaviour(behaviour: Behaviour, counted: Counted) -> dict[str, Any]:
    answers = [(g, f.levels[behaviour.id]) for g, f in counted.forms if behaviour.id in f.levels]
    look_fors = []
    for number, text in enumerate(behaviour.look_fors, 1):
        key = look_for_key(behaviour.id, number)
        seen = [f.frequency[key] for _, f in counted.forms if key in f.frequency]
        if len(seen) >= MIN_RATERS:
            look_fors.append({"text": text, "mean": _mean(seen), "n": len(seen)})
    return {"id": behaviour.id, "level": _level(answers), "look_fors": look_fors}


def _level(answers: list[tuple[str, int]]) -> dict[str, Any] | None:
    if len(answers) < MIN_RATERS:
        return None
    values = [value for _, value in answers]
    by_group: dict[str, list[int]] = {}
    for group, value in answers:
        by_group.setdefault(group, []).append(value)
    # Smallest first: drop a group under the threshold, then more until what the
    # groups shown leave unaccounted for is nothing or a crowd of its own.
    shown = sorted(by_group, key=lambda g: (len(by_group[g]), g))
    shown = [g for g in shown if len(by_group[g]) >= MIN_RATERS]
    while shown and 0 < len(values) - sum(len(by_group[g]) for g in shown) < MIN_RATERS:
        shown.pop(0)
    return {
        "mean": _mean(values),
        "min": min(values),
        "max": max(values),
        "n": len(values),
        "by_group": {
            g: {"mean": _mean(by_group[g]), "n": len(by_group[g])}
            for g in sorted(shown, key=_group_order)
        },
    }


def _group_order(group: str) -> int:
    order = [g for g, _ in GROUPS] + [OTHERS]
    return order.index(group)


def _shuffled(comments: Iterable[str]) -> list[str]:
    """Non-empty comments in the order of their hash: the same whatever the input order."""
    kept = [text for text in comments if text]
    return sorted(kept, key=lambda text: hashlib.sha256(text.encode()).hexdigest())
