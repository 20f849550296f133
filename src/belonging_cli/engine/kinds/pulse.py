"""`pulse`: the rubric's behaviours rated 1-5 (or "not seen"), ids `<step>.<behaviour>`.

Which ones this week is engine/pulse_plan.py's: the few, or every behaviour. A
rating an answers file gives, or a resumed draft holds, is asked whatever the plan
(a file may pin any `pulse.<behaviour>`). Its questions are ratings (kind `rate`),
answered as a `rate` step's are.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from belonging_cli.engine.kinds.base import Base
from belonging_cli.engine.kinds.rate import rate_questions
from belonging_cli.engine.pulse_plan import PulsePlan, plan_pulse
from belonging_cli.engine.questions import Question

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.engine.session import Engine

RETURNING = "Enter keeps last week's rating."


def pulse_plan(step: Step, engine: Engine) -> PulsePlan:
    """The step's plan, made once a sitting."""
    plan = engine.pulse_plans.get(step.id)
    if plan is None:
        plan = engine.pulse_plans[step.id] = plan_pulse(
            engine.rubric,
            engine.history,
            engine.week,
            engine.pulse,
            planned=step.rates == "planned",
        )
    return plan


class Pulse(Base):
    fields = frozenset({"question", "help", "evidence", "private", "rates"})

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        asked = self.rated(step, engine)
        for n, behaviour in enumerate(b for b in engine.rubric.behaviours if b.id in asked):
            qid = f"{step.id}.{behaviour.id}"
            fresh = n == 0 and (qid, behaviour.id) not in engine.built  # help made once
            yield from rate_questions(
                engine,
                step,
                qid,
                behaviour,
                numbered=True,
                help=_help(step, engine, asked) if fresh else None,
                compact=engine.pulse_text == "compact",
            )

    def describe(self, step: Step) -> list[str]:
        return [
            "rate the few 1-5 (your focus, a coach's exercise, one in rotation), "
            "or every behaviour: in a month's first reflection, at least every four weeks, "
            "or as the `pulse` setting says; any rating can be 'not seen this week'"
        ]

    def rated(self, step: Step, engine: Engine) -> list[str]:
        ids = engine.rubric.ids()
        given = {b for b in ids if any(f"{step.id}.{b}" in i for i in (engine.ahead, engine.given))}
        if len(given) == len(ids):  # a script rating every one (the demo's) needs no plan
            return ids
        planned = set(pulse_plan(step, engine).behaviours)
        return [b for b in ids if b in planned or b in given]

    def rating_id(self, step: Step, behaviour_id: str, engine: Engine) -> str | None:
        return f"{step.id}.{behaviour_id}"


def _help(step: Step, engine: Engine, asked: list[str]) -> str:
    """What is said once at the pulse's start: the step's help, the choice made (when
    one was), and what Enter does (only when there is a last week to keep)."""
    plan = engine.pulse_plans.get(step.id)
    returning = any(engine.history.last_rating(b, before_week=engine.week) for b in asked)
    parts = [step.help or "", plan.line if plan else "", RETURNING if returning else ""]
    return " ".join(part.strip() for part in parts if part.strip())
