"""`belonging progress | head`: a reader that leaves early is no error (exit 0, nothing
on stderr), for every command that prints a report, through rich or not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.demo_home import demo_home


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_home(tmp_path_factory.mktemp("pipes"), weeks=30)


@pytest.mark.parametrize(
    "args",
    [
        ("progress",),
        ("progress", "--period", "all"),
        ("report",),
        ("journal", "list"),
        ("status",),
    ],
    ids=" ".join,
)
def test_a_reader_that_leaves_early_is_no_error(
    cli: CliRunner, demo: Path, args: tuple[str, ...]
) -> None:
    # The reader is gone before the command prints anything, as `| head -0` would be.
    read, write = os.pipe()
    os.close(read)
    done = subprocess.run(
        [sys.executable, "-m", "belonging_cli", "--home", str(demo), *args],
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        check=False,
        timeout=60,
    )
    os.close(write)
    assert (done.returncode, done.stderr) == (0, "")
