"""Print how long a coach's roll-up of many client bundles takes.

Run: python benchmarks/rollup.py [--clients N] [--weeks W] [--runs R] [--pairs P]
Target (2-core machine): 200 bundles of 12 weeks rolled up in at most 2 s,
for each format, measured as a user runs it (`belonging coach summary`, a new process).

Then issue 19's targets, on real bundles (`belonging report --share --format json` of
ten synthetic 26-week journals, copied under new client names): `coach summary` of
2,000 bundles at most 2x a Python process that only `json.load`s the same files, the
two alternated and the ratio taken pair by pair; and the peak memory at 200, 2,000 and
5,000 bundles at most 80 MB (memory that does not grow with the bundles).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import Run, belonging, child_env, in_pairs, make_bundles, run_child

TARGET_S = 2.0
RATIO = 2.0  # coach summary of 2,000 bundles / json.load of the same files
PEAK_MB = 80.0
SIZES = (200, 2000, 5000)
DISTINCT = 10
FLOOR = "import json, sys\nfor p in sys.argv[1:]:\n    with open(p, 'rb') as f: json.load(f)\n"


def run_once(paths: list[Path], fmt: str, home: str) -> float:
    env = {**os.environ, "BELONGING_HOME": home, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "belonging_cli", "coach", "summary", "--format", fmt]
    command += ["--out", os.devnull, *map(str, paths)]
    start = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def shared_bundles(folder: Path, pycache: Path, count: int) -> list[Path]:
    """`count` real shared bundles: DISTINCT journals' `report --share`, renamed copies."""
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.journal.store import open_journal
    from belonging_cli.synthetic import generate

    texts = []
    for seed in range(DISTINCT):
        home = folder / f"journal-{seed}"
        home.mkdir(parents=True)
        data = generate(load_rubric(), weeks=26, seed=100 + seed, sessions_per_week=1)
        with open_journal(home / "journal.db") as journal:
            journal.import_data(data)
        out = home / "shared.json"
        command = belonging("report", "--share", "--format", "json", "--out", str(out))
        run_child(command, child_env(home, pycache))
        texts.append(out.read_text(encoding="utf-8"))
    paths = []
    for n in range(count):
        path = folder / "bundles" / f"client-{n:04d}.json"
        path.parent.mkdir(exist_ok=True)
        named = f'"person":{{"name":"Client {n}"}}'
        path.write_text(texts[n % DISTINCT].replace('"person":{"name":null}', named, 1), "utf-8")
        paths.append(path)
    return paths


def floor_script(folder: Path) -> Path:
    """The reference program (json.load of every file given), written in `folder`."""
    floor = folder / "floor.py"
    floor.write_text(FLOOR, encoding="utf-8")
    return floor


def against_floor(
    fmt: str, files: list[str], floor: Path, env: dict[str, str], count: int
) -> list[tuple[Run, Run]]:
    """`count` runs of `coach summary --format fmt` of `files`, each followed by the floor."""
    command = belonging("coach", "summary", "--format", fmt, *files)
    reference = [sys.executable, str(floor), *files]
    return in_pairs(partial(run_child, command, env), partial(run_child, reference, env), count)


def versus_json(pairs: int) -> bool:
    """Issue 19's figures for the roll-up; whether every target is met."""
    met = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pycache, home = folder / "pycache", folder / "coach"
        paths = shared_bundles(folder, pycache, max(SIZES))
        env = child_env(home, pycache)
        floor = floor_script(folder)
        for size in SIZES:
            files = list(map(str, paths[:size]))
            for fmt in ("md", "html", "json"):
                runs = against_floor(fmt, files, floor, env, pairs + 1 if size == 2000 else 1)
                peak = max(mine.peak_mb for mine, _ in runs)
                kept = runs[1:] if size == 2000 else runs  # the first pair warms the caches
                ratios = [mine.seconds / floor_run.seconds for mine, floor_run in kept]
                ours = [mine.seconds for mine, _ in kept]
                theirs = [floor_run.seconds for _, floor_run in kept]
                line = f"  {size:5} bundles, {fmt:4}  peak {peak:5.0f} MB"
                ok_peak = peak <= PEAK_MB
                line += f" (<= {PEAK_MB:.0f}: {'ok' if ok_peak else 'MISSED'})"
                met &= ok_peak
                if size == 2000:
                    ratio = statistics.median(ratios)
                    ok_ratio = ratio <= RATIO
                    met &= ok_ratio
                    line += (
                        f"  {statistics.median(ours) * 1000:6.0f} ms vs json.load "
                        f"{statistics.median(theirs) * 1000:5.0f} ms: x{ratio:.2f} "
                        f"({min(ratios):.2f}-{max(ratios):.2f}; <= x{RATIO:.0f}: "
                        f"{'ok' if ok_ratio else 'MISSED'})"
                    )
                print(line, flush=True)
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=3, help="paired runs at 2,000 bundles")
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
    print("issue 19: real shared bundles, against json.load of the same files", flush=True)
    met = versus_json(args.pairs)
    return 0 if worst <= TARGET_S and met else 1


if __name__ == "__main__":
    raise SystemExit(main())
