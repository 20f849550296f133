"""`text` and `long_text`: words the person writes, private or shared as the step says.

Every free-text question is answered this way: a text step's, a reflection prompt's,
an experiment review's notes (their kind is `long_text`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from belonging_cli.engine.kinds.base import (
    Base,
    Given,
    Saved,
    answer_record,
    privacy_hint,
    scalar,
    text_value,
)
from belonging_cli.engine.privacy import typed_privacy
from belonging_cli.engine.questions import AskKind, Choice, Question
from belonging_cli.engine.rotation import least_recent
from belonging_cli.records import AnswerValue

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step, Variant
    from belonging_cli.engine.session import Engine


def plain_question(step: Step, engine: Engine, ask: AskKind, *, words: bool) -> Question:
    """The one question of a step that asks just what it says (text, a choice...)."""
    choices: tuple[Choice, ...] = ()
    if step.choices:
        choices = tuple(Choice(c.value, c.title) for c in step.choices)
    elif step.labels:
        choices = tuple(Choice(i, f"{i} {label}") for i, label in enumerate(step.labels, 1))
    default: AnswerValue = [] if ask == "checkbox" else step.default
    return Question(
        id=step.id,
        ask=ask,
        kind=step.kind,
        message=step.question or step.id,
        help=step.help,
        choices=choices,
        default=default,
        optional=step.optional,
        private=engine.private(step) if words else None,
        role=step.role,
    )


def wording(step: Step, engine: Engine) -> Variant:
    """The wording of a step with variants this sitting asks: the one answered (a
    resumed draft's), else the one an answers file names, else the next in turn."""
    wordings = {w.id: w for w in step.wordings()}
    key = f"{step.id}:wording"
    if key not in engine.plans:
        given = engine.given.get(step.id)
        pinned = engine.pinned_prompts.get(step.id)
        for named in (given.prompt_id if given else None, pinned):
            if named in wordings:
                engine.plans[key] = [named]
                break
        else:
            chosen = least_recent(step, engine.flow.id, engine.history)
            engine.plans[key] = [chosen.id]
    return wordings[engine.plans[key][0]]


class Text(Base):
    needs_question = True

    def __init__(self, ask: AskKind) -> None:
        self.ask = ask
        self.fields = frozenset({"question", "help", "private", "variants"})
        if ask == "text":  # a one-line default can be put into the prompt
            self.fields |= {"default"}

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        question = plain_question(step, engine, self.ask, words=True)
        if step.variants:  # the wording is named with the answer, as a prompt's is
            asked = wording(step, engine)
            message = " ".join(asked.question.split())
            question = dataclasses.replace(question, message=message, prompt_id=asked.id)
        yield question

    def take(
        self, question: Question, value: AnswerValue, private: bool | None, engine: Engine
    ) -> tuple[AnswerValue, bool]:
        return typed_privacy(value, private, question.private)

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        return Saved(answer=answer_record(question, given, private=given.private))

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        return text_value(raw)

    def fallback(self, question: Question) -> AnswerValue:
        return question.default if question.default is not None else ""

    def allowed(self, question: Question) -> str:
        return f"{question.ask.replace('_', ' ')} {privacy_hint(question)}"

    def template_lines(self, question: Question, value: AnswerValue) -> list[str]:
        if question.prompt_id:  # the prompt is named, so a later session cannot shift it
            return [f"  {question.id}: {{prompt: {question.prompt_id}, text: {scalar(value)}}}"]
        return super().template_lines(question, value)

    def describe(self, step: Step) -> list[str]:
        if not step.variants:
            return []
        head = f"in turn with these, the one asked longest ago each time (this one: {step.id}):"
        return [head, *(f"{v.id}: {' '.join(v.question.split())}" for v in step.variants)]

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        value = given.value
        if not isinstance(value, str) or not value:
            return None
        short = " ".join(value.split())
        mark = "(private) " if given.private else ""
        return f"- {mark}{short[:70]}{'...' if len(short) > 70 else ''}"
