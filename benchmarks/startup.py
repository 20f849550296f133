"""Print the start-up figures of issue 12 as ratios against references measured in the same run.

Run: python benchmarks/startup.py [--runs N] [--jrnl PATH]
References, timed in turns with the CLI so that all see the same machine load:
`python -c pass` (the floor: starting Python), `python -c "import sqlite3"` and,
when jrnl is installed (or given as --jrnl), `jrnl --help`; `python -c "import click"`
is shown as what the command-line framework alone costs over the floor. Targets:
- `belonging status` (a 1-year journal) at most 3x `python -c "import sqlite3"`;
- any command's start-up before its own work (`belonging CMD --help`: every
  import, the command built, the line parsed) at most 40 ms above the floor;
- `belonging --help` no slower than `jrnl --help`;
- `belonging rubric list` at most 5x the floor.
Exits 1 when a target is missed. The load and validation of all content is shown too.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from harness import (
    Figure,
    Run,
    belonging,
    build_journal,
    child_env,
    machine,
    median_ms,
    run_child,
    summary,
)

from belonging_cli.cli.app import COMMANDS  # the one list of commands

FLOOR = [sys.executable, "-c", "pass"]
SQLITE = [sys.executable, "-c", "import sqlite3"]
CLICK = [sys.executable, "-c", "import click"]
MAX_ABOVE_FLOOR_S = 0.040


@dataclass(frozen=True)
class Check:
    """A figure, what it is compared with, and whether the target holds."""

    what: str
    figure: Figure
    target: str
    holds: bool

    def line(self) -> str:
        verdict = "ok" if self.holds else "MISSED"
        return (
            f"| {self.what} | {self.figure.seconds * 1000:.0f} ms "
            f"| {self.figure.cpu * 1000:.0f} ms | {self.target} | {verdict} |"
        )


def in_turns(commands: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, Figure]:
    """Each command's median over `runs`, taken in turns after one warming run of each."""
    for command in commands.values():
        run_child(command, env)
    samples: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(run_child(command, env))
    return {name: summary(runs_) for name, runs_ in samples.items()}


def jrnl_command(given: str | None) -> list[str] | None:
    found = given or shutil.which("jrnl")
    return [found, "--help"] if found else None


def checks(figures: dict[str, Figure]) -> list[Check]:
    floor = figures["floor"].seconds
    sqlite = figures["sqlite3"].seconds

    def ratio(name: str, reference: float, label: str, most: float) -> Check:
        times = figures[name].seconds / reference
        return Check(name, figures[name], f"x{times:.1f} {label} (<= x{most:g})", times <= most)

    out = [
        Check("`python -c pass` (floor)", figures["floor"], "-", True),
        Check('`python -c "import sqlite3"`', figures["sqlite3"], f"x{sqlite / floor:.1f}", True),
        Check(
            '`python -c "import click"`',
            figures["click"],
            f"+{(figures['click'].seconds - floor) * 1000:.0f} ms over the floor",
            True,
        ),
        ratio("`belonging status`", sqlite, "sqlite3", 3),
        ratio("`belonging rubric list`", floor, "floor", 5),
        ratio("`belonging --version`", floor, "floor", 5),
    ]
    if "jrnl --help" in figures:
        jrnl = figures["jrnl --help"].seconds
        out.append(Check("`jrnl --help`", figures["jrnl --help"], "-", True))
        out.append(ratio("`belonging --help`", jrnl, "jrnl --help", 1))
    for name, figure in figures.items():
        if name.endswith(" --help`") and name != "`belonging --help`":
            above = figure.seconds - floor
            limit = f"+{above * 1000:.0f} ms over the floor (<= +{MAX_ABOVE_FLOOR_S * 1000:.0f})"
            out.append(Check(name, figure, limit, above <= MAX_ABOVE_FLOOR_S))
    return out


def figures_of(folder: Path, runs: int, jrnl: list[str] | None) -> dict[str, Figure]:
    build_journal(folder / "journal.db", "1-year")
    env = child_env(folder, folder / "pycache")
    commands: dict[str, list[str]] = {"floor": FLOOR, "sqlite3": SQLITE, "click": CLICK}
    commands["`belonging status`"] = belonging("status")
    commands["`belonging rubric list`"] = belonging("rubric", "list")
    commands["`belonging --version`"] = belonging("--version")
    commands["`belonging --help`"] = belonging("--help")
    for name in COMMANDS:
        commands[f"`belonging {name} --help`"] = belonging(name, "--help")
    if jrnl is not None:
        commands["jrnl --help"] = jrnl
    return in_turns(commands, env, runs)


def content_ms(runs: int) -> float:
    # Imported first: the figure is the loading and validating, not the imports.
    from belonging_cli.content.flows import load_flows
    from belonging_cli.content.rubrics import load_rubric

    def load() -> None:
        load_rubric()
        load_flows()

    load()
    return median_ms(load, runs)


def report(runs: int, jrnl: list[str] | None, say: Callable[[str], None] = print) -> bool:
    """Print the start-up table; True when every target holds."""
    with tempfile.TemporaryDirectory(prefix="belonging-startup-") as tmp:
        figures = figures_of(Path(tmp), runs, jrnl)
    say("| start-up | time | CPU | against its reference | |")
    say("| --- | --- | --- | --- | --- |")
    found = checks(figures)
    for check in found:
        say(check.line())
    if jrnl is None:
        say("jrnl: not installed (pip install jrnl, or --jrnl PATH, to compare `--help`)")
    return all(c.holds for c in found)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--jrnl", help="the jrnl program (default: jrnl on PATH)")
    options = parser.parse_args()
    print(f"Machine: {machine()}. Median of {options.runs} runs, taken in turns.")
    held = report(options.runs, jrnl_command(options.jrnl))
    print(f"load + validate all content (in process): {content_ms(options.runs):.1f} ms")
    return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
