"""The example pack `belonging coach pack new` prints (issue 15): it shows the powerful
kinds (rate with evidence, reflect, experiment, a `when` follow-up) beside the plain
ones, no exercise falls due before its first week is over, the answer the coach's
session turns on is shared while one stays private, and every exercise imports and is
done end to end through the real CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from belonging_cli import ask
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.keys import ENTER, typed
from support.three_clients import frozen_at

IMPORTED = dt.date(2026, 11, 2)  # a Monday
DOWN = "\x1b[B"
POWERFUL = {"rate", "reflect", "experiment"}


def example(cli: CliRunner) -> str:
    made = cli("coach", "pack", "new")
    assert made.code == 0, made.err
    return made.out


def imported(cli: CliRunner, tmp_path: Path, day: dt.date = IMPORTED) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(example(cli), encoding="utf-8")
    with frozen_at(day, hour=9):
        done = cli("exercises", "import", str(path))
    assert done.code == 0, done.err
    return path


def shown(cli: CliRunner, exercise: str) -> dict[str, Any]:
    result = cli("exercises", "show", exercise, "--json")
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def test_the_example_shows_the_powerful_kinds_and_validates(cli: CliRunner, tmp_path: Path) -> None:
    text = example(cli)
    pack = yaml.safe_load(text)
    questions = [q for e in pack["exercises"] for q in e["questions"]]
    kinds = {q["kind"] for q in questions}
    assert kinds >= POWERFUL | {"long_text", "text", "select", "confirm", "scale", "checkbox"}
    assert any(q.get("evidence") == "always" for q in questions if q["kind"] == "rate")
    follow_ups = [q for q in questions if "when" in q]
    assert follow_ups, "a question asked only on an earlier answer"
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    checked = cli("coach", "pack", "validate", str(path))
    assert checked.code == 0, checked.err
    assert checked.err == ""  # not even a warning


@pytest.mark.parametrize("day", [IMPORTED, dt.date(2026, 11, 8), dt.date(2026, 12, 31)])
def test_no_exercise_is_due_before_its_first_week_is_over(
    cli: CliRunner, tmp_path: Path, day: dt.date
) -> None:
    imported(cli, tmp_path, day)
    with frozen_at(day):
        listed = json.loads(cli("exercises", "list", "--json").out)["exercises"]
    assert len(listed) == 3
    for item in listed:
        due = dt.date.fromisoformat(item["due"])
        assert due >= day + dt.timedelta(days=8), item["id"]


def test_the_coach_gets_the_words_the_session_needs_and_a_private_one_stays(
    cli: CliRunner, tmp_path: Path
) -> None:
    text = example(cli)
    assert "Answer as you would talk to me" in yaml.safe_load(text)["description"]
    imported(cli, tmp_path)
    questions = {q["id"]: q for q in shown(cli, "ask-dont-tell")["questions"]}
    assert questions["what-happened"]["private"] is False  # the coach's main question
    assert questions["who"]["private"] is True  # it names a colleague
    # Each `private:` the pack sets says why, on its line.
    for line in text.splitlines():
        if line.strip().startswith("private:"):
            assert "#" in line and ("shared" in line or "private" in line.split("#", 1)[1])
    template = cli("exercises", "do", "ask-dont-tell", "--answers-template").out
    lines = template.splitlines()
    at = lines.index('  what-happened: ""')
    assert "(shared;" in lines[at - 1]  # what the client is told at the question


def _answers(cli: CliRunner, exercise: str) -> dict[str, Any]:
    made = cli("exercises", "do", exercise, "--answers-template")
    assert made.code == 0, made.err
    answers: dict[str, Any] = yaml.safe_load(made.out)["answers"]
    return answers


def _do(cli: CliRunner, tmp_path: Path, exercise: str, answers: dict[str, Any]) -> str:
    path = tmp_path / f"{exercise}.json"
    path.write_text(json.dumps({"answers": answers}), encoding="utf-8")
    done = cli("exercises", "do", exercise, "--answers", str(path))
    assert done.code == 0, done.err
    return done.out.strip()


def test_every_exercise_is_imported_and_done_end_to_end(cli: CliRunner, tmp_path: Path) -> None:
    imported(cli, tmp_path)
    with frozen_at(IMPORTED + dt.timedelta(days=5)):
        ask_first = _answers(cli, "ask-dont-tell")
        ask_first.update({"what-happened": "She proposed two options", "how-hard": "very hard"})
        ask_first.update({"who": "Ana", "again": False})
        assert "what-stops" not in ask_first  # a follow-up of a "no" only
        ask_first["what-stops"] = "A team that waits for me"
        _do(cli, tmp_path, "ask-dont-tell", ask_first)
        weekly = _answers(cli, "weekly-rhythm")
        (prompt,) = [k for k in weekly if k.startswith("prompt.")]
        weekly.update({"kept-it": 2, "in-the-way": ["meetings"], "noticed": "Cut one meeting"})
        weekly[prompt] = {**weekly[prompt], "text": "Sleep went first"}
        _do(cli, tmp_path, "weekly-rhythm", weekly)
    with frozen_at(IMPORTED + dt.timedelta(days=27)):
        month = _answers(cli, "month-end")
        month.update({"now": 3, "now.evidence": "Asked first in four of five one-to-ones"})
        _do(cli, tmp_path, "month-end", month)
        listed = json.loads(cli("exercises", "list", "--json").out)["exercises"]
    states = {e["id"]: (e["state"], e["times_done"]) for e in listed}
    assert states == {
        "first-month/ask-dont-tell": ("done", 1),
        "first-month/weekly-rhythm": ("overdue", 1),  # done on day 5: due again day 12
        "first-month/month-end": ("done", 1),
    }
    with open_journal() as journal:
        sessions = {s.flow_id.rsplit("/", 1)[1]: s for s in journal.sessions()}
        experiments = journal.experiments("open")
    stops = sessions["ask-dont-tell"].answer("what-stops")
    assert stops is not None and stops.value == "A team that waits for me" and not stops.private
    reflected = sessions["weekly-rhythm"].answer(prompt)
    assert reflected is not None and reflected.private and reflected.prompt_id  # the rubric's
    (rating,) = sessions["month-end"].ratings
    assert (rating.behaviour_id, rating.level) == ("prompt-insight", 3)
    assert rating.evidence == "Asked first in four of five one-to-ones"
    assert [e.behaviour_id for e in experiments] == ["prompt-insight"]  # next week's, chosen


def test_a_no_at_the_terminal_brings_its_follow_up(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)
    imported(cli, tmp_path)
    keys = (
        "She found it herself\r"  # what-happened
        + "\r"  # who: skipped
        + "1\r"  # how-hard: easy
        + DOWN
        + ENTER  # again: no
        + "Only with the newest people\r"  # what-stops: asked after the "no"
        + ENTER  # save
    )
    with frozen_at(IMPORTED + dt.timedelta(days=3)), typed(keys):
        done = cli("exercises", "do", "ask-dont-tell")
    assert done.code == 0, done.err
    with open_journal() as journal:
        (session,) = journal.sessions()
    values = {a.step_id: a.value for a in session.answers}
    assert values["again"] is False
    assert values["what-stops"] == "Only with the newest people"


def test_shared_exercise_words_with_a_control_character_still_reach_the_coach(
    cli: CliRunner, tmp_path: Path
) -> None:
    """An answer pasted with a C1 control (NEL, U+0085) is shared without it: the coach's
    roll-up refuses a bundle holding one, so it would lose the whole client."""
    imported(cli, tmp_path)
    with frozen_at(IMPORTED + dt.timedelta(days=3)):
        answers = _answers(cli, "ask-dont-tell")
        answers["what-happened"] = "She proposed\x85two options"
        _do(cli, tmp_path, "ask-dont-tell", answers)
        bundle = tmp_path / "client.json"
        shared = cli("report", "--share", "--format", "json", "--out", str(bundle))
        assert shared.code == 0, shared.err
        rolled = cli("coach", "summary", str(bundle), "--format", "json")
    assert rolled.code == 0, rolled.err
    assert "She proposedtwo options" in bundle.read_text(encoding="utf-8")
