"""What the engine asks: plain questions a terminal (or an answers file) can answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from belonging_cli.records import AnswerValue, Role, StepKind

# How a question is put to the user. `rate` is a select over levels 1-5 with the
# level descriptors shown; `experiment` is a select whose last choice lets the
# user type their own; `info` shows lines and asks nothing.
AskKind = Literal[
    "text", "long_text", "select", "checkbox", "confirm", "scale", "rate", "experiment", "info"
]

# A question's kind: its step's, or `evidence` (a rating's follow-up, saved with it).
# Reflection prompts and a review's notes are `long_text`, as their answers are stored.
QuestionKind = StepKind | Literal["evidence"]

OWN_CHOICE = "own"  # the value of "something of my own" in an experiment choice
# The value of the experiment menu's "Again: one you tried before..." entry, which
# opens `Question.again` (ask.py).
AGAIN_CHOICE = "again"


@dataclass(frozen=True, slots=True)
class Choice:
    value: str | int
    title: str


# A choice that preselects nothing (the plan's "how sure", an optional select step with
# no default): its first line says nothing and is the highlighted one, so Enter alone
# leaves it out instead of answering the first real choice on the person's behalf.
# The value kept says so ("not said"); ask.py gives that line no shortcut number.
NOT_SAID = "not said"
LEAVE_OUT = Choice(NOT_SAID, "(leave it out)")


@dataclass(frozen=True, slots=True)
class Question:
    id: str  # the step id answers are filed under: "pulse.protect-time", "reflect.2"
    ask: AskKind
    message: str
    kind: QuestionKind  # which unit answers it (engine/kinds/), stored as Answer.kind
    help: str | None = None
    details: tuple[str, ...] = ()  # shown above the question (level descriptors...)
    choices: tuple[Choice, ...] = ()
    again: tuple[Choice, ...] = ()  # an experiment menu's tried ones, behind AGAIN_CHOICE
    default: AnswerValue = None
    optional: bool = False
    # Shown first, above the details: a rating's behaviour title and its statement.
    about: tuple[str, ...] = ()
    # A rating after week one: only the levels around its default, one line each, the
    # five on request (ask.py); else every detail line in full.
    compact: bool = False
    # For free text: whether the answer is private unless the user flips it.
    # None for answers that are not free text.
    private: bool | None = None
    behaviour_id: str | None = None
    prompt_id: str | None = None
    role: Role | None = None  # its step's `role:`, kept with the answer
    # For typed text that must make sense (a goal's date): why it does not, or None. The
    # terminal keeps the prompt open and shows why; an answers file has its own coerce.
    check: Callable[[str], str | None] | None = None

    @property
    def is_text(self) -> bool:
        return self.ask in ("text", "long_text")

    def choice_values(self) -> list[str | int]:
        return [c.value for c in self.choices]
