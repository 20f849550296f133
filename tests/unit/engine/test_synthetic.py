"""The demo's journals are what the product writes (finding C of the review).

`belonging demo`, the benchmarks and many tests build journals with
`synthetic.generate`; they must hold the records `reflect` really saves, or the
reports, the recap and the benchmarks look at data no user has.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from belonging_cli import ask
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.history import History
from belonging_cli.engine.session import Engine
from belonging_cli.journal.store import open_journal
from belonging_cli.records import JournalData, Session
from belonging_cli.synthetic import generate
from support.cli import REPO, CliRunner

RUBRIC = load_rubric(REPO / "rubrics")
FLOWS = load_flows(REPO / "prompts")
# Weeks in the past, so that `reflect --answers` may record them (`date:`).
END = dt.date.today() - dt.timedelta(days=21)


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)


def shape(session: Session) -> tuple[Any, ...]:
    """What a session's records look like, whatever was said in them."""
    return (
        session.flow_id,
        session.status,
        [
            (a.step_id, a.kind, a.role, a.prompt_id is not None, a.behaviour_id)
            for a in session.answers
        ],
        [r.behaviour_id for r in session.ratings],
    )


def as_answers_file(data: JournalData, session: Session) -> dict[str, Any]:
    """The answers file a person would write to say what `session` says."""
    answers: dict[str, Any] = {}
    for a in session.answers:
        if a.kind == "focus" or a.kind == "review" or a.kind in ("scale", "tags", "select"):
            answers[a.step_id] = a.value
        elif a.kind == "experiment":
            created = next(e for e in data.experiments if e.created_session_id == session.id)
            answers[a.step_id] = created.rubric_experiment_id or a.value
        elif a.prompt_id is not None:
            answers[a.step_id] = {"prompt": a.prompt_id, "text": a.value, "private": a.private}
        else:
            answers[a.step_id] = {"text": a.value, "private": a.private}
    for r in session.ratings:
        answers[f"pulse.{r.behaviour_id}"] = r.level
        if r.evidence is not None:
            answers[f"pulse.{r.behaviour_id}.evidence"] = {
                "text": r.evidence,
                "private": r.evidence_private,
            }
    return {"flow": "weekly", "date": session.started_at.date().isoformat(), "answers": answers}


def test_a_demo_week_has_the_shape_of_a_scripted_reflect_week(
    cli: CliRunner, tmp_path: Path
) -> None:
    data = generate(RUBRIC, weeks=2, end=END, seed=5)
    first, second = data.sessions
    assert second.answer("review") is not None  # the second week reviews the first's experiment
    # The first week as the demo wrote it, before the second reviewed its experiment.
    made_first = tuple(
        replace(e, status="open", outcome=None, happened=None, learned=None)
        for e in data.experiments
        if e.created_session_id == first.id
    )
    made_first = tuple(replace(e, reviewed_at=None, reviewed_session_id=None) for e in made_first)
    week_before = JournalData(sessions=(first,), experiments=made_first)
    with open_journal() as journal:  # the first week, as the demo wrote it
        journal.import_data(week_before)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(as_answers_file(data, second)), encoding="utf-8")
    result = cli("reflect", "--answers", str(path))
    assert result.code == 0, result.err
    with open_journal() as journal:
        scripted = journal.session(result.out.strip())
        reviewed = journal.experiments()[0]
    assert shape(scripted) == shape(second)
    kinds = {a.step_id: a.kind for a in second.answers}
    # One lens a week in turn: the first week's control, the second's influence.
    assert "control" in {a.step_id for a in first.answers} and "control" not in kinds
    assert kinds["influence"] == "long_text"
    assert kinds["wellbeing"] == kinds["levers"] == "select"
    assert [s for s in kinds if s.startswith("reflect.")] == ["reflect.1"]
    assert {"review", "review.happened", "review.learned"} <= set(kinds)
    # The review closed the experiment as the demo's did.
    demo_reviewed = data.experiments[0]
    assert (reviewed.status, reviewed.outcome) == (demo_reviewed.status, demo_reviewed.outcome)
    assert reviewed.reviewed_session_id == scripted.id


def test_the_monthly_recap_on_a_demo_journal_counts_the_reviewed_experiments() -> None:
    data = generate(RUBRIC, weeks=12, end=END, seed=7)
    with open_journal() as journal:
        journal.import_data(data)
        history = History.from_journal(journal)
    engine = Engine(FLOWS.get("monthly"), RUBRIC, history, "2026-W01", END)
    recap = engine.next_question()
    assert recap is not None and recap.kind == "recap"
    since = END - dt.timedelta(days=31)
    reviewed = [
        e for e in data.experiments if e.reviewed_at is not None and e.reviewed_at.date() >= since
    ]
    assert len(reviewed) >= 4
    assert f"Experiments reviewed: {len(reviewed)}" in recap.details
    learned = [line for line in recap.details if line.startswith("  ") and ": " in line]
    assert any(e.learned and e.learned in line for e in reviewed for line in learned)


def test_every_demo_session_is_what_the_weekly_flow_asks() -> None:
    data = generate(RUBRIC, weeks=30, end=END, sessions_per_week=2, seed=1)
    flow = FLOWS.get("weekly")
    steps = {s.id: s for s in flow.steps}
    for session in data.sessions:
        ids = [a.step_id for a in session.answers]
        assert len(ids) == len(set(ids))  # no question answered twice
        for answer in session.answers:
            step = steps.get(answer.step_id) or steps[answer.step_id.split(".")[0]]
            if answer.step_id.startswith(f"{step.id}.") and step.kind == "experiment":
                # The experiment's plan: when and with whom (text), how sure (a choice).
                assert answer.kind in ("text", "select") and step.plan
                continue
            assert answer.role == step.role  # what the report reads them by
            assert answer.kind in (step.kind, "long_text")  # a review's notes are long text


def test_the_demo_takes_the_lenses_of_the_week_in_turn_as_reflect_does() -> None:
    data = generate(RUBRIC, weeks=8, end=END, seed=3)
    lenses = ("control", "influence", "environment", "people")
    asked = [[a.step_id for a in s.answers if a.step_id in lenses] for s in data.sessions]
    assert asked == [[lens] for lens in lenses * 2]
