"""The pulse as a person sees it in a real terminal (issue 13), at 80x24 and 60x24: after
week one each rating is one screen (the behaviour's title on top, three levels on one
line each, the question and every option at once, nothing cut); "Show all five
levels", "Not seen this week" and a note for an unmoved rating work from the keys;
week one preselects nothing. The screen is emulated (pyte): what fits is what is seen."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.kinds.rate import level_lines
from belonging_cli.journal.store import open_journal
from support.cli import REPO, CliRunner
from support.terminal import spawn_cli
from support.weekly_answers import weekly_answers, write_answers

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

OPTIONS = (
    "Not yet",
    "Occasional",
    "Intentional",
    "Consistent",
    "Multiplying",
    "Not seen this week",
)
RUBRIC = load_rubric(REPO / "rubrics")
WORD = re.compile(r"[A-Za-z0-9][\w'-]*")


class Seen:
    """A terminal of `size` (columns, rows) running `belonging ARGS`, as a person sees it."""

    def __init__(self, home: Path, size: tuple[int, int], *args: str) -> None:
        columns, rows = size
        self.columns = columns
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        self.child = spawn_cli(home, *args, dimensions=(rows, columns))
        self.lines_seen: list[str] = []
        self.raw = ""  # everything the program wrote
        self.pos = 0  # where the next wait looks from

    def wait(self, pattern: str, timeout: float = 20) -> list[str]:
        """The screen once `pattern` was drawn (after the last one waited for) and the
        drawing settled."""
        found = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while (match := found.search(self.raw, self.pos)) is None:
            assert time.monotonic() < deadline, f"no {pattern!r} in {self.raw[self.pos :]!r}"
            self._read(0.1)
        self.pos = match.end()
        settled = time.monotonic() + 0.4
        while time.monotonic() < settled:
            self._read(0.1)
        lines = [line.rstrip() for line in self.screen.display]
        self.lines_seen += [ln for ln in lines if ln and ln not in self.lines_seen]
        return lines

    def _read(self, timeout: float) -> None:
        try:
            chunk = self.child.read_nonblocking(65536, timeout=timeout)
        except (pexpect.TIMEOUT, pexpect.EOF):
            return
        self.raw += chunk
        self.stream.feed(chunk)

    def send(self, keys: str) -> None:
        self.child.send(keys)


def opening(level: int, behaviour: str = "cultivate-belonging") -> str:
    """How a level's full line starts, as the rubric says it: "5 Multiplying: The ..."."""
    return " ".join(level_lines(RUBRIC, behaviour)[level - 1].split()[:6])


def rating_screen(seen: Seen, title: str, *, on_top: bool = True) -> list[str]:
    """The rating of `title`, checked to be whole on the screen: its title (on a line of
    its own above its levels, after week one), the question and every option."""
    lines = seen.wait(r"Show all five levels|\(Use shortcuts")
    text = "\n".join(lines)
    if on_top:
        assert title in lines, text
    asked = next(i for i, line in enumerate(lines) if line.startswith("? "))
    assert title in " ".join(" ".join(lines[asked:]).split()), text  # the question names it
    for option in OPTIONS:
        assert option in text, text
    assert all(len(line) <= seen.columns for line in lines)
    # Nothing cut inside a word: each line ends a word (or the shortening mark).
    assert not any(re.search(r"\w-$", line) for line in lines), text
    return lines


def past_the_review(seen: Seen) -> None:
    """How you are (steady), last week's experiment (tried, nothing to say of it), no win."""
    seen.wait("How are your energy and load")
    seen.send("\r")
    seen.wait("Did you try it")
    seen.send("\r")
    for _ in range(2):  # what happened, what was learned
        seen.wait("Enter: done")
        seen.send("\r")
    seen.wait("What went well this week")
    seen.send("\r")


