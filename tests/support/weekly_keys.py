"""Keys that answer the built-in weekly flow at a terminal, in a first week (no open
experiment to review, every behaviour rated, the control lens), for in-process runs
through `support.keys.typed`.

    with typed(TO_THE_TAKEAWAY + "Ask before I decide\r" + ENTER):
        cli("reflect")
"""

from __future__ import annotations

from support.keys import ENTER

TO_THE_PULSE = (
    ENTER  # wellbeing: steady
    + "Shipped the plan\r"  # a win
)
RATINGS = "3\r" * 9 + "1\r"  # embrace-messiness rated lowest
TO_THE_TAKEAWAY = (
    TO_THE_PULSE
    + RATINGS
    + ENTER  # focus: the suggestion
    + "Kept the plan rough\r"
    + "Nobody minded\r"
    + ENTER  # levers: both, combined
    + "Overrode Sam's estimate\r"  # the lens of a first week: control
    + ENTER  # next experiment: the first one
)
