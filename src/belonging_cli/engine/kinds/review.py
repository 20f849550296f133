"""`review`: each open experiment due: tried? what happened? what did you learn?

Review answers are filed under `review`, `review.2`... whatever the step's id, and
its notes under `review.happened`, `review.2.learned`... The experiments themselves
change only when the session completes (`reviewed`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from belonging_cli.engine.kinds.base import Base, Given, Saved, answer_record, one_of
from belonging_cli.engine.kinds.plan import plan_of
from belonging_cli.engine.questions import Choice, Question
from belonging_cli.records import AnswerValue, Experiment, ExperimentOutcome

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.engine.session import Engine

OUTCOMES: dict[ExperimentOutcome, str] = {
    "tried": "Yes, I tried it",
    "partly": "Partly",
    "not_tried": "No, not this time",
}
SKIP = "skip"  # the review choice that leaves an experiment open
NOTES = ("happened", "learned")


def targets(engine: Engine) -> list[tuple[str, Experiment]]:
    """The experiments this session reviews, each with its question id prefix."""
    due = engine.history.experiments_to_review(engine.week)
    return [("review" if i == 0 else f"review.{i + 1}", e) for i, e in enumerate(due)]


def reviewed(engine: Engine, session_id: str) -> tuple[Experiment, ...]:
    """The experiments reviewed, closed as answered: to save as the session completes."""
    found = []
    for prefix, experiment in targets(engine):
        given = engine.given.get(prefix)
        outcome = next((o for o in OUTCOMES if given is not None and o == given.value), None)
        if given is None or outcome is None:
            continue
        notes = {part: engine.given.get(f"{prefix}.{part}") for part in NOTES}
        words = {k: n.value if n and isinstance(n.value, str) else None for k, n in notes.items()}
        found.append(
            dataclasses.replace(
                experiment,
                status="dropped" if outcome == "not_tried" else "done",
                outcome=outcome,
                happened=words["happened"],
                learned=words["learned"],
                reviewed_at=given.at,
                reviewed_session_id=session_id,
                # Each note as private as its own answer: the title and outcome stay.
                happened_private=_private(notes["happened"]),
                learned_private=_private(notes["learned"]),
            )
        )
    return tuple(found)


def _private(note: Given | None) -> bool:
    return note is not None and note.private and bool(note.value)


class Review(Base):
    fields = frozenset({"help", "private"})

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        for prefix, experiment in targets(engine):
            behaviour = engine.rubric.find(experiment.behaviour_id)
            about = f" ({behaviour.title})" if behaviour else ""
            details = [f"Your experiment for {experiment.week}: {experiment.title}{about}"]
            # What it asked, as the menu described it (the person's own: just their words).
            chosen = experiment.rubric_experiment_id or ""
            picked = behaviour.experiment(chosen) if behaviour else None
            if picked is not None:
                details.append(" ".join(picked.practice.split()))
            if experiment.signal:
                from belonging_cli.content.rubrics import signal_lines

                details.extend(signal_lines(experiment.signal))
            planned = plan_of(experiment, engine.history.sessions)
            said = planned.line() if planned is not None else None
            if said:  # what was intended: the review asks against it
                details.append(f"Your plan: {said}")
            choices = [Choice(k, v) for k, v in OUTCOMES.items()]
            if step.optional:
                choices.append(Choice(SKIP, "Skip for now (it stays open)"))
            yield Question(
                id=prefix,
                ask="select",
                kind="review",
                message=step.help or "Did you try it?",
                details=tuple(details),
                choices=tuple(choices),
                optional=step.optional,
                behaviour_id=experiment.behaviour_id,
                role=step.role,
            )
            outcome = engine.given.get(prefix)
            if outcome is None or outcome.value is None:
                continue
            happened = _happened(str(outcome.value), bool(experiment.signal))
            for suffix, message in zip(NOTES, (happened, "What did you learn?"), strict=True):
                yield Question(
                    id=f"{prefix}.{suffix}",
                    ask="long_text",
                    kind="long_text",
                    message=message,
                    default="",
                    private=engine.private(step),
                    behaviour_id=experiment.behaviour_id,
                    role=step.role,
                )

    def take(
        self, question: Question, value: AnswerValue, private: bool | None, engine: Engine
    ) -> tuple[AnswerValue, bool]:
        return (None if value == SKIP else value), False

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        return Saved(answer=answer_record(question, given, quoted=_title(question, engine)))

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        return SKIP if raw is None else one_of(question, raw)

    def fallback(self, question: Question) -> AnswerValue:
        return SKIP if question.default is None else question.default

    def template_value(self, question: Question) -> AnswerValue:
        return SKIP

    def template_lines(self, question: Question, value: AnswerValue) -> list[str]:
        # Every outcome asks both notes (`questions`): the template says so for each.
        *most, last = OUTCOMES
        when = f"required with {', '.join(most)} or {last}"
        return [
            *super().template_lines(question, value),
            *(f'  # {question.id}.{note}: ""   # {when}' for note in NOTES),
        ]

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        outcome = next((t for o, t in OUTCOMES.items() if o == given.value), "kept open")
        return f"Experiment {_title(question, engine)!r}: {outcome}"

    def describe(self, step: Step) -> list[str]:
        return ["each open experiment: did you try it, what happened, what did you learn?"]


def _happened(outcome: str, signal: bool) -> str:
    """The after-action question: what happened against what was meant to, one question
    (with its signal on screen, whether the signal showed is the thing to say)."""
    if outcome == "not_tried":
        return "What got in the way?"
    return (
        "Against the signal above, what happened?"
        if signal
        else ("What happened, against what you intended?")
    )


def _title(question: Question, engine: Engine) -> str:
    """The experiment reviewed, in its own words (what reports quote)."""
    target = dict(targets(engine)).get(question.id)
    return target.title if target else question.message
