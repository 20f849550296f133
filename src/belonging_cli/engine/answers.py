"""Answers given ahead of time: check a value against its question, run a whole flow
from an answers file, and write the template such a file starts from.

Pure: the file is already parsed (a `Document` with line/column marks), the
clock's reading is passed in. Every problem is collected before anything is saved.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator

from belonging_cli import limits
from belonging_cli.content.rubrics import Slug
from belonging_cli.content.source import Document, read_document, require_mapping
from belonging_cli.content.validation import Strict, validate
from belonging_cli.engine.kinds import unit
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import SKIP, Engine
from belonging_cli.errors import Problem
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


def run_answers(
    engine: Engine, answers: Mapping[str, Any], doc: Document, at: dt.datetime
) -> list[Problem]:
    """Answer every question of the engine's flow from `answers`; the problems found.

    A required question with no answer is a problem; an optional one is skipped
    (an experiment review skipped leaves the experiment open). Answers that no
    question asked for are problems too: they would otherwise be silently lost.
    """
    problems: list[Problem] = []
    used: set[str] = set()
    for key, raw in answers.items():
        if isinstance(raw, dict) and isinstance(raw.get("prompt"), str):
            engine.pinned_prompts[str(key)] = raw["prompt"]
    while (question := engine.next_question()) is not None:
        private: bool | None = None
        if question.ask == "info":
            value: AnswerValue = None
        elif question.id in answers:
            used.add(question.id)
            try:
                value, private = coerce(question, answers[question.id], engine)
            except ValueError as exc:
                problems.append(doc.problem(("answers", question.id), str(exc)))
                value = fallback(question)
        elif question.kind == "focus" and engine.focus_preset:
            value = engine.focus_preset
        elif question.optional:
            value = SKIP if question.kind == "review" else None
        else:
            problems.append(doc.problem(("answers",), f"{question.id}: required, but missing"))
            value = fallback(question)
        engine.answer(question, value, at, private)
    asked = {q.id for q in engine.questions()}
    for key in answers:
        if key in used:
            continue
        reason = (
            "answered twice"
            if key in asked
            else "not asked in this session (no such question, or its condition does not hold)"
        )
        problems.append(doc.problem(("answers", key), reason, key=True))
    return problems


def _scalar(value: AnswerValue) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str, width: int = 96) -> list[str]:
    """`text` as YAML comment lines of about `width` characters."""
    words = " ".join(text.split()).split(" ")
    lines: list[str] = []
    line = "  #"
    for word in words:
        if len(line) + 1 + len(word) > width and line != "  #":
            lines.append(line)
            line = "  #"
        line += " " + word
    lines.append(line)
    return lines


def _allowed(question: Question) -> str:
    """What an answers file may give for the question (the template's comment line)."""
    return unit(question.kind).allowed(question)


def template(
    engine: Engine,
    made_on: dt.date,
    behaviour: str | None = None,
    *,
    dated: bool = False,
    exercise: str | None = None,
) -> str:
    """A commented answers file that is valid as printed: defaults and empty text.

    For a coach's `exercise` (its id) the file has only answers: the exercise
    fixes the flow, the behaviour and the day.
    """
    flow = engine.flow
    made = made_on.isoformat()
    text_note = "# Text answers go in quotes, or after `|` on the lines below for several lines."
    if exercise is not None:
        out = [
            f"# Answers for the exercise {flow.title!r} ({exercise}), made {made}.",
            f"# Edit what you like, then run: belonging exercises do {exercise} --answers FILE",
            text_note,
        ]
    else:
        out = [
            f"# Answers for the {flow.title.lower()} ({flow.id}), made {made}.",
            "# Edit what you like, then run: belonging reflect --answers THIS-FILE",
            text_note,
            f"flow: {flow.id}",
            f"date: {made}"
            if dated
            else f"# date: {made}   # uncomment and change to record an earlier week",
        ]
    if behaviour:
        out.append(f"behaviour: {behaviour}")
    out.append("answers:")
    at = dt.datetime.combine(made_on, dt.time(12), tzinfo=dt.timezone.utc)
    while (question := engine.next_question()) is not None:
        if question.ask == "info" or (question.kind == "focus" and engine.focus_preset):
            engine.answer(question, engine.focus_preset, at)
            continue
        out.append("")
        out.extend(_comment(question.message))
        if question.kind == "review":
            out.extend(_comment(question.details[0]))
        if question.optional:
            out.append("  # optional: leave it out to skip")
        out.extend(_comment(_allowed(question)))
        value = fallback(question)
        if question.kind == "review":
            value = SKIP
            out.append(f"  {question.id}: {_scalar(value)}")
            out.append(f'  # {question.id}.happened: ""   # with tried, partly or not_tried')
            out.append(f'  # {question.id}.learned: ""')
        elif question.kind == "tags":
            value = []
            out.append(f"  {question.id}: []")
        elif question.prompt_id:
            out.append(f"  {question.id}: {{prompt: {question.prompt_id}, text: {_scalar(value)}}}")
        else:
            out.append(f"  {question.id}: {_scalar(value)}")
        engine.answer(question, value, at)
    return "\n".join(out) + "\n"
