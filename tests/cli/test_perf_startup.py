"""The most-run command lines load no heavy library; `--version` is the floor of all."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.startup import HEAVY, loaded_after, modules_after


def test_version_imports_no_dataclasses_or_typing() -> None:
    # dataclasses pulls in inspect, ast and dis: half the time of `--version`.
    assert not modules_after("--version") & {"dataclasses", "typing"}


@pytest.mark.parametrize("args", [(), ("status",), ("--version",), ("journal", "list")])
def test_the_most_run_command_lines_load_no_heavy_library(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    # typer, rich, pydantic, questionary, jinja2, yaml...: each costs 10-50 ms to import.
    loaded = loaded_after(*args, env={"BELONGING_HOME": str(tmp_path)})
    assert not loaded & HEAVY, sorted(loaded & HEAVY)
