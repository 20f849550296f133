"""Issue 13, "Fits every terminal": in a real terminal of 80x24 and 60x24, no word of a
question, its instruction, a help line, a choice or a typed answer is cut at the end
of a line by the terminal's own wrapping (support/screen_words.py says what a cut is),
for a first week, a returning week and the intake; every rating screen still holds the
behaviour's title, its question and all its options; and at the intake's goal menu the
number typed picks the goal the screen shows beside that number.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from itertools import cycle
from pathlib import Path

import pytest

from support.ritual import (
    Prompt,
    Seen,
    ordinary_week_day,
    rating_screens,
    returning_history,
    section_of,
    sit,
    whole_rating,
)
from support.screen_words import cuts, typed_answers

pytestmark = [
    pytest.mark.pty,
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

SIZES = [(24, 80), (24, 60)]


class LongAnswers:
    """A person who types long sentences at every free-text prompt (the corpus in turn),
    keeps every choice, types a level where none is highlighted, and at the intake's
    second goal menu types 2 (remembering what the screen showed beside "2)")."""

    def __init__(self) -> None:
        self.sentences = cycle(typed_answers())
        self.second_goal = ""

    def __call__(self, prompt: Prompt) -> str:
        if prompt.kind == "text":
            asked = next(ln for ln in reversed(prompt.lines) if ln.startswith("? "))
            if asked.startswith(("? Any tags?", "? By when?")):
                return "\r"  # the default: a sentence is no date
            if asked.startswith("? What will success look like"):
                return "Each of the four speaks in the opening round\r"  # one short line
            return next(self.sentences) + "\r"
        if "Choose a level" in prompt.highlighted():
            return "3\r"
        if prompt.has("Another goal? Which behaviour?") and not self.second_goal:
            self.second_goal = next(ln for ln in prompt.lines if " 2) " in ln).split("2) ")[1]
            return "2\r"
        return "\r"


def _sit(home: Path, week: str, size: tuple[int, int], person: LongAnswers) -> Seen:
    args = ["reflect"]
    if week == "intake":
        args += ["--flow", "intake"]
    if week == "returning week":
        day = ordinary_week_day(dt.date.today())
        returning_history(home, day)
        args += ["--date", day.isoformat()]
    return sit(home, args, person, size=size, section=section_of)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x24"])
@pytest.mark.parametrize("week", ["first week", "returning week", "intake"])
def test_no_word_is_cut_at_the_end_of_a_line(
    tmp_path: Path, week: str, size: tuple[int, int]
) -> None:
    person = LongAnswers()
    seen = _sit(tmp_path, week, size, person)
    assert seen.status == 0, seen.transcript[-2000:]
    typed = typed_answers()
    cut = {c for p in seen.screens for c in cuts(p.lines, typed)}
    cut |= set(cuts(seen.transcript.splitlines(), typed))  # answered lines too
    assert not cut, (sorted(cut), seen.transcript[-3000:])
    ratings = rating_screens(seen)
    assert ratings, "no rating was asked"
    whole = [p.text for p in ratings if not whole_rating(p)]
    assert not whole, whole[0]


def test_the_number_typed_at_the_goal_menu_picks_the_goal_it_shows(tmp_path: Path) -> None:
    person = LongAnswers()
    seen = _sit(tmp_path, "intake", (24, 80), person)
    assert seen.status == 0, seen.transcript[-2000:]
    shown = person.second_goal.strip()
    assert shown and not shown[0].isdigit(), shown  # no second number beside "2)"
    env = {**os.environ, "BELONGING_HOME": str(tmp_path)}
    listed = subprocess.run(
        [sys.executable, "-m", "belonging_cli", "goals"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert shown in " ".join(listed.split()), listed
