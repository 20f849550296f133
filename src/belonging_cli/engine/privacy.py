"""Whether a typed answer is private: the one rule for every free text a person writes.

Text answers and a person's own experiment follow the same rule: an explicit
choice (an answers file's `private:`, or a marker the terminal already took off)
wins; else a trailing `#private` / `#share` in the text flips the question's
default (the step's `private`, or the `private_by_default` setting). The marker
is never kept. Pure, and cheap to import.
"""

from __future__ import annotations

from belonging_cli.records import AnswerValue

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
