"""The built-in weekly flow (2.0) answered at a real terminal through pexpect: the one
place pty tests learn the order of its prompts (in-process runs use weekly_keys.py).

A first week: `start(child)` (how you are, a win), then the ten ratings, then
`finish(child)` (the focus, a reflection, the levers, the control lens, the next
experiment and its plan, the takeaway, saving).
"""

from __future__ import annotations

from typing import Any

from support.terminal import RATING_PROMPT, TEXT_PROMPT

REFLECTIONS = 1  # focus reflections a week; the lens is the second look
# The control lens's words, wherever the terminal's width breaks its line (a regex).
LENS_OF_A_FIRST_WEEK = r"used\s+a\s+rule,\s+a\s+deadline\s+or\s+your\s+authority"


def start(child: Any, win: str = "Shipped the plan") -> None:
    """From the intro to the pulse: how you are (Enter: steady) and a win."""
    child.expect("How are your energy and load")
    child.send("\r")
    child.expect("What went well this week")
    child.expect(r"#share\)")  # the one-line answer's hint, drawn before its prompt
    child.send(win + "\r")


def rate(child: Any, keys: list[str]) -> None:
    for key in keys:
        child.expect(RATING_PROMPT)
        child.send(key + "\r")


def to_the_first_reflection(child: Any) -> None:
    """A first week from the start to the first focus reflection's prompt."""
    start(child)
    rate(child, ["3"] * 10)
    child.expect("look at more closely")
    child.send("\r")
    child.expect(TEXT_PROMPT)


def after_the_reflections(child: Any, lens: str = "-", takeaway: str = "", plan: str = "") -> None:
    """From the levers to the save question (not answered)."""
    child.expect("Which levers did you lead with")
    child.send("\r")  # left out: the first line, highlighted (none is preselected)
    child.expect(LENS_OF_A_FIRST_WEEK)
    child.expect(TEXT_PROMPT)
    child.send(lens + "\r")
    child.expect("try next week")
    child.send("\r")  # the first experiment offered
    child.expect("When and with whom will you try it")
    child.expect(r"#share\)")
    child.send(plan + "\r")
    child.expect("How sure are you that you will do it")
    child.send("\r")  # left out: the first line, highlighted
    child.expect("what do you take from this week")
    child.send(takeaway + "\r")
    child.expect("Save it")
    child.expect("Keep it as a draft")


def finish(
    child: Any,
    reflections: tuple[str, ...] = ("-",) * REFLECTIONS,
    lens: str = "-",
    takeaway: str = "",
    plan: str = "",
) -> None:
    """From the focus question to the save question (not answered)."""
    child.expect("look at more closely")
    child.send("\r")  # the suggestion
    for answer in reflections:
        child.expect(TEXT_PROMPT)
        child.send(answer + "\r")
    after_the_reflections(child, lens, takeaway, plan)
