"""`journal edit`: a session as readable YAML, and the edited YAML back into a session.

What can change: the week, focus, tags, rating levels and evidence, answer
values and private flags. Removing an answer or a rating deletes it; ids,
flow, rubric and times stay as they were (they are shown as comments).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from belonging_cli.content.source import parse_text, require_mapping
from belonging_cli.content.validation import validate
from belonging_cli.errors import ContentError
from belonging_cli.journal.importing import Name, Text, Value, Week
from belonging_cli.records import AnswerValue, Session

ERROR_MARK = "# ERROR "


class _Dumper(yaml.SafeDumper):
    """Block style everywhere; paragraphs as literal blocks so they read like text."""


# Characters YAML reads as line breaks, or cannot hold unescaped: only a
# double-quoted scalar brings them back exactly.
_NEEDS_ESCAPES = frozenset("\x85\u2028\u2029\ufeff")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if any(c in _NEEDS_ESCAPES or (not c.isprintable() and c not in "\n\t") for c in value):
        style: str | None = '"'
    elif "\n" in value or len(value) > 60:
        style = "|"
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=88,
        default_flow_style=False,
    )


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _comment(text: str, spaces: int) -> str:
    words = " ".join(text.split())
    return f"{' ' * spaces}# {words}\n"


def render(session: Session) -> str:
    """The session as YAML a person can read and change."""
    out = [
        f"# Session {session.id}\n",
        f"# flow {session.flow_id}, rubric {session.rubric_id} {session.rubric_version}, "
        f"{session.status}\n",
        f"# started {session.started_at.isoformat()}"
        + (f", completed {session.completed_at.isoformat()}" if session.completed_at else "")
        + "\n",
        "# Change what you like and save; delete an answer or rating to remove it.\n",
        "# Save without changes (or empty the file) to keep the session as it was.\n",
        "\n",
    ]
    out.append(
        _dump(
            {
                "week": session.week,
                "focus": session.focus_behaviour_id,
                "tags": list(session.tags),
            }
        ).replace("tags: []\n", "tags: []  # for example [team, offsite]\n")
    )
    out.append("ratings:" + (" {}\n" if not session.ratings else "\n"))
    for r in session.ratings:
        body: dict[str, Any] = {"level": r.level}
        if r.evidence is not None:
            body["evidence"] = r.evidence
            body["evidence_private"] = r.evidence_private
        out.append(_indent(_dump({r.behaviour_id: body}), 2))
    out.append("answers:" + (" {}\n" if not session.answers else "\n"))
    for a in session.answers:
        if a.question:
            out.append(_comment(a.question, 2))
        out.append(_indent(_dump({a.step_id: {"value": a.value, "private": a.private}}), 2))
    return "".join(out)


def strip_errors(text: str) -> str:
    """The text without the error lines a previous attempt put at the top."""
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith(ERROR_MARK):
        lines.pop(0)
    return "".join(lines)


def with_errors(text: str, error: ContentError) -> str:
    """The text with `error`'s problems as comments at the top, line numbers adjusted."""
    header = [
        f"{ERROR_MARK}{p.path}:{p.line + len(error.problems) + 1}:{p.column}: "
        f"{p.field + ': ' if p.field else ''}{p.message}\n"
        for p in error.problems
    ]
    header.append(f"{ERROR_MARK}fix the lines above and save again, or save unchanged to give up\n")
    return "".join(header) + text


# The import's types: what an edit may store is what an import may (journal/importing.py).
Key = Name


class _Edit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class RatingEdit(_Edit):
    level: int = Field(ge=1, le=5)
    evidence: Text | None = None
    evidence_private: bool = False


class AnswerEdit(_Edit):
    value: Value
    private: bool = False


class SessionEdit(_Edit):
    week: Week
    focus: Key | None = None
    tags: list[Key] | None = None
    ratings: dict[str, RatingEdit] | None = None
    answers: dict[str, AnswerEdit] | None = None


def apply(session: Session, text: str, path: str) -> Session:
    """The session as edited in `text`, or a ContentError locating every problem."""
    doc = parse_text(text, path)
    require_mapping(doc, "a session")
    edit = validate(doc, SessionEdit)
    problems = []
    known_steps = {a.step_id for a in session.answers}
    known_ratings = {r.behaviour_id for r in session.ratings}
    for key in edit.answers or {}:
        if key not in known_steps:
            problems.append(
                doc.problem(("answers", key), "no such answer in this session", key=True)
            )
    for key in edit.ratings or {}:
        if key not in known_ratings:
            problems.append(
                doc.problem(("ratings", key), "this session has no rating of it", key=True)
            )
    if problems:
        raise ContentError(problems)
    answers = []
    for a in session.answers:
        changed = (edit.answers or {}).get(a.step_id)
        if changed is not None:
            value: AnswerValue = changed.value
            answers.append(dataclasses.replace(a, value=value, private=changed.private))
    ratings = []
    for r in session.ratings:
        rated = (edit.ratings or {}).get(r.behaviour_id)
        if rated is not None:
            ratings.append(
                dataclasses.replace(
                    r,
                    level=rated.level,
                    evidence=rated.evidence,
                    evidence_private=rated.evidence_private,
                )
            )
    return dataclasses.replace(
        session,
        week=edit.week,
        focus_behaviour_id=edit.focus,
        tags=tuple(dict.fromkeys(edit.tags or ())),
        answers=tuple(answers),
        ratings=tuple(ratings),
    )
