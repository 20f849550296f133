"""`select`, `checkbox`, `confirm` and `scale`: the person picks, nothing is typed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from belonging_cli.content.source import type_name
from belonging_cli.engine.kinds.base import Base, Given, Saved, answer_record, one_of
from belonging_cli.engine.kinds.text import plain_question
from belonging_cli.engine.questions import LEAVE_OUT, NOT_SAID, AskKind, Question
from belonging_cli.records import AnswerValue

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.engine.session import Engine

# What an answers file may write for yes and no.
YES = frozenset({"yes", "y", "true", "on"})
NO = frozenset({"no", "n", "false", "off"})


def integer(raw: Any) -> int | None:
    """A whole number as an answers file may write it ("3", 3, 3.0), else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    return None


def level_of(question: Question, raw: Any) -> int:
    """A number among the question's choices (a scale's points, a rating's levels; a
    rating's other choices, "not seen" and the like, are not numbers)."""
    values = [v for v in question.choice_values() if isinstance(v, int)]
    number = integer(raw)
    if number is None or number not in values:
        raise ValueError(f"expected a number {values[0]} to {values[-1]}, found {raw!r}")
    return number


# The fields each choice kind's step uses.
_FIELDS: dict[str, frozenset[str]] = {
    "select": frozenset({"question", "help", "choices", "default", "private"}),
    "checkbox": frozenset({"question", "help", "choices"}),
    "confirm": frozenset({"question", "help", "default"}),
    "scale": frozenset({"question", "help", "labels", "default"}),
}


class Choice(Base):
    needs_question = True

    def __init__(self, ask: AskKind) -> None:
        self.ask = ask
        self.fields = _FIELDS[ask]

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        question = plain_question(step, engine, self.ask, words=False)
        if self.ask == "select" and step.optional and step.default is None:
            # Optional, and no answer likelier than another (the weekly's levers):
            # nothing preselected, Enter alone leaves it out (questions.LEAVE_OUT).
            question = dataclasses.replace(
                question, choices=(LEAVE_OUT, *question.choices), default=NOT_SAID
            )
        # A choice is shared like a rating, unless its step says `private: true` (the
        # weekly's wellbeing check: never a leadership rating, never a coach's to read).
        yield dataclasses.replace(question, private=True) if step.private else question

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        return Saved(answer=answer_record(question, given, private=given.private))

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        if self.ask == "confirm":
            if isinstance(raw, bool):
                return raw
            if isinstance(raw, str) and raw.strip().lower() in YES | NO:
                return raw.strip().lower() in YES
            raise ValueError(f"expected true or false, found {type_name(raw)}")
        if self.ask == "scale":
            return level_of(question, raw)
        if self.ask == "checkbox":
            items = raw if isinstance(raw, list) else [] if raw is None else [raw]
            allowed = [str(v) for v in question.choice_values()]
            picked: list[str] = []
            for item in items:
                if str(item) not in allowed:
                    raise ValueError(f"{item!r} is not one of: {', '.join(allowed)}")
                if str(item) not in picked:
                    picked.append(str(item))
            return picked
        if (raw is None or raw == "") and NOT_SAID in question.choice_values():
            return NOT_SAID  # nothing written where leaving it out is offered: left out
        return one_of(question, raw)

    def fallback(self, question: Question) -> AnswerValue:
        if question.default is None and self.ask == "confirm":
            return True  # what the terminal offers when the step sets no default
        return super().fallback(question)

    def allowed(self, question: Question) -> str:
        if self.ask == "scale":
            return "one of: " + ", ".join(c.title for c in question.choices)
        if self.ask == "confirm":
            return "true or false"
        if self.ask == "checkbox":
            return "a list of any of: " + ", ".join(str(v) for v in question.choice_values())
        return super().allowed(question)

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        if self.ask not in ("select", "scale") or given.value is None:
            return None
        title = next((c.title for c in question.choices if c.value == given.value), None)
        return f"{question.message} {title or given.value}"

    def describe(self, step: Step) -> list[str]:
        if step.choices:
            return [f"- {c.value}" + (f": {c.label}" if c.label else "") for c in step.choices]
        if step.labels:
            return [f"{i} {label}" for i, label in enumerate(step.labels, 1)]
        return []
