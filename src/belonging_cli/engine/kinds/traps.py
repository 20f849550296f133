"""`traps`: which of the focus behaviour's counterfeits (its `control_traps`) the
person caught themselves in, any of them or none.

The answer keeps each trap's words, not its place in the list: the rubric's wording
can change between versions, and a report quotes what the person ticked. An answers
file may name a trap by its number (1 is the first) or by its words.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from belonging_cli.content.source import type_name
from belonging_cli.engine.kinds.base import Base, Given, Saved, answer_record
from belonging_cli.engine.kinds.experiment import behaviour_of
from belonging_cli.engine.questions import AskKind, Choice, Question
from belonging_cli.records import AnswerValue, StepKind

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.content.rubrics import Behaviour
    from belonging_cli.engine.session import Engine


def one_line(text: str) -> str:
    """A rubric entry as one line: YAML's folded text keeps no line breaks that matter."""
    return " ".join(text.split())


def listed(values: Sequence[str], raw: Any) -> str:
    """The entry of `values` that `raw` names: its number (from 1), or its words."""
    if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= len(values):
        return values[raw - 1]
    if isinstance(raw, str):
        words = one_line(raw)
        if words.isdigit() and 1 <= int(words) <= len(values):
            return values[int(words) - 1]
        if words in values:
            return words
    raise ValueError(f"{raw!r} is not one of them: give its number, 1 to {len(values)}")


def entries(question: Question) -> list[str]:
    """The entries a question offers (not a choice of none of them)."""
    return [str(c.value) for c in question.choices if c.value != NONE]


# The choice of none of them, where a terminal's select needs one to offer.
NONE = "none"


class FromBehaviour(Base):
    fields = frozenset({"question", "help", "behaviour", "private"})

    """A pick among one list of the behaviour a step is about (its own, or the focus)."""

    kind: StepKind
    ask: AskKind
    message: str

    def entries(self, behaviour: Behaviour) -> Sequence[str]:
        raise NotImplementedError

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        behaviour = behaviour_of(step, engine)
        if behaviour is None:
            return
        choices = tuple(Choice(one_line(e), one_line(e)) for e in self.entries(behaviour))
        yield Question(
            id=step.id,
            ask=self.ask,
            kind=self.kind,
            message=step.question or self.message,
            help=step.help,
            choices=choices,
            default=[] if self.ask == "checkbox" else None,
            optional=True,  # nothing to tick is an honest answer
            private=True if step.private else None,
            behaviour_id=behaviour.id,
            role=step.role,
        )

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        return Saved(answer=answer_record(question, given, private=given.private))

    def rated(self, step: Step, engine: Engine) -> list[str]:
        return []  # a pick is not a rating: `when: {moved: ...}` cannot refer to it

    def fallback(self, question: Question) -> AnswerValue:
        return question.default

    def template_value(self, question: Question) -> AnswerValue:
        return question.default

    def allowed(self, question: Question) -> str:
        numbered = "; ".join(f"{i} {e}" for i, e in enumerate(entries(question), 1))
        many = "a list of the numbers of any" if self.ask == "checkbox" else "the number of one"
        return f"{many} of (optional): {numbered}"


class Traps(FromBehaviour):
    kind: StepKind = "traps"
    ask: AskKind = "checkbox"
    message = "Which of these counterfeits did you catch yourself in this week, if any?"

    def entries(self, behaviour: Behaviour) -> Sequence[str]:
        return behaviour.control_traps

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        if raw is None:
            return []
        items = raw if isinstance(raw, list) else [raw]
        picked: list[str] = []
        for item in items:
            if isinstance(item, (dict, list)) or item is None:
                raise ValueError(f"expected a number or a trap's words, found {type_name(item)}")
            found = listed(entries(question), item)
            if found not in picked:
                picked.append(found)
        return picked

    def template_lines(self, question: Question, value: AnswerValue) -> list[str]:
        return [f"  {question.id}: []"]

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        if not isinstance(given.value, list):
            return None
        caught = len(given.value)
        return f"Counterfeits caught: {caught} of {len(question.choices)}" if caught else None

    def describe(self, step: Step) -> list[str]:
        return ["the behaviour's control traps: tick any you caught yourself in (optional)"]
