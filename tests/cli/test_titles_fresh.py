"""Behaviour titles are the rubric's as it is now, from the first run after it changed.

`status` (and bare `belonging`), `journal list` and `journal show` name behaviours by
title. With no rubric cache, or one a title edit made stale, the first of them
validates the rubric once and keeps its facts, so the next run is quick again; a
rubric that does not validate leaves ids, and status still answers (exit 0). A demo
leaves its home's cache warm, so its first `status` is quick and names titles.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from belonging_cli.resources import packaged_dir
from support.cli import CliRunner
from support.folder_ways import WAYS, give_folder
from support.startup import HEAVY, loaded_after

OLD = "Protect time to reflect, experiment, engage and rest"
NEW = "Guard the calendar"

# A flow of its own: a focus, a rating and an experiment on protect-time.
FLOW = """\
id: titles-fresh
title: Titles fresh
description: A focus, a rating, an experiment.
minutes: 1
steps:
  - id: focus
    kind: focus
    question: Which behaviour?
  - id: rating
    kind: rate
    behaviour: protect-time
  - id: next-experiment
    kind: experiment
    question: What will you try next week?
"""


@pytest.fixture
def rubric(tmp_path: Path) -> Path:
    """A copy of the built-in rubric set, to edit."""
    return Path(shutil.copytree(packaged_dir("rubrics"), tmp_path / "rubrics"))


def retitle(rubric: Path, old: str, new: str) -> None:
    path = rubric / "02-protect-time.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"title: {old}\n" in text
    path.write_text(text.replace(f"title: {old}\n", f"title: {new}\n", 1), encoding="utf-8")


def reflect(cli: CliRunner, tmp_path: Path, extra: list[str]) -> str:
    """One reflection on protect-time (its rating, an experiment for it); its id."""
    flows = tmp_path / "flows"
    flows.mkdir()
    (flows / "titles-fresh.yaml").write_text(FLOW, encoding="utf-8")
    answers = {"focus": "protect-time", "rating": 3, "next-experiment": "Block one hour"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"flow": "titles-fresh", "answers": answers}), encoding="utf-8")
    done = cli("reflect", "--flows", str(flows), "--answers", str(path), *extra)
    assert done.code == 0, done.err
    listed = cli("journal", "list", "--json", *extra)
    assert listed.code == 0, listed.err
    (session,) = json.loads(listed.out)
    return str(session["id"])


@pytest.fixture(params=WAYS)
def reflected(
    request: pytest.FixtureRequest,
    cli: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    rubric: Path,
) -> tuple[list[str], str]:
    """The copied rubric given each way, and one reflection with it (so the cache holds
    its titles): the options to add to a command, and the session's id."""
    extra = give_folder(request.param, cli, monkeypatch, "rubrics", rubric)
    return extra, reflect(cli, tmp_path, extra)


def test_an_edited_title_shows_on_the_first_run_after_the_edit(
    cli: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    rubric: Path,
    reflected: tuple[list[str], str],
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # the focus column whole
    extra, session = reflected
    assert OLD in cli("status", *extra).out
    retitle(rubric, OLD, NEW)
    for command in (("status",), ("journal", "list"), ("journal", "show", session)):
        result = cli(*command, *extra)
        assert result.code == 0, (command, result.err)
        assert NEW in result.out, (command, result.out)
        assert OLD not in result.out and "(protect-time)" not in result.out, command
    if not extra:
        assert NEW in cli().out  # bare `belonging` is status too


def test_after_a_demo_its_first_status_names_titles_without_validating(
    cli: CliRunner, tmp_path: Path
) -> None:
    demo = tmp_path / "demo"
    assert cli("demo", str(demo), "--weeks", "3").code == 0
    assert list((demo / "cache" / "rubric-facts").glob("*.json"))  # left warm
    # The first status in the demo's home: titles, and no pydantic or YAML to get them.
    assert not loaded_after("--home", str(demo), "status") & HEAVY
    out = cli("--home", str(demo), "status").out
    ids = {b.stem.split("-", 1)[1] for b in packaged_dir("rubrics").glob("[0-9]*.yaml")}
    experiment = next(line for line in out.splitlines() if line.startswith("Experiment"))
    assert not any(f"({i})" in experiment for i in ids), experiment
    listed = cli("--home", str(demo), "journal", "list").out
    assert not any(f"  {i}  " in listed for i in ids), listed


def test_a_cold_status_keeps_the_facts_so_the_next_is_light(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rubric: Path
) -> None:
    extra = give_folder("environment", cli, monkeypatch, "rubrics", rubric)
    reflect(cli, tmp_path, extra)
    retitle(rubric, OLD, NEW)  # stale: the next status validates once
    env = {"BELONGING_RUBRICS": str(rubric)}
    assert "pydantic" in loaded_after("status", env=env)
    assert not loaded_after("status", env=env) & HEAVY
    assert not loaded_after("journal", "list", env=env) & HEAVY


def test_a_status_with_no_behaviour_to_name_validates_nothing(
    isolated_home: Path, rubric: Path
) -> None:
    # A fresh home: nothing to name, so no rubric read and no cache written.
    assert not loaded_after("status", env={"BELONGING_RUBRICS": str(rubric)}) & HEAVY
    assert not (isolated_home / "cache").exists()


def test_a_rubric_that_does_not_validate_leaves_ids_and_status_answers(
    cli: CliRunner, rubric: Path, reflected: tuple[list[str], str]
) -> None:
    extra, session = reflected
    (rubric / "02-protect-time.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    for command in (("status",), ("journal", "list"), ("journal", "show", session)):
        result = cli(*command, *extra)
        assert (result.code, result.err) == (0, ""), (command, result.err)
        assert "protect-time" in result.out, (command, result.out)
        assert OLD not in result.out, command
