"""`tags`: a few words to find the session by later ("team, hard talk")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from belonging_cli.content.source import type_name
from belonging_cli.engine.kinds.base import Base, Given, Saved, answer_record
from belonging_cli.engine.questions import Question
from belonging_cli.records import AnswerValue

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.engine.session import Engine


def split_tags(value: AnswerValue) -> list[str]:
    """ "team, hard talk" -> ["team", "hard-talk"]; lists are cleaned the same way."""
    if isinstance(value, list):
        parts = [str(v) for v in value]
    elif isinstance(value, str):
        parts = value.split(",")
    else:
        parts = []
    tags: list[str] = []
    for part in parts:
        tag = "-".join(part.strip().lower().lstrip("#").split())[:40]
        if tag and tag not in tags:
            tags.append(tag)
    return tags[:20]


class Tags(Base):
    fields = frozenset({"question", "help"})

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        yield Question(
            id=step.id,
            ask="text",
            kind="tags",
            message=step.question or "Any tags? (a few words, comma separated)",
            help=step.help,
            default="",
            optional=True,
            role=step.role,
        )

    def take(
        self, question: Question, value: AnswerValue, private: bool | None, engine: Engine
    ) -> tuple[AnswerValue, bool]:
        return split_tags(value), bool(private)

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        tags = tuple(given.value) if isinstance(given.value, list) else ()
        return Saved(answer=answer_record(question, given, private=given.private), tags=tags)

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        if raw is None:
            return []
        if isinstance(raw, list) and all(isinstance(t, (str, int)) for t in raw):
            return [str(t) for t in raw]
        if isinstance(raw, str):
            return raw
        raise ValueError(f"expected tags as a list or comma separated text, found {type_name(raw)}")

    def fallback(self, question: Question) -> AnswerValue:
        return question.default

    def allowed(self, question: Question) -> str:
        return "tags: a list like [team, 1-1s] (optional)"

    def template_value(self, question: Question) -> AnswerValue:
        return []

    def template_lines(self, question: Question, value: AnswerValue) -> list[str]:
        return [f"  {question.id}: []"]

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        value = given.value
        return f"Tags: {', '.join(value)}" if isinstance(value, list) and value else None
