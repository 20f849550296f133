"""What every step kind provides, and the records an answer turns into.

A kind is one unit (docs/architecture.md, "Adding a step kind"): the questions it
makes from a step, how it takes an answer, the records that answer is (pure), how an
answers file gives it, its line in `--answers-template`, its line in the summary,
and how `flows show` describes it. `Base` holds what most kinds share; a kind
overrides only what it does differently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from belonging_cli.content.source import type_name
from belonging_cli.engine.questions import Question
from belonging_cli.records import Answer, AnswerValue, Rating
from belonging_cli.safe_text import MAX_TEXT  # the bundle reader takes as much

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.engine.session import Engine


@dataclass(frozen=True)
class Given:
    """An answer as the engine keeps it, by question id."""

    value: AnswerValue
    at: dt.datetime
    private: bool = False
    prompt_id: str | None = None


@dataclass(frozen=True)
class Saved:
    """What to write to the journal for one answer (any of these may be empty)."""

    answer: Answer | None = None
    rating: Rating | None = None
    focus: str | None = None
    tags: tuple[str, ...] | None = None


class Kind(Protocol):
    """One step kind (or, for `evidence`, one kind of follow-up question)."""

    # Shown above the summary lines of this kind, once ("Ratings:").
    heading: str | None
    # The optional step fields this kind uses (anything else set on its step is a
    # mistake: content/flows.py checks), and whether its step needs a `question`.
    fields: frozenset[str]
    needs_question: bool

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        """The questions `step` asks now, given the answers so far."""
        ...

    def take(
        self, question: Question, value: AnswerValue, private: bool | None, engine: Engine
    ) -> tuple[AnswerValue, bool]:
        """The answer as kept (normalised), and whether it is private."""
        ...

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        """What to save for an answer taken: pure, so it can be asked again at the end."""
        ...

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        """The value an answers file's `raw` means; ValueError with a message if none."""
        ...

    def fallback(self, question: Question) -> AnswerValue:
        """A stand-in value that lets checking go on past a missing or bad answer."""
        ...

    def allowed(self, question: Question) -> str:
        """What an answers file may give, for the template's comment line."""
        ...

    def template_value(self, question: Question) -> AnswerValue:
        """The value the template is printed with (valid as it stands)."""
        ...

    def template_lines(self, question: Question, value: AnswerValue) -> list[str]:
        """The template's line(s) for the answer itself."""
        ...

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        """A short line for the screen before saving (None: nothing to say)."""
        ...

    def describe(self, step: Step) -> list[str]:
        """What the step does, for `flows show` (its question is shown apart)."""
        ...

    def rated(self, step: Step, engine: Engine) -> list[str]:
        """The behaviours the step rates (for `when: {moved: ...}`)."""
        ...

    def rating_id(self, step: Step, behaviour_id: str, engine: Engine) -> str | None:
        """The question id the step rates `behaviour_id` under, if it does."""
        ...


def scalar(value: AnswerValue) -> str:
    """A value as YAML reads it back: `null`, `true`, numbers, quoted text, lists."""
    import json

    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def bounded(text: str) -> str:
    if len(text) > MAX_TEXT:
        raise ValueError(f"too long: at most {MAX_TEXT} characters")
    return text


def one_of(question: Question, raw: Any) -> str | int:
    """The choice `raw` names (by its value, as text or not)."""
    for value in question.choice_values():
        if str(value) == str(raw) and not isinstance(raw, (bool, dict, list)):
            return value
    listed = ", ".join(str(v) for v in question.choice_values())
    raise ValueError(f"{raw!r} is not one of: {listed}")


def text_value(raw: Any) -> str:
    """Free text from an answers file: a string (or a number), stripped and bounded."""
    if raw is None:
        return ""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise ValueError(f"expected text, found {type_name(raw)}")
    return bounded(str(raw).strip())


def privacy_hint(question: Question) -> str:
    privacy = "private" if question.private else "shared"
    flip = "false" if question.private else "true"
    return f'({privacy}; write {{text: "...", private: {flip}}} to change that)'


def behaviour_line(step: Step) -> list[str]:
    """`flows show`'s note on a step about one named behaviour (not the focus)."""
    return [f"behaviour: {step.behaviour}"] if step.behaviour not in (None, "focus") else []


class Base:
    """What a kind does unless it says otherwise: a plain answer, kept as given."""

    heading: str | None = None
    fields: frozenset[str] = frozenset({"help"})
    needs_question: bool = False

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        return iter(())

    def take(
        self, question: Question, value: AnswerValue, private: bool | None, engine: Engine
    ) -> tuple[AnswerValue, bool]:
        return value, bool(question.private if private is None else private)

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        return Saved(answer=answer_record(question, given))

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        raise ValueError(f"cannot be answered ahead of time ({question.ask})")

    def fallback(self, question: Question) -> AnswerValue:
        if question.default is not None:
            return question.default
        return question.choices[0].value if question.choices else None

    def allowed(self, question: Question) -> str:
        return "one of: " + ", ".join(str(v) for v in question.choice_values())

    def template_value(self, question: Question) -> AnswerValue:
        return self.fallback(question)

    def template_lines(self, question: Question, value: AnswerValue) -> list[str]:
        return [f"  {question.id}: {scalar(value)}"]

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        return None

    def describe(self, step: Step) -> list[str]:
        return []

    def rated(self, step: Step, engine: Engine) -> list[str]:
        # A step about one behaviour: its own, or the session's focus.
        rated = engine.rated_behaviour(step)
        return [rated] if rated else []

    def rating_id(self, step: Step, behaviour_id: str, engine: Engine) -> str | None:
        return None


def answer_record(
    question: Question, given: Given, *, private: bool = False, quoted: str | None = None
) -> Answer:
    """The journal's Answer for `given`; `private` only where the person wrote words."""
    if question.kind == "evidence":  # kept with its rating (kinds/rate.py), never an answer
        raise ValueError(f"{question.id} is saved as a rating")
    return Answer(
        step_id=question.id,
        kind=question.kind,
        value=given.value,
        answered_at=given.at,
        prompt_id=question.prompt_id,
        behaviour_id=question.behaviour_id,
        private=private,
        question=quoted or question.message,
        role=question.role,
    )
