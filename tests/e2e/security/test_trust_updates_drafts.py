"""Two terminals finishing the same draft: the first saves, the second is told and keeps
its answers as a new draft; nothing is saved twice and no answer is dropped."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from belonging_cli import ask
from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.errors import JournalError
from belonging_cli.journal.store import open_journal
from belonging_cli.main import main
from belonging_cli.records import Answer, Experiment, Rating, Session
from support.cli import REPO, CliRunner, Result
from support.keys import CTRL_C, ENTER, typed
from support.sessions import NOON, a_session

ALREADY_SAVED = "already saved in another terminal"


@pytest.fixture(autouse=True)
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)


def run(cli: CliRunner, keys: str, *args: str) -> Result:
    with typed(keys):
        return cli(*args)


def meanwhile(monkeypatch: pytest.MonkeyPatch, prompt: str, other: Callable[[], int]) -> list[int]:
    """At this terminal's first `prompt` (ask.ask or ask.choose), another terminal runs
    `other` to its end; the exit codes it gave."""
    original = getattr(ask, prompt)
    codes: list[int] = []

    def first_let_the_other_terminal_run(*args: Any, **kwargs: Any) -> Any:
        if not codes:
            codes.append(-1)  # the other terminal's own prompts go straight through
            codes[0] = other()
        return original(*args, **kwargs)

    monkeypatch.setattr(ask, prompt, first_let_the_other_terminal_run)
    return codes


def other_terminal(keys: str, *args: str) -> Callable[[], int]:
    def go() -> int:
        with typed(keys):
            return main(list(args))

    return go


# -- the weekly reflection ---------------------------------------------------------------

RATED_TWO = ENTER + "A win\r" + "3\r3\r"  # how you are (steady), a win, two ratings


def rest_of_week(words: str) -> str:
    """After two ratings: the rest of the 2.0 weekly flow, every text answer `words`."""
    return (
        "3\r" * 7
        + "1\r"
        + ENTER  # focus: the suggestion
        + f"{words} 1\r"  # the reflection
        + ENTER  # levers
        + f"{words} control\r"  # the lens of a first week
        + ENTER  # the first experiment offered
        + ENTER * 2  # its plan: when and with whom (blank), how sure (left out)
        + f"{words} takeaway\r"
    )


def a_draft(cli: CliRunner) -> Session:
    assert run(cli, RATED_TWO + CTRL_C, "reflect").code == 130
    with open_journal() as journal:
        (draft,) = journal.drafts()
    return draft


def test_two_terminals_saving_one_draft_save_it_once(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = a_draft(cli)
    # Both terminals resume it; the other one saves first, while this one shows its summary.
    # (The review screen before saving is this terminal's first choice.)
    codes = meanwhile(monkeypatch, "choose", other_terminal(ENTER, "reflect", "--resume"))
    result = run(cli, rest_of_week("Mine") + ENTER, "reflect", "--resume")
    assert codes == [0]
    assert result.code == 1
    assert ALREADY_SAVED in result.err
    assert "kept as a new draft" in result.err
    with open_journal() as journal:
        (saved,) = journal.sessions()
        (kept,) = journal.drafts()
        experiments = journal.experiments()
    assert saved.id == draft.id
    assert len(experiments) == 1  # not one per terminal
    assert kept.id != draft.id
    answer = kept.answer("control")
    assert answer is not None and answer.value == "Mine control"
    assert len(kept.ratings) == 10


def test_answering_on_after_the_other_terminal_saved_keeps_every_answer(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = a_draft(cli)
    theirs = other_terminal(rest_of_week("Theirs") + ENTER, "reflect", "--resume")
    codes = meanwhile(monkeypatch, "ask", theirs)
    result = run(cli, rest_of_week("Mine") + ENTER, "reflect", "--resume")
    assert codes == [0]
    assert result.code == 1
    assert ALREADY_SAVED in result.err
    with open_journal() as journal:
        (saved,) = journal.sessions()
        (kept,) = journal.drafts()
        experiments = journal.experiments()
    assert saved.id == draft.id
    control = saved.answer("control")
    assert control is not None and control.value == "Theirs control"  # not overwritten
    assert len(experiments) == 1
    assert len(kept.ratings) == 3  # the two resumed and the one given here


# -- a coach's exercise ------------------------------------------------------------------

EXERCISE = "first-month/ask-dont-tell"
ANSWERS = "Mine happened\r" + "Priya\r" + "2\r" + ENTER


@pytest.fixture
def imported(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(example_pack(load_rubric(REPO / "rubrics")), encoding="utf-8")
    assert cli("exercises", "import", str(path)).code == 0


@pytest.mark.usefixtures("imported")
def test_an_exercise_saved_in_two_terminals_counts_once(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(cli, "Half\r" + CTRL_C, "exercises", "do", EXERCISE).code == 130
    codes = meanwhile(monkeypatch, "choose", other_terminal(ENTER, "exercises", "do", EXERCISE))
    result = run(cli, "Priya\r2\r\r\r", "exercises", "do", EXERCISE)
    assert codes == [0]
    assert result.code == 1
    assert ALREADY_SAVED in result.err
    with open_journal() as journal:
        assignment = journal.assignment(EXERCISE)
        (saved,) = journal.sessions()
        (kept,) = journal.drafts()
    assert assignment.times_done == 1  # not twice
    assert kept.assignment_id == EXERCISE
    who = kept.answer("who")
    assert who is not None and who.value == "Priya"
    assert saved.id != kept.id


# -- the store, with two connections as two terminals --------------------------------------


def _completed(draft: Session, words: str) -> tuple[Session, list[Experiment]]:
    session = dataclasses.replace(
        draft,
        status="complete",
        completed_at=NOON,
        answers=(Answer("control", "long_text", words, NOON),),
        ratings=(),
    )
    new = Experiment(str(uuid.uuid4()), "protect-time", words, "2026-W49", NOON, draft.id)
    return session, [new]


def test_completing_is_conditional_on_still_being_a_draft(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    draft = a_session(status="draft")
    with open_journal(path) as setup:
        setup.create_session(draft)
    with open_journal(path) as one, open_journal(path) as two:
        one.save_whole_session(*_completed(draft, "from one"))
        with pytest.raises(JournalError, match=ALREADY_SAVED):
            two.save_whole_session(*_completed(draft, "from two"))
        with pytest.raises(JournalError, match=ALREADY_SAVED):
            two.save_answer(draft.id, Answer("control", "long_text", "late", NOON))
        with pytest.raises(JournalError, match=ALREADY_SAVED):
            two.save_rating(draft.id, Rating("protect-time", 2, NOON))
        with pytest.raises(JournalError, match=ALREADY_SAVED):
            two.update_session(draft.id, tags=["late"])
        with pytest.raises(JournalError, match=ALREADY_SAVED):
            two.complete_session(draft.id, NOON)
    with open_journal(path) as journal:
        (stored,) = journal.sessions()
        experiments = journal.experiments()
    assert [a.value for a in stored.answers] == ["from one"]
    assert stored.ratings == () and stored.tags == ()
    assert [e.title for e in experiments] == ["from one"]
