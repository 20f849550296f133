"""`belonging config ...` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import CliRunner


def test_path_show_set_unset(cli: CliRunner, isolated_home: Path) -> None:
    path = cli("config", "path")
    assert path.code == 0
    assert path.out.strip() == str(isolated_home / "config.toml")

    assert cli("config", "set", "reflection_weekday", "Monday").code == 0
    assert cli("config", "set", "timezone", "Europe/Berlin").code == 0
    shown = cli("config", "show")
    assert shown.code == 0
    assert "reflection_weekday  monday\n" in shown.out
    assert "reflection_time     16:00  [default]" in shown.out

    data = json.loads(cli("config", "show", "--json").out)
    assert data["settings"]["reflection_weekday"] == "monday"
    assert data["settings"]["timezone"] == "Europe/Berlin"
    assert data["from_file"] == ["reflection_weekday", "timezone"]

    assert cli("config", "unset", "timezone").code == 0
    data = json.loads(cli("config", "show", "--json").out)
    assert data["settings"]["timezone"] is None
    assert data["effective_timezone"] == "UTC"  # the tests pin TZ=UTC


def test_a_bad_value_is_one_line_naming_the_key_and_allowed_values(
    cli: CliRunner, isolated_home: Path
) -> None:
    result = cli("config", "set", "report_period", "fortnight")
    assert result.code == 2
    assert result.err == (
        "belonging: error: report_period: 'fortnight' is not allowed "
        "(allowed: week, month, quarter, year, all)\n"
    )
    assert not (isolated_home / "config.toml").exists()


def test_unknown_key(cli: CliRunner) -> None:
    for command in ("set", "unset"):
        args = ("colour", "blue") if command == "set" else ("colour",)
        result = cli("config", command, *args)
        assert result.code == 2
        assert "unknown setting 'colour' (settings: name, " in result.err


def test_a_broken_file_names_its_line(cli: CliRunner, isolated_home: Path) -> None:
    isolated_home.mkdir()
    (isolated_home / "config.toml").write_text('name = "Ada"\nreflection_time = "4pm"\n')
    result = cli("config", "show")
    assert result.code == 1
    assert result.err.startswith(f"{isolated_home / 'config.toml'}:2:1: reflection_time: ")
    assert "HH:MM" in result.err


def test_default_flow_must_exist(cli: CliRunner) -> None:
    result = cli("config", "set", "default_flow", "weekley")
    assert result.code == 2
    assert "default_flow: no flow 'weekley' (allowed: weekly, " in result.err
    assert cli("config", "set", "default_flow", "mirror").code == 0


def test_folders_must_exist_and_are_stored_absolute(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my-rubrics").mkdir()
    assert cli("config", "set", "rubrics", "my-rubrics").code == 0
    data = json.loads(cli("config", "show", "--json").out)
    assert data["settings"]["rubrics"] == str(tmp_path / "my-rubrics")
    missing = cli("config", "set", "flows", "nowhere")
    assert missing.code == 2
    assert "flows: " in missing.err and "is not a folder" in missing.err
