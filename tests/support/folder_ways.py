"""The three ways a rubric or flows folder is given, for tests that try each of them.

from support.folder_ways import WAYS, give_folder

extra = give_folder(way, cli, monkeypatch, "rubrics", folder)  # options to add, if any
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.cli import CliRunner

WAYS = ["option", "environment", "setting"]


def give_folder(
    way: str, cli: CliRunner, monkeypatch: pytest.MonkeyPatch, key: str, folder: Path
) -> list[str]:
    """Give the `key` folder ("rubrics" or "flows") `way`; the options to add to a command
    (the option), else none (BELONGING_<KEY> set, or `config set KEY`)."""
    if way == "option":
        return [f"--{key}", str(folder)]
    if way == "environment":
        monkeypatch.setenv(f"BELONGING_{key.upper()}", str(folder))
    else:
        done = cli("config", "set", key, str(folder))
        assert done.code == 0, done.err
    return []
