"""`reflect`: `count` prompts of the focus behaviour, rotating (ids `<step>.1`...).

The prompts are answered as long text. Which prompts are asked is planned once a
behaviour, so answering one never shifts the others: those already answered (or
pinned by an answers file) first, then fresh ones in rotation. A prompt that asks
what one of the flow's steps asks (its `asks:` names that step's role: the weekly
control question's) is left out, so a sitting never asks the same thing twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from belonging_cli.engine.history import choose_prompts
from belonging_cli.engine.kinds.base import Base
from belonging_cli.engine.questions import Question

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.content.rubrics import Behaviour
    from belonging_cli.engine.session import Engine


class Reflect(Base):
    fields = frozenset({"help", "count", "private"})

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        behaviour = engine.focus_behaviour()
        if behaviour is None:
            return
        for n, prompt_id in enumerate(_planned(engine, step, behaviour), 1):
            prompt = behaviour.prompt(prompt_id)
            text = " ".join((prompt.text if prompt else prompt_id).split())
            yield Question(
                id=f"{step.id}.{n}",
                ask="long_text",
                kind="long_text",
                message=text,
                help=step.help if n == 1 else None,
                default="",
                private=engine.private(step),
                behaviour_id=behaviour.id,
                prompt_id=prompt_id,
                role=step.role,
            )

    def describe(self, step: Step) -> list[str]:
        return [f"{step.count or 3} prompts of the focus behaviour, none repeating"]


def _planned(engine: Engine, step: Step, behaviour: Behaviour) -> list[str]:
    """The prompts this step asks: those already answered, then fresh ones in rotation."""
    count = step.count or 3
    key = f"{step.id}:{behaviour.id}"
    if key not in engine.plans:
        answered: dict[int, str] = {}
        for n in range(1, count + 1):
            given = engine.given.get(f"{step.id}.{n}")
            pinned = engine.pinned_prompts.get(f"{step.id}.{n}")
            if given is not None and given.prompt_id:
                answered[n] = given.prompt_id
            elif pinned and behaviour.prompt(pinned) and pinned not in answered.values():
                answered[n] = pinned
        exclude = [*answered.values(), *_asked_elsewhere(engine, behaviour)]
        fresh = iter(p.id for p in choose_prompts(behaviour, engine.history, count, exclude))
        plan = [answered.get(n) or next(fresh, None) for n in range(1, count + 1)]
        engine.plans[key] = [p for p in plan if p is not None]
    return engine.plans[key]


def _asked_elsewhere(engine: Engine, behaviour: Behaviour) -> list[str]:
    """The behaviour's prompts that ask what a step of this flow asks, by its role."""
    roles = {step.role for step in engine.flow.steps if step.role is not None}
    return [p.id for p in behaviour.prompts if roles.intersection(p.asks)]
