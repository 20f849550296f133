"""Whether a step's `when` can ever hold: the one rule for flows and exercise packs.

A condition names an earlier step and tests its answer. A typo in the name, a step
that comes later, or a value the answer can never have (not one of a select's
choices, `yes` for a confirm, 7 on a five-point scale) would make the step silently
never asked, for every person: each is a mistake in the file instead.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from belonging_cli.content.flows import Condition, Step

# The tests of a condition that compare the answer with a value.
_VALUE_TESTS = ("equals", "not_equals", "in", "at_least", "at_most")


def condition_problem(
    condition: Condition,
    earlier: Mapping[str, Step],
    later: Collection[str],
    *,
    word: str = "step",
) -> tuple[str, str] | None:
    """(the condition's field at fault, why) when `condition` can never hold, given the
    steps before it (by id) and the ids after it; None when it can."""
    if condition.step is None:
        return None  # a fact of the journal (`feedback: recent`), not an answer
    head = condition.step.split(".")[0]
    target = earlier.get(head)
    if target is None:
        where = " (it comes later)" if head in later else ""
        return "step", (
            f"its condition refers to {condition.step!r}, which is not an earlier {word}{where}"
        )
    if condition.step != head:
        return None  # a part of a step's answer (a pulse's rating...): its own values
    for name in _VALUE_TESTS:
        value = getattr(condition, "in_" if name == "in" else name)
        if value is None:
            continue
        if value == []:
            return name, "its condition cannot work: `in` needs at least one value"
        for one in value if isinstance(value, list) else [value]:
            why = _impossible(one, target, name)
            if why is not None:
                return name, f"its condition cannot work: {why}"
    return None


def _impossible(value: object, target: Step, test: str) -> str | None:
    """Why `target`'s answer can never be `value` (None: it can)."""
    if target.kind == "checkbox" and test in ("equals", "not_equals"):
        # The answer is a list of choices: it never equals one of them.
        return f"{target.id!r} is answered with several choices: test them with `in`"
    if target.kind in ("select", "checkbox") and target.choices:
        values = [c.value for c in target.choices]
        if not isinstance(value, str) or value not in values:  # 3 never equals "3"
            return f"{value!r} is not one of the choices of {target.id!r} ({', '.join(values)})"
    elif target.kind == "confirm":
        if test not in ("equals", "not_equals") or not isinstance(value, bool):
            return f"{target.id!r} is answered yes or no: write equals: true or false"
    elif target.kind in ("scale", "rate"):
        top = len(target.labels or ()) if target.kind == "scale" else 5
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
            return f"{target.id!r} is answered with a number from 1 to {top}, not {value!r}"
    return None


__all__ = ["condition_problem"]
