"""A person at a real terminal doing a reflection, recorded as they see it (pexpect + pyte).

`sit` runs the real CLI in a pseudo-terminal of a given size, and at every prompt
looks at the emulated screen (pyte: what a person sees, not the byte stream
prompt_toolkit redraws), asks `answer` which keys to press, and records:
- each screen at a prompt (`Seen.screens`), to check what fits on it;
- the words of tool text that appeared, per section (a line is counted when it is
  new on the screen: the options a person reads again in the same place are not
  counted twice, the words they typed are not counted at all);
- how many answers were given (one per prompt answered), and apart from them how many
  times the choice to save was taken (issue 13 counts the questions a week asks: its
  quick week, "last experiment, the few ratings, next experiment, takeaway", is 8
  answers with three ratings only without the save).
The ritual benchmark (benchmarks/ritual.py) prints these counts; the pty tests
assert the issue's targets on them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pexpect
import pyte

# What marks a prompt waiting for a person, as questionary/prompt_toolkit draw them.
SELECT_POINTER = "»"
TEXT_MARK = re.compile(r"^>( |$)")
WORD = re.compile(r"[A-Za-z0-9][\w'\u2019-]*")  # apostrophes, straight or curly


@dataclass(frozen=True)
class Prompt:
    """The screen at a prompt: its lines (trailing spaces cut) and what kind it is."""

    lines: tuple[str, ...]
    kind: str  # "select" or "text"

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def has(self, words: str) -> bool:
        return words in " ".join(" ".join(self.lines).split())

    def highlighted(self) -> str:
        """The option the pointer is on."""
        return next((ln for ln in self.lines if SELECT_POINTER in ln), "")


Answer = Callable[[Prompt], str]  # the keys to press at this prompt ("\r" for Enter)


@dataclass
class Seen:
    screens: list[Prompt] = field(default_factory=list)
    words: dict[str, int] = field(default_factory=dict)  # section -> words of tool text
    answers: dict[str, int] = field(default_factory=dict)  # section -> answers given
    saves: int = 0  # Enter on "Save this reflection": a choice, not an answer
    transcript: str = ""  # everything that scrolled by, as seen
    status: int | None = None

    def total_answers(self) -> int:
        return sum(self.answers.values())


class _Terminal:
    def __init__(self, child: pexpect.spawn, rows: int, columns: int) -> None:
        self.child = child
        self.screen = pyte.HistoryScreen(columns, rows, history=5000)
        self.stream = pyte.Stream(self.screen)

    def settle(self, quiet: float = 0.25, most: float = 20.0) -> bool:
        """Read until the program has drawn nothing for `quiet` seconds; False at its end."""
        end = time.monotonic() + most
        while time.monotonic() < end:
            try:
                chunk = self.child.read_nonblocking(65536, timeout=quiet)
            except pexpect.TIMEOUT:
                return True
            except pexpect.EOF:
                return False
            self.stream.feed(chunk)
        raise AssertionError("the screen never settled")

    def lines(self) -> tuple[str, ...]:
        return tuple(line.rstrip() for line in self.screen.display)

    def history(self) -> list[str]:
        top = [
            "".join(ch.data for _, ch in sorted(row.items())).rstrip()
            for row in self.screen.history.top
        ]
        return [*top, *self.lines()]


def _kind(lines: tuple[str, ...]) -> str | None:
    # The prompt is at the cursor, at the bottom of what was drawn.
    drawn = [ln for ln in lines if ln.strip()]
    if any(SELECT_POINTER in ln for ln in drawn):  # only the waiting choice shows one
        return "select"
    if drawn and TEXT_MARK.match(drawn[-1]):
        return "text"
    return None


def _without(line: str, typed: list[str]) -> str:
    for words in typed:
        line = line.replace(words, " ")
    return line


def sit(
    home: Path,
    args: list[str],
    answer: Answer,
    *,
    size: tuple[int, int] = (24, 80),
    section: Callable[[Prompt, str], str] = lambda prompt, last: last,
    most_prompts: int = 80,
    timeout: int = 30,
) -> Seen:
    """Run `belonging ARGS` at a terminal of `size` (rows, columns), answering every prompt."""
    rows, columns = size
    env = {
        **os.environ,
        "BELONGING_HOME": str(home),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "NO_COLOR": "1",
        "COLUMNS": str(columns),
        "LINES": str(rows),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "belonging_cli", *args],
        env=env,
        encoding="utf-8",
        timeout=timeout,
        dimensions=(rows, columns),
    )
    terminal = _Terminal(child, rows, columns)
    seen = Seen()
    before: set[str] = set()
    typed_so_far: list[str] = []
    where = "start"
    try:
        for _ in range(most_prompts):
            alive = terminal.settle()
            lines = terminal.lines()
            kind = _kind(lines) if alive else None
            if kind is None:
                if not alive:
                    break
                continue  # drawn, but not waiting yet
            prompt = Prompt(lines, kind)
            where = section(prompt, where)
            new = [_without(ln, typed_so_far) for ln in lines if ln.strip() and ln not in before]
            seen.words[where] = seen.words.get(where, 0) + sum(len(WORD.findall(ln)) for ln in new)
            seen.screens.append(prompt)
            keys = answer(prompt)
            typed = keys.rstrip("\r")
            before = set(lines)
            if typed.strip():
                typed_so_far.append(typed)  # the person's words, never the tool's text
            child.send(keys)
            if _saving(prompt):
                seen.saves += 1 if keys.endswith("\r") else 0
            else:
                seen.answers[where] = seen.answers.get(where, 0) + (1 if keys.endswith("\r") else 0)
        else:
            raise AssertionError(f"more than {most_prompts} prompts")
        child.expect(pexpect.EOF, timeout=timeout)
    finally:
        seen.transcript = "\n".join(terminal.history())
        child.close()
        seen.status = child.exitstatus
    return seen


# --- the scenarios issue 13 counts: a first week, a returning week, a quick week ------

SECTIONS = (
    ("Last week's experiment", "review"),
    ("Pulse", "pulse"),
    ("Focus", "focus"),
    ("Next week", "next"),
    ("Your reflection", "save"),
    ("Your answers", "save"),
)


def section_of(prompt: Prompt, last: str) -> str:
    """The part of the flow a prompt is in, by the headings the tool prints (the last
    heading on screen wins)."""
    found = last
    for line in prompt.lines:
        for heading, name in SECTIONS:
            if line.startswith(heading):
                found = name
    if _last_question(prompt).startswith("? What will you try next week?"):
        found = "next"  # the quick week has no heading before its experiment
    if _saving(prompt):
        found = "save"
    return found


def _saving(prompt: Prompt) -> bool:
    """The review screen, its highlighted choice to save (not an answer opened from it)."""
    return prompt.kind == "select" and (
        prompt.has("Save this reflection") or prompt.has("Save these answers")
    )


def unchanged(prompt: Prompt) -> str:
    """A person whose week changed nothing: Enter keeps every rating and choice; a level
    is typed where nothing is preselected (week one); a few words at each text."""
    if prompt.kind == "text":
        return "\r" if prompt.has("Any tags?") else "Nothing new this week\r"
    if "Choose a level" in prompt.highlighted():
        return "3\r"
    return "\r"


def answer_week(home: Path, day: str, *flow: str) -> None:
    """A reflection on `day` (YYYY-MM-DD) saved from its own answers template, through
    the real CLI, as a script would: the history a returning week starts from."""
    import subprocess

    env = {**os.environ, "BELONGING_HOME": str(home)}
    run = [sys.executable, "-m", "belonging_cli", "reflect"]
    template = subprocess.run(
        [*run, "--answers-template", "--date", day, *flow],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = home / f"answers-{day}.yaml"
    # Last week's experiment was tried (a template skips it, which leaves it open).
    tried = template.replace('review: "skip"', 'review: "tried"')
    tried = tried.replace('# review.happened: ""', 'review.happened: "Did it twice"')
    tried = tried.replace('# review.learned: ""', 'review.learned: "It helps"')
    path.write_text(tried, encoding="utf-8")
    saved = [*run, "--answers", str(path), "--again"]
    subprocess.run(saved, env=env, capture_output=True, check=True)


def returning_history(home: Path, week_day: dt.date) -> None:
    """Three earlier weeks in the same month as `week_day`'s week (the first a full pulse):
    `week_day`'s reflection is then an ordinary returning week, not a month's first."""
    for back in (3, 2, 1):
        answer_week(home, (week_day - dt.timedelta(weeks=back)).isoformat())


def ordinary_week_day(today: dt.date) -> dt.date:
    """A day, at most five weeks back, whose week is the 4th or later week of its month (as
    the pulse counts months: by the week's Thursday), so three earlier weeks fit in it."""
    day = today
    while True:
        thursday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=3)
        if thursday.day > 21 and day <= today:
            return day
        day -= dt.timedelta(days=7)


