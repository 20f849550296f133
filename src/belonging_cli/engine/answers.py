"""Answers given ahead of time: read an answers file, check a value against its
question, and say what a template offers for it.

Pure: the file is already parsed (a `Document` with line/column marks). The loop
that answers a whole flow from a file, and the template's writer, are
engine/sources.py's `FromMapping` and `Template`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator

from belonging_cli import limits
from belonging_cli.content.rubrics import Slug
from belonging_cli.content.source import Document, read_document, require_mapping
from belonging_cli.content.validation import Strict, validate
from belonging_cli.engine.kinds import unit
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import Engine
from belonging_cli.records import AnswerValue


class AnswersFile(Strict):
    """The top of an answers file; `answers` maps question ids to answers."""

    flow: Slug | None = None
    date: dt.date | None = None
    behaviour: str | None = None
    answers: dict[str, Any] = Field(default_factory=dict)

    @field_validator("date")
    @classmethod
    def _supported(cls, day: dt.date | None) -> dt.date | None:
        return None if day is None else limits.check_day(day)


def load_answers(path: Path) -> tuple[Document, AnswersFile]:
    """An answers file read and its top level checked (`file:line:col` problems)."""
    doc = read_document(path)
    require_mapping(doc, "answers")
    return doc, validate(doc, AnswersFile)


def coerce(question: Question, raw: Any, engine: Engine) -> tuple[AnswerValue, bool | None]:
    """The value `raw` means for this question, and a privacy flip if one was given.

    Raises ValueError with a message a user can act on.
    """
    # What the journal cannot keep (`.inf`, a lone surrogate) is refused whatever the question.
    limits.check_value(raw)
    private: bool | None = None
    # Words may come as `{text: ..., private: ...}`: the same for every kind of words.
    if (question.is_text or question.ask == "experiment") and isinstance(raw, dict):
        keys = {"text", "private", "prompt"} if question.prompt_id else {"text", "private"}
        unknown = set(raw) - keys
        if unknown:
            listed = ", ".join(sorted(keys))
            raise ValueError(f"unknown key {sorted(unknown)[0]!r} (allowed: {listed})")
        prompt = raw.get("prompt")
        if prompt is not None and prompt != question.prompt_id and not question.behaviour_id:
            raise ValueError(  # a step's own wordings (`variants:`), not a behaviour's prompts
                f"answers prompt {prompt!r}, which is not a wording of this question "
                f"(`belonging flows show {engine.flow.id}` lists them)"
            )
        if prompt is not None and prompt != question.prompt_id:
            raise ValueError(
                f"answers prompt {prompt!r}, which is not one of the "
                f"{question.behaviour_id} prompts left to ask (the focus changed? "
                "print a new template with --behaviour)"
            )
        flag = raw.get("private")
        if flag is not None and not isinstance(flag, bool):
            raise ValueError("`private` is true or false")
        private = flag
        raw = raw.get("text", "")
    return unit(question.kind).coerce(question, raw, engine), private


def fallback(question: Question) -> AnswerValue:
    """A stand-in value that lets checking go on past a missing or bad answer."""
    return unit(question.kind).fallback(question)
