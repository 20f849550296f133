"""`experiment`: next week's experiment, one of the rubric's or the person's own.

The rubric's words are shared; one tried again (offered after a review of it) is as
private as before; the person's own words are free text, private as they choose.
The experiment itself is made when the session completes (`new_experiment`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from belonging_cli.clock import next_week
from belonging_cli.engine.kinds.base import (
    Base,
    Given,
    Saved,
    answer_record,
    behaviour_line,
    bounded,
    privacy_hint,
)
from belonging_cli.engine.kinds.review import targets
from belonging_cli.engine.privacy import typed_privacy
from belonging_cli.engine.questions import OWN_CHOICE, Choice, Question
from belonging_cli.records import AnswerValue, Experiment

if TYPE_CHECKING:
    import datetime as dt

    from belonging_cli.content.flows import Step
    from belonging_cli.content.rubrics import Behaviour
    from belonging_cli.engine.session import Engine


def behaviour_of(step: Step, engine: Engine) -> Behaviour | None:
    if step.behaviour in (None, "focus"):
        return engine.focus_behaviour()
    return engine.rubric.find(step.behaviour or "")


def new_experiment(
    engine: Engine, session_id: str, now: dt.datetime, new_id: str
) -> Experiment | None:
    """The experiment the session sets, if it has an experiment step answered."""
    for step in engine.flow.steps:
        given = engine.given.get(step.id)
        if step.kind != "experiment" or given is None or not isinstance(given.value, str):
            continue
        behaviour = behaviour_of(step, engine)
        if behaviour is None or not given.value.strip():
            continue
        picked = next((e for e in behaviour.experiments if e.title == given.value), None)
        return Experiment(
            id=new_id,
            behaviour_id=behaviour.id,
            title=given.value,
            week=next_week(engine.week),
            created_at=now,
            created_session_id=session_id,
            rubric_experiment_id=picked.id if picked else None,
            minutes=picked.minutes if picked else None,
            signal=" ".join(picked.signal.split()) if picked else None,
            private=given.private,
        )
    return None


def _to_try_again(engine: Engine, behaviour: Behaviour) -> list[str]:
    """This behaviour's experiments reviewed now as only partly tried, or not tried."""
    titles = []
    for prefix, experiment in targets(engine):
        given = engine.given.get(prefix)
        if (
            given is not None
            and given.value in ("partly", "not_tried")
            and experiment.behaviour_id == behaviour.id
            and experiment.title not in titles
        ):
            titles.append(experiment.title)
    return titles


class ExperimentKind(Base):
    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        behaviour = behaviour_of(step, engine)
        if behaviour is None:
            return
        again = _to_try_again(engine, behaviour)
        choices = [Choice(title, f"Again: {title}") for title in again]
        choices += [Choice(e.id, f"{e.title} ({e.minutes} min)") for e in behaviour.experiments]
        choices.append(Choice(OWN_CHOICE, "Something of my own"))
        details = tuple(f"{e.title}: {' '.join(e.practice.split())}" for e in behaviour.experiments)
        yield Question(
            id=step.id,
            ask="experiment",
            kind="experiment",
            message=step.question or "What will you try next week?",
            help=step.help,
            details=details,
            choices=tuple(choices),
            default=engine.history.fresh_experiment(behaviour).id,
            private=engine.private(step),  # for an experiment of the person's own
            behaviour_id=behaviour.id,
            role=step.role,
        )

    def take(
        self, question: Question, value: AnswerValue, private: bool | None, engine: Engine
    ) -> tuple[AnswerValue, bool]:
        """The experiment's title, and whether it is private."""
        behaviour = engine.rubric.find(question.behaviour_id or "")
        if behaviour is not None and isinstance(value, str):
            found = behaviour.experiment(value)
            if found is not None:
                return found.title, False
        if value in question.choice_values():  # "Again: ..."
            again = (e for _, e in targets(engine) if e.title == value)
            return value, any(e.private for e in again)
        return typed_privacy(value, private, question.private)

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        return Saved(answer=answer_record(question, given, private=given.private))

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        if not isinstance(raw, str) or not raw.strip() or raw.strip() == OWN_CHOICE:
            raise ValueError(
                "expected one of the experiment ids listed, or your own experiment in a sentence"
            )
        return bounded(raw.strip())

    def fallback(self, question: Question) -> AnswerValue:
        return question.default if question.default is not None else "-"

    def allowed(self, question: Question) -> str:
        ids = [str(v) for v in question.choice_values() if v != OWN_CHOICE]
        own = f"your own in a sentence {privacy_hint(question)}"
        return "an experiment id (" + ", ".join(ids) + ") or " + own

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        return f"Next week's experiment: {'(private) ' if given.private else ''}{given.value}"

    def describe(self, step: Step) -> list[str]:
        return behaviour_line(step)
