"""A step kind is one unit, found through the registry (engine/kinds/).

The registry covers every kind a flow may name, and nothing else; every question the
packaged flows ask has a unit to answer it; an answer becomes its records once, so
what completes a session is exactly what the draft held.
"""

from __future__ import annotations

import datetime as dt
from typing import get_args

import pytest

from belonging_cli.clock import iso_week
from belonging_cli.content.flows import Flow, Step, load_flows
from belonging_cli.content.packs import EXERCISE_KINDS
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine import kinds
from belonging_cli.engine.history import History
from belonging_cli.engine.session import Engine
from belonging_cli.records import Session, StepKind

AT = dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.timezone.utc)
DAY = AT.date()

# Free text ending in words that look like privacy markers: only the last one is a marker.
MARKED_TEXTS = [
    "tag them #share #private",
    "notes on #private #share",
    "#private",
    "ask why #PRIVATE  ",
    "plain words",
]


def test_the_registry_covers_exactly_the_step_kinds() -> None:
    assert set(kinds.KINDS) == set(get_args(StepKind))
    # Each kind names the step fields it uses, in its own module: real fields only.
    for name, kind in kinds.KINDS.items():
        assert kind.fields <= set(Step.model_fields), name
    assert set(EXERCISE_KINDS) <= set(kinds.KINDS)


def _engine(flow: Flow) -> Engine:
    return Engine(flow, load_rubric(), History(), iso_week(DAY), DAY)


@pytest.mark.parametrize("flow_id", ["weekly", "monthly", "deep-dive", "five-concepts", "mirror"])
def test_every_question_of_the_packaged_flows_has_a_unit(flow_id: str) -> None:
    engine = _engine(load_flows().get(flow_id))
    while (question := engine.next_question()) is not None:
        kind = kinds.unit(question.kind)
        engine.answer(question, kind.fallback(question), AT)
        assert isinstance(kind.allowed(question), str)


@pytest.mark.parametrize("text", MARKED_TEXTS)
def test_a_completed_session_keeps_each_answer_as_it_was_taken(text: str) -> None:
    flow = load_flows().get("weekly")
    engine = _engine(flow)
    saved = {}
    while (question := engine.next_question()) is not None:
        words = question.is_text and question.kind != "tags"
        value = text if words else kinds.unit(question.kind).fallback(question)
        answer = engine.answer(question, value, AT).answer
        if answer is not None:
            saved[answer.step_id] = answer
    draft = Session("s", flow.id, "belonging-core", "1", AT, iso_week(DAY))
    done = engine.completed(draft, AT)
    assert {a.step_id: a for a in done.answers} == saved


def test_flows_show_describes_each_kind_from_its_unit() -> None:
    def step(kind: str, **fields: object) -> Step:
        return Step.model_validate({"id": "s", "kind": kind, **fields})

    assert kinds.describe(step("reflect", count=2)) == [
        "2 prompts of the focus behaviour, none repeating"
    ]
    assert kinds.describe(step("recap")) == [
        "shows the last 31 days: ratings trend and experiments"
    ]
    assert kinds.describe(step("rate", behaviour="protect-time")) == ["behaviour: protect-time"]
    assert kinds.describe(step("rate")) == []
    assert kinds.describe(step("scale", question="How?", labels=["low", "high"])) == [
        "1 low",
        "2 high",
    ]