RATING_QUESTION = re.compile(r"^\? #\d+ \S")  # "? #3 Decide amid ambiguity..."


def rating_screens(seen: Seen) -> list[Prompt]:
    """The screens at which a rating waits: the last question on screen is a rating's."""
    return [
        p for p in seen.screens if p.kind == "select" and RATING_QUESTION.match(_last_question(p))
    ]


def _last_question(prompt: Prompt) -> str:
    return next((ln for ln in reversed(prompt.lines) if ln.startswith("? ")), "")


def whole_rating(prompt: Prompt) -> bool:
    """Whether a rating's screen shows its question (with the behaviour's title) and every
    option, from the first level to the last choice, at once."""
    text = " ".join(" ".join(prompt.lines).split())
    last = "Show all five levels" if "Show all five levels" in text else "Not seen this week"
    return all(f"{n})" in text for n in range(1, 6)) and last in text


SCENARIOS = ("first week", "returning week", "quick week")


def run_scenario(name: str, home: Path, size: tuple[int, int]) -> Seen:
    """One of issue 13's weeks, as a person at a terminal of `size` does it, in `home`."""
    if name == "first week":
        return sit(home, ["reflect"], unchanged, size=size, section=section_of)
    day = ordinary_week_day(dt.date.today())
    returning_history(home, day)
    quick = ["--quick"] if name == "quick week" else []
    args = ["reflect", *quick, "--date", day.isoformat()]
    return sit(home, args, unchanged, size=size, section=section_of)
