"""Keys that answer the built-in weekly flow at a terminal, for in-process runs through
`support.keys.typed`: the one place that knows the order of the weekly's prompts.

A first week (no open experiment to review, every behaviour rated, the control lens):

    with typed(TO_THE_TAKEAWAY + "Ask before I decide\r" + ENTER):
        cli("reflect")

A returning week (last week's experiment tried, every rating as last week, the
influence lens): `RETURNING_TO_THE_TAKEAWAY`.
"""

from __future__ import annotations

from support.keys import ENTER

TO_THE_PULSE = (
    ENTER  # wellbeing: steady
    + "Shipped the plan\r"  # a win
)
RATINGS = "3\r" * 9 + "1\r"  # embrace-messiness rated lowest
TO_THE_REFLECTIONS = (
    TO_THE_PULSE + RATINGS + ENTER  # focus: the suggestion (the lowest rated)
)
REFLECTIONS = "Kept the plan rough\r"  # one prompt a week (the lens is the second look)
PLAN = ENTER * 2  # the experiment's plan: when and with whom (blank), how sure (left out)
TO_THE_TAKEAWAY = (
    TO_THE_REFLECTIONS
    + REFLECTIONS
    + ENTER  # levers: left out (the first line, highlighted: none is preselected)
    + "Overrode Sam's estimate\r"  # the lens of a first week: control
    + ENTER  # next experiment: the first one
    + PLAN
)
# A first week with every written answer blank (the choices taken with Enter).
BLANK_TO_THE_END = (
    ENTER  # wellbeing: steady
    + ENTER  # a win: blank
    + RATINGS
    + ENTER  # focus
    + ENTER  # the reflection: blank
    + ENTER  # levers
    + ENTER  # the lens: blank
    + ENTER  # next experiment
    + PLAN
    + ENTER  # takeaway: blank
)
RETURNING_TO_THE_TAKEAWAY = (
    ENTER  # wellbeing: steady
    + ENTER  # review of last week's experiment: tried
    + "It worked twice\r"  # what happened
    + "Silence is fine\r"  # what you learned
    + "Shipped the plan\r"  # a win
    + ENTER * 10  # every rating as last week: nothing asks what happened
    + ENTER  # focus
    + "a\r"  # the reflection
    + ENTER  # levers
    + "b\r"  # the lens of a second week: influence
    + ENTER  # next experiment
    + PLAN
)
