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
from belonging_cli.content.source import Document, read_document, require_mapping, type_name
from belonging_cli.content.validation import Strict, validate
from belonging_cli.engine.questions import OWN_CHOICE, Question
from belonging_cli.engine.session import SKIP, Engine
from belonging_cli.errors import Problem
from belonging_cli.records import AnswerValue
from belonging_cli.safe_text import MAX_TEXT  # the bundle reader takes as much

_TRUE = {"yes", "y", "true", "on"}
_FALSE = {"no", "n", "false", "off"}


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
        text: Any = raw.get("text", "")
        raw = text
    ask = question.ask
    if question.kind == "tags":
        if raw is None:
            return [], None
        if isinstance(raw, list) and all(isinstance(t, (str, int)) for t in raw):
            return [str(t) for t in raw], None
        if isinstance(raw, str):
            return raw, private
        raise ValueError(f"expected tags as a list or comma separated text, found {type_name(raw)}")
    if ask in ("text", "long_text"):
        if raw is None:
            return "", private
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            raise ValueError(f"expected text, found {type_name(raw)}")
        return _bounded(str(raw).strip()), private
    if ask == "confirm":
        if isinstance(raw, bool):
            return raw, None
        if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
            return raw.strip().lower() in _TRUE, None
        raise ValueError(f"expected true or false, found {type_name(raw)}")
    if ask in ("rate", "scale"):
        values = question.choice_values()
        number = _integer(raw)
        if number is None or number not in values:
            raise ValueError(f"expected a number {values[0]} to {values[-1]}, found {raw!r}")
        return number, None
    if ask == "checkbox":
        items = raw if isinstance(raw, list) else [] if raw is None else [raw]
        allowed = {str(v): v for v in question.choice_values()}
        picked: list[str] = []
        for item in items:
            if str(item) not in allowed:
                raise ValueError(f"{item!r} is not one of: {', '.join(allowed)}")
            if str(item) not in picked:
                picked.append(str(item))
        return picked, None
    if ask == "experiment":
        if not isinstance(raw, str) or not raw.strip() or raw.strip() == OWN_CHOICE:
            raise ValueError(
                "expected one of the experiment ids listed, or your own experiment in a sentence"
            )
        return _bounded(raw.strip()), private
    if ask == "select":
        if question.kind == "focus" and isinstance(raw, (str, int)) and not isinstance(raw, bool):
            found = engine.rubric.find(str(raw))
            if found is not None:
                return found.id, None
        if question.kind == "review" and raw is None:
            return SKIP, None
        for value in question.choice_values():
            if str(value) == str(raw) and not isinstance(raw, (bool, dict, list)):
                return value, None
        listed = ", ".join(str(v) for v in question.choice_values())
        raise ValueError(f"{raw!r} is not one of: {listed}")
    raise ValueError(f"cannot be answered ahead of time ({ask})")


def _bounded(text: str) -> str:
    if len(text) > MAX_TEXT:
        raise ValueError(f"too long: at most {MAX_TEXT} characters")
    return text


def _integer(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    return None


def fallback(question: Question) -> AnswerValue:
    """A stand-in value that lets checking go on past a missing or bad answer."""
    if question.default is not None:
        return question.default
    if question.kind == "review":
        return SKIP
    if question.ask == "rate":
        return 3
    if question.ask == "confirm":
        return True  # what the terminal offers when the step sets no default
    if question.choices:
        return question.choices[0].value
    if question.ask == "experiment":
        return "-"
    return "" if question.is_text else None


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


def _privacy_hint(question: Question) -> str:
    privacy = "private" if question.private else "shared"
    flip = "false" if question.private else "true"
    return f'({privacy}; write {{text: "...", private: {flip}}} to change that)'


def _allowed(question: Question) -> str:
    if question.kind == "tags":
        return "tags: a list like [team, 1-1s] (optional)"
    if question.ask in ("text", "long_text"):
        return f"{question.ask.replace('_', ' ')} {_privacy_hint(question)}"
    if question.kind == "focus":
        return "a behaviour id: " + ", ".join(str(v) for v in question.choice_values())
    if question.ask == "experiment":
        ids = [str(v) for v in question.choice_values() if v != OWN_CHOICE]
        own = f"your own in a sentence {_privacy_hint(question)}"
        return "an experiment id (" + ", ".join(ids) + ") or " + own
    if question.ask in ("rate", "scale"):
        return "one of: " + ", ".join(c.title for c in question.choices)
    if question.ask == "confirm":
        return "true or false"
    if question.ask == "checkbox":
        return "a list of any of: " + ", ".join(str(v) for v in question.choice_values())
    return "one of: " + ", ".join(str(v) for v in question.choice_values())


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
