"""An experiment's plan: when and with whom it will be tried, and how sure the person is.

Asked right after an experiment step with `plan: true` chooses one (the weekly's):
an implementation intention ("Tuesday's stand-up, with Sam") makes an experiment far
likelier to happen, and the 0-10 confidence is the coach's scaling question. Both
are answers of the session that chose the experiment (`next-experiment.when`,
`next-experiment.confidence`), so they need no column of their own: next week's
review and the recap read them back from that session (`plan_of`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from belonging_cli.engine.questions import LEAVE_OUT, NOT_SAID, Choice, Question

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.records import Experiment, Session

WHEN = "when"
CONFIDENCE = "confidence"
SURE = {10: "certain", 5: "even odds", 0: "not at all"}


class Plan(NamedTuple):
    when: str | None  # the words, None when not said
    when_private: bool
    confidence: int | None  # 0..10, None when not said

    def line(self, *, private_too: bool = True) -> str | None:
        """`Tuesday's stand-up, with Sam; 7 of 10 sure`, or None when nothing was said."""
        parts = []
        if self.when and (private_too or not self.when_private):
            parts.append(self.when)
        if self.confidence is not None:
            parts.append(f"{self.confidence} of 10 sure")
        return "; ".join(parts) or None


def questions(step: Step, behaviour_id: str) -> Iterator[Question]:
    """The plan's two questions, after the experiment `step` was answered."""
    yield Question(
        id=f"{step.id}.{WHEN}",
        ask="text",
        kind="text",
        message="When and with whom will you try it?",
        help="The moment you will do it: a day, a meeting, a person (like Tuesday's "
        "stand-up, with Sam).",
        default="",
        optional=True,
        private=True,  # it often names a colleague: private unless shared
        behaviour_id=behaviour_id,
    )
    scale = [Choice(n, f"{n} {SURE[n]}" if n in SURE else str(n)) for n in range(10, -1, -1)]
    yield Question(
        id=f"{step.id}.{CONFIDENCE}",
        ask="select",
        kind="select",
        message="How sure are you that you will do it, from 0 to 10?",
        # Nothing preselected: the first line says nothing, so Enter leads nowhere.
        choices=(LEAVE_OUT, *scale),
        default=NOT_SAID,
        optional=True,
        behaviour_id=behaviour_id,
    )


def plan_of(experiment: Experiment, sessions: Iterable[Session]) -> Plan | None:
    """What the session that chose `experiment` said of its plan, if anything."""
    made = next((s for s in sessions if s.id == experiment.created_session_id), None)
    if made is None:
        return None
    when = next((a for a in made.answers if a.step_id.endswith(f".{WHEN}")), None)
    sure = next((a for a in made.answers if a.step_id.endswith(f".{CONFIDENCE}")), None)
    words = when.value.strip() if when is not None and isinstance(when.value, str) else ""
    confidence = sure.value if sure is not None else None
    if not isinstance(confidence, int) or isinstance(confidence, bool):
        confidence = None
    if not words and confidence is None:
        return None
    return Plan(words or None, bool(when and when.private), confidence)
