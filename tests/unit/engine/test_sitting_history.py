"""One builder of History: a coach's exercise sees the journal as a reflection does.

Finding B of the architecture review: `exercises do` built its own History
without past experiments, so an exercise's `experiment` question always
suggested the behaviour's first experiment, even the one just tried.
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

import pytest

from belonging_cli import ask
from belonging_cli.clock import next_week
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Experiment
from support.cli import REPO, CliRunner
from support.sessions import NOON, a_session

RUBRIC = load_rubric(REPO / "rubrics")
BEHAVIOUR = RUBRIC.get("prompt-insight")
FIRST, SECOND = (e.id for e in BEHAVIOUR.experiments[:2])

PACK = f"""\
format_version: 1
id: practice
title: Practice
version: "1"
coach: {{name: Sam Rivera}}
exercises:
  - id: try-one
    behaviour: {BEHAVIOUR.id}
    title: Try one thing
    instructions: Pick something small to try.
    cadence: weekly for 2 weeks
    questions:
      - id: plan
        kind: experiment
        question: What will you try?
"""


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)


@pytest.fixture
def just_tried_the_first(cli: CliRunner, tmp_path: Path) -> None:
    """Last week's reflection chose the behaviour's first experiment; a pack is imported."""
    session = dataclasses.replace(a_session(), focus_behaviour_id=BEHAVIOUR.id)
    tried = BEHAVIOUR.experiments[0]
    experiment = Experiment(
        id=str(uuid.uuid4()),
        behaviour_id=BEHAVIOUR.id,
        title=tried.title,
        week=next_week(session.week),
        created_at=NOON,
        created_session_id=session.id,
        rubric_experiment_id=tried.id,
    )
    with open_journal() as journal:
        journal.save_whole_session(session, [experiment])
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    assert cli("exercises", "import", str(pack)).code == 0


@pytest.mark.usefixtures("just_tried_the_first")
def test_an_exercise_suggests_a_fresh_experiment_not_the_one_just_tried(
    cli: CliRunner, tmp_path: Path
) -> None:
    template = cli("exercises", "do", "try-one", "--answers-template")
    assert template.code == 0, template.err
    assert f'plan: "{SECOND}"' in template.out
    assert f'plan: "{FIRST}"' not in template.out
    # The template, answered as printed, saves the suggested experiment.
    path = tmp_path / "exercise.yaml"
    path.write_text(template.out, encoding="utf-8")
    result = cli("exercises", "do", "try-one", "--answers", str(path))
    assert result.code == 0, result.err
    with open_journal() as journal:
        newest = journal.experiments()[-1]
    assert newest.rubric_experiment_id == SECOND


@pytest.mark.usefixtures("just_tried_the_first")
def test_a_reflection_suggests_a_fresh_experiment_too(cli: CliRunner) -> None:
    template = cli("reflect", "--behaviour", BEHAVIOUR.id, "--answers-template")
    assert template.code == 0, template.err
    assert f'next-experiment: "{SECOND}"' in template.out
