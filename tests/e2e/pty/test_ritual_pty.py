"""Issue 13 in a real terminal: Ctrl-C in the middle of an answer keeps the words and the
next run offers them back in the prompt; a sentence typed at the save question does not
answer it (nothing of it is left for the shell: the process reads it all and ends 0)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from belonging_cli.journal.store import open_journal
from support import weekly_pty
from support.terminal import TEXT_PROMPT, spawn_cli

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]


def test_half_an_answer_survives_ctrl_c_and_a_sentence_never_answers_save(
    isolated_home: Path,
) -> None:
    child = spawn_cli(isolated_home, "reflect")
    weekly_pty.to_the_first_reflection(child)
    child.send("Half-typed answer that")
    child.expect("Half-typed answer that")
    child.sendcontrol("c")
    child.expect("with what you were typing")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn_cli(isolated_home, "reflect", "--resume")
    child.expect("13 of ")  # how you are, the win, ten ratings, the focus; not the words
    child.expect(TEXT_PROMPT)
    child.expect("Half-typed answer that")  # offered back in the prompt
    child.send(" I finished\r")
    weekly_pty.after_the_reflections(child, takeaway="Less telling")
    child.send("Firefighting week; no, I took over")  # letters: no answer
    child.send("\r")
    child.expect("Saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with open_journal() as journal:
        (session,) = journal.sessions()
    first = session.answer("reflect.1")
    assert first is not None and first.value == "Half-typed answer that I finished"
    takeaway = session.answer("takeaway")
    assert takeaway is not None and takeaway.value == "Less telling"
