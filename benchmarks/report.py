"""Print how long `belonging report` takes over big journals, and its peak memory.

Run: python benchmarks/report.py [--runs N]
Targets (2-core machine), measured as a user runs it (a new process, `--period all`):
a 10-year weekly journal (520 reflections) in at most 0.3 s in each format; 10,000
sessions in at most 3 s and 150 MB; time growing no faster than the journal
(the 1,000 -> 10,000 sessions ratio at most 10).
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
from pathlib import Path

FORMATS = ("md", "html", "json")
# (label, weeks, sessions per week): 10 years weekly; 1,000 and 10,000 sessions.
JOURNALS = (
    ("10 years weekly", 520, 1),
    ("1,000 sessions", 200, 5),
    ("10,000 sessions", 1000, 10),
)
# Runs the CLI in this process and reports its own peak memory on the last line of stderr.
MEASURE = (
    "import resource, sys\n"
    "from belonging_cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "cpu = usage.ru_utime + usage.ru_stime\n"
    "print(f'peak-kb {usage.ru_maxrss} {cpu}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def make_journal(home: Path, weeks: int, per_week: int) -> None:
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.journal.store import open_journal
    from belonging_cli.synthetic import generate

    data = generate(
        load_rubric(), weeks=weeks, end=dt.date.today(), seed=1, sessions_per_week=per_week
    )
    home.mkdir(parents=True)
    with open_journal(home / "journal.db") as journal:
        journal.import_data(data)


def run_once(home: Path, fmt: str) -> tuple[float, float, float]:
    """Seconds, peak MB and CPU seconds of one `belonging report --period all --format FMT`.

    CPU time (user + system, after the interpreter started) is given too: on a
    shared, busy machine it moves much less than the wall-clock time.
    """
    env = {**os.environ, "BELONGING_HOME": str(home), "NO_COLOR": "1"}
    args = ["report", "--period", "all", "--format", fmt, "--out", os.devnull]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *args], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"report failed: {done.stderr}")
    _, peak_kb, cpu = done.stderr.strip().splitlines()[-1].split()
    return seconds, int(peak_kb) / 1024, float(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"median of {args.runs} runs, --period all, output to {os.devnull}")
    print(f"{'journal':<18} {'format':<6} {'seconds':>8} {'cpu s':>7} {'peak MB':>8}")
    medians: dict[tuple[str, str], float] = {}
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for label, weeks, per_week in JOURNALS:
            home = Path(tmp) / label.replace(" ", "-").replace(",", "")
            make_journal(home, weeks, per_week)
            for fmt in FORMATS:
                run_once(home, fmt)  # warm the file cache
                samples = [run_once(home, fmt) for _ in range(args.runs)]
                seconds = statistics.median(s for s, _, _ in samples)
                cpu = statistics.median(c for _, _, c in samples)
                peak = max(m for _, m, _ in samples)
                medians[(label, fmt)] = seconds
                target = {"10 years weekly": 0.3, "10,000 sessions": 3.0}.get(label)
                over = target is not None and seconds > target
                over = over or (label == "10,000 sessions" and peak > 150)
                failed = failed or over
                mark = "  over target" if over else ""
                print(f"{label:<18} {fmt:<6} {seconds:>8.3f} {cpu:>7.3f} {peak:>8.1f}{mark}")
    for fmt in FORMATS:
        ratio = medians[("10,000 sessions", fmt)] / medians[("1,000 sessions", fmt)]
        print(f"growth 1,000 -> 10,000 sessions ({fmt}): x{ratio:.1f} (linear would be x10)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
