"""Behaviours #6, #7 and #10 as a user reads them: `rubric validate --strict` passes
each file, and `rubric show` at 80 columns gives every experiment its did-it and
saw-it signals and every level that needs one its line for leading without a team."""

from __future__ import annotations

import pytest

from belonging_cli.content.rubrics import load_behaviour_document
from support.cli import REPO, CliRunner

FILES = ("06-prompt-insight.yaml", "07-meaningful-vision.yaml", "10-embrace-messiness.yaml")


@pytest.mark.parametrize("name", FILES)
def test_each_file_passes_strict(cli: CliRunner, name: str) -> None:
    result = cli("rubric", "validate", "--strict", str(REPO / "rubrics" / name))
    assert result.code == 0, result.err
    assert result.err == ""


@pytest.mark.parametrize("name", FILES)
def test_show_at_80_columns_gives_each_experiment_its_signals(
    cli: CliRunner, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    behaviour, _ = load_behaviour_document(REPO / "rubrics" / name)
    result = cli("rubric", "show", str(behaviour.number))
    assert result.code == 0, result.err
    assert max(len(line) for line in result.out.splitlines()) <= 80
    experiments = len(behaviour.experiments)
    assert result.out.count("Did it:") == result.out.count("Saw it:") == experiments
    assert "It works if:" not in result.out and "Later: Later" not in result.out
    solos = sum(1 for level in behaviour.levels if level.solo)
    assert solos and result.out.count("Without a team:") == solos
