"""`belonging status`, the most-run command, pays for its few facts and no more (issue 12).

Each test runs the real CLI in a fresh process (support/startup.py) and looks at
what it loaded: a module a command does not need is milliseconds a user waits
each time. `benchmarks/startup.py` measures the times themselves.
"""

from __future__ import annotations

import ast
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import generate
from support.startup import modules_after

# The journal's full records (~7 ms of dataclasses to build): status reads a few columns.
SESSION_RECORDS = {"belonging_cli.records"}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose journal holds eight weeks of reflections, and the rubric's facts
    cached (as after any reflection): status on its warm path, every run but the first."""
    folder = tmp_path_factory.mktemp("home")
    data = generate(load_rubric(), weeks=8, end=dt.date.today() - dt.timedelta(days=7))
    (folder / "journal.db").parent.mkdir(parents=True, exist_ok=True)
    with open_journal(folder / "journal.db") as journal:
        journal.import_data(data)
    modules_after("rubric", "list", env={"BELONGING_HOME": str(folder)})
    return folder


@pytest.mark.parametrize("args", [("status",), ("status", "--json"), ()])
def test_status_reads_the_journal_without_the_session_records(
    args: tuple[str, ...], home: Path
) -> None:
    loaded = modules_after(*args, env={"BELONGING_HOME": str(home)})
    assert "belonging_cli.journal.status_queries" in loaded  # it did read the journal
    assert not loaded & SESSION_RECORDS, sorted(loaded & SESSION_RECORDS)


# Which of the tool's own classes a command line created as dataclasses.
DATACLASS_PROBE = """
import sys
from belonging_cli.main import main
code = main(sys.argv[1:])
made = sorted(
    f"{name}.{attribute}"
    for name, module in list(sys.modules.items())
    if name.startswith("belonging_cli")
    for attribute, value in vars(module).items()
    if isinstance(value, type) and "__dataclass_fields__" in vars(value)
    and value.__module__ == name
)
print(made, file=sys.stderr)
raise SystemExit(code)
"""


@pytest.mark.parametrize("args", [("status",), (), ("status", "--help"), ("--help",)])
def test_status_and_the_help_create_no_dataclass(args: tuple[str, ...], home: Path) -> None:
    # A frozen dataclass takes ~1.5 ms to create; a NamedTuple ~0.1 ms.
    result = subprocess.run(
        [sys.executable, "-c", DATACLASS_PROBE, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "BELONGING_HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    assert ast.literal_eval(result.stderr.strip().splitlines()[-1]) == []


@pytest.mark.parametrize("args", [("--help",), ("status", "--help"), ("journal", "--help")])
def test_the_help_reads_no_setting(args: tuple[str, ...], home: Path) -> None:
    # The settings' table and config.toml are loaded when a command reads a setting.
    loaded = modules_after(*args, env={"BELONGING_HOME": str(home)})
    assert not loaded & {"belonging_cli.config", "belonging_cli.config_file", "tomllib"}
