"""A mistake in a setting never locks the user out: `config set` repairs the value it
names, and a value that an option or the environment overrides is never checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.cli import CliRunner
from support.places import REPO


def test_config_set_repairs_the_bad_value_it_names(cli: CliRunner, isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    config = isolated_home / "config.toml"
    config.write_text('# mine\nreflection_weekday = "funday"\nname = "Ada"\n')
    assert cli("status").code == 1
    result = cli("config", "set", "reflection_weekday", "monday")
    assert result.code == 0, result.err
    assert cli("status").code == 0
    text = config.read_text()
    assert "# mine" in text and 'name = "Ada"' in text and "monday" in text


def test_config_unset_removes_a_bad_value(cli: CliRunner, isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "config.toml").write_text('timezone = "Mars/Base"\n')
    assert cli("config", "unset", "timezone").code == 0
    assert cli("status").code == 0


def test_a_file_toml_cannot_read_says_to_fix_it_by_hand(
    cli: CliRunner, isolated_home: Path
) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "config.toml").write_text('name = "Alex\n')
    result = cli("config", "set", "name", "Alex")
    assert result.code == 1
    assert "config.toml:1:" in result.err and "by hand" in result.err


def test_an_environment_value_overrides_a_bad_one_in_the_file(
    cli: CliRunner, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "config.toml").write_text('reflection_weekday = "funday"\n')
    monkeypatch.setenv("BELONGING_REFLECTION_WEEKDAY", "monday")
    result = cli("status", "--json")
    assert result.code == 0, result.err


@pytest.mark.parametrize(("kind", "folder"), [("rubrics", "rubrics"), ("flows", "prompts")])
def test_an_option_overrides_a_bad_environment_value(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str, folder: str
) -> None:
    monkeypatch.setenv(f"BELONGING_{kind.upper()}", str(tmp_path / "nonexistent"))
    command = "rubric" if kind == "rubrics" else "flows"
    result = cli(command, "list", f"--{kind}", str(REPO / folder))
    assert result.code == 0, result.err
