"""The counterfeits and look-fors of rubric 2.0 in a flow (issue 15): the `traps`
and `lookfor` kinds offer the focus behaviour's own lists, keep the words picked,
take an answers file's numbers or words, and refuse anything else."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from belonging_cli.content.flows import Flow, load_flows
from belonging_cli.content.rubrics import Rubric, load_rubric
from belonging_cli.engine.history import History
from belonging_cli.engine.kinds import unit
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import Engine
from support import places

DAY = dt.date(2026, 11, 3)
AT = dt.datetime(2026, 11, 3, 9, tzinfo=dt.timezone.utc)
BAD = yaml.safe_load((places.REPO / "tests/hostile/flows2/trap_answers.yaml").read_text())


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_rubric()


@pytest.fixture(scope="module")
def deep() -> Flow:
    return load_flows().get("deep-dive")


def _asked(engine: Engine, stop: str) -> Question:
    while (q := engine.next_question()) is not None and q.id != stop:
        engine.answer(q, "protect-time" if q.kind == "focus" else unit(q.kind).fallback(q), AT)
    assert q is not None, f"{stop} was never asked"
    return q


def _engine(deep: Flow, rubric: Rubric) -> Engine:
    return Engine(deep, rubric, History(), "2026-W45", DAY, focus_preset="protect-time")


def _words(text: str) -> str:
    return " ".join(text.split())


def test_traps_offer_the_focus_behaviours_control_traps_and_keep_the_words_ticked(
    deep: Flow, rubric: Rubric
) -> None:
    engine = _engine(deep, rubric)
    traps = _asked(engine, "traps")
    behaviour = rubric.get("protect-time")
    assert [c.title for c in traps.choices] == [_words(t) for t in behaviour.control_traps]
    assert traps.ask == "checkbox" and traps.optional
    picked = [str(traps.choices[1].value)]
    engine.answer(traps, picked, AT)
    answers, _ = engine.records()
    saved = next(a for a in answers if a.step_id == "traps")
    assert saved.value == [_words(behaviour.control_traps[1])]
    assert saved.behaviour_id == "protect-time" and saved.kind == "traps"
    assert "Counterfeits caught: 1 of" in "\n".join(engine.summary())


def test_a_lookfor_offers_the_look_fors_and_none_this_week(deep: Flow, rubric: Rubric) -> None:
    engine = _engine(deep, rubric)
    lookfor = _asked(engine, "lookfor")
    behaviour = rubric.get("protect-time")
    titles = [c.title for c in lookfor.choices]
    assert titles == [*(_words(t) for t in behaviour.look_fors), "None this week"]
    engine.answer(lookfor, lookfor.choices[-1].value, AT)
    answers, _ = engine.records()
    assert next(a for a in answers if a.step_id == "lookfor").value is None


def test_an_answers_file_names_a_trap_or_look_for_by_number_or_words(
    deep: Flow, rubric: Rubric
) -> None:
    engine = _engine(deep, rubric)
    traps = _asked(engine, "traps")
    first, second = traps.choices[0].value, traps.choices[1].value
    coerce = unit("traps").coerce
    assert coerce(traps, [2, f"  {first}  "], engine) == [second, first]
    assert coerce(traps, None, engine) == []
    assert coerce(traps, "1", engine) == [first]
    engine.answer(traps, [], AT)
    lookfor = _asked(engine, "lookfor")
    assert unit("lookfor").coerce(lookfor, 1, engine) == lookfor.choices[0].value
    assert unit("lookfor").coerce(lookfor, "none", engine) is None


@pytest.mark.parametrize("raw", BAD, ids=repr)
@pytest.mark.parametrize("kind", ["traps", "lookfor"])
def test_anything_else_is_refused_with_a_reason(
    deep: Flow, rubric: Rubric, kind: str, raw: Any
) -> None:
    engine = _engine(deep, rubric)
    question = _asked(engine, kind)
    with pytest.raises(ValueError, match=r".+"):
        unit(question.kind).coerce(question, raw if kind == "traps" else _one(raw), engine)


def _one(raw: Any) -> Any:
    return raw[0] if isinstance(raw, list) else raw


def test_traps_and_lookfor_need_a_focus_or_a_named_behaviour() -> None:
    with pytest.raises(ValueError, match="put a focus step before it"):
        Flow.model_validate(
            {
                "id": "t",
                "title": "T",
                "description": "d",
                "minutes": 5,
                "steps": [{"id": "traps", "kind": "traps"}],
            }
        )
    named = {"id": "traps", "kind": "lookfor", "behaviour": "protect-time"}
    flow = Flow.model_validate(
        {"id": "t", "title": "T", "description": "d", "minutes": 5, "steps": [named]}
    )
    assert flow.steps[0].behaviour == "protect-time"
