"""The rubric commands as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from support.cli import REPO, CliRunner


def test_version(cli: CliRunner) -> None:
    result = cli("--version")
    assert result.code == 0
    assert result.out.startswith("belonging ")


def test_help_lists_the_command_groups(cli: CliRunner) -> None:
    result = cli("--help")
    assert result.code == 0
    assert "rubric" in result.out


def test_list_shows_the_ten_behaviours(cli: CliRunner) -> None:
    result = cli("rubric", "list")
    assert result.code == 0
    assert "cultivate-belonging" in result.out
    assert "embrace-messiness" in result.out


def test_list_json(cli: CliRunner) -> None:
    result = cli("rubric", "list", "--json")
    data = json.loads(result.out)
    assert [b["number"] for b in data["behaviours"]] == list(range(1, 11))
    assert data["rubric"]["id"] == "belonging-core"


def test_show_by_id_and_by_number(cli: CliRunner) -> None:
    by_id = cli("rubric", "show", "navigate-paradox")
    by_number = cli("rubric", "show", "5")
    assert by_id.code == by_number.code == 0
    assert by_id.out == by_number.out
    assert "Navigate paradox" in by_id.out
    assert "Multiplying" in by_id.out  # the level labels from the manifest


def test_unknown_behaviour_suggests_close_ids(cli: CliRunner) -> None:
    result = cli("rubric", "show", "navigate-paradx")
    assert result.code == 1
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert "navigate-paradox" in result.err


def test_validate_the_packaged_rubrics(cli: CliRunner) -> None:
    result = cli("rubric", "validate", str(REPO / "rubrics"))
    assert result.code == 0, result.err
    assert "10 behaviours" in result.out


def test_validate_lists_every_problem_with_a_location(cli: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Not A Slug\nid: again\nnumber: ten\ncolour: blue\n", encoding="utf-8")
    result = cli("rubric", "validate", str(bad))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert f"{bad}:2:1: id: duplicate key 'id'" in result.err
    assert f"{bad}:3:9: number:" in result.err
    assert f"{bad}:4:1: colour: unknown key" in result.err
    assert any(": title: required" in line for line in lines)
    assert "Traceback" not in result.err


def test_custom_rubric_folder_replaces_the_packaged_one(
    cli: CliRunner, tmp_path: Path, monkeypatch: object
) -> None:
    import shutil

    custom = tmp_path / "org"
    custom.mkdir()
    shutil.copy(REPO / "rubrics" / "rubric.yaml", custom / "rubric.yaml")
    shutil.copy(REPO / "rubrics" / "01-cultivate-belonging.yaml", custom / "one.yaml")
    result = cli("rubric", "list", "--rubrics", str(custom), "--json")
    assert [b["id"] for b in json.loads(result.out)["behaviours"]] == ["cultivate-belonging"]


def test_usage_error_exits_2(cli: CliRunner) -> None:
    assert cli("rubric", "show").code == 2
    assert cli("no-such-command").code == 2


def test_show_gives_the_solo_lines_and_the_2_0_signals(cli: CliRunner) -> None:
    clean = REPO / "tests" / "hostile" / "rubric_strict" / "clean"
    result = cli("rubric", "show", "ask-first", "--rubrics", str(clean))
    assert result.code == 0, result.err
    text = " ".join(result.out.replace("│", " ").split())
    assert "Without a team: With peers, you open with your view" in text
    assert "Did it: 3 meetings opened with a question before your view." in text
    assert "Saw it: Someone offers a view you had not heard from them before." in text
    assert "Later: After a month" in text
    assert "ask before you tell" not in text  # strands are for writers, not the screen
