"""`focus`: the behaviour to look at more closely, with a suggestion first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from belonging_cli.engine.kinds.base import Base, Given, Saved, answer_record, one_of
from belonging_cli.engine.questions import Choice, Question
from belonging_cli.records import AnswerValue

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.engine.session import Engine


class Focus(Base):
    fields = frozenset({"question", "help"})

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        suggested, reason = engine.suggestion()
        choices = tuple(
            Choice(b.id, f"{b.number}. {b.title}" + (" (suggested)" if b.id == suggested else ""))
            for b in engine.rubric.behaviours
        )
        title = engine.rubric.get(suggested).title
        yield Question(
            id=step.id,
            ask="select",
            kind="focus",
            message=step.question or "Which behaviour will you look at more closely?",
            help=step.help or f"Suggested: {title}, {reason}.",
            choices=choices,
            default=suggested,
            role=step.role,
        )

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        focus = given.value if isinstance(given.value, str) else None
        return Saved(answer=answer_record(question, given), focus=focus)

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        if isinstance(raw, (str, int)) and not isinstance(raw, bool):
            found = engine.rubric.find(str(raw))  # an id, or a number 1-10
            if found is not None:
                return found.id
        return one_of(question, raw)

    def allowed(self, question: Question) -> str:
        return "a behaviour id: " + ", ".join(str(v) for v in question.choice_values())

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        if not isinstance(given.value, str):
            return None
        found = engine.rubric.find(given.value)
        return f"Focus: {found.title if found else given.value}"
