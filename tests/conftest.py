"""Shared fixtures: every test gets its own empty home, never the real one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from belonging_cli import settings
from belonging_cli.main import main
from support.cli import CliRunner, Result
from support.places import REPO

__all__ = ["REPO", "CliRunner", "Result"]

# `either_journal`: a module's tests run on a plain and on an encrypted journal.
pytest_plugins = ["support.encrypted"]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point BELONGING_HOME at a temporary folder and pin the terminal for stable output."""
    home = tmp_path / "home"
    monkeypatch.setenv("BELONGING_HOME", str(home))
    for name in ("BELONGING_RUBRICS", "BELONGING_FLOWS", "VISUAL", "EDITOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TZ", "UTC")
    settings.install(None)
    yield home
    settings.install(None)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> CliRunner:
    """Run the real entry point in-process: exit code, stdout and stderr."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        settings.install(None)
        return Result(code, captured.out, captured.err)

    return run
