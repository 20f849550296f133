"""The monthly and the deep dive of rubric 2.0 (issue 15), run through the real CLI:
the month's goals shown before anything is asked, something to be proud of, what
someone said (private), what to bring to a coach (shared, in the coach's prep), and
the counterfeits caught and the look-for chosen, kept as the words the person picked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.history import History
from belonging_cli.engine.kinds.goal import open_goals
from belonging_cli.engine.session import Engine
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner


def _template(cli: CliRunner, *args: str) -> dict[str, Any]:
    made = cli("reflect", "--answers-template", *args)
    assert made.code == 0, made.err
    data: dict[str, Any] = yaml.safe_load(made.out)
    return data


def _save(cli: CliRunner, tmp_path: Path, data: dict[str, Any], *args: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    saved = cli("reflect", "--answers", str(path), *args)
    assert saved.code == 0, saved.err


def _answers(cli: CliRunner) -> dict[str, dict[str, Any]]:
    shown = cli("journal", "export", "--format", "json")
    assert shown.code == 0, shown.err
    return {a["step_id"]: a for s in json.loads(shown.out)["sessions"] for a in s["answers"]}


def test_the_monthly_shows_each_open_goal_before_asking(
    cli: CliRunner, isolated_home: Path
) -> None:
    success = ("--success", "Two quiet mornings")
    added = cli("goals", "add", "protect-time", "--target", "4", "--by", "8w", *success)
    assert added.code == 0, added.err
    rubric = load_rubric()
    with open_journal(isolated_home / "journal.db") as journal:
        goals = open_goals(journal, rubric, dt.timezone.utc)
    monthly = load_flows().get("monthly")
    engine = Engine(monthly, rubric, History(), "2026-W49", dt.date(2026, 12, 1), goals=goals)
    recap = engine.next_question()
    assert recap is not None and recap.kind == "recap"
    engine.answer(recap, None, dt.datetime(2026, 12, 1, 9, tzinfo=dt.timezone.utc))
    shown = engine.next_question()
    assert shown is not None and shown.ask == "info" and shown.message == "Your goals"
    (line,) = shown.details
    assert "Protect time" in line and "-> 4 by" in line and "not rated yet" in line


def test_the_monthly_says_so_when_there_are_no_goals() -> None:
    monthly = load_flows().get("monthly")
    engine = Engine(monthly, load_rubric(), History(), "2026-W49", dt.date(2026, 12, 1))
    shown = next(q for q in engine.questions() if q.kind == "goals")
    assert "belonging goals add" in shown.details[0]


def test_the_monthly_keeps_pride_and_what_was_heard_private_and_the_coach_note_shared(
    cli: CliRunner, tmp_path: Path
) -> None:
    data = _template(cli, "--flow", "monthly")
    answers = data["answers"]
    answers.update(
        proud="I let Sam run the planning meeting",
        heard="Ana said I listen more than I used to",
        coach="Why I still rewrite the team's documents",
        focus="credit-to-others",
        traps=[1],
        lookfor=2,
    )
    _save(cli, tmp_path, data, "--flow", "monthly")
    saved = _answers(cli)
    assert saved["proud"]["private"] is True and saved["heard"]["private"] is True
    assert saved["coach"]["private"] is False and saved["coach"]["role"] == "prep"
    assert isinstance(saved["traps"]["value"], list) and len(saved["traps"]["value"]) == 1
    assert saved["traps"]["private"] is True
    assert isinstance(saved["lookfor"]["value"], str) and saved["lookfor"]["value"]
    prep = cli("report", "--share", "--format", "json")
    assert prep.code == 0, prep.err
    assert "Why I still rewrite the team's documents" in prep.out
    assert "Ana said" not in prep.out  # private words never travel


def test_the_deep_dive_keeps_the_traps_ticked_and_the_look_for(
    cli: CliRunner, tmp_path: Path
) -> None:
    args = ("--flow", "deep-dive", "--behaviour", "protect-time")
    data = _template(cli, *args)
    assert "traps" in data["answers"] and "lookfor" in data["answers"]
    data["answers"]["traps"] = [2, 1]
    data["answers"]["lookfor"] = 1
    _save(cli, tmp_path, data, *args)
    saved = _answers(cli)
    traps = saved["traps"]["value"]
    assert len(traps) == 2 and all(isinstance(t, str) and len(t) > 20 for t in traps)
    assert saved["lookfor"]["behaviour_id"] == "protect-time"


def test_a_trap_the_behaviour_does_not_have_is_refused_at_its_line(
    cli: CliRunner, tmp_path: Path
) -> None:
    args = ("--flow", "deep-dive", "--behaviour", "protect-time")
    data = _template(cli, *args)
    data["answers"]["traps"] = [99]
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    refused = cli("reflect", "--answers", str(path), *args)
    assert refused.code == 1
    assert f"{path.name}:" in refused.err and "traps" in refused.err
    assert "Traceback" not in refused.err
    assert cli("journal", "list").out.count("deep-dive") == 0  # nothing half saved
