"""The synthetic journal generator: deterministic, plausible, and storable as is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import LEVERS, generate
from support.packaged import packaged_flow
from support.weekly_answers import LENSES

END = dt.date(2026, 11, 27)
_WELLBEING = packaged_flow("weekly").step("wellbeing")
WELLBEING = [c.value for c in (_WELLBEING.choices or ())] if _WELLBEING else []


def test_same_seed_same_journal_and_another_seed_differs() -> None:
    rubric = load_rubric()
    first = generate(rubric, weeks=20, end=END, seed=3)
    assert first == generate(rubric, weeks=20, end=END, seed=3)
    assert first != generate(rubric, weeks=20, end=END, seed=4)


def test_a_year_of_weekly_reflections_looks_real() -> None:
    rubric = load_rubric()
    data = generate(rubric, weeks=52, end=END)
    sessions = data.sessions
    assert len(sessions) == 52
    assert len({s.week for s in sessions}) == 52
    assert sessions[-1].week == "2026-W48"
    assert all(s.flow_id == "weekly" and s.status == "complete" for s in sessions)
    for s in sessions:
        assert [r.behaviour_id for r in s.ratings] == rubric.ids()
        assert all(1 <= r.level <= 5 for r in s.ratings)
        focus = rubric.get(s.focus_behaviour_id or "")
        for step in ("reflect.1",):
            answer = s.answer(step)
            assert answer is not None and answer.prompt_id is not None
            prompt = focus.prompt(answer.prompt_id)
            assert prompt is not None and answer.question == prompt.text
        # The 2.0 weekly: how you are, a win, the levers, one lens a week, no balance.
        assert s.answer("balance") is None
        wellbeing, levers = s.answer("wellbeing"), s.answer("levers")
        assert wellbeing is not None and wellbeing.value in WELLBEING
        assert levers is not None and levers.value in LEVERS
        assert s.answer("win") is not None
    # The lenses take turns, one a week, in the flow's order.
    asked = [[lens for lens in LENSES if s.answer(lens)] for s in sessions]
    assert asked == [[LENSES[i % len(LENSES)]] for i in range(len(sessions))]
    assert any(a.private for s in sessions for a in s.answers)
    assert any(r.evidence for s in sessions for r in s.ratings)
    assert not any(s.tags for s in sessions)  # the 2.0 weekly asks no tags
    # Every session sets one experiment; all but the last are reviewed by the next one.
    assert len(data.experiments) == 52
    assert [e.status for e in data.experiments][-1] == "open"
    outcomes = {e.outcome for e in data.experiments[:-1]}
    assert outcomes == {"tried", "partly", "not_tried"}
    for e in data.experiments:
        behaviour = rubric.get(e.behaviour_id)
        assert behaviour.experiment(e.rubric_experiment_id or "") is not None
    # Growth: the last quarter rates higher on average than the first.
    first = sum(s.average_rating() or 0 for s in sessions[:13])
    last = sum(s.average_rating() or 0 for s in sessions[-13:])
    assert last > first


def test_a_generated_journal_stores_and_reads_back_unchanged(tmp_path: Path) -> None:
    data = generate(load_rubric(), weeks=30, end=END, sessions_per_week=2)
    with open_journal(tmp_path / "j.db") as journal:
        counts = journal.import_data(data)
        assert (counts.sessions, counts.experiments) == (60, 60)
        assert journal.load_all() == data
