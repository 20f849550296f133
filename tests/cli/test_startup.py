"""Startup stays light: the heavy libraries load only in the commands that use them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from support.startup import HEAVY, loaded_after, modules_after


@pytest.mark.parametrize("args", [("--version",), ("--home", "/nonexistent", "--version")])
def test_version_imports_nothing_heavy(args: tuple[str, ...]) -> None:
    assert not loaded_after(*args) & HEAVY


def test_the_app_module_imports_nothing_heavy() -> None:
    code = "import sys, belonging_cli.cli.app; print(sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {m.split(".")[0] for m in ast.literal_eval(out.stdout)}
    assert not loaded & HEAVY


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("--home", "{home}", "status", "--json"),
        ("--home={home}", "journal", "list"),
        ("--home={home}", "journal", "list", "--json"),
        ("--home={home}", "journal", "path"),
        ("completion", "zsh"),
    ],
)
def test_the_most_run_commands_load_no_heavy_library(args: tuple[str, ...], tmp_path: Path) -> None:
    """The help, status and journal list pay for click and their own work only."""
    filled = [a.format(home=tmp_path) for a in args]
    assert not loaded_after(*filled) & HEAVY


def test_the_help_loads_no_command_module(tmp_path: Path) -> None:
    # The one-line helps come from the list of commands, not from importing each one.
    loaded = modules_after("--help", env={"BELONGING_HOME": str(tmp_path)})
    commands = {m for m in loaded if m.startswith("belonging_cli.cli.")}
    assert commands <= {"belonging_cli.cli.app", "belonging_cli.cli.options"}, commands


def test_listing_the_rubric_loads_no_heavy_library() -> None:
    # The first listing validates the rubric (pydantic, YAML) and caches its facts.
    loaded_after("rubric", "list")
    assert not loaded_after("rubric", "list") & HEAVY
