"""Print figures for the journal: `journal list`, export and import, over realistic journals.

Run: python benchmarks/journal.py [--runs N] [--only NAME]
Journals (synthetic, see belonging_cli.synthetic): 1 year weekly, 10 years weekly,
and 10,000 sessions (500 weeks, 20 a week). Targets (2-core machine): `journal
list` at most 150 ms median on the 10-year journal, end to end; reports read
`load_all()` over 10,000 sessions well inside their 3 s budget.

The journals are built by harness.build_journal, which every benchmark shares.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harness import JOURNALS, build_journal


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median, fastest) in milliseconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def cli(args: list[str], home: Path) -> Callable[[], object]:
    env = {**os.environ, "BELONGING_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "120"}
    command = [sys.executable, "-m", "belonging_cli", *args]

    def run() -> None:
        subprocess.run(command, env=env, capture_output=True, check=True)

    run()  # warm the file cache
    return run


def figures(name: str, runs: int, folder: Path) -> None:
    from belonging_cli.journal.exchange import export_json, parse_export
    from belonging_cli.journal.store import open_journal

    home = folder / name
    start = time.perf_counter()
    count = build_journal(home / "journal.db", name)
    built = time.perf_counter() - start
    size = (home / "journal.db").stat().st_size / 1e6
    print(f"{name}: {count} sessions, {size:.1f} MB, generated and stored in {built:.1f} s")

    def line(label: str, median_min: tuple[float, float]) -> None:
        median, fastest = median_min
        print(f"  {label:<34} {median:8.1f} ms median {fastest:8.1f} ms fastest")

    line("belonging journal path (typer app)", timed(cli(["journal", "path"], home), runs))
    line("belonging journal list", timed(cli(["journal", "list"], home), runs))
    line("belonging journal list --json", timed(cli(["journal", "list", "--json"], home), runs))
    few = max(3, runs // 3)
    line("belonging journal export", timed(cli(["journal", "export"], home), few))
    with open_journal(home / "journal.db") as journal:
        line("load_all()", timed(journal.load_all, few))
        line("sessions()", timed(journal.sessions, few))
        data = journal.load_all()
    text = export_json(data)
    line("export_json()", timed(lambda: export_json(data), few))
    line("parse_export() (checks everything)", timed(lambda: parse_export(text, "x.json"), few))
    export_file = folder / f"{name}.json"
    export_file.write_text(text, encoding="utf-8")
    fresh = folder / f"{name}-import"

    def import_fresh() -> None:
        (fresh / "journal.db").unlink(missing_ok=True)
        cli_import = [sys.executable, "-m", "belonging_cli", "journal", "import", str(export_file)]
        env = {**os.environ, "BELONGING_HOME": str(fresh)}
        subprocess.run(cli_import, env=env, capture_output=True, check=True)

    line("belonging journal import (fresh)", timed(import_fresh, few))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--only", choices=sorted(JOURNALS), default=None)
    options = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, median of {options.runs} runs"
    )
    names = [options.only] if options.only else list(JOURNALS)
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            figures(name, options.runs, Path(folder))


if __name__ == "__main__":
    main()
