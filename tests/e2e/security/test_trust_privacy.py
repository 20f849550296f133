"""Privacy of the experiments a person writes themselves ("Something of my own").

An own experiment is free text like any other answer: `#private` / `#share` at the
end flip it (the marker is never kept), `private_by_default = true` makes it private
unless marked, and answers files take `{text: ..., private: ...}` for it. A private
one stays out of every `--share` format and of the coach's roll-up, and is in the
person's own report as written.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from belonging_cli import ask
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from support import weekly_keys
from support.cli import REPO, CliRunner
from support.weekly_answers import weekly_answers, write_answers

SECRET = "Tell Sam the reorg is off"
FORMATS = ("md", "html", "json")


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)


def private_by_default(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("private_by_default = true\n", encoding="utf-8")


def reflect(cli: CliRunner, folder: Path, experiment: Any, **more: Any) -> None:
    data = weekly_answers(**{"next-experiment": experiment})
    data.update(more)
    result = cli("reflect", "--answers", str(write_answers(folder, data)))
    assert result.code == 0, result.err


def shared(cli: CliRunner, fmt: str) -> str:
    result = cli("report", "--share", "--format", fmt)
    assert result.code == 0, result.err
    return result.out


def own(cli: CliRunner) -> str:
    result = cli("report", "--format", "md")
    assert result.code == 0, result.err
    return result.out


def rollup(cli: CliRunner, folder: Path) -> str:
    bundle = folder / "bundle.json"
    made = cli("report", "--share", "--format", "json", "--out", str(bundle))
    assert made.code == 0, made.err
    texts = []
    for fmt in FORMATS:
        result = cli("coach", "summary", str(bundle), "--format", fmt)
        assert result.code == 0, result.err
        texts.append(result.out)
    return "\n".join(texts)


def assert_private(cli: CliRunner, folder: Path, text: str = SECRET) -> None:
    for fmt in FORMATS:
        out = shared(cli, fmt)
        assert text not in out, fmt
        assert "#private" not in out.lower(), fmt
    assert text not in rollup(cli, folder)
    mine = own(cli)
    assert text in mine
    assert "#private" not in mine.lower()


def assert_shared(cli: CliRunner, text: str) -> None:
    for fmt in FORMATS:
        out = shared(cli, fmt)
        assert text in out, fmt
        assert "#share" not in out.lower(), fmt


@pytest.mark.parametrize(
    "answer",
    [
        f"{SECRET} #private",
        f"{SECRET}   #PRIVATE  ",
        {"text": SECRET, "private": True},
        {"text": f"{SECRET} #private"},
    ],
    ids=["marker", "marker-spaced-upper", "text-private", "text-with-marker"],
)
def test_a_private_own_experiment_stays_out_of_shared_reports(
    cli: CliRunner, tmp_path: Path, answer: Any
) -> None:
    reflect(cli, tmp_path, answer)
    with open_journal() as journal:
        (experiment,) = journal.experiments(status="open")
    assert experiment.title == SECRET  # stored without the marker
    assert experiment.private
    assert_private(cli, tmp_path)


def test_an_unmarked_own_experiment_is_shared_as_before(cli: CliRunner, tmp_path: Path) -> None:
    reflect(cli, tmp_path, SECRET)
    assert_shared(cli, SECRET)


@pytest.mark.parametrize(
    ("answer", "private"),
    [
        (SECRET, True),
        (f"{SECRET} #share", False),
        ({"text": SECRET, "private": False}, False),
    ],
    ids=["unmarked", "marker-share", "text-shared"],
)
def test_private_by_default_covers_own_experiments(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, answer: Any, private: bool
) -> None:
    private_by_default(isolated_home)
    reflect(cli, tmp_path, answer)
    if private:
        assert_private(cli, tmp_path)
    else:
        assert_shared(cli, SECRET)


def test_a_rubric_experiment_is_not_made_private_by_the_setting(
    cli: CliRunner, tmp_path: Path, isolated_home: Path
) -> None:
    """The rubric's own words are not the person's: they stay shared."""
    private_by_default(isolated_home)
    focus = load_rubric(REPO / "rubrics").find("protect-time")
    assert focus is not None
    reflect(cli, tmp_path, focus.experiments[0].id)
    with open_journal() as journal:
        (experiment,) = journal.experiments(status="open")
    assert not experiment.private
    assert experiment.title in shared(cli, "json")


def test_the_answers_template_says_how_to_keep_an_own_experiment_private(cli: CliRunner) -> None:
    template = cli("reflect", "--answers-template")
    above = template.out.split("next-experiment:", 1)[0].rsplit("\n\n", 1)[1]
    words = " ".join(above.replace("#", " ").split())
    assert 'your own in a sentence (shared; write {text: "...", private: true}' in words


def test_trying_a_private_experiment_again_keeps_it_private(cli: CliRunner, tmp_path: Path) -> None:
    first = dt.date(2026, 3, 4)
    reflect(cli, tmp_path, f"{SECRET} #private", date=first.isoformat())
    later = weekly_answers(
        **{"review": "partly", "review.happened": "", "review.learned": ""},
        **{"next-experiment": SECRET},  # the "Again: ..." choice
    )
    later["date"] = (first + dt.timedelta(weeks=1)).isoformat()
    result = cli("reflect", "--answers", str(write_answers(tmp_path, later, "two.json")))
    assert result.code == 0, result.err
    with open_journal() as journal:
        opened = journal.experiments(status="open")
    assert [(e.title, e.private) for e in opened] == [(SECRET, True)]
    for fmt in FORMATS:
        assert SECRET not in cli("report", "--share", "--format", fmt, "--period", "all").out


PACK = """\
id: deep
title: Deep
version: 1
coach: {name: Sam}
exercises:
  - id: paradox
    behaviour: navigate-paradox
    title: Paradox week
    instructions: Notice one tension and hold it.
    questions:
      - {id: what, kind: text, question: What tension?, private: false}
      - {id: next, kind: experiment}
