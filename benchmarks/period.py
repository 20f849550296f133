"""Print whether a command's cost follows what it shows (issue 19, opportunity #1).

Run: python benchmarks/period.py [--runs N] [--sessions N]
Each command runs on a 52-session journal and on a 10,000-session one (weekly
reflections from the package's own generator), as a user runs it (a new process),
the two alternated (A B A B ...) and the ratio taken pair by pair (median, min-max):
on a shared machine only ratios measured side by side mean anything. Targets:
`report` (the default quarter) and `progress` at most 1.5x on 10,000 sessions what
they cost on 52; `reflect --answers FILE` (saving one week) and
`reflect --answers-template` at most 2x.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import belonging, child_env, load_average, machine, run_child

SMALL = 52
TARGETS = {
    "report (quarter, md)": 1.5,
    "progress": 1.5,
    "reflect --answers-template": 2.0,
    "reflect --answers FILE": 2.0,
}


def weekly_journal(home: Path, weeks: int) -> None:
    """`weeks` weekly reflections ending this week, as benchmarks/harness.py builds them."""
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.journal.store import open_journal
    from belonging_cli.synthetic import generate

    data = generate(load_rubric(), weeks=weeks, end=dt.date.today(), seed=1, sessions_per_week=1)
    home.mkdir(parents=True)
    with open_journal(home / "journal.db") as journal:
        journal.import_data(data)


def answers_file(home: Path, pycache: Path, target: Path) -> Path:
    """The journal's own answers template, its empty texts filled in: one week to save."""
    template = run_child(
        belonging("reflect", "--answers-template"), child_env(home, pycache), keep_output=True
    ).stdout
    target.write_text(re.sub(r'""', '"Noted this week."', template), encoding="utf-8")
    return target


def paired(
    commands: tuple[list[str], list[str]],
    homes: tuple[Path, Path],
    pycache: Path,
    runs: int,
    fresh: bool,
) -> list[tuple[float, float]]:
    """(small, big) seconds of each home's command, alternated; `fresh`: each run on a
    new copy of the journal (the command writes to it), copied before the clock starts."""
    pairs = []
    for _ in range(runs + 1):  # the first pair warms the caches
        pair = []
        for command, home in zip(commands, homes, strict=True):
            where = home
            if fresh:
                where = home.parent / f"{home.name}-run"
                shutil.rmtree(where, ignore_errors=True)
                shutil.copytree(home, where)
            pair.append(run_child(command, child_env(where, pycache)).seconds)
        pairs.append((pair[0], pair[1]))
    return pairs[1:]


def command_pairs(
    name: str, homes: tuple[Path, Path], answers: list[Path], pycache: Path, runs: int
) -> list[tuple[float, float]]:
    """(small, big) seconds of the command `name` of TARGETS on the two homes, alternated;
    `answers`: each home's answers file (from answers_file)."""
    if name == "reflect --answers FILE":  # each journal its own template, filled
        saves = tuple(belonging("reflect", "--answers", str(a), "--again") for a in answers)
        return paired((saves[0], saves[1]), homes, pycache, runs, True)
    same = {
        "report (quarter, md)": belonging("report", "--format", "md"),
        "progress": belonging("progress"),
        "reflect --answers-template": belonging("reflect", "--answers-template"),
    }[name]
    return paired((same, same), homes, pycache, runs, False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sessions", type=int, default=10_000)
    args = parser.parse_args(argv)
    print(f"# A command's cost follows its period: {machine()}")
    with tempfile.TemporaryDirectory(prefix="belonging-period-") as folder:
        root = Path(folder)
        pycache = root / "pycache"
        homes = (root / f"w{SMALL}", root / f"w{args.sessions}")
        for home, weeks in zip(homes, (SMALL, args.sessions), strict=True):
            weekly_journal(home, weeks)
        answers = [answers_file(h, pycache, root / f"{h.name}.yaml") for h in homes]
        print(f"\n| command | {SMALL} sessions | {args.sessions:,} sessions | ratio | target | |")
        print("|---|---|---|---|---|---|")
        ok = True
        for name in TARGETS:
            pairs = command_pairs(name, homes, answers, pycache, args.runs)
            ratios = sorted(b / a for a, b in pairs)
            ratio = statistics.median(ratios)
            small = statistics.median(a for a, _ in pairs) * 1000
            big = statistics.median(b for _, b in pairs) * 1000
            met = ratio <= TARGETS[name]
            ok = ok and met
            print(
                f"| `{name}` | {small:.0f} ms | {big:.0f} ms | x{ratio:.2f} "
                f"({ratios[0]:.2f}-{ratios[-1]:.2f}) | <= x{TARGETS[name]} | "
                f"{'ok' if met else 'MISSED'} |"
            )
    print(f"\nload average after: {load_average()}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
