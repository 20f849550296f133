"""`rate`: one behaviour rated 1-5 against its level descriptors, and the `evidence`
follow-up asked when the rating moved (or always, as the step says).

A rating is saved as a Rating, not an Answer; so is its evidence, with it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from belonging_cli.engine.kinds.base import Base, Given, Saved, behaviour_line
from belonging_cli.engine.kinds.choice import level_of
from belonging_cli.engine.kinds.text import Text
from belonging_cli.engine.questions import Choice, Question
from belonging_cli.records import AnswerValue, Rating

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.content.rubrics import Behaviour, Rubric
    from belonging_cli.engine.session import Engine


def rate_questions(
    engine: Engine,
    step: Step,
    qid: str,
    behaviour: Behaviour,
    *,
    numbered: bool,
    with_help: bool = True,
) -> Iterator[Question]:
    """The rating of `behaviour` under `qid`, then its evidence if it is asked for."""
    key = (qid, behaviour.id)
    rating = engine.built.get(key)
    if rating is None:
        rating = engine.built[key] = _rating(engine, step, qid, behaviour, numbered, with_help)
    yield rating
    rubric = engine.rubric
    last = rating.default if isinstance(rating.default, int) else None  # the last rating
    given = engine.given.get(qid)
    policy = step.evidence or "moved"
    if given is None or policy == "never" or not isinstance(given.value, int):
        return
    moved = last is not None and abs(given.value - last) >= 1
    if policy == "moved" and not moved:
        return
    if moved and last is not None:
        message = (
            f"{behaviour.title}: {last} {rubric.label(last)} -> "
            f"{given.value} {rubric.label(given.value)}. What happened?"
        )
    else:
        label = rubric.label(given.value)
        message = f"What have you seen yourself do that puts you at {given.value} {label}?"
    yield Question(
        id=f"{qid}.evidence",
        ask="long_text",
        kind="evidence",
        message=message,
        optional=True,
        default="",
        private=engine.private(step),
        behaviour_id=behaviour.id,
        role=step.role,
    )


def _rating(
    engine: Engine, step: Step, qid: str, behaviour: Behaviour, numbered: bool, with_help: bool
) -> Question:
    """The rating question itself: it depends on no answer, so an engine builds it once."""
    rubric = engine.rubric
    last = engine.history.last_rating(behaviour.id, before_week=engine.week)
    number = f"{behaviour.number}/{len(rubric.behaviours)} " if numbered else ""
    suffix = f" (last time {last})" if last is not None else ""
    return Question(
        id=qid,
        ask="rate",
        kind="rate",
        message=(step.question or f"{number}{behaviour.title}") + suffix,
        help=step.help if with_help else None,
        details=level_lines(rubric, behaviour.id),
        choices=scale(rubric),
        default=last,
        behaviour_id=behaviour.id,
        role=step.role,
    )


# A rubric's content is the same in every sitting (the demo's journals run thousands
# on one rubric), so its lines are made once per rubric.
@functools.lru_cache(maxsize=32)
def level_lines(rubric: Rubric, behaviour_id: str) -> tuple[str, ...]:
    """Each level of a behaviour, labelled: what is shown above its rating."""
    return tuple(
        f"{lv.level} {rubric.label(lv.level)}: {' '.join(lv.descriptor.split())}"
        for lv in rubric.get(behaviour_id).levels
    )


@functools.lru_cache(maxsize=32)
def scale(rubric: Rubric) -> tuple[Choice, ...]:
    """The levels 1-5 as choices, labelled by the rubric's scale."""
    return tuple(Choice(n, f"{n} {rubric.label(n)}") for n in range(1, 6))


class Rate(Base):
    heading: str | None = "Ratings:"

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        rated = engine.rated_behaviour(step)
        behaviour = engine.rubric.find(rated) if rated else None
        if behaviour is not None:
            yield from rate_questions(engine, step, step.id, behaviour, numbered=False)

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        if isinstance(given.value, int):
            return Saved(rating=Rating(question.behaviour_id or "", given.value, given.at))
        return super().records(question, given, engine)

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        return level_of(question, raw)

    def fallback(self, question: Question) -> AnswerValue:
        return question.default if question.default is not None else 3

    def allowed(self, question: Question) -> str:
        return "one of: " + ", ".join(c.title for c in question.choices)

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        value = given.value
        if not isinstance(value, int):
            return None
        behaviour_id = question.behaviour_id or ""
        behaviour = engine.rubric.find(behaviour_id)
        last = engine.history.last_rating(behaviour_id, before_week=engine.week)
        moved = f" ({value - last:+d})" if last is not None and value != last else ""
        name = behaviour.title if behaviour else question.behaviour_id
        return f"  {value} {engine.rubric.label(value):<12} {name}{moved}"

    def describe(self, step: Step) -> list[str]:
        return behaviour_line(step)

    def rating_id(self, step: Step, behaviour_id: str, engine: Engine) -> str | None:
        return step.id if engine.rated_behaviour(step) == behaviour_id else None


class Evidence(Text):
    """What the person saw themselves do: words, kept with the rating they explain."""

    def __init__(self) -> None:
        super().__init__("long_text")

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        return iter(())  # asked by `rate_questions`, never a step of its own

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        rated = engine.given[question.id.removesuffix(".evidence")]
        level = rated.value if isinstance(rated.value, int) else 0
        text = given.value if isinstance(given.value, str) and given.value else None
        private = given.private if text else False
        return Saved(rating=Rating(question.behaviour_id or "", level, rated.at, text, private))
