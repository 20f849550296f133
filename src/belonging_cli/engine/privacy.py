"""Whether a typed answer is private: the one rule for every free text a person writes.

Text answers and a person's own experiment follow the same rule: an explicit
choice (an answers file's `private:`, or a marker the terminal already took off)
wins; else a trailing `#private` / `#share` in the text flips the question's
default (`step_private`). The marker is never kept. Pure, and cheap to import.

The default (issue 13): what people write names colleagues ("didn't name Jonas"),
so free text is private unless the flow's `private:` says otherwise: reflections,
notes on a rating, a review's notes, exercise answers. Two things are written to be
read, and are shared unless marked: the experiment chosen for next week (its title,
even in the person's own words: it is the commitment a coach follows, and the
person sees it on screen as they choose it) and a `takeaway` line. The
`private_by_default` setting makes those private too. Choices and ratings are never
private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from belonging_cli.records import AnswerValue

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step

PRIVATE_MARK = "#private"
SHARE_MARK = "#share"


def privacy_marker(text: str) -> tuple[str, bool | None]:
    """Strip a trailing `#private` / `#share`; the flip it asks for, if any."""
    stripped = text.rstrip()
    lowered = stripped.lower()
    for mark, private in ((PRIVATE_MARK, True), (SHARE_MARK, False)):
        if lowered.endswith(mark):
            return stripped[: -len(mark)].rstrip(), private
    return stripped, None


def typed_privacy(
    value: AnswerValue, chosen: bool | None, default: bool | None
) -> tuple[AnswerValue, bool]:
    """The typed `value` without its marker, and whether it is private."""
    marked: bool | None = None
    if isinstance(value, str):
        value, marked = privacy_marker(value)
    for decision in (chosen, marked, default):
        if decision is not None:
            return value, decision
    return value, False


# Steps whose words are meant to be read by others (see above).
SHAREABLE_KINDS = frozenset({"experiment"})
SHAREABLE_ROLES = frozenset({"takeaway"})


def step_private(step: Step, everything_private: bool) -> bool:
    """Whether the words `step` asks for are private unless the person says otherwise;
    `everything_private` is the `private_by_default` setting."""
    if step.private is not None:
        return step.private
    if everything_private:
        return True
    return not (step.kind in SHAREABLE_KINDS or step.role in SHAREABLE_ROLES)
