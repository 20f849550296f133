"""`experiment`: next week's experiment, one of the rubric's or the person's own.

The menu offers the rubric's experiments not tried in the last eight weeks; one entry,
"Again: one you tried before...", opens those tried (ask.py), so nothing is listed
twice. The rubric's words are shared; one of the person's own tried again is as
private as before; their new words are free text, private as they choose.
The experiment itself is made when the session completes (`new_experiment`).

A week has one next experiment: a later reflection of the same week (the weekly,
then a quick week or `--again`) sets it in place of the one an earlier one set, still
open (`set_earlier_this_week`: the same record, so status, the report and next week's
review see one). Last week's, a deep dive's and a coach's exercise's stay as they are.
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
from belonging_cli.engine.kinds.plan import questions as plan_questions
from belonging_cli.engine.kinds.review import targets
from belonging_cli.engine.privacy import typed_privacy
from belonging_cli.engine.questions import AGAIN_CHOICE, OWN_CHOICE, Choice, Question
from belonging_cli.records import AnswerValue, Experiment

if TYPE_CHECKING:
    import datetime as dt

    from belonging_cli.content.flows import Step
    from belonging_cli.content.rubrics import Behaviour
    from belonging_cli.content.rubrics import Experiment as RubricExperiment
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
        picked = _from_rubric(behaviour, given.value)
        return Experiment(
            id=new_id,
            behaviour_id=behaviour.id,
            title=given.value,
            week=next_week(engine.week),
            created_at=now,
            created_session_id=session_id,
            rubric_experiment_id=picked.id if picked else None,
            minutes=picked.minutes if picked else None,
            signal=picked.signal_text() if picked else None,
            private=given.private,
        )
    return None


def set_earlier_this_week(engine: Engine) -> Experiment | None:
    """The open experiment for next week that an earlier reflection of this week set,
    when this sitting is the week's reflection too (the latest such, if a journal from
    before this rule holds several)."""
    flows = engine.week_flows
    if engine.flow.id not in flows:
        return None
    earlier = {
        s.id
        for s in engine.history.sessions
        if s.week == engine.week and s.flow_id in flows and s.assignment_id is None
    }
    target = next_week(engine.week)
    found = [
        e
        for e in engine.history.open_experiments
        if e.week == target and e.created_session_id in earlier
    ]
    return max(found, key=lambda e: e.created_at, default=None)


def _to_try_again(engine: Engine, behaviour: Behaviour) -> list[Experiment]:
    """This behaviour's experiments reviewed now as only partly tried, or not tried."""
    found = []
    for prefix, experiment in targets(engine):
        given = engine.given.get(prefix)
        if (
            given is not None
            and given.value in ("partly", "not_tried")
            and experiment.behaviour_id == behaviour.id
        ):
            found.append(experiment)
    return found


def _entry(experiment: RubricExperiment) -> Choice:
    return Choice(experiment.id, f"{experiment.title} ({experiment.minutes} min)")


def menu(engine: Engine, behaviour: Behaviour) -> tuple[list[RubricExperiment], list[Choice]]:
    """The rubric's experiments not tried lately (the menu), and those tried before
    (behind "Again: ..."): first any reviewed now as partly or not tried, then the
    newest. Each once, by its rubric id (the person's own by their words)."""
    tried = [
        *_to_try_again(engine, behaviour),
        *engine.history.tried_lately(behaviour, engine.week),
    ]
    picked = [_from_rubric(behaviour, e.rubric_experiment_id or e.title) for e in tried]
    fresh = [e for e in behaviour.experiments if e not in picked]
    again: dict[str, Choice] = {}
    for experiment, rubric_one in zip(tried, picked, strict=True):
        entry = _entry(rubric_one) if rubric_one else Choice(experiment.title, experiment.title)
        again.setdefault(str(entry.value), entry)
    return fresh, list(again.values())


def _from_rubric(behaviour: Behaviour, id_or_title: str) -> RubricExperiment | None:
    """The rubric's experiment an answer or a record names, by its id or its title."""
    found = behaviour.experiment(id_or_title)
    return found or next((e for e in behaviour.experiments if e.title == id_or_title), None)


class ExperimentKind(Base):
    # private: one of the person's own; plan: when, with whom, how sure (kinds/plan.py)
    fields = frozenset({"question", "help", "behaviour", "private", "plan"})

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        behaviour = behaviour_of(step, engine)
        if behaviour is None:
            return
        fresh, again = menu(engine, behaviour)
        choices = [_entry(e) for e in fresh]
        if again:
            choices.append(Choice(AGAIN_CHOICE, f"Again: one you tried before ({len(again)})..."))
        choices.append(Choice(OWN_CHOICE, "Something of my own"))
        details = tuple(f"{e.title}: {' '.join(e.practice.split())}" for e in fresh)
        yield Question(
            id=step.id,
            ask="experiment",
            kind="experiment",
            message=step.question or "What will you try next week?",
            help=step.help,
            details=details,
            choices=tuple(choices),
            again=tuple(again),
            default=engine.history.fresh_experiment(behaviour).id,
            private=engine.private(step),  # for an experiment of the person's own
            behaviour_id=behaviour.id,
            role=step.role,
        )
        chosen = engine.given.get(step.id)
        if step.plan and chosen is not None and isinstance(chosen.value, str) and chosen.value:
            yield from plan_questions(step, behaviour.id)

    def take(
        self, question: Question, value: AnswerValue, private: bool | None, engine: Engine
    ) -> tuple[AnswerValue, bool]:
        """The experiment's title, and whether it is private."""
        behaviour_id = question.behaviour_id or ""
        behaviour = engine.rubric.find(behaviour_id)
        if behaviour is not None and isinstance(value, str):
            found = behaviour.experiment(value)
            if found is not None:
                return found.title, False
        if value in [c.value for c in question.again]:  # one of the person's own, again
            again = engine.history.past_experiments
            mine = (e for e in again if e.title == value and e.behaviour_id == behaviour_id)
            return value, any(e.private for e in mine)
        return typed_privacy(value, private, question.private)

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        return Saved(answer=answer_record(question, given, private=given.private))

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        if not isinstance(raw, str) or not raw.strip() or raw.strip() in (OWN_CHOICE, AGAIN_CHOICE):
            raise ValueError(
                "expected one of the experiment ids listed, or your own experiment in a sentence"
            )
        return bounded(raw.strip())

    def fallback(self, question: Question) -> AnswerValue:
        return question.default if question.default is not None else "-"

    def allowed(self, question: Question) -> str:
        ids = [str(v) for v in question.choice_values() if v not in (OWN_CHOICE, AGAIN_CHOICE)]
        tried = [str(c.value) for c in question.again]
        listed = [
            f"{what} ({', '.join(found)})"
            for what, found in (("an experiment id", ids), ("one tried lately", tried))
            if found
        ]
        own = f"your own in a sentence {privacy_hint(question)}"
        return " or ".join([", ".join(listed), own] if listed else [own])

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        return f"Next week's experiment: {'(private) ' if given.private else ''}{given.value}"

    def describe(self, step: Step) -> list[str]:
        return behaviour_line(step)
