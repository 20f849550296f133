"""Finding D: the same mistake gets the same message and exit code on every path.

A home that is a file is a usage mistake (exit 2), said in one line the same way
whichever command follows, with --debug or without; given as BELONGING_HOME, the line
names BELONGING_HOME, not --home. Every other usage mistake is one line too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.cli import CliRunner

COMMANDS = [
    ("status",),
    ("status", "--json"),
    (),
    ("report",),
    ("report", "--format", "json"),
    ("journal", "list"),
    ("journal", "list", "--json"),
    ("rubric", "list"),
    ("progress",),
]


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    path = tmp_path / "not-a-folder"
    path.write_text("hello\n", encoding="utf-8")
    return path


def message(err: str) -> str:
    """The one line a mistake is said in."""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("belonging: error: "), err
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("front", [(), ("--debug",)], ids=["plain", "debug"])
def test_a_home_that_is_a_file_is_a_usage_mistake_on_every_path(
    cli: CliRunner, a_file: Path, command: tuple[str, ...], front: tuple[str, ...]
) -> None:
    given = cli(*front, "--home", str(a_file), *command)
    reference = cli("--home", str(a_file), "status")
    assert given.code == 2, given.err
    assert given.out == ""
    assert message(given.err) == message(reference.err)
    assert f"--home: '{a_file}' is a file" in given.err
    assert "Traceback" not in given.err
    assert not (a_file.parent / "journal.db").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_the_same_home_given_in_the_environment_is_the_same_mistake(
    cli: CliRunner, a_file: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    reference = cli("--home", str(a_file), "status")
    monkeypatch.setenv("BELONGING_HOME", str(a_file))
    given = cli(*command)
    assert (given.code, given.out) == (2, "")
    assert message(given.err) == message(reference.err).replace("--home", "BELONGING_HOME")


def test_a_home_below_a_file_is_the_same_mistake(cli: CliRunner, a_file: Path) -> None:
    given = cli("--home", str(a_file / "sub"), "status")
    assert given.code == 2
    assert f"--home: '{a_file}' is a file" in message(given.err)


@pytest.mark.parametrize(
    "args",
    [("--bogus",), ("journal", "list", "--limit", "x"), ("report", "--rubrics", "/nonexistent")],
    ids=" ".join,
)
def test_every_usage_mistake_is_one_line_naming_the_help(
    cli: CliRunner, args: tuple[str, ...]
) -> None:
    given = cli(*args)
    assert given.code == 2
    assert "--help` lists what it takes" in message(given.err)


def test_an_option_of_the_root_after_the_command_is_refused_as_usage(
    cli: CliRunner, a_file: Path
) -> None:
    # `--home` belongs before the command: after it, every command says so alike.
    for command in COMMANDS[3:6]:
        said = cli(*command, "--home", str(a_file))
        assert said.code == 2
        assert "No such option '--home'" in message(said.err)
