"""What the benchmarks share: the synthetic journals, the machine, timed runs of the CLI.

Each figure comes from the CLI run as a user runs it: a new process of the installed
package (`python -m belonging_cli`), its bytecode cached, timed from the outside; its
peak memory is the child's own maxrss, read with `os.wait4`.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# name -> (weeks, sessions per week)
JOURNALS: dict[str, tuple[int, int]] = {
    "1-year": (52, 1),
    "10-year": (520, 1),
    "1k-sessions": (200, 5),
    "10k-sessions": (500, 20),
}


def build_journal(path: Path, name: str, seed: int = 0) -> int:
    """Write the synthetic journal `name` (ending this week) to `path`; its session count."""
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.journal.store import open_journal
    from belonging_cli.synthetic import generate

    weeks, per_week = JOURNALS[name]
    data = generate(load_rubric(), weeks=weeks, seed=seed, sessions_per_week=per_week)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open_journal(path) as journal:
        journal.import_data(data)
    return len(data.sessions)


def make_bundles(folder: Path, clients: int, weeks: int) -> list[Path]:
    """`clients` coach bundles (shared JSON reports) of `weeks` weeks, in `folder`."""
    import datetime as dt
    import json

    from belonging_cli.coaching.samples import sample_bundle

    folder.mkdir(parents=True, exist_ok=True)
    today = dt.date.today()
    paths = []
    for i in range(clients):
        path = folder / f"client-{i:03d}.json"
        data = sample_bundle(f"Client {i}", i, today, weeks=weeks)
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def machine() -> str:
    """Cores, CPU model, Python and the load average: what the figures depend on."""
    model = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}, "
        f"load average {load_average()}"
    )


def load_average() -> str:
    try:
        return " ".join(f"{n:.2f}" for n in os.getloadavg())
    except OSError:
        return "unknown"


def belonging(*args: str) -> list[str]:
    """The command line of the installed CLI, run by this interpreter."""
    return [sys.executable, "-m", "belonging_cli", *args]


def child_env(home: Path, pycache: Path, **extra: str) -> dict[str, str]:
    """The environment of a measured child: `home` as BELONGING_HOME, plain output.

    An installed package has its bytecode compiled, so the child may write a cache
    (into `pycache`, off the work tree) even where this environment forbids it.
    """
    env = {**os.environ, "BELONGING_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "120"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.update(extra)
    return env


@dataclass(frozen=True)
class Figure:
    """Median wall-clock and CPU seconds over the runs, and the largest peak memory (MB).

    CPU time (user + system) moves much less than wall-clock time on a shared,
    busy machine: with both, a slow figure can be told from a busy machine.
    """

    seconds: float
    cpu: float
    peak_mb: float


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float
    peak_mb: float
    stdout: str


def run_child(command: Sequence[str], env: dict[str, str], *, keep_output: bool = False) -> Run:
    """One run, timed from here; a failing command stops the benchmark.

    The output is thrown away unless kept: holding a big report here would raise
    this process's peak memory, which the next child's peak then counts.
    """
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if keep_output else subprocess.DEVNULL,
            stderr=err,
        )
        output = ""
        if child.stdout is not None:
            with child.stdout:
                output = child.stdout.read().decode()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        if child.returncode != 0:
            message = err.read().decode(errors="replace").strip()
            raise SystemExit(f"{' '.join(command)} failed ({child.returncode}): {message}")
        # ru_maxrss is in kilobytes on Linux. A child starts from this process's
        # peak (it is forked from it): keep this process small.
        cpu = usage.ru_utime + usage.ru_stime
        return Run(seconds, cpu, usage.ru_maxrss / 1024, output)


def measure(command: Sequence[str], env: dict[str, str], runs: int) -> Figure:
    """The median of `runs` runs after one that warms the caches."""
    run_child(command, env)
    return summary([run_child(command, env) for _ in range(runs)])


def in_pairs(
    first: Callable[[], Run], second: Callable[[], Run], count: int
) -> list[tuple[Run, Run]]:
    """`count` pairs of runs, `first` then `second` each time: on a shared machine both
    see the same load only when taken in turns, and only their ratio means anything."""
    return [(first(), second()) for _ in range(count)]


def find_jrnl(given: str | None = None) -> str | None:
    """The jrnl program: `given` (a --jrnl option), else jrnl on $PATH; None if neither."""
    import shutil

    return given or shutil.which("jrnl")


def summary(runs: Sequence[Run]) -> Figure:
    return Figure(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.peak_mb for r in runs),
    )


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median milliseconds of an in-process action."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)