"""


@pytest.mark.parametrize(
    "answer",
    [f'"{SECRET} #private"', f'{{text: "{SECRET}", private: true}}'],
    ids=["marker", "text-private"],
)
def test_an_exercise_experiment_question_honours_privacy(
    cli: CliRunner, tmp_path: Path, answer: str
) -> None:
    reflect(cli, tmp_path, "Block one hour to think")  # a report needs a reflection
    pack = tmp_path / "deep.yaml"
    pack.write_text(PACK, encoding="utf-8")
    assert cli("exercises", "import", str(pack)).code == 0
    answers = tmp_path / "a.yaml"
    answers.write_text(f"answers:\n  what: Speed against care\n  next: {answer}\n", "utf-8")
    result = cli("exercises", "do", "paradox", "--answers", str(answers))
    assert result.code == 0, result.err
    with open_journal() as journal:
        opened = {e.title: e.private for e in journal.experiments(status="open")}
        session = next(s for s in journal.sessions() if s.assignment_id)
    assert opened[SECRET] is True
    stored = session.answer("next")
    assert stored is not None and stored.private and stored.value == SECRET
    for fmt in FORMATS:
        out = shared(cli, fmt)
        assert "Speed against care" in out  # the shared answer is there...
        assert SECRET not in out  # ...the private experiment is not
    data = json.loads(shared(cli, "json"))
    assert data["private_left_out"] >= 1
    assert SECRET in own(cli)


def test_an_own_experiment_typed_at_the_terminal_takes_the_marker(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    monkeypatch.setattr(ask, "terminal_available", lambda: True)
    focus = load_rubric(REPO / "rubrics").find("embrace-messiness")
    assert focus is not None
    own_choice = str(len(focus.experiments) + 1)  # "Something of my own" is the last
    keys = (
        weekly_keys.TO_THE_REFLECTIONS  # embrace-messiness rated lowest: the suggestion
        + weekly_keys.REFLECTIONS
        + "\r"  # levers
        + "The roadmap\r"  # the lens of a first week
        + own_choice
        + "\r"
        + f"{SECRET} #private\r"
        + weekly_keys.PLAN
        + "\r\r"  # no takeaway; save
    )
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()
        result = cli("reflect")
    assert result.code == 0, result.err
    with open_journal() as journal:
        (experiment,) = journal.experiments(status="open")
    assert (experiment.title, experiment.private) == (SECRET, True)
    # The shared reports made from a script: at a terminal --share would ask what to add.
    monkeypatch.setattr(ask, "terminal_available", lambda: False)
    for fmt in FORMATS:
        assert SECRET not in shared(cli, fmt)
