"""The words a person reads for what the journal stores as ids and numbers.

A rating is kept as 1-5, a focus as a behaviour id, a balance as the scale's point, a
choice (the weekly's wellbeing and levers) as its value; `journal show`, the Markdown
export and the Obsidian notes show the rubric's level label, the behaviour's title, the
flow's label for that point and the choice's label instead. Stdlib
only: the loader (`load_labels`) reads the rubric's cached facts and the flows.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from belonging_cli.records import Answer, Experiment, Session
from belonging_cli.reports.words import OUTCOME_WORDS


class Labels(NamedTuple):
    titles: Mapping[str, str] = {}  # behaviour id -> title
    levels: tuple[str, ...] = ()  # the rubric's labels of levels 1..5
    scales: Mapping[tuple[str, str], tuple[str, ...]] = {}  # (flow id, step id) -> labels
    choices: Mapping[tuple[str, str], Mapping[str, str]] = {}  # ... -> value -> label

    def title(self, behaviour_id: str | None) -> str:
        if behaviour_id is None:
            return "none"
        return self.titles.get(behaviour_id, behaviour_id)

    def rating(self, level: int) -> str:
        """`4/5 Consistent`: the number and the rubric's word for it."""
        word = self.levels[level - 1] if 1 <= level <= len(self.levels) else ""
        return f"{level}/5 {word}".rstrip()

    def answer(self, session: Session, answer: Answer) -> str | list[str] | None:
        """An answer as a person reads it: text as typed, a focus by its title, a scale
        point and a choice by its label; None when it was skipped."""
        value = answer.value
        if value is None or value == "" or value == []:
            return None
        if isinstance(value, bool):
            return "yes" if value else "no"
        if answer.kind == "focus" and isinstance(value, str):
            return self.title(value)
        labels = self.scales.get((session.flow_id, answer.step_id), ())
        if answer.kind == "scale" and isinstance(value, int) and 1 <= value <= len(labels):
            return f"{labels[value - 1]} ({value} of {len(labels)})"
        words = self.choices.get((session.flow_id, answer.step_id), {})
        if isinstance(value, list):
            return [words.get(str(v), str(v)) for v in value]
        return words.get(str(value), str(value))


def outcome(e: Experiment) -> str:
    """What became of an experiment, in the words the review offered."""
    if e.outcome is not None:
        return OUTCOME_WORDS[e.outcome]
    return {"done": "tried", "dropped": "dropped"}.get(e.status, "open")


def load_labels(rubrics: Path, flows: Path) -> Labels:
    """The labels of the rubric and flows in use; what cannot be loaded stays an id
    or a number (older sessions may name behaviours or flows no longer there)."""
    from belonging_cli.errors import BelongingError

    titles: dict[str, str] = {}
    levels: tuple[str, ...] = ()
    try:
        from belonging_cli.reports.rubric_facts import rubric_facts

        facts = rubric_facts(rubrics)
        titles = {b.id: b.title for b in facts.behaviours}
        levels = facts.labels
    except BelongingError:
        pass
    scales: dict[tuple[str, str], tuple[str, ...]] = {}
    choices: dict[tuple[str, str], dict[str, str]] = {}
    try:
        from belonging_cli.content.flows import load_flows

        for flow in load_flows(flows).flows:
            for step in flow.steps:
                if step.kind == "scale" and step.labels:
                    scales[(flow.id, step.id)] = tuple(step.labels)
                if step.choices:
                    choices[(flow.id, step.id)] = {str(c.value): c.title for c in step.choices}
    except BelongingError:
        pass
    return Labels(titles, levels, scales, choices)
