"""Keys that answer the built-in weekly flow at a terminal, in a first week (no open
experiment to review), for in-process runs through `support.keys.typed`.

    with typed(TO_THE_TAKEAWAY + "Ask before I decide\r" + ENTER):
        cli("reflect")
"""

from __future__ import annotations

from support.keys import ENTER

RATINGS = "3\r" * 9 + "1\r"  # embrace-messiness rated lowest
TO_THE_TAKEAWAY = (
    RATINGS
    + ENTER  # focus: the suggestion
    + "Kept the plan rough\r"
    + "Nobody minded\r"
    + "Less than I feared\r"
    + "Overrode Sam's estimate\r"
    + "Asked the team to pick the goal\r"
    + ENTER  # balance: about even
    + ENTER  # next experiment: the first one
    + "retro\r"  # tags
)