@pytest.fixture(autouse=True)
def real_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """The program reads the terminal's own width, not the tests' COLUMNS."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)


@pytest.fixture
def week_one_done(cli: CliRunner, isolated_home: Path, tmp_path: Path) -> Path:
    data = {**weekly_answers(), "date": "2026-11-10"}
    assert cli("reflect", "--answers", str(write_answers(tmp_path, data))).code == 0
    return isolated_home


@pytest.mark.parametrize("size", [(80, 24), (60, 24)], ids=["80x24", "60x24"])
def test_a_returning_pulse_is_one_screen_a_rating_and_keys_for_more(
    week_one_done: Path, size: tuple[int, int]
) -> None:
    seen = Seen(week_one_done, size, "reflect", "--date", "2026-11-20")
    past_the_review(seen)
    first = rating_screen(seen, "Cultivate belonging")
    text = "\n".join(first)
    assert (
        "This week you rate 2 behaviours (your focus, one in rotation); all 10 come round"
        in " ".join(text.split())
    )
    assert "Enter keeps last week's rating" in " ".join(text.split())
    assert "Still Intentional, and a note on why" in text
    # Three levels, one line each, and only three of the five.
    levels = [ln for ln in first if re.match(r"  [1-5] [A-Z][a-z ]+: ", ln)]
    assert [ln.split()[0] for ln in levels] == ["2", "3", "4"]
    seen.send("8\r")  # Show all five levels: the same rating again
    everything = " ".join(" ".join(seen.wait(r"\(Enter keeps the highlighted one\)")).split())
    assert opening(5) in everything
    seen.send("6\r")  # not seen this week
    rating_screen(seen, "Protect time to reflect, experiment, engage and rest")
    seen.send("7\r")  # still Intentional, and a note on why
    seen.wait("puts you at 3")  # "3 Intentional?", wrapped at 60
    seen.wait("Enter: done")
    seen.send("Stayed at 3 despite a brutal week\r")
    seen.wait("look at more closely")
    seen.child.sendcontrol("c")
    seen.wait("kept")
    seen.child.expect(pexpect.EOF)
    seen.child.close()
    assert seen.child.exitstatus == 130
    with open_journal() as journal:
        (draft,) = journal.drafts()
    (rating,) = draft.ratings
    assert rating.behaviour_id == "protect-time" and rating.level == 3
    assert rating.evidence == "Stayed at 3 despite a brutal week"
    unseen = draft.answer("pulse.cultivate-belonging")
    assert unseen is not None and unseen.value == "not seen"


def test_an_unchanged_returning_pulse_is_short(week_one_done: Path) -> None:
    """Enter through an unchanged week: the pulse's tool text stays under 350 words."""
    seen = Seen(week_one_done, (80, 24), "reflect", "--date", "2026-11-20")
    past_the_review(seen)
    before = len(seen.lines_seen)
    for title in ("Cultivate belonging", "Protect time to reflect, experiment, engage and rest"):
        rating_screen(seen, title)
        seen.send("\r")
    seen.wait("look at more closely")
    pulse = seen.lines_seen[before:]
    start = next(i for i, ln in enumerate(pulse) if ln.startswith("Pulse"))
    end = next(i for i, ln in enumerate(pulse) if ln == "Focus")
    words = sum(len(WORD.findall(line)) for line in pulse[start:end])
    assert words <= 350, json.dumps(pulse[start:end], indent=1)
    seen.child.sendcontrol("c")
    seen.child.expect(pexpect.EOF)


@pytest.mark.parametrize("size", [(80, 24), (60, 24)], ids=["80x24", "60x24"])
def test_week_one_preselects_nothing_and_enter_alone_records_nothing(
    isolated_home: Path, size: tuple[int, int]
) -> None:
    seen = Seen(isolated_home, size, "reflect")
    seen.wait("How are your energy and load")
    seen.send("\r")
    seen.wait("What went well this week")
    seen.send("\r")
    pulse_starts = len(seen.raw)
    # Every level in full: the title on top may scroll away, the question keeps it.
    lines = rating_screen(seen, "Cultivate belonging", on_top=False)
    pulse = seen.raw[pulse_starts:]
    everything = " ".join(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", pulse).split())
    assert "Enter keeps" not in everything  # no last week to keep
    assert "This week you rate all 10 behaviours: your first week." in everything
    text = " ".join(" ".join(lines).split())
    assert "» -) Choose a level" in text  # highlighted: no level is
    seen.send("\r")  # Enter alone: no rating
    seen.wait("Type a level's number")
    rating_screen(seen, "Cultivate belonging", on_top=False)
    seen.send("3\r")
    rating_screen(seen, "Protect time to reflect, experiment, engage and rest", on_top=False)
    seen.child.sendcontrol("c")
    seen.wait("kept")
    seen.child.expect(pexpect.EOF)
    seen.child.close()
    with open_journal() as journal:
        (draft,) = journal.drafts()
    assert [(r.behaviour_id, r.level) for r in draft.ratings] == [("cultivate-belonging", 3)]


def test_pulse_text_full_keeps_every_level(week_one_done: Path, cli: CliRunner) -> None:
    assert cli("config", "set", "pulse_text", "full").code == 0
    seen = Seen(week_one_done, (100, 60), "reflect", "--date", "2026-11-20")
    past_the_review(seen)
    lines: Any = seen.wait(r"\(Enter keeps the highlighted one\)")
    text = " ".join(" ".join(lines).split())
    assert opening(1) in text and opening(5) in text
    assert "Show all five levels" not in text
    seen.child.sendcontrol("c")
    seen.child.expect(pexpect.EOF)
