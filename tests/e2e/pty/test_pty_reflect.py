"""The real `belonging reflect` in a pseudo-terminal: a whole weekly session, and an
interrupt followed by a resume. Checks the journal afterwards."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.journal.store import open_journal
from support import weekly_pty
from support.terminal import RATING_PROMPT, spawn_cli

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]


def spawn(home: Path, *args: str) -> Any:
    return spawn_cli(home, "reflect", *args)


def finish_weekly(child: Any) -> None:
    """From the focus question to the saved session (a first week)."""
    weekly_pty.finish(
        child,
        reflections=("Thanked Ana for the bad news #share",),
        lens="Overrode the roadmap",
        takeaway="Ask before deciding",
        plan="Monday's planning, with Ana",
    )
    child.send("\r")  # the highlighted choice: save this reflection
    child.expect("Next: ")  # the recap names the experiment now open, and its plan
    child.expect(r"Monday's\s+planning,\s+with\s+Ana")
    child.expect(pexpect.EOF)
    child.close()


def test_a_whole_weekly_reflection_in_a_terminal(isolated_home: Path) -> None:
    child = spawn(isolated_home)
    child.expect("Ten minutes for your own leadership")
    weekly_pty.start(child)
    weekly_pty.rate(child, ["3", "3", "2", "3", "3", "4", "3", "3", "3", "3"])
    finish_weekly(child)
    assert child.exitstatus == 0
    with open_journal() as journal:
        (session,) = journal.sessions()
        (experiment,) = journal.experiments(status="open")
    assert session.focus_behaviour_id == "ambiguous-decisions"  # the lowest rated
    assert session.answer("win") is not None
    first = session.answer("reflect.1")
    assert first is not None and not first.private  # `#share` at the end shares it
    assert first.value == "Thanked Ana for the bad news"
    control = session.answer("control")
    assert control is not None and control.value == "Overrode the roadmap" and control.private
    levers = session.answer("levers")
    assert levers is not None and levers.value == "not said"  # Enter: none preselected
    when = session.answer("next-experiment.when")
    assert when is not None and when.value == "Monday's planning, with Ana" and when.private
    assert session.answer("next-experiment.confidence").value == "not said"  # type: ignore[union-attr]
    assert session.answer("influence") is None  # one lens a week
    assert experiment.behaviour_id == "ambiguous-decisions"


def test_interrupt_then_resume_in_a_terminal(isolated_home: Path) -> None:
    child = spawn(isolated_home)
    weekly_pty.start(child)
    weekly_pty.rate(child, ["3", "1", "3"])
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
    child.expect("#4 ")  # picks up at the fourth behaviour
    weekly_pty.rate(child, ["3"] * 7)
    finish_weekly(child)
    assert child.exitstatus == 0
    with open_journal() as journal:
        assert journal.drafts() == []
        (session,) = journal.sessions()
    assert session.id == draft.id and len(session.ratings) == 10
    assert session.focus_behaviour_id == "protect-time"
