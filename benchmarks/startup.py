"""Print startup figures for the CLI and the time to load and validate all content.

Run: python benchmarks/startup.py [--runs N]
Targets (2-core machine): `belonging --version` at most 60 ms median; loading and
validating the packaged content under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile

from harness import median_ms

COMMANDS: list[list[str]] = [["--version"], ["--help"], ["rubric", "list"]]


def cli_ms(args: list[str], runs: int, home: str) -> float:
    env = {**os.environ, "BELONGING_HOME": home, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "belonging_cli", *args]
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm the caches

    def once() -> None:
        subprocess.run(command, env=env, capture_output=True, check=True)

    return median_ms(once, runs)


def content_ms(runs: int) -> float:
    # Import first: the figure is the loading and validating, not the imports.
    from belonging_cli.content.rubrics import load_rubric

    load_rubric()
    return median_ms(load_rubric, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, median of {runs} runs"
    )
    with tempfile.TemporaryDirectory() as home:
        for args in COMMANDS:
            print(f"  belonging {' '.join(args):<20} {cli_ms(args, runs, home):7.1f} ms")
    print(f"  load + validate all content {content_ms(runs):7.1f} ms")


if __name__ == "__main__":
    main()
