"""`set_goals`: one to three development goals asked in their parts (the behaviour, the
level to reach, by when, what success looks like), opened with the session.

Each goal is four questions, `<step>.N.behaviour`, `.target`, `.by` and `.success`
(N = 1..3): the next goal is asked only after one was set, and never more than there
is room for beside the goals already open. Every part is checked by the rules of
`belonging goals add` (goals.py: `parse_due`, `check_target`, `check_success`,
`refuse_another`): at the terminal the prompt stays open and says why, in an answers
file the problem is at its `file:line:col`. The goals themselves are made when the
session completes (`new_goals`, through `Engine.outcome`) and written in the same
transaction as the session (journal/goals_store.add, the rule checked again inside
it), so a failure writes neither. Each starts where this session rated its behaviour
(its `set_at` is the completion, after the rating).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from belonging_cli.engine.kinds.base import Base, Given, text_value
from belonging_cli.engine.questions import Choice, Question
from belonging_cli.errors import BelongingError
from belonging_cli.records import AnswerValue

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.engine.session import Engine
    from belonging_cli.goals import OfBehaviour
    from belonging_cli.records import Goal

NONE = "none"  # "no (more) goals": never a behaviour id the rubric uses for a goal
# An answers file's behaviour that was refused: the goal's other parts are still
# checked (every problem at once), and it is no behaviour, so it takes none's place.
_REFUSED = "\x00refused"
PARTS = ("behaviour", "target", "by", "success")
DEFAULT_BY = "12w"  # the intake looks three months ahead
ANOTHER = "Another goal? Which behaviour?"


class _Picked(NamedTuple):
    behaviour_id: str


def _slot(question_id: str) -> tuple[str, int, str]:
    """`goals.2.by` -> ("goals", 2, "by")."""
    step, n, part = question_id.rsplit(".", 2)
    return step, int(n), part


def _value(engine: Engine, step_id: str, n: int, part: str) -> AnswerValue:
    given = engine.given.get(f"{step_id}.{n}.{part}")
    return given.value if given is not None else None


def _chosen(engine: Engine, step_id: str, before: int) -> list[str]:
    """The behaviours the goals before slot `before` were set for."""
    found = (_value(engine, step_id, n, "behaviour") for n in range(1, before))
    return [b for b in found if isinstance(b, str) and b not in (NONE, _REFUSED)]


def _room(engine: Engine) -> int:
    from belonging_cli.goals import MAX_OPEN

    return MAX_OPEN - len(engine.goals)


def _baseline(engine: Engine, behaviour_id: str) -> int | None:
    """The level this session rated `behaviour_id` at so far (the intake's baseline)."""
    from belonging_cli.engine.kinds import unit  # the registry imports this module

    for step in engine.flow.steps:
        qid = unit(step.kind).rating_id(step, behaviour_id, engine)
        given = engine.given.get(qid) if qid else None
        if given is not None and isinstance(given.value, int) and given.value in range(1, 6):
            return given.value
    return None


def _refused(engine: Engine, step_id: str, n: int, behaviour_id: str) -> str | None:
    """Why a goal for `behaviour_id` cannot open in slot `n` (goals.refuse_another)."""
    from belonging_cli.goals import refuse_another

    behaviour = engine.rubric.find(behaviour_id)
    title = behaviour.title if behaviour else behaviour_id
    taken: list[OfBehaviour] = [*engine.goals, *map(_Picked, _chosen(engine, step_id, n))]
    try:
        refuse_another(taken, _Picked(behaviour_id), title)
    except BelongingError as exc:
        return exc.message
    return None


def _checker(check: Callable[[str], object]) -> Callable[[str], str | None]:
    """A rule of goals.py as a prompt's check: why it refuses the text, or None."""

    def problem(text: str) -> str | None:
        try:
            check(text)
        except ValueError as exc:
            return str(exc)
        return None

    return problem


class SetGoals(Base):
    heading: str | None = "Goals:"
    fields = frozenset({"question", "help"})
    needs_question = True

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        from belonging_cli import goals as rules
        from belonging_cli.engine.kinds.rate import scale

        # One slot past the most: an answers file that gives a fourth goal is told why.
        for n in range(1, rules.MAX_OPEN + 2):
            first = f"{step.id}.{n}.behaviour"
            if n > 1 and _value(engine, step.id, n - 1, "behaviour") in (None, NONE):
                return  # the goal before was not set: that was the last
            if n > _room(engine) and first not in engine.ahead:
                return  # no room beside the open goals (a file that gives one is told why)
            taken = {g.behaviour_id for g in engine.goals} | set(_chosen(engine, step.id, n))
            choices = tuple(
                Choice(b.id, f"{b.number}. {b.title}")
                for b in engine.rubric.behaviours
                if b.id not in taken
            )
            last = "No goal for now" if n == 1 else "That's all"
            yield Question(
                id=first,
                ask="select",
                kind="set_goals",
                message=(step.question or "") if n == 1 else ANOTHER,
                help=step.help,
                choices=(*choices, Choice(NONE, last)),
                default=None if n == 1 else NONE,
                optional=True,
                role=step.role,
            )
            behaviour_id = _value(engine, step.id, n, "behaviour")
            behaviour = engine.rubric.find(str(behaviour_id)) if behaviour_id else None
            if behaviour is None and behaviour_id != _REFUSED:
                return
            about = behaviour.id if behaviour else None
            start = _baseline(engine, about) if about else None
            now = f" (you are at {start} {engine.rubric.label(start)})" if start else ""
            title = behaviour.title if behaviour else "This goal"
            part = partial(Question, kind="set_goals", behaviour_id=about, role=step.role)
            yield part(
                id=f"{step.id}.{n}.target",
                ask="select",
                message=f"{title}: the level to reach{now}?",
                choices=scale(engine.rubric),
                default=min(start + 1, 5) if start else 3,
            )
            yield part(
                id=f"{step.id}.{n}.by",
                ask="text",
                message="By when? (YYYY-MM-DD, or weeks from today, like 12w)",
                default=DEFAULT_BY,
                check=_checker(partial(rules.parse_due, today=engine.today)),
            )
            yield part(
                id=f"{step.id}.{n}.success",
                ask="text",
                message="What will success look like, in words people could see?",
                check=_checker(rules.check_success),
            )

    def take(
        self, question: Question, value: AnswerValue, private: bool | None, engine: Engine
    ) -> tuple[AnswerValue, bool]:
        """The parts as a goal keeps them: the day itself (`12w` counted from today), the
        success words on one line. Goals are shared in a shared report: never private."""
        from belonging_cli import goals as rules

        part = _slot(question.id)[2]
        try:
            if part == "by" and isinstance(value, str):
                return rules.parse_due(value, engine.today).isoformat(), False
            if part == "success" and isinstance(value, str):
                return rules.check_success(value), False
        except ValueError:
            pass  # checked where it was given; completing says so if it still fails
        return value, False

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        from belonging_cli import goals as rules

        step_id, n, part = _slot(question.id)
        if part == "behaviour":
            if raw is None or raw == NONE:
                return NONE
            if isinstance(raw, bool) or not isinstance(raw, (str, int)):
                raise ValueError("expected a behaviour's id (or its number), or none")
            found = engine.rubric.find(str(raw).strip())
            if found is None:
                ids = ", ".join(engine.rubric.ids())
                raise ValueError(f"no behaviour {raw!r}: use its id or number (one of: {ids})")
            refused = _refused(engine, step_id, n, found.id)
            if refused:
                raise ValueError(refused)
            return found.id
        if part == "target":
            if isinstance(raw, bool) or not isinstance(raw, (int, str)):
                raise ValueError("expected a level, a whole number from 1 to 5")
            try:
                return rules.check_target(int(str(raw).strip()))
            except ValueError:
                raise ValueError(f"the target level is 1 to 5, not {raw!r}") from None
        if part == "by":
            day = raw.isoformat() if isinstance(raw, dt.date) else text_value(raw)
            return rules.parse_due(day, engine.today).isoformat()
        return rules.check_success(text_value(raw))

    def fallback(self, question: Question) -> AnswerValue:
        part = _slot(question.id)[2]
        stand_in: dict[str, AnswerValue] = {"behaviour": _REFUSED, "target": 3, "by": DEFAULT_BY}
        return stand_in.get(part, "-")

    def allowed(self, question: Question) -> str:
        part = _slot(question.id)[2]
        return {
            "behaviour": f"a behaviour id (or its number), or {NONE}; then give its "
            + ", ".join(f"{question.id.rsplit('.', 1)[0]}.{p}" for p in PARTS[1:]),
            "target": "a level from 1 to 5",
            "by": "a date after today (YYYY-MM-DD), or weeks from today, like 12w",
            "success": "what success looks like, in one line",
        }[part]

    def template_value(self, question: Question) -> AnswerValue:
        return NONE if question.id.endswith(".behaviour") else self.fallback(question)

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        """One line a goal, under the success words: `Protect time to 4 by 2027-03-01: ...`."""
        step_id, n, part = _slot(question.id)
        if part != "success":
            return None
        behaviour = engine.rubric.find(str(_value(engine, step_id, n, "behaviour")))
        title = behaviour.title if behaviour else "?"
        target, by = _value(engine, step_id, n, "target"), _value(engine, step_id, n, "by")
        return f"  {title} to {target} by {by}: {given.value}"

    def describe(self, step: Step) -> list[str]:
        return [
            "asks up to three goals (behaviour, the level to reach, by when, what success "
            "looks like; each optional), opened as goals when the session is saved"
        ]

    def rated(self, step: Step, engine: Engine) -> list[str]:
        return []


def new_goals(engine: Engine, at: dt.datetime) -> tuple[tuple[Goal, str], ...]:
    """The goals the session's `set_goals` steps set, each with its behaviour's title, as
    `belonging goals add` would make them (goals.new_goal); a part that no longer holds
    (a date now past, on a draft finished later) is a BelongingError: nothing is saved."""
    from belonging_cli import goals as rules

    made: list[tuple[Goal, str]] = []
    for step in engine.flow.steps:
        if step.kind != "set_goals":
            continue
        for n in range(1, rules.MAX_OPEN + 1):
            behaviour = engine.rubric.find(str(_value(engine, step.id, n, "behaviour")))
            parts = [_value(engine, step.id, n, p) for p in PARTS[1:]]
            if behaviour is None or None in parts:
                break
            target, by, success = parts
            # A microsecond apart: listed in the order given (goals are ordered as set).
            set_at = at + dt.timedelta(microseconds=len(made))
            try:
                due = rules.parse_due(str(by), at.date())
                goal = rules.new_goal(behaviour.id, int(str(target)), due, str(success), set_at)
            except ValueError as exc:
                raise BelongingError(
                    f"goal {n} ({behaviour.title}): {exc}",
                    hint="`belonging reflect` resumes the reflection: change it at the screen "
                    "before saving",
                ) from None
            made.append((goal, behaviour.title))
    return tuple(made)
