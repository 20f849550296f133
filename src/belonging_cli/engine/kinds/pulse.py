"""`pulse`: every behaviour of the rubric rated 1-5, ids `<step>.<behaviour>`.

Its questions are ratings (kind `rate`), answered as a `rate` step's are.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from belonging_cli.engine.kinds.base import Base
from belonging_cli.engine.kinds.rate import rate_questions
from belonging_cli.engine.questions import Question

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.engine.session import Engine


class Pulse(Base):
    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        for n, behaviour in enumerate(engine.rubric.behaviours):
            qid = f"{step.id}.{behaviour.id}"
            yield from rate_questions(engine, step, qid, behaviour, numbered=True, with_help=n == 0)

    def describe(self, step: Step) -> list[str]:
        return ["rate every behaviour 1-5 (Enter keeps last time's rating)"]

    def rated(self, step: Step, engine: Engine) -> list[str]:
        return [b.id for b in engine.rubric.behaviours]

    def rating_id(self, step: Step, behaviour_id: str, engine: Engine) -> str | None:
        return f"{step.id}.{behaviour_id}"
