"""A weekly reflection killed at every step in turn (SIGKILL, and a terminal that closes),
resumed in a new terminal each time, and completed: nothing given is lost, nothing doubled.

One session is carried through a chain of processes: each one answers the step it resumes
at and is killed at the next, so every step of the weekly flow (the experiment review, each
pulse rating and its "what happened", how you are, the win, focus, reflections, the levers,
the lens of the week, next experiment, takeaway, the final "Save it?") is a kill point, at
the cost of one process each. Every behaviour is rated (`pulse = all`), whatever the date.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Session
from support.cli import CliRunner
from support.terminal import RATING_PROMPT, TEXT_PROMPT, spawn_cli

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

BEHAVIOURS = tuple(load_rubric().ids())


SELECT = f"({RATING_PROMPT})"


@dataclass(frozen=True)
class Step:
    """A prompt of the weekly flow: how to recognise it, what to type, what it records."""

    name: str
    shown: str  # a regex that matches once the prompt is on screen
    keys: str
    records: str  # "answer:STEP", "rating:BEHAVIOUR", "evidence:BEHAVIOUR" or "save"


def _wording(step_id: str) -> str:
    """Any wording of the weekly step (they rotate week by week): its first words."""
    step = next(s for s in load_flows().get("weekly").steps if s.id == step_id)
    starts = (" ".join(w.question.split()[:4]) for w in step.wordings())
    return "(?:" + "|".join(re.escape(start) for start in starts) + ")"


def _steps() -> list[Step]:
    steps = [
        Step("wellbeing", r"How are your energy and load.*?" + SELECT, "\r", "answer:wellbeing"),
        Step("review", r"Did you try it\?.*?" + SELECT, "1\r", "answer:review"),
        Step(
            "review.happened",
            r"[Ww]hat happened(?:, against what you intended)?\?.*?" + TEXT_PROMPT,
            "Ran it twice\r",
            "answer:review.happened",
        ),
        Step(
            "review.learned",
            r"What did you learn\?.*?" + TEXT_PROMPT,
            "Wait longer\r",
            "answer:review.learned",
        ),
        Step("win", r"What went well this week.*?#share\)", "A win\r", "answer:win"),
    ]
    for n, behaviour in enumerate(BEHAVIOURS, start=1):
        # The first rating moves (3 -> 2), which asks what happened; the rest keep theirs.
        keys = "2\r" if n == 1 else "\r"
        steps.append(Step(f"pulse {n}", rf"#{n} .*?" + SELECT, keys, f"rating:{behaviour}"))
        if n == 1:
            steps.append(
                Step(
                    "pulse evidence",
                    r"-> 2 Occasional\. What happened\?.*?" + TEXT_PROMPT,
                    "Skipped the retro\r",
                    f"evidence:{behaviour}",
                )
            )
    steps += [
        Step("focus", r"look at more closely.*?" + SELECT, "\r", "answer:focus"),
        Step(
            "reflect.1",
            r"\(private, or end with #share.*?" + TEXT_PROMPT,
            "First\r",
            "answer:reflect.1",
        ),
        Step("levers", r"Which levers did you lead with.*?" + SELECT, "2\r", "answer:levers"),
        Step(  # a second weekly reflection: the second lens
            "influence",
            _wording("influence") + ".*?" + TEXT_PROMPT,
            "A question\r",
            "answer:influence",
        ),
        Step("next-experiment", r"try next week\?.*?" + SELECT, "\r", "answer:next-experiment"),
        Step(
            "plan",
            r"When and with whom will you try it\?.*?#share\)",
            "Monday, with Ana\r",
            "answer:next-experiment.when",
        ),
        Step(
            "confidence",
            r"How sure are you that you will do it.*?" + SELECT,
            "\x1b[B\x1b[B\x1b[B\r",  # down from "leave it out": 10, 9, 8
            "answer:next-experiment.confidence",
        ),
        Step(
            "takeaway",
            r"what do you take from this week\?.*?#private\)",
            "Ask first\r",
            "answer:takeaway",
        ),
        Step("save", r"Save it\?.*?Keep it as a draft", "\r", "save"),
    ]
    return steps


STEPS = _steps()


def _previous_week(cli: CliRunner, tmp_path: Path) -> None:
    """A completed reflection last week: it set the experiment this week reviews."""
    day = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    template = cli("reflect", "--answers-template", "--date", day)
    assert template.code == 0, template.err
    path = tmp_path / "last-week.yaml"
    path.write_text(template.out, encoding="utf-8")
    saved = cli("reflect", "--answers", str(path))
    assert saved.code == 0, saved.err
    assert cli("config", "set", "pulse", "all").code == 0  # ten ratings, any week


def _recorded(session: Session) -> list[str]:
    """What the journal holds of this session, in the vocabulary of Step.records."""
    found = [f"answer:{a.step_id}" for a in session.answers]
    for rating in session.ratings:
        found.append(f"rating:{rating.behaviour_id}")
        if rating.evidence is not None:
            found.append(f"evidence:{rating.behaviour_id}")
    return found


def _this_weeks_sessions() -> list[Session]:
    with open_journal() as journal:
        return [s for s in journal.sessions(status=None) if s.week == _this_week()]


def _the_one_session() -> Session:
    sessions = _this_weeks_sessions()
    assert len(sessions) == 1, [(s.id, s.status) for s in sessions]
    return sessions[0]


def _this_week() -> str:
    year, week, _ = dt.date.today().isocalendar()
    return f"{year}-W{week:02d}"


def _kill(child: Any, how: str) -> None:
    if how == "close":
        # The terminal window goes away: the kernel hangs up on the session.
        child.ptyproc.close(force=False)
    else:
        child.kill(signal.SIGKILL)
    deadline = time.monotonic() + 10
    while child.isalive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not child.isalive(), f"still running after {how}"
    if how != "close":
        child.close(force=True)


def spawn(home: Path, preexec_fn: Callable[[], None] | None = None) -> Any:
    """`belonging reflect --resume` in a terminal wide enough that no prompt wraps."""
    return spawn_cli(
        home, "reflect", "--resume", timeout=15, dimensions=(60, 250), preexec_fn=preexec_fn
    )


def _expect_step(child: Any, step: Step) -> None:
    child.expect(re.compile(step.shown, re.DOTALL))


# Both kills on a plain journal, SIGKILL on an encrypted one too (each run is ~25 s, and
# how the process dies does not depend on how its journal is stored).
@pytest.mark.parametrize(
    ("how", "journal_kind"),
    [("sigkill", "plain"), ("close", "plain"), ("sigkill", "encrypted")],
    ids=["SIGKILL", "terminal-closed-SIGHUP", "SIGKILL-encrypted"],
    indirect=["journal_kind"],
)
@pytest.mark.usefixtures("either_journal")
def test_killed_at_every_step_then_resumed_loses_and_doubles_nothing(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, how: str
) -> None:
    _previous_week(cli, tmp_path)
    given: list[str] = []
    child = spawn(isolated_home)
    for step in STEPS:
        _expect_step(child, step)
        _kill(child, how)
        if given:
            session = _the_one_session()
            assert session.status == "draft", f"killed at {step.name}"
            recorded = _recorded(session)
            assert len(recorded) == len(set(recorded)), f"doubled by a kill at {step.name}"
            assert set(given) <= set(recorded), (step.name, set(given) - set(recorded))
        else:  # nothing answered yet: a draft starts with the first answer
            assert _this_weeks_sessions() == []
        # A fresh terminal resumes exactly at the step that was on screen.
        child = spawn(isolated_home)
        _expect_step(child, step)
        child.send(step.keys)
        given.append(step.records)
    child.expect("Next: ")  # the recap names the experiment now open
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    session = _the_one_session()
    assert session.status == "complete"
    recorded = _recorded(session)
    assert len(recorded) == len(set(recorded))
    assert set(recorded) == {g for g in given if g != "save"}
    first = session.rating("cultivate-belonging")
    assert first is not None and first.level == 2 and first.evidence == "Skipped the retro"
    assert all(r.level == 3 for r in session.ratings if r.behaviour_id != "cultivate-belonging")
    texts = {a.step_id: a.value for a in session.answers}
    assert texts["reflect.1"] == "First" and texts["next-experiment.confidence"] == 8
    assert texts["next-experiment.when"] == "Monday, with Ana"
    assert texts["win"] == "A win" and texts["levers"] == "structural"
    assert texts["influence"] == "A question" and "control" not in texts
    with open_journal() as journal:
        assert len(journal.sessions(status=None)) == 2
        experiments = journal.experiments()
    assert [e.status for e in experiments] == ["done", "open"]
    assert experiments[0].happened == "Ran it twice" and experiments[0].learned == "Wait longer"


@pytest.mark.usefixtures("either_journal")  # plain, then encrypted
def test_a_disk_that_fills_mid_reflection_says_so_and_the_rest_resumes_later(
    cli: CliRunner, tmp_path: Path, isolated_home: Path
) -> None:
    import resource

    _previous_week(cli, tmp_path)
    child = spawn(isolated_home)
    _expect_step(child, STEPS[0])
    child.send(STEPS[0].keys)
    _expect_step(child, STEPS[1])
    child.send(STEPS[1].keys)
    _expect_step(child, STEPS[2])
    child.kill(signal.SIGKILL)
    child.close(force=True)
    before = (isolated_home / "journal.db").read_bytes()

    def full_disk() -> None:  # no file this process writes may grow past 1 KB
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    full = spawn(isolated_home, preexec_fn=full_disk)
    _expect_step(full, STEPS[2])
    full.send(STEPS[2].keys)
    full.expect(pexpect.EOF)
    full.close()
    assert full.exitstatus == 1
    shown = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", full.before or "")
    errors = [line for line in shown.splitlines() if "belonging: error:" in line]
    assert len(errors) == 1 and "could not be written" in errors[0], shown[-1000:]
    assert "Traceback" not in shown
    assert (isolated_home / "journal.db").read_bytes() == before
    # Space again: the draft resumes at the answer that could not be saved.
    child = spawn(isolated_home)
    _expect_step(child, STEPS[2])
    child.kill(signal.SIGKILL)
    child.close(force=True)
    assert set(_recorded(_the_one_session())) == {"answer:wellbeing", "answer:review"}
