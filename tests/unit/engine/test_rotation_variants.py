"""Nothing repeats by accident: the weekly asks one lens a week in turn (control,
influence, environment, people), the control and influence questions rotate through
their variants over their own weeks, and no focus prompt asks what the sitting's
control or influence question asks."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from belonging_cli.clock import iso_week
from belonging_cli.content.flows import Flow
from belonging_cli.content.rubrics import Rubric
from belonging_cli.engine.answers import fallback
from belonging_cli.engine.history import History
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import Engine
from belonging_cli.records import AnswerValue, Session
from support.packaged import packaged_flow, packaged_rubric

T0 = dt.datetime(2026, 6, 1, 16, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def rubric() -> Rubric:
    return packaged_rubric()


@pytest.fixture
def flows() -> dict[str, Flow]:
    return {f: packaged_flow(f) for f in ("weekly", "deep-dive")}


def engine_for(flow: Flow, rubric: Rubric, sessions: list[Session], at: dt.datetime) -> Engine:
    return Engine(flow, rubric, History(sessions=tuple(sessions)), iso_week(at.date()), at.date())


def sit(engine: Engine, answers: dict[str, AnswerValue], at: dt.datetime) -> list[Question]:
    asked = []
    while (q := engine.next_question()) is not None:
        asked.append(q)
        engine.answer(q, answers.get(q.id, fallback(q)), at)
    return asked


def weeks(flow: Flow, rubric: Rubric, count: int, focus: str = "navigate-paradox") -> list[Session]:
    sessions: list[Session] = []
    for week in range(count):
        at = T0 + dt.timedelta(weeks=week)
        engine = engine_for(flow, rubric, sessions, at)
        sit(engine, {"focus": focus}, at)
        draft = Session(f"s{week}", flow.id, "belonging-core", "1", at, engine.week)
        sessions.append(engine.completed(draft, at))
    return sessions


LENSES = ("control", "influence", "environment", "people")


def asked_in(session: Session, step_id: str) -> tuple[str | None, str | None] | None:
    answer = next((a for a in session.answers if a.step_id == step_id), None)
    return None if answer is None else (answer.prompt_id, answer.question)


def lenses(session: Session) -> list[str]:
    return [a.step_id for a in session.answers if a.step_id in LENSES]


def test_one_lens_a_week_in_turn(rubric: Rubric, flows: dict[str, Flow]) -> None:
    sessions = weeks(flows["weekly"], rubric, 8)
    assert [lenses(s) for s in sessions] == [[lens] for lens in LENSES * 2]


@pytest.mark.parametrize("step_id", ["control", "influence"])
def test_a_question_does_not_repeat_within_four_of_its_weeks(
    rubric: Rubric, flows: dict[str, Flow], step_id: str
) -> None:
    sessions = weeks(flows["weekly"], rubric, 4 * 8)  # eight weeks of each lens
    asked = [found for s in sessions if (found := asked_in(s, step_id)) is not None]
    assert len(asked) == 8
    for i in range(len(asked)):
        window = asked[max(0, i - 4) : i + 1]  # this time and the four before it
        assert len(set(window)) == len(window), f"time {i} repeats one of {window[:-1]}"
    step = flows["weekly"].step(step_id)
    assert step is not None
    # Every wording comes up, the step's own question first, and each is saved as asked.
    wordings = {w.id: " ".join(w.question.split()) for w in step.wordings()}
    assert asked[0][0] == step_id
    assert {p for p, _ in asked} == set(wordings)
    assert all(wordings[p or ""] == q for p, q in asked)


def test_the_choice_is_the_same_for_the_same_history(
    rubric: Rubric, flows: dict[str, Flow]
) -> None:
    sessions = weeks(flows["weekly"], rubric, 3)
    at = T0 + dt.timedelta(weeks=3)
    shown = [
        [
            (q.id, q.prompt_id, q.message)
            for q in engine_for(flows["weekly"], rubric, sessions, at).questions()
            if q.id in LENSES
        ]
        for _ in range(2)
    ]
    assert shown[0] == shown[1] and [q for q, _, _ in shown[0]] == ["people"]


def test_answers_from_before_variants_count_as_the_steps_own_question(
    rubric: Rubric, flows: dict[str, Flow]
) -> None:
    sessions = weeks(flows["weekly"], rubric, 4)  # control's turn comes back next
    # An older journal: the control answer names no prompt (the step had one wording).
    old = sessions[0]
    answers = tuple(
        dataclasses.replace(a, prompt_id=None) if a.step_id == "control" else a for a in old.answers
    )
    at = T0 + dt.timedelta(weeks=4)
    history = [dataclasses.replace(old, answers=answers), *sessions[1:]]
    engine = engine_for(flows["weekly"], rubric, history, at)
    control = next(q for q in engine.questions() if q.id == "control")
    assert control.prompt_id != "control"


def test_a_pinned_variant_is_asked_and_an_unknown_one_is_not(
    rubric: Rubric, flows: dict[str, Flow]
) -> None:
    engine = engine_for(flows["weekly"], rubric, [], T0)  # a first week: control
    engine.pinned_prompts["control"] = "control.checked"
    found = {q.id: q.prompt_id for q in engine.questions() if q.id in LENSES}
    assert found == {"control": "control.checked"}
    at = T0 + dt.timedelta(weeks=1)  # a second week: influence
    engine = engine_for(flows["weekly"], rubric, weeks(flows["weekly"], rubric, 1), at)
    engine.pinned_prompts["influence"] = "influence.no-such-wording"
    found = {q.id: q.prompt_id for q in engine.questions() if q.id in LENSES}
    assert found == {"influence": "influence"}


def test_a_resumed_draft_asks_the_variant_it_was_answering(
    rubric: Rubric, flows: dict[str, Flow]
) -> None:
    sessions = weeks(flows["weekly"], rubric, 4)
    at = T0 + dt.timedelta(weeks=4)  # control's turn again, at a variant
    engine = engine_for(flows["weekly"], rubric, sessions, at)
    sit(engine, {"focus": "protect-time"}, at)
    draft = engine.completed(Session("d", "weekly", "belonging-core", "1", at, engine.week), at)
    # The journal moved on meanwhile (another sitting saved, so the lens's turn moved
    # on too): the draft's lens and its wording stay.
    later = engine_for(flows["weekly"], rubric, [*sessions, draft], at)
    later.restore(draft)
    before = {a.step_id: a.prompt_id for a in draft.answers}
    after = {q.id: q.prompt_id for q in later.questions() if q.id in LENSES}
    assert after == {"control": before["control"]} and before["control"] != "control"


def test_no_focus_prompt_asks_what_the_control_question_asks(
    rubric: Rubric, flows: dict[str, Flow]
) -> None:
    paradox = rubric.get("navigate-paradox")
    # The weekly's roles: since 2.0 no balance question, so a prompt that asks the
    # balance in other words is a focus prompt like any other.
    roles = {step.role for step in flows["weekly"].steps if step.role}
    assert {"control", "influence"} <= roles and "balance" not in roles
    marked = {p.id for p in paradox.prompts if roles.intersection(p.asks)}
    assert marked == {"navigate-paradox.authority-used"}
    # Weeks of weekly reflections on the behaviour whose prompts ask about control: a
    # week of any lens never asks them (the control or influence lens comes in turn).
    sessions = weeks(flows["weekly"], rubric, len(paradox.prompts))  # one prompt a week
    asked = {a.prompt_id for s in sessions for a in s.answers if a.step_id.startswith("reflect.")}
    assert asked and not asked & marked
    assert "navigate-paradox.direct-or-let-go" in asked
    assert len(asked) == len(paradox.prompts) - len(marked)  # the rest all came up
    # A flow that asks no control question (the deep dive) still asks them.
    deep = weeks(flows["deep-dive"], rubric, 2)
    asked = {a.prompt_id for s in deep for a in s.answers if a.step_id.startswith("reflect.")}
    assert marked & asked


def test_a_prompt_says_which_of_the_flows_roles_it_asks(rubric: Rubric) -> None:
    found = {p.id: p.asks for b in rubric.behaviours for p in b.prompts if p.asks}
    assert found["navigate-paradox.authority-used"] == ("control", "influence")
    assert all(set(roles) <= {"control", "influence", "balance"} for roles in found.values())
