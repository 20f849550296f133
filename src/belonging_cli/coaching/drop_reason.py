"""Why a client dropped an exercise: asked once, one line, carried to the coach.

A coach who sees only "dropped" cannot tell "too busy" from "not useful"; the
reason travels in the shared bundle (reports/sections/exercises.py) and the
roll-up shows it. It is optional: Enter (or no terminal, no `--reason`) drops
without one.
"""

from __future__ import annotations

from belonging_cli.errors import UsageProblem
from belonging_cli.safe_text import text_problem

MAX_REASON = 300  # a line for the coach; a longer story belongs in the next reflection


def clean_reason(text: str) -> str | None:
    """The reason as kept (trimmed; empty is none); a reason that cannot be kept is
    a usage mistake, said before anything changes."""
    reason = text.strip()
    if not reason:
        return None
    problem = text_problem(reason, one_line=True)
    if problem is not None:
        raise UsageProblem(f"--reason: {problem}")
    if len(reason) > MAX_REASON:
        raise UsageProblem(
            f"--reason: {len(reason)} characters; at most {MAX_REASON} (a line for your coach)"
        )
    return reason


def ask_reason(title: str) -> str | None:
    """At a terminal, one optional line; without one, no reason (scripts pass --reason)."""
    from belonging_cli import ask

    if not ask.terminal_available():
        return None
    from belonging_cli.engine.questions import Question

    question = Question(
        id="drop-reason",
        ask="text",
        message=f"Why are you dropping “{title}”? Your coach sees this (Enter to skip)",
        kind="text",
        optional=True,
    )
    while True:
        value, _ = ask.ask(question)
        try:
            return clean_reason(str(value or ""))
        except UsageProblem as problem:
            ask.say(str(problem).removeprefix("--reason: "), style="fg:ansired")
