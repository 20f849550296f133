"""Print one table of every performance figure the project promises, against its target.

Run: python benchmarks/run.py [--quick] [--runs N]
Builds the synthetic journals (1 year weekly, 10 years weekly, 1,000 and 10,000
sessions) and 200 coach bundles in a temporary folder, then runs the installed
CLI in a new process for each figure, as a user would. Each time is the median of
several runs after one that warms the caches; memory is the largest peak of any
run. When jrnl is installed, its Markdown export of as many entries as the
10-year journal is timed in the same run. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from harness import (
    Figure,
    belonging,
    build_journal,
    child_env,
    load_average,
    machine,
    make_bundles,
    measure,
    run_child,
    summary,
)

FORMATS = ("md", "html", "json")
BUNDLES = 200
BUNDLE_WEEKS = 12
# Times the first load and validation of every rubric and flow in a fresh process,
# after the imports: what a command pays for its content.
CONTENT = (
    "import sys, time\n"
    "from belonging_cli.content.flows import load_flows\n"
    "from belonging_cli.content.rubrics import load_rubric\n"
    "start = time.perf_counter()\n"
    "load_rubric(); load_flows()\n"
    "print(time.perf_counter() - start)\n"
)


@dataclass(frozen=True)
class Row:
    what: str
    journal: str
    figure: Figure
    target_s: float | None = None
    target_mb: float | None = None

    @property
    def missed(self) -> bool:
        slow = self.target_s is not None and self.figure.seconds > self.target_s
        big = self.target_mb is not None and self.figure.peak_mb > self.target_mb
        return slow or big

    def line(self) -> str:
        cpu = self.figure.cpu
        cpu_text = "-" if math.isnan(cpu) else duration(cpu)
        target = []
        if self.target_s is not None:
            limit = self.target_s
            target.append(f"<= {limit * 1000:.0f} ms" if limit < 1 else f"<= {limit:g} s")
        if self.target_mb is not None:
            target.append(f"<= {self.target_mb:g} MB")
        verdict = ("MISSED" if self.missed else "ok") if target else ""
        return (
            f"| {self.what} | {self.journal} | {duration(self.figure.seconds)} | {cpu_text} "
            f"| {self.figure.peak_mb:.0f} MB "
            f"| {', '.join(target) or '-'} | {verdict} |"
        )


def duration(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


class Bench:
    """The temporary folder with the journals, and how many runs make a figure."""

    def __init__(self, folder: Path, runs: int) -> None:
        self.folder = folder
        self.runs = runs
        self.pycache = folder / "pycache"

    def home(self, name: str) -> Path:
        return self.folder / name

    def cli(self, journal: str, *args: str) -> Figure:
        return measure(belonging(*args), child_env(self.home(journal), self.pycache), self.runs)

    def content(self) -> Figure:
        """The in-process load time (median over fresh processes) and their peak memory."""
        env = child_env(self.home("empty"), self.pycache)
        command = [sys.executable, "-c", CONTENT]
        run_child(command, env)
        runs = [run_child(command, env, keep_output=True) for _ in range(self.runs)]
        inside = summary([replace(r, seconds=float(r.stdout)) for r in runs])
        return replace(inside, cpu=float("nan"))


def jrnl_command() -> list[str] | None:
    """How to run jrnl, or None when it is not installed."""
    if importlib.util.find_spec("jrnl") is not None:
        return [sys.executable, "-m", "jrnl"]
    found = shutil.which("jrnl")
    return [found] if found else None


def jrnl_journal(folder: Path, weeks: int) -> Path:
    """A jrnl journal with the same entries as the synthetic journal; its config file."""
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.synthetic import generate

    folder.mkdir(parents=True)
    entries = []
    for session in generate(load_rubric(), weeks=weeks, seed=0).sessions:
        when = session.started_at.strftime("%Y-%m-%d %H:%M")
        title = f"Weekly reflection, focus {session.focus_behaviour_id}."
        lines = [str(a.value) for a in session.answers if isinstance(a.value, str)]
        lines += [f"{r.behaviour_id}: {r.level}. {r.evidence or ''}" for r in session.ratings]
        tags = " ".join(f"@{t}" for t in session.tags)
        entries.append(f"[{when}] {title} {tags}\n" + "\n".join(lines) + "\n")
    journal = folder / "journal.txt"
    journal.write_text("\n".join(entries), encoding="utf-8")
    config = folder / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: true\n"
        f"indent_character: '|'\njournals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n",
        encoding="utf-8",
    )
    return config


def build(folder: Path) -> dict[str, object]:
    """Every journal, the bundles and the jrnl journal, in `folder`."""
    sizes = []
    for name in ("1-year", "10-year", "1k-sessions", "10k-sessions"):
        count = build_journal(folder / name / "journal.db", name)
        sizes.append(f"{name} {count} sessions")
    (folder / "empty").mkdir()
    jrnl_journal(folder / "jrnl", 520)
    bundles = make_bundles(folder / "bundles", BUNDLES, BUNDLE_WEEKS)
    return {"journals": ", ".join(sizes), "bundles": [str(p) for p in bundles]}


def own_peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs a figure (default 7)")
    parser.add_argument("--runs", type=int, default=None, help="runs a figure")
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.build:
        print(json.dumps(build(options.build)))
        return 0
    runs = options.runs or (3 if options.quick else 7)
    rows: list[Row] = []
    jrnl_figure: Figure | None = None
    paired: Figure | None = None
    with tempfile.TemporaryDirectory(prefix="belonging-bench-") as tmp:
        bench = Bench(Path(tmp), runs)
        # Built in another process: a child's peak memory counts what it inherited
        # from this one at fork, so this one stays small (it never imports the tool).
        built = subprocess.run(
            [sys.executable, __file__, "--build", tmp], check=True, capture_output=True, text=True
        )
        made = json.loads(built.stdout)
        print(f"journals: {made['journals']}; this process: {own_peak_mb():.0f} MB", flush=True)

        def add(row: Row) -> None:
            rows.append(row)
            print(row.line(), flush=True)

        add(Row("`belonging --version`", "-", bench.cli("empty", "--version"), 0.060))
        add(Row("`belonging --help`", "-", bench.cli("empty", "--help")))
        add(Row("`belonging status`", "10 years", bench.cli("10-year", "status"), 0.150))
        add(Row("load + validate all content", "-", bench.content()))
        for name, label in (("1-year", "1 year"), ("10-year", "10 years")):
            add(Row("`belonging journal list`", label, bench.cli(name, "journal", "list")))
        targets = {"10-year": (0.3, None), "1k-sessions": (None, None), "10k-sessions": (3, 150)}
        labels = {"10-year": "10 years", "1k-sessions": "1,000", "10k-sessions": "10,000"}
        for name, (seconds, mb) in targets.items():
            for fmt in FORMATS:
                figure = bench.cli(name, "report", "--period", "all", "--format", fmt)
                add(Row(f"`report --format {fmt}`", labels[name], figure, seconds, mb))
        paths = made["bundles"]
        for fmt in FORMATS:
            figure = bench.cli("empty", "coach", "summary", "--format", fmt, *paths)
            add(Row(f"`coach summary --format {fmt}`", f"{BUNDLES} bundles", figure, 2.0))
        jrnl = jrnl_command()
        if jrnl is not None:
            config = bench.folder / "jrnl" / "jrnl.yaml"
            jrnl_home = str(bench.folder / "jrnl")
            env = child_env(
                bench.home("empty"),
                bench.pycache,
                HOME=jrnl_home,
                XDG_CONFIG_HOME=jrnl_home,
                XDG_DATA_HOME=jrnl_home,
            )
            command = [*jrnl, "--config-file", str(config), "--format", "markdown"]
            ours_env = child_env(bench.home("10-year"), bench.pycache)
            report = belonging("report", "--period", "all", "--format", "md")
            run_child(command, env)  # jrnl updates its config file on the first run
            # Taken in turns, so both see the same load on a shared machine.
            pairs = [(run_child(report, ours_env), run_child(command, env)) for _ in range(runs)]
            paired = summary([p[0] for p in pairs])
            jrnl_figure = summary([p[1] for p in pairs])
            add(Row("jrnl `--format markdown`", "520 entries", jrnl_figure))
    print()
    print(
        f"Machine: {machine()}. Median of {runs} runs; peak memory is the largest maxrss of "
        f"any run, whose floor is the measuring process's {own_peak_mb():.0f} MB."
    )
    print()
    print("| what | journal | time | CPU | peak memory | target | |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(row.line())
    growth = []
    for fmt in FORMATS:
        times = {r.journal: r.figure.seconds for r in rows if r.what == f"`report --format {fmt}`"}
        growth.append(f"x{times['10,000'] / times['1,000']:.1f} ({fmt})")
    ratios = [float(g[1:].split()[0]) for g in growth]
    linear = all(r <= 10 for r in ratios)
    print()
    print(
        f"Report time from 1,000 to 10,000 sessions: {', '.join(growth)}; "
        f"linear would be x10: {'ok' if linear else 'MISSED'}."
    )
    if jrnl_figure is None or paired is None:
        print("jrnl: not installed (pip install jrnl to compare)")
    else:
        ratio = jrnl_figure.seconds / paired.seconds
        faster = "faster" if ratio >= 1 else "slower"
        print(
            f"Run in turns: the 10-year Markdown report {duration(paired.seconds)} "
            f"(CPU {duration(paired.cpu)}), jrnl's Markdown export of 520 entries "
            f"{duration(jrnl_figure.seconds)} (CPU {duration(jrnl_figure.cpu)}): ours is "
            f"x{max(ratio, 1 / ratio):.1f} {faster}."
        )
    print(f"Load average at the end: {load_average()}")
    missed = any(r.missed for r in rows) or not linear
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
