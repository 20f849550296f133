"""`belonging exercises do ID --answers FILE`: an exercise answered by a script."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli import ask
from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from support.cli import REPO, CliRunner

PACK = example_pack(load_rubric(REPO / "rubrics"))
EXERCISE = "first-month/ask-dont-tell"


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scripts have no terminal; nothing here may ask."""
    monkeypatch.setattr(ask, "terminal_available", lambda: False)


@pytest.fixture
def imported(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    assert cli("exercises", "import", str(path)).code == 0


def answers_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def nothing_saved() -> None:
    with open_journal() as journal:
        assert journal.sessions(status=None) == []
        waiting = journal.assignment(EXERCISE)
    assert waiting.status == "assigned" and waiting.times_done == 0


GOOD = """\
answers:
  what-happened: |
    They found the answer
    themselves.
  who: {text: Priya, private: false}
  how-hard: somewhat hard
  again: yes
"""


@pytest.mark.usefixtures("imported")
def test_the_template_is_valid_as_printed(cli: CliRunner, tmp_path: Path) -> None:
    template = cli("exercises", "do", "ask-dont-tell", "--answers-template")
    assert template.code == 0, template.err
    assert f"belonging exercises do {EXERCISE} --answers FILE" in template.out
    assert "flow:" not in template.out
    nothing_saved()  # printing a template writes nothing
    result = cli(
        "exercises", "do", "ask-dont-tell", "--answers", str(answers_file(tmp_path, template.out))
    )
    assert result.code == 0, result.err
    assert "Done: Ask before you tell." in result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
        done = journal.assignment(EXERCISE)
    assert result.out.strip() == session.id
    assert done.status == "done" and done.times_done == 1


@pytest.mark.usefixtures("imported")
def test_answers_are_saved_as_a_complete_exercise(cli: CliRunner, tmp_path: Path) -> None:
    result = cli("exercises", "do", EXERCISE, "--answers", str(answers_file(tmp_path, GOOD)))
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert session.flow_id == f"exercise:{EXERCISE}" and session.assignment_id == EXERCISE
    values = {a.step_id: a.value for a in session.answers}
    assert values == {
        "what-happened": "They found the answer\nthemselves.",
        "who": "Priya",
        "how-hard": "somewhat hard",
        "again": True,
    }
    who = session.answer("who")
    assert who is not None and not who.private  # the file flipped the pack's private


@pytest.mark.usefixtures("imported")
def test_every_problem_is_reported_and_nothing_is_saved(cli: CliRunner, tmp_path: Path) -> None:
    path = answers_file(
        tmp_path,
        "flow: weekly\nanswers:\n  how-hard: impossible\n  again: maybe\n  extra: 1\n",
    )
    result = cli("exercises", "do", EXERCISE, "--answers", str(path))
    assert result.code == 1
    lines = result.err.splitlines()
    for expected in (
        f"{path}:1:1: flow: not used for an exercise",
        f"{path}:3:13: answers.how-hard: 'impossible' is not one of: easy, somewhat hard",
        f"{path}:4:10: answers.again: expected true or false",
        f"{path}:3:3: answers: what-happened: required, but missing",
        f"{path}:5:3: answers.extra: not asked in this session",
    ):
        assert any(line.startswith(expected) for line in lines), (expected, result.err)
    nothing_saved()


@pytest.mark.usefixtures("imported")
def test_an_unfinished_attempt_is_replaced_only_when_asked(cli: CliRunner, tmp_path: Path) -> None:
    from belonging_cli.coaching.doing import new_session
    from belonging_cli.records import Answer

    with open_journal() as journal:
        assignment = journal.assignment(EXERCISE)
        draft = new_session(assignment, load_rubric(REPO / "rubrics"), assignment.imported_at)
        journal.create_session(draft)
        journal.save_answer(
            draft.id, Answer("what-happened", "long_text", "Half", assignment.imported_at)
        )
    path = answers_file(tmp_path, GOOD)
    refused = cli("exercises", "do", EXERCISE, "--answers", str(path))
    assert refused.code == 2
    assert "--restart" in refused.err
    with open_journal() as journal:
        assert [d.id for d in journal.drafts()] == [draft.id]
    replaced = cli("exercises", "do", EXERCISE, "--answers", str(path), "--restart")
    assert replaced.code == 0, replaced.err
    with open_journal() as journal:
        assert journal.drafts() == []
        (session,) = journal.sessions()
    assert session.id == draft.id
    answer = session.answer("what-happened")
    assert answer is not None and answer.value == "They found the answer\nthemselves."


@pytest.mark.usefixtures("imported")
def test_a_done_exercise_takes_no_answers(cli: CliRunner, tmp_path: Path) -> None:
    path = answers_file(tmp_path, GOOD)
    assert cli("exercises", "do", EXERCISE, "--answers", str(path)).code == 0
    again = cli("exercises", "do", EXERCISE, "--answers", str(path))
    assert again.code == 1 and "is done; nothing to do" in again.err


ANY_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@pytest.mark.usefixtures("imported")
@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(how_hard=ANY_VALUE, again=ANY_VALUE)
def test_any_value_is_saved_or_refused_cleanly(
    cli: CliRunner, tmp_path: Path, how_hard: Any, again: Any
) -> None:
    import json

    doc = {"answers": {"what-happened": "x", "how-hard": how_hard, "again": again}}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with open_journal() as journal:
        waiting = journal.assignment(EXERCISE)
    result = cli("exercises", "do", EXERCISE, "--answers", str(path))
    assert "Traceback" not in result.err
    with open_journal() as journal:
        saved = journal.sessions()
        if result.code == 0:
            assert [s.id for s in saved] == [result.out.strip()]
            journal.delete_session(saved[0].id)  # undone, for the next example
            journal.upsert_assignment(waiting)
            return
        after = journal.assignment(EXERCISE)
    assert result.code == 1
    assert saved == [] and after == waiting
    assert all(line.startswith(f"{path}:") for line in result.err.splitlines())
