"""Issue 13's review screen in a real terminal of 80x24 and 60x24: the screen before
saving keeps its two choices in sight however many answers it lists, a rating opened
from it is changed and the screen comes back, and Ctrl-C there keeps the draft.

What is on screen is read from an emulated terminal (pyte) fed everything the
program draws, so "in sight" means what a person sees, not the byte stream.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.journal.store import open_journal
from support import weekly_pty
from support.terminal import RATING_PROMPT, spawn_cli

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

DOWN = "\x1b[B"
SIZES = [(24, 80), (24, 60)]
REVIEW = "Or open an answer to change it"


class Screen:
    """What the person sees: every byte the program writes, drawn by pyte."""

    def __init__(self, rows: int, columns: int) -> None:
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)

    def write(self, data: str) -> None:
        self.stream.feed(data)

    def flush(self) -> None:
        pass

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]


def start(home: Path, size: tuple[int, int], *args: str) -> tuple[Any, Screen]:
    rows, columns = size
    child = spawn_cli(home, "reflect", *args, dimensions=size)
    screen = Screen(rows, columns)
    child.logfile_read = screen
    return child, screen


def to_the_review(child: Any) -> None:
    """A first week: every rating 3, a few words for each text, defaults for the rest."""
    weekly_pty.start(child, win="Asked first")
    weekly_pty.rate(child, ["3"] * 10)
    weekly_pty.finish(child, reflections=("Asked first",) * weekly_pty.REFLECTIONS)


def ended(child: Any) -> int:
    """The program's exit status, once it has ended."""
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus)


def settled(child: Any, screen: Screen) -> list[str]:
    """The screen once the program has stopped drawing."""
    while True:
        try:
            child.read_nonblocking(65536, timeout=0.4)
        except pexpect.TIMEOUT:
            return screen.lines()


def assert_in_sight(lines: list[str], columns: int) -> None:
    text = "\n".join(lines)
    assert "Save this reflection" in text and "Keep it as a draft" in text, text
    assert any("»" in line for line in lines), text
    assert all(len(line) <= columns for line in lines)


@pytest.mark.parametrize("size", SIZES)
def test_a_rating_is_changed_from_the_review_screen(
    isolated_home: Path, size: tuple[int, int]
) -> None:
    child, screen = start(isolated_home, size)
    to_the_review(child)
    assert_in_sight(settled(child, screen), size[1])
    child.send(DOWN * 4 + "\r")  # the first rating, after how you are and the win
    child.expect(RATING_PROMPT)
    child.send("5\r")
    child.expect(REVIEW)  # the screen comes back, the rating changed on it
    lines = settled(child, screen)
    assert_in_sight(lines, size[1])
    assert any(line.strip().startswith("5 ") for line in lines), "\n".join(lines)
    child.send("\r")  # save
    child.expect("Next: ")
    assert ended(child) == 0
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert {r.behaviour_id: r.level for r in session.ratings}["cultivate-belonging"] == 5


@pytest.mark.parametrize("size", SIZES)
def test_ctrl_c_at_the_review_screen_keeps_the_draft(
    isolated_home: Path, size: tuple[int, int]
) -> None:
    child, screen = start(isolated_home, size)
    to_the_review(child)
    child.send(DOWN * 3)
    settled(child, screen)
    child.sendcontrol("c")
    child.expect("your answers so far are kept")
    assert ended(child) == 130
    with open_journal() as journal:
        (draft,) = journal.drafts()
    assert len(draft.ratings) == 10 and draft.answer("takeaway") is not None
    # Resumed, the review screen comes first: nothing is left to ask.
    child, screen = start(isolated_home, size, "--resume")
    child.expect(r"every\s+question\s+answered")  # wherever the width breaks it
    child.expect(REVIEW)
    assert_in_sight(settled(child, screen), size[1])
    child.send("\r")
    assert ended(child) == 0
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert session.id == draft.id
