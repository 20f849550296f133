"""Startup stays light: the heavy libraries load only in the commands that use them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("rich", "pydantic", "questionary", "jinja2", "prompt_toolkit", "markdown_it")

PROBE = """
import sys
from belonging_cli.main import main
code = main({args!r})
heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r}))
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
raise SystemExit(code)
"""


def heavy_modules_after(*args: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args), heavy=heavy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("HEAVY:"))
    return [m for m in line.removeprefix("HEAVY:").split(",") if m]


@pytest.mark.parametrize("args", [("--version",), ("--home", "/nonexistent", "--version")])
def test_version_imports_nothing_heavy(args: tuple[str, ...]) -> None:
    assert heavy_modules_after(*args) == []


def test_the_app_module_imports_nothing_heavy() -> None:
    code = "import sys, belonging_cli.cli.app; print(sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {m.split(".")[0] for m in ast.literal_eval(out.stdout)}
    assert not loaded & set(HEAVY)


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("status",),
        ("--home", "{home}", "status", "--json"),
        ("--home={home}", "journal", "list"),
    ],
)
def test_the_most_run_commands_skip_typer(args: tuple[str, ...], tmp_path: Path) -> None:
    """Status and the plain journal list answer without building the typer app."""
    filled = [a.format(home=tmp_path) for a in args]
    assert heavy_modules_after(*filled, heavy=(*HEAVY, "typer")) == []
