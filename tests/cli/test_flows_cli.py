"""`belonging flows list/show/validate`, and custom flow folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import REPO, CliRunner

TINY = """\
id: team-check
title: Team check
description: Two questions about the team.
minutes: 2
steps:
  - id: mood
    kind: scale
    question: How is the team?
    labels: [low, ok, high]
  - id: why
    kind: text
    question: What tells you that?
    private: true
"""


def test_list_shows_the_built_in_flows(cli: CliRunner) -> None:
    result = cli("flows", "list")
    assert result.code == 0
    for flow_id in ("weekly", "deep-dive", "five-concepts", "mirror", "monthly"):
        assert flow_id in result.out


def test_list_json(cli: CliRunner) -> None:
    data = json.loads(cli("flows", "list", "--json").out)
    assert data["flows"][0]["id"] == "weekly"
    assert {"id", "title", "minutes", "steps", "description"} <= set(data["flows"][0])


def test_show_lists_the_steps_with_conditions(cli: CliRunner) -> None:
    result = cli("flows", "show", "weekly")
    assert result.code == 0
    assert "wellbeing-help  text, optional, private, when wellbeing equals low" in result.out
    data = json.loads(cli("flows", "show", "weekly", "--json").out)
    assert data["steps"][0]["id"] == "wellbeing"


def test_show_an_unknown_flow_names_the_known_ones(cli: CliRunner) -> None:
    result = cli("flows", "show", "nope")
    assert result.code == 1
    assert "no flow 'nope'" in result.err and "weekly" in result.err


def test_validate_reports_problems_as_file_line_col(cli: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(TINY, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(TINY.replace("team-check", "other").replace("labels", "lables"), "utf-8")
    ok = cli("flows", "validate", str(good), str(REPO / "prompts"))
    assert ok.code == 0 and f"ok  {good}: flow team-check, 2 steps" in ok.out
    result = cli("flows", "validate", str(bad))
    assert result.code == 1
    assert f"{bad}:9:5: steps[0].lables: unknown key" in result.err


@pytest.mark.parametrize("how", ["option", "env"])
def test_a_custom_flows_folder(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    folder = tmp_path / "flows"
    folder.mkdir()
    (folder / "team.yaml").write_text(TINY, encoding="utf-8")
    args: tuple[str, ...] = ()
    if how == "option":
        args = ("--flows", str(folder))
    else:
        monkeypatch.setenv("BELONGING_FLOWS", str(folder))
    assert "team-check" in cli("flows", "list", *args).out
    answers = tmp_path / "a.yaml"
    answers.write_text("flow: team-check\nanswers: {mood: 2, why: fine}\n", encoding="utf-8")
    result = cli("reflect", "--answers", str(answers), *args)
    assert result.code == 0, result.err
