"""The real `belonging exercises do` in a pseudo-terminal: an exercise done end to end,
and one interrupted then resumed. Checks the journal afterwards."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from belonging_cli import clock
from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from support import weekly_pty
from support.cli import REPO, CliRunner
from support.terminal import spawn_cli

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

TEXT_PROMPT = r"Enter: done"
EXERCISE = "first-month/ask-dont-tell"


@pytest.fixture
def imported(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(example_pack(load_rubric(REPO / "rubrics")), encoding="utf-8")
    # Imported two days ago: past the start of its first week (due 8d), so due within
    # the week, which is when the weekly reflection offers it.
    earlier = clock.now() - dt.timedelta(days=2)
    with mock.patch.object(clock, "now", lambda zone=None: earlier.astimezone(zone)):
        assert cli("exercises", "import", str(path)).code == 0


def spawn(home: Path, *args: str, command: tuple[str, ...] = ("exercises", "do")) -> Any:
    return spawn_cli(home, *command, *args)


def answer_the_rest(child: Any) -> None:
    """From "who" (the second question) to the saved exercise."""
    c = child
    c.expect("Whose answer surprised you")
    c.expect(r"\(private, or end with #share\)")  # a one-line answer, private by the pack
    c.send("Priya, who rarely speaks\r")
    c.expect("How hard was it")
    c.send("2\r")  # somewhat hard
    c.expect("Will you keep asking first")
    c.expect("No")
    c.send("\r")  # the highlighted choice: yes
    c.expect("Your answers")
    c.expect("Save it")
    c.expect("Keep it as a draft")
    c.send("\r")  # the highlighted choice: save these answers
    c.expect("Done: Ask before you tell.")
    c.expect(pexpect.EOF)
    c.close()


@pytest.mark.usefixtures("imported")
def test_an_exercise_done_in_a_terminal(isolated_home: Path) -> None:
    child = spawn(isolated_home, "ask-dont-tell")
    child.expect("Ask before you tell")
    child.expect("come up with once you asked first")
    child.expect(r"\(shared, or end with #private")  # the coach needs it: shared by the pack
    child.expect(TEXT_PROMPT)
    child.send("They found the answer themselves\r")
    answer_the_rest(child)
    assert child.exitstatus == 0
    with open_journal() as journal:
        (session,) = journal.sessions()
        done = journal.assignment(EXERCISE)
    values = {a.step_id: a.value for a in session.answers}
    assert values == {
        "what-happened": "They found the answer themselves",
        "who": "Priya, who rarely speaks",
        "how-hard": "somewhat hard",
        "again": True,
    }
    who = session.answer("who")
    assert who is not None and who.private  # private by the pack
    assert session.assignment_id == EXERCISE and session.status == "complete"
    assert done.status == "done" and done.times_done == 1


@pytest.mark.usefixtures("imported")
def test_an_exercise_interrupted_then_resumed_in_a_terminal(isolated_home: Path) -> None:
    child = spawn(isolated_home, "ask-dont-tell")
    child.expect(TEXT_PROMPT)
    child.send("Half an answer\r")
    child.expect("Whose answer surprised you")
    child.sendcontrol("c")
    child.expect("your answers so far are kept")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    with open_journal() as journal:
        (draft,) = journal.drafts()
        assert journal.assignment(EXERCISE).times_done == 0
    assert [a.step_id for a in draft.answers] == ["what-happened"]

    child = spawn(isolated_home, "ask-dont-tell")
    child.expect("where you left off")
    answer_the_rest(child)
    assert child.exitstatus == 0
    with open_journal() as journal:
        assert journal.drafts() == []
        (session,) = journal.sessions()
    assert session.id == draft.id
    first = session.answer("what-happened")
    assert first is not None and first.value == "Half an answer"


@pytest.mark.usefixtures("imported")
def test_the_weekly_reflection_offers_the_exercise_in_a_terminal(isolated_home: Path) -> None:
    c = spawn(isolated_home, command=("reflect",))
    weekly_pty.start(c)
    weekly_pty.rate(c, ["3"] * 10)
    weekly_pty.finish(c)  # the focus: the suggestion, the coach's behaviour
    c.send("\r")
    c.expect("From your coach: Ask before you tell")
    c.expect("Do one now")
    c.send("\x1b[A\x1b[A\r")  # two up from "Not now": the most pressing, by id on a tie
    c.expect("come up with once you asked first")
    c.expect(TEXT_PROMPT)
    c.send("They found it themselves\r")
    answer_the_rest(c)
    assert c.exitstatus == 0
    with open_journal() as journal:
        flows = sorted(s.flow_id for s in journal.sessions())
        done = journal.assignment(EXERCISE)
    assert flows == [f"exercise:{EXERCISE}", "weekly"]
    assert done.status == "done"
