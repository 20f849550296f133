"""The real `belonging reflect` in a pseudo-terminal: a whole weekly session, and an
interrupt followed by a resume. Checks the journal afterwards."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.journal.store import open_journal
from support.terminal import RATING_PROMPT, TEXT_PROMPT, spawn_cli

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]


def spawn(home: Path, *args: str) -> Any:
    return spawn_cli(home, "reflect", *args)


def rate_all(child: Any, keys: list[str]) -> None:
    for key in keys:
        child.expect(RATING_PROMPT)
        child.send(key + "\r")


def finish_weekly(child: Any) -> None:
    """From the focus question to the saved session."""
    c = child
    c.expect("look at more closely")
    c.send("\r")  # the suggestion
    for answer in ("The quiet ones spoke first", "Thanked Ana for the bad news #private", "-"):
        c.expect(TEXT_PROMPT)
        c.send(answer + "\r")
    c.expect("lean on control")
    c.expect(TEXT_PROMPT)
    c.send("Overrode the roadmap\r")
    c.expect("through influence")
    c.expect(TEXT_PROMPT)
    c.send("Asked what would make it meaningful #share\r")
    c.expect("how did you lead")
    c.send("4\r")
    c.expect("try next week")
    c.send("\r")
    c.expect("tags")
    c.send("team, roadmap\r")
    c.expect("what do you take from this week")
    c.send("Ask before deciding\r")
    c.expect("Your reflection")
    c.expect("Save it")
    c.expect("Keep it as a draft")
    c.send("\r")  # the highlighted choice: save this reflection
    c.expect("Next: ")  # the recap names the experiment now open
    c.expect(pexpect.EOF)
    c.close()


def test_a_whole_weekly_reflection_in_a_terminal(isolated_home: Path) -> None:
    child = spawn(isolated_home)
    child.expect("Ten minutes for your own leadership")
    rate_all(child, ["3", "3", "2", "3", "3", "4", "3", "3", "3", "3"])
    finish_weekly(child)
    assert child.exitstatus == 0
    with open_journal() as journal:
        (session,) = journal.sessions()
        (experiment,) = journal.experiments(status="open")
    assert session.focus_behaviour_id == "ambiguous-decisions"  # the lowest rated
    assert session.tags == ("team", "roadmap")
    second = session.answer("reflect.2")
    assert second is not None and second.private and second.value == "Thanked Ana for the bad news"
    influence = session.answer("influence")
    assert influence is not None and not influence.private
    balance = session.answer("balance")
    assert balance is not None and balance.value == 4
    assert experiment.behaviour_id == "ambiguous-decisions"


def test_interrupt_then_resume_in_a_terminal(isolated_home: Path) -> None:
    child = spawn(isolated_home)
    rate_all(child, ["3", "1", "3"])
    child.expect(RATING_PROMPT)
    child.sendcontrol("c")
    child.expect("your answers so far are kept")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    with open_journal() as journal:
        (draft,) = journal.drafts()
    assert len(draft.ratings) == 3

    child = spawn(isolated_home)
    child.expect("unfinished weekly reflection")
    child.expect("Resume it")
    child.send("\r")
    child.expect("4/10 ")  # picks up at the fourth behaviour
    rate_all(child, ["3"] * 7)
    finish_weekly(child)
    assert child.exitstatus == 0
    with open_journal() as journal:
        assert journal.drafts() == []
        (session,) = journal.sessions()
    assert session.id == draft.id and len(session.ratings) == 10
    assert session.focus_behaviour_id == "protect-time"
