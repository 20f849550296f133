"""`belonging reflect` driven in-process through prompt_toolkit's pipe input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from belonging_cli import ask
from belonging_cli.clock import iso_week
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner, Result
from support.weekly_keys import RETURNING_TO_THE_TAKEAWAY, TO_THE_PULSE, TO_THE_TAKEAWAY

ENTER = "\r"
CTRL_C = "\x03"


@pytest.fixture(autouse=True)
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)


@contextmanager
def typed(keys: str) -> Iterator[None]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()  # running out of keys ends the prompt (Ctrl-D) instead of hanging
        yield


def reflect(cli: CliRunner, keys: str, *args: str) -> Result:
    with typed(keys):
        return cli("reflect", *args)


FIRST_WEEK = (
    TO_THE_TAKEAWAY.replace("Kept the plan rough\r", "Kept the plan rough #share\r")
    + "Let the team shape it\r"  # takeaway
    + ENTER  # save
)
TWO_RATINGS = TO_THE_PULSE + "3\r3\r"  # how you are, the win, then two ratings


def test_a_whole_first_weekly_reflection(cli: CliRunner) -> None:
    result = reflect(cli, FIRST_WEEK)
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
        (experiment,) = journal.experiments(status="open")
    assert session.status == "complete" and session.flow_id == "weekly"
    assert session.focus_behaviour_id == "embrace-messiness"
    assert session.tags == ()  # the 2.0 weekly asks no tags
    wellbeing, win = session.answer("wellbeing"), session.answer("win")
    assert wellbeing is not None and wellbeing.value == "steady" and wellbeing.private
    assert win is not None and win.value == "Shipped the plan"
    levers = session.answer("levers")
    assert levers is not None and levers.value == "not said"  # Enter: none preselected
    assert {r.behaviour_id: r.level for r in session.ratings}["embrace-messiness"] == 1
    reflections = [a for a in session.answers if a.step_id.startswith("reflect.")]
    assert [a.value for a in reflections] == ["Kept the plan rough"]  # one a week
    assert [a.private for a in reflections] == [False]  # `#share` shared it
    control = session.answer("control")
    assert control is not None and control.private and control.value == "Overrode Sam's estimate"
    assert session.answer("influence") is None  # one lens a week: influence waits its turn
    assert experiment.behaviour_id == "embrace-messiness"
    assert experiment.created_session_id == session.id
    assert experiment.week > session.week


def test_the_next_week_reviews_the_experiment_and_defaults_to_last_ratings(
    cli: CliRunner,
) -> None:
    last_week = dt.date.today() - dt.timedelta(days=7)
    assert reflect(cli, FIRST_WEEK, "--date", last_week.isoformat()).code == 0
    with open_journal() as journal:
        (experiment,) = journal.experiments(status="open")
    assert experiment.week == iso_week(dt.date.today())
    result = reflect(cli, RETURNING_TO_THE_TAKEAWAY + ENTER + ENTER)  # takeaway, save
    assert result.code == 0, result.err
    with open_journal() as journal:
        reviewed = next(e for e in journal.experiments() if e.id == experiment.id)
        latest = journal.sessions()[0]
    assert reviewed.status == "done" and reviewed.outcome == "tried"
    assert reviewed.learned == "Silence is fine" and reviewed.reviewed_session_id == latest.id
    assert {r.behaviour_id: r.level for r in latest.ratings}["embrace-messiness"] == 1
    review = latest.answer("review")
    assert review is not None and review.value == "tried"
    lens = latest.answer("influence")  # the second week's lens
    assert lens is not None and lens.value == "b" and latest.answer("control") is None


def test_ctrl_c_keeps_a_draft_and_the_next_run_resumes_it(cli: CliRunner) -> None:
    result = reflect(cli, TWO_RATINGS + CTRL_C)
    assert result.code == 130
    assert "your answers so far are kept" in result.err
    with open_journal() as journal:
        (draft,) = journal.drafts()
    assert len(draft.ratings) == 2

    # Resume: only the unanswered questions are asked (8 ratings, not 10).
    rest = FIRST_WEEK[len(TWO_RATINGS) :]
    result = reflect(cli, rest, "--resume")
    assert result.code == 0, result.err
    with open_journal() as journal:
        assert journal.drafts() == []
        (session,) = journal.sessions()
    assert session.id == draft.id
    assert len(session.ratings) == 10


def test_discard_starts_afresh(cli: CliRunner) -> None:
    reflect(cli, TO_THE_PULSE + "3\r" + CTRL_C)
    result = reflect(cli, FIRST_WEEK, "--discard")
    assert result.code == 0, result.err
    with open_journal() as journal:
        assert journal.drafts() == []
        assert len(journal.sessions()) == 1


def test_without_a_flag_it_asks_whether_to_resume(cli: CliRunner) -> None:
    reflect(cli, TWO_RATINGS + CTRL_C)
    result = reflect(cli, ENTER + FIRST_WEEK[len(TWO_RATINGS) :])
    assert result.code == 0, result.err
    with open_journal() as journal:
        assert len(journal.sessions()) == 1


def test_ctrl_c_before_any_answer_leaves_nothing(cli: CliRunner) -> None:
    result = reflect(cli, CTRL_C)
    assert result.code == 130
    with open_journal() as journal:
        assert journal.drafts() == []


def test_a_deep_dive_on_a_chosen_behaviour(cli: CliRunner) -> None:
    keys = (
        "2\r"  # place yourself
        + "I skipped my thinking block\r"  # evidence
        + "x\r" * 5  # five prompts
        + ENTER  # counterfeits caught: none ticked
        + "Decline one meeting a day\r"  # the next level up
        + ENTER  # experiment
        + ENTER  # a look-for to watch next week
        + ENTER  # tags
        + ENTER  # save
    )
    result = reflect(cli, keys, "--flow", "deep-dive", "--behaviour", "protect-time")
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert session.focus_behaviour_id == "protect-time"
    (rating,) = session.ratings
    assert (rating.level, rating.evidence) == (2, "I skipped my thinking block")
    prompts = [a.prompt_id for a in session.answers if a.prompt_id]
    assert len(set(prompts)) == 5
    assert session.answer("lookfor") is not None  # the deep dive ends with one to watch


def test_not_a_terminal_points_to_answers(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)
    result = cli("reflect")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "--answers" in result.err


def test_a_future_date_is_refused(cli: CliRunner) -> None:
    result = cli("reflect", "--date", "2999-01-01")
    assert result.code == 2 and "in the future" in result.err


def test_a_draft_of_a_flow_no_longer_there_can_be_discarded(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "flows"
    folder.mkdir()
    (folder / "one.yaml").write_text(
        "id: one\ntitle: One\ndescription: d\nminutes: 1\nsteps:\n"
        "  - {id: a, kind: text, question: A?}\n  - {id: b, kind: text, question: B?}\n",
        encoding="utf-8",
    )
    assert reflect(cli, "x\r" + CTRL_C, "--flows", str(folder)).code == 130
    result = reflect(cli, ENTER, "--resume")
    assert result.code == 1 and "--discard" in result.err
    assert reflect(cli, FIRST_WEEK, "--discard").code == 0


def test_a_coachs_exercise_is_the_suggested_focus(cli: CliRunner) -> None:
    from belonging_cli.records import Assignment

    with open_journal() as journal:
        journal.upsert_assignment(
            Assignment(
                id="pack/listen",
                pack_id="pack",
                pack_version="1",
                exercise_id="listen",
                behaviour_id="prompt-insight",
                title="Ask, don't tell",
                instructions="Ask three questions before any answer.",
                imported_at=dt.datetime.now(dt.timezone.utc),
                due=dt.date.today(),
            )
        )
    result = reflect(cli, FIRST_WEEK)
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
    assert session.focus_behaviour_id == "prompt-insight"


def test_every_plain_kind_in_a_custom_flow(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "flows"
    folder.mkdir()
    (folder / "kinds.yaml").write_text(
        """\
id: kinds
title: Kinds
description: One of each.
minutes: 2
steps:
  - id: who
    kind: select
    question: Who?
    choices: [{value: me}, {value: team}, {value: peers}]
  - id: where
    kind: checkbox
    question: Where?
    choices: [{value: meetings}, {value: one-to-ones}, {value: email}]
  - id: again
    kind: confirm
    question: Again?
    default: true
  - id: note
    kind: text
    question: A note?
    default: none
""",
        encoding="utf-8",
    )
    keys = "2\r" + " " + "\x1b[B\x1b[B" + " " + "\r" + "n\x1b[B" + "\r" + ENTER + ENTER
    result = reflect(cli, keys, "--flows", str(folder))
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
    values = {a.step_id: a.value for a in session.answers}
    assert values == {"who": "team", "where": ["meetings", "email"], "again": False, "note": "none"}
