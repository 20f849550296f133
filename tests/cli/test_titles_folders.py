"""A rubric or flows folder that is not there is one mistake, said one way (exit 2),
however it is given: `--rubrics`/`--flows`, `BELONGING_RUBRICS`/`BELONGING_FLOWS`, or
`config set rubrics|flows`. The line names how it was given, then the same words; one
typed into config.toml by hand is said at its line there, in the same words (exit 1).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import CliRunner, Result
from support.places import HOSTILE

CORPUS = json.loads((HOSTILE / "titles" / "folders.json").read_text(encoding="utf-8"))
CASES = CORPUS["folders"]
# A command of each folder that takes its option.
COMMANDS = {"rubrics": ("rubric", "list"), "flows": ("flows", "list")}


def place(tmp_path: Path, case: dict[str, str]) -> str:
    """The value to give for `case`, made real under tmp_path where it needs to be."""
    if case["place"] == "absolute":
        return case["path"]
    path = tmp_path / case["path"]
    if case["place"] == "file":
        path.write_text("id: not-a-folder\n", encoding="utf-8")
    elif case["place"] == "dangling":
        path.symlink_to(tmp_path / "was-here")
    elif case["place"] == "below-file":
        path.parent.write_text("notes\n", encoding="utf-8")
    return str(path)


def said(result: Result, given_as: str) -> str:
    """The words after `given_as: ` on the one line of the mistake."""
    assert result.code == 2, (result.code, result.err)
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    prefix = f"belonging: error: {given_as}: "
    assert lines[0].startswith(prefix), lines[0]
    return lines[0].removeprefix(prefix).split(" (`", 1)[0]  # an option's help pointer


@pytest.mark.parametrize("key", ["rubrics", "flows"])
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_folder_that_is_not_there_is_one_mistake_said_one_way(
    cli: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    case: dict[str, str],
) -> None:
    value = place(tmp_path, case)
    by_option = said(cli(*COMMANDS[key], f"--{key}", value), f"--{key}")
    by_setting = said(cli("config", "set", key, value), key)
    monkeypatch.setenv(f"BELONGING_{key.upper()}", value)
    by_environment = said(cli(*COMMANDS[key]), f"BELONGING_{key.upper()}")
    assert by_option == by_environment == by_setting
    assert by_option.endswith("is not a folder (allowed: an existing folder)"), by_option
    assert "Invalid value" not in by_option and "does not exist" not in by_option


@pytest.mark.parametrize("key", ["rubrics", "flows"])
def test_the_option_names_its_command_help_and_the_folder_as_given(
    cli: CliRunner, tmp_path: Path, key: str
) -> None:
    result = cli(*COMMANDS[key], f"--{key}", "/nonexistent")
    words = said(result, f"--{key}")
    assert words == "'/nonexistent' is not a folder (allowed: an existing folder)"
    assert f"`belonging {' '.join(COMMANDS[key])} --help` lists what it takes" in result.err


@pytest.mark.parametrize("key", ["rubrics", "flows"])
def test_a_folder_that_is_there_is_still_taken_as_given(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    # A relative folder is the one under the current folder, as before.
    from support.places import REPO

    monkeypatch.chdir(REPO)
    folder = "rubrics" if key == "rubrics" else "prompts"
    result = cli(*COMMANDS[key], f"--{key}", folder)
    assert result.code == 0, result.err


@pytest.mark.parametrize("key", ["rubrics", "flows"])
def test_a_folder_typed_into_config_toml_that_is_not_there_is_said_at_its_line(
    cli: CliRunner, isolated_home: Path, tmp_path: Path, key: str
) -> None:
    # `config set` refuses such a folder; one typed into the file by hand is said where
    # it is, in the same words, when a command needs the folder (others still run).
    assert cli("config", "set", "name", "Sam").code == 0  # the file, as belonging writes it
    config = next(isolated_home.rglob("config.toml"))
    missing = tmp_path / "gone"
    text = config.read_text("utf-8") + f'# my own {key}\n{key} = "{missing}"\n'
    config.write_text(text, "utf-8")
    line = text.splitlines().index(f'{key} = "{missing}"') + 1
    result = cli(*COMMANDS[key])
    assert result.code == 1, result.err
    assert result.err.splitlines() == [
        f"{config}:{line}:1: {key}: '{missing}' is not a folder (allowed: an existing folder)"
    ]
    assert cli("status").code == 0
