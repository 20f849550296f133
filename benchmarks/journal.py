"""Print figures for the journal: `journal list`, export and import, over realistic journals.

Run: python benchmarks/journal.py [--runs N] [--only NAME]
     python benchmarks/journal.py --exchange [--runs N] [--sessions N]
Journals (synthetic, see belonging_cli.synthetic): 1 year weekly, 10 years weekly,
and 10,000 sessions (500 weeks, 20 a week). Targets (2-core machine): `journal
list` at most 150 ms median on the 10-year journal, end to end; reports read
`load_all()` over 10,000 sessions well inside their 3 s budget.

The journals are built by harness.build_journal, which every benchmark shares.

--exchange (issue 19): `journal export` and `journal import` (into a new journal) of
10,000 sessions (500 weeks, 20 a week), each alternated (A B A B ...) with its floor, the same
records as a plain json dump and load (benchmarks/exchange_floor.py: the same
SELECTs and json.dumps; json.load and executemany in one transaction), the ratio
taken pair by pair (wall clock, and CPU time, which a busy machine moves less); peak
memory of each. Target: at most 1.3x.
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
from collections.abc import Callable, Iterator
from pathlib import Path

from harness import (
    JOURNALS,
    Run,
    belonging,
    build_journal,
    child_env,
    in_pairs,
    load_average,
    machine,
    run_child,
)

EXCHANGE_TARGET = 1.3
FLOOR = Path(__file__).resolve().parent / "exchange_floor.py"


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


def exchange_pairs(
    home: Path, folder: Path, pycache: Path, runs: int
) -> Iterator[tuple[str, list[tuple[Run, Run]]]]:
    """Each command's `runs` (ours, floor) pairs, alternated after one that warms the caches:
    the export of the journal in `home`, then its import into a new journal (in `folder`)."""
    import shutil

    export_file, floor_file = folder / "export.json", folder / "floor.json"
    fresh, floor_db = folder / "fresh", folder / "floor-db"

    def export() -> list[str]:
        return belonging("journal", "export", "--out", str(export_file))

    def new_import() -> list[str]:
        shutil.rmtree(fresh, ignore_errors=True)
        return belonging("journal", "import", str(export_file))

    def new_floor_db() -> list[str]:
        shutil.rmtree(floor_db, ignore_errors=True)
        floor_db.mkdir()
        return [sys.executable, str(FLOOR), "import", str(export_file), str(floor_db / "j.db")]

    def floor_export() -> list[str]:
        return [
            sys.executable,
            str(FLOOR),
            "export",
            str(home / "journal.db"),
            str(floor_file),
        ]

    commands: dict[str, tuple[Callable[[], list[str]], Path, Callable[[], list[str]]]] = {
        "journal export": (export, home, floor_export),
        "journal import (new journal)": (new_import, fresh, new_floor_db),
    }

    def child(command: Callable[[], list[str]], env: dict[str, str]) -> Callable[[], Run]:
        return lambda: run_child(command(), env)  # the command line made anew each run

    for label, (ours, where, floor) in commands.items():
        env = child_env(where, pycache)
        pairs = in_pairs(child(ours, env), child(floor, env), runs + 1)
        yield label, pairs[1:]  # the first pair warms the caches


def exchange(runs: int, sessions: int, folder: Path) -> None:
    """Export and import against their floors, alternated, ratios pair by pair."""
    import datetime as dt

    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.journal.store import open_journal
    from belonging_cli.synthetic import generate

    home, pycache = folder / "home", folder / "pycache"
    data = generate(load_rubric(), weeks=sessions // 20, sessions_per_week=20, end=dt.date.today())
    home.mkdir()
    with open_journal(home / "journal.db") as journal:
        journal.import_data(data)
    del data
    print(f"{machine()}; {sessions:,} sessions, {runs} pairs each")
    for label, pairs in exchange_pairs(home, folder, pycache, runs):
        mine = [a for a, _ in pairs]
        theirs = [b for _, b in pairs]
        ratios = [a.seconds / b.seconds for a, b in pairs]
        cpu = statistics.median(a.cpu / b.cpu for a, b in pairs)
        ratio = statistics.median(ratios)
        verdict = "ok" if ratio <= EXCHANGE_TARGET else "MISSED"
        print(
            f"  {label:<29} {statistics.median(r.seconds for r in mine):6.2f} s "
            f"{max(r.peak_mb for r in mine):5.0f} MB | floor "
            f"{statistics.median(r.seconds for r in theirs):6.2f} s "
            f"{max(r.peak_mb for r in theirs):5.0f} MB | x{ratio:.2f} "
            f"({min(ratios):.2f}-{max(ratios):.2f}), CPU x{cpu:.2f}; "
            f"target <= x{EXCHANGE_TARGET}: {verdict}"
        )
    print(f"  load average after: {load_average()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--only", choices=sorted(JOURNALS), default=None)
    parser.add_argument("--exchange", action="store_true", help="export/import vs floors")
    parser.add_argument("--sessions", type=int, default=10_000)
    options = parser.parse_args()
    if options.exchange:
        with tempfile.TemporaryDirectory() as folder:
            exchange(max(3, options.runs // 2), options.sessions, Path(folder))
        return
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
