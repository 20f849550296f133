"""`lookfor`: one of the focus behaviour's look-fors to watch for next week (optional).

A look-for is what others do when the behaviour is working ("quieter people speak
without being called on"): choosing one gives the week something to notice, not
something to do. The answer keeps the look-for's words, as `traps` keeps a trap's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from belonging_cli.engine.kinds.base import Given
from belonging_cli.engine.kinds.traps import NONE, FromBehaviour, entries, listed
from belonging_cli.engine.questions import AskKind, Choice, Question
from belonging_cli.records import AnswerValue, StepKind

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.content.rubrics import Behaviour
    from belonging_cli.engine.session import Engine


class LookFor(FromBehaviour):
    kind: StepKind = "lookfor"
    ask: AskKind = "select"
    message = "Which of these will you watch for next week?"

    def entries(self, behaviour: Behaviour) -> Sequence[str]:
        return behaviour.look_fors

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        # A terminal's select cannot be left blank: "none this week" is its last choice.
        for question in super().questions(step, engine):
            last = Choice(NONE, "None this week")
            yield dataclasses.replace(question, choices=(*question.choices, last))

    def take(
        self, question: Question, value: AnswerValue, private: bool | None, engine: Engine
    ) -> tuple[AnswerValue, bool]:
        kept, hidden = super().take(question, value, private, engine)
        return (None if kept == NONE else kept), hidden

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        if raw is None or (isinstance(raw, str) and raw.strip().lower() == NONE):
            return None
        return listed(entries(question), raw)

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        return f"Watch for: {given.value}" if isinstance(given.value, str) else None

    def describe(self, step: Step) -> list[str]:
        return ["the behaviour's look-fors: choose one to watch for (optional)"]
