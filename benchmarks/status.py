"""Print how long `belonging status` takes, end to end, over a 10-year weekly journal.

Run: python benchmarks/status.py [--runs N]
Target (2-core machine): at most 150 ms median. `--version` is shown for scale:
it is the floor (starting Python and the entry point). Bytecode is cached (in a
temporary folder) as it is for an installed package, even where the environment
sets PYTHONDONTWRITEBYTECODE.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

from belonging_cli.clock import iso_week
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Answer, Experiment, Rating, Session

ZONE = ZoneInfo("Europe/Berlin")
BEHAVIOURS = ("cultivate-belonging", "protect-time", "ambiguous-decisions", "credit-to-others")


def make_journal(path: Path, weeks: int) -> None:
    """One completed weekly reflection a week (ten ratings, a few answers), one draft."""
    start = dt.datetime.now(ZONE) - dt.timedelta(weeks=weeks)
    with open_journal(path) as journal:
        for n in range(weeks):
            when = start + dt.timedelta(weeks=n)
            answers = tuple(
                Answer(f"step-{i}", "long_text", "A week of small things. " * 10, when)
                for i in range(6)
            )
            ratings = tuple(Rating(f"b{i}", 1 + (n + i) % 5, when) for i in range(10))
            journal.create_session(
                Session(
                    id=str(uuid.uuid4()),
                    flow_id="weekly",
                    rubric_id="belonging-core",
                    rubric_version="1.0",
                    started_at=when,
                    week=iso_week(when.date()),
                    status="complete",
                    completed_at=when + dt.timedelta(minutes=10),
                    answers=answers,
                    ratings=ratings,
                )
            )
        journal.add_experiment(
            Experiment(
                id=str(uuid.uuid4()),
                behaviour_id=BEHAVIOURS[1],
                title="Block a thinking hour",
                week=iso_week(dt.date.today()),
                created_at=dt.datetime.now(ZONE),
            )
        )


def median_ms(command: list[str], env: dict[str, str], runs: int) -> float:
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm the caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--weeks", type=int, default=520)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, median of {args.runs} runs, {args.weeks}-week journal"
    )
    with tempfile.TemporaryDirectory() as home:
        make_journal(Path(home) / "journal.db", args.weeks)
        # An installed package has its bytecode compiled; without a cache every run
        # would compile every module again. The cache goes to a temporary folder.
        env = {**os.environ, "BELONGING_HOME": home, "NO_COLOR": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        for label, extra in (
            ("--version", ["--version"]),
            ("status", ["status"]),
            ("status --json", ["status", "--json"]),
            ("(no command)", []),
        ):
            command = [sys.executable, "-m", "belonging_cli", *extra]
            print(f"  belonging {label:<16} {median_ms(command, env, args.runs):7.1f} ms")


if __name__ == "__main__":
    main()
