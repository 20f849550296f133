"""The step kinds, by name: one unit each (engine/kinds/*.py), found here.

In the style of jrnl's exporters: a kind is one module holding everything about
it (its questions, how it takes an answer, its records, how an answers file gives
it, its template and summary lines, its description), registered by one line in
`KINDS`. The engine, answers files and `flows show` only look kinds up.
docs/architecture.md ("Adding a step kind") shows what adding one takes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from belonging_cli.engine.kinds.base import Base, Given, Kind, Saved
from belonging_cli.engine.kinds.choice import Choice
from belonging_cli.engine.kinds.experiment import ExperimentKind
from belonging_cli.engine.kinds.focus import Focus
from belonging_cli.engine.kinds.goal import Goals
from belonging_cli.engine.kinds.goal_setting import SetGoals
from belonging_cli.engine.kinds.lookfor import LookFor
from belonging_cli.engine.kinds.pulse import Pulse
from belonging_cli.engine.kinds.rate import Evidence, Rate
from belonging_cli.engine.kinds.recap import Recap
from belonging_cli.engine.kinds.reflect import Reflect
from belonging_cli.engine.kinds.review import Review
from belonging_cli.engine.kinds.tags import Tags
from belonging_cli.engine.kinds.text import Text
from belonging_cli.engine.kinds.traps import Traps
from belonging_cli.engine.questions import QuestionKind
from belonging_cli.records import StepKind

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step

__all__ = ["KINDS", "Base", "Given", "Kind", "Saved", "describe", "unit"]

KINDS: dict[StepKind, Kind] = {
    "text": Text("text"),
    "long_text": Text("long_text"),
    "select": Choice("select"),
    "checkbox": Choice("checkbox"),
    "confirm": Choice("confirm"),
    "scale": Choice("scale"),
    "rate": Rate(),
    "pulse": Pulse(),
    "review": Review(),
    "focus": Focus(),
    "reflect": Reflect(),
    "experiment": ExperimentKind(),
    "tags": Tags(),
    "recap": Recap(),
    "traps": Traps(),
    "lookfor": LookFor(),
    "goals": Goals(),
    "set_goals": SetGoals(),
}
# Questions that are not a step of their own (a rating's evidence) have a unit too.
_EVIDENCE: Kind = Evidence()


def unit(kind: QuestionKind) -> Kind:
    """The unit that asks a step of this kind, or answers a question of it."""
    return _EVIDENCE if kind == "evidence" else KINDS[kind]


def describe(step: Step) -> list[str]:
    """What a step does, in a few lines, for `flows show`."""
    return KINDS[step.kind].describe(step)
