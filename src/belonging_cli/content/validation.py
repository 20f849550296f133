"""Turn pydantic's validation errors into located problems a user can fix."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError
from pydantic_core import ErrorDetails

from belonging_cli.content.source import Document, format_loc
from belonging_cli.errors import ContentError, Problem
from belonging_cli.safe_text import no_controls, one_line

M = TypeVar("M", bound=BaseModel)

# Every string of other people's content (rubric, flow, pack, bundle) is one of these,
# so none can put escape sequences on a terminal (see safe_text.py):
# `Annotated[str, ..., PARAGRAPH]` for text, `ONE_LINE` for names, titles and labels.
PARAGRAPH = AfterValidator(no_controls)
ONE_LINE = AfterValidator(one_line)


class Strict(BaseModel):
    """Base for every model read from a user's file: unknown keys are mistakes."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# A content kind's own wording of one of pydantic's errors (None: pydantic's is fine).
Reword = Callable[[ErrorDetails], str | None]


def problems_from(
    exc: ValidationError, doc: Document, model: type[BaseModel], reword: Reword | None = None
) -> list[Problem]:
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        if kind == "extra_forbidden":
            allowed = _allowed_keys(model, loc[:-1])
            hint = f" (allowed: {', '.join(allowed)})" if allowed else ""
            problems.append(doc.problem(loc, f"unknown key{hint}", key=True))
        elif kind == "missing":
            problems.append(doc.problem(loc, "required, but missing"))
        else:
            message = (reword and reword(error)) or str(error["msg"])
            message = message.removeprefix("Value error, ")
            problems.append(doc.problem(loc, message))
    # A union reports the same place once per branch; keep the first.
    seen: set[tuple[int, int, str]] = set()
    unique = []
    for p in problems:
        if (p.line, p.column, p.field) not in seen:
            seen.add((p.line, p.column, p.field))
            unique.append(p)
    return unique


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found at `loc`, walking nested models."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return [f.alias or name for name, f in fields.items()] if fields else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validate(doc: Document, model: type[M], data: Any = None, reword: Reword | None = None) -> M:
    """Validate `doc.data` (or `data`) as `model`; all problems at once on failure."""
    try:
        result = model.model_validate(doc.data if data is None else data)
    except ValidationError as exc:
        raise ContentError(doc.problems + problems_from(exc, doc, model, reword)) from None
    if doc.problems:
        raise ContentError(doc.problems)
    return result


__all__ = ["ONE_LINE", "PARAGRAPH", "Strict", "format_loc", "problems_from", "validate"]
