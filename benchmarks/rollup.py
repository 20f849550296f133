"""Print how long a coach's roll-up of many client bundles takes.

Run: python benchmarks/rollup.py [--clients N] [--weeks W] [--runs R]
Target (2-core machine): 200 bundles of 12 weeks rolled up in at most 2 s,
for each format, measured as a user runs it (`belonging coach summary`, a new process).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import make_bundles

TARGET_S = 2.0


def run_once(paths: list[Path], fmt: str, home: str) -> float:
    env = {**os.environ, "BELONGING_HOME": home, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "belonging_cli", "coach", "summary", "--format", fmt]
    command += ["--out", os.devnull, *map(str, paths)]
    start = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_bundles(folder / "bundles", args.clients, args.weeks)
        size = sum(p.stat().st_size for p in paths) / 1_048_576
        print(f"{args.clients} bundles of {args.weeks} weeks ({size:.1f} MB)")
        for fmt in ("md", "html", "json"):
            run_once(paths, fmt, tmp)  # warm the file cache
            samples = [run_once(paths, fmt, tmp) for _ in range(args.runs)]
            median = statistics.median(samples)
            worst = max(worst, median)
            print(f"  coach summary --format {fmt:4}  median {median * 1000:7.0f} ms")
    verdict = "ok" if worst <= TARGET_S else "TOO SLOW"
    print(f"target <= {TARGET_S:.1f} s: {verdict}")
    return 0 if worst <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
