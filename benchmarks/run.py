"""Print every figure of issue 19 in one table: each against its reference, in the same run.

Run: python benchmarks/run.py [--quick] [--runs N] [--jrnl PATH] [--only SECTIONS]
One row a target: what is measured, its figure, the reference measured beside it,
the ratio (the median of the ratios taken pair by pair, with their range; CPU time's
ratio beside it, which a busy machine moves less), the target and ok/MISSED. Exits 1
when a target is missed. Every figure is the installed CLI run as a user runs it, a
new process each time, timed from outside; peak memory is the child's maxrss. On a
shared machine only ratios of two commands taken in turns mean anything: each pair is
the command then its reference, and the first pair of each row only warms the caches.

Journals: weekly reflections from the package's own generator (synthetic.generate,
seed 0, ending this week) of 52, 520, 2,000 and 10,000 sessions. Rows, as issue 19
states them, each measured by the benchmark that owns it (imported, not copied):
- `report --period all` md/html/json against jrnl `--format markdown` over a journal
  of the same entries, at 520, 2,000 and 10,000 (<= 0.7x, 0.8x, 0.8x), and the
  report's peak memory at 10,000 (<= 60 MB);
- `report` (the default quarter), `progress` and `reflect` on 10,000 sessions against
  the same on 52 (benchmarks/period.py: <= 1.5x, reflect <= 2x);
- `coach summary` md/html/json of 2,000 real shared bundles against `json.load` of
  the same files (benchmarks/rollup.py: <= 2x) and its peak memory at 5,000 (<= 80 MB);
- `journal export` and `import` of the 10,000-session journal against a plain json
  dump and load of the same records (benchmarks/journal.py --exchange: <= 1.3x);
- start-up (`--version` <= 1.5x `python -c pass`, and the architecture issue's rows)
  as benchmarks/startup.py measures them: medians taken in turns with the floor,
  `import click` and `jrnl --help`;
- with DuckDB installed (the bench extra), DuckDB over the 5,000 bundles against
  `coach summary --format json` (benchmarks/duckdb_rollup.py; shown, no target).

How jrnl is run (found by --jrnl PATH, else on $PATH; without it its rows say so and
count as neither ok nor missed): its journal is one plain-text file (no encryption)
holding an entry for each session of the same generated journal (its time, the focus
as title, the tags, every written answer, each rating with its note); its config file
is written once, before any run, with no colours, no highlighting, no editor and no
template, and passed as --config-file; HOME and XDG_CONFIG_HOME/XDG_DATA_HOME point at
the benchmark's folder, so no user's config is read; the first run of each size (jrnl
rewrites its config file on its first run) is not counted. It runs as its console
script (its own virtualenv's Python), NO_COLOR=1, output to /dev/null, exactly as
belonging's report runs. The two do not do identical work: jrnl's export writes every
word of every entry, belonging's report summarises them; both turn the whole journal
into one Markdown document.

A full run takes about 15 minutes on 2 cores (`--quick`: fewer runs, about 8).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import (
    JOURNALS,
    Figure,
    Run,
    belonging,
    build_journal,
    child_env,
    find_jrnl,
    in_pairs,
    load_average,
    machine,
    run_child,
)

if TYPE_CHECKING:
    from belonging_cli.records import JournalData

FORMATS = ("md", "html", "json")
SMALL = 52
JRNL_TARGETS = {520: 0.7, 2000: 0.8, 10_000: 0.8}  # report --period all / jrnl
WEEKS = (SMALL, *JRNL_TARGETS)
BIG = 10_000
REPORT_PEAK_MB = 60.0
ROLLUP = 2000  # bundles rolled up against json.load
ROLLUP_PEAK = 5000  # bundles whose roll-up's peak memory is held
EXCHANGE_JOURNAL = "10k-sessions"  # as benchmarks/journal.py --exchange builds it


@dataclass(frozen=True)
class Row:
    what: str
    figure: str
    reference: str
    ratio: str
    target: str
    verdict: str  # ok, MISSED, or why there is none

    @property
    def missed(self) -> bool:
        return self.verdict == "MISSED"

    def line(self) -> str:
        cells = (self.what, self.figure, self.reference, self.ratio, self.target, self.verdict)
        return "| " + " | ".join(cells) + " |"


HEADER = (
    "| what | figure | reference (same run) | ratio, median (range); CPU | target | |\n"
    "| --- | --- | --- | --- | --- | --- |"
)


def duration(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def ratio_row(
    what: str, reference: str, pairs: Sequence[tuple[Run, Run]], most: float | None
) -> Row:
    """A row of (ours, reference) pairs: medians of each and of their ratios."""
    ratios = sorted(a.seconds / b.seconds for a, b in pairs)
    ratio = statistics.median(ratios)
    text = f"x{ratio:.2f} ({ratios[0]:.2f}-{ratios[-1]:.2f})"
    cpu = [a.cpu / b.cpu for a, b in pairs if b.cpu > 0]
    if cpu:
        text += f"; CPU x{statistics.median(cpu):.2f}"
    ours = duration(statistics.median(a.seconds for a, _ in pairs))
    theirs = f"{reference} {duration(statistics.median(b.seconds for _, b in pairs))}"
    if most is None:
        return Row(what, ours, theirs, text, "-", "-")
    return Row(what, ours, theirs, text, f"<= x{most:g}", "ok" if ratio <= most else "MISSED")


def peak_row(what: str, runs: Sequence[Run], reference: str, most_mb: float) -> Row:
    peak = max(r.peak_mb for r in runs)
    verdict = "ok" if peak <= most_mb else "MISSED"
    return Row(what, f"{peak:.0f} MB", reference, "-", f"<= {most_mb:g} MB", verdict)


def seconds_only(pairs: Sequence[tuple[float, float]]) -> list[tuple[Run, Run]]:
    """(big, small) runs from benchmarks/period.py's (small, big) seconds (no CPU kept)."""
    nan = math.nan
    return [(Run(b, nan, nan, ""), Run(a, nan, nan, "")) for a, b in pairs]


def jrnl_journal(folder: Path, data: JournalData) -> Path:
    """A jrnl journal with the same entries as the belonging journal of `data`; its config."""
    folder.mkdir(parents=True)
    entries = []
    for session in data.sessions:
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
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        f"indent_character: '|'\njournals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n",
        encoding="utf-8",
    )
    return config


def build(folder: Path) -> dict[str, object]:
    """Every journal (with its jrnl twin), the answers files and the bundles, in `folder`."""
    from period import answers_file
    from rollup import shared_bundles

    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.journal.store import open_journal
    from belonging_cli.synthetic import generate

    pycache = folder / "pycache"
    counts = {}
    for weeks in WEEKS:
        data = generate(load_rubric(), weeks=weeks, end=dt.date.today(), seed=0)
        home = folder / f"w{weeks}"
        home.mkdir()
        with open_journal(home / "journal.db") as journal:
            journal.import_data(data)
        if weeks in JRNL_TARGETS:
            jrnl_journal(folder / f"jrnl-{weeks}", data)
        counts[weeks] = len(data.sessions)
        del data
    # `journal import` takes times from 1970 on: 10,000 weekly sessions start in 1834.
    build_journal(folder / "exchange" / "journal.db", EXCHANGE_JOURNAL)
    for weeks in (SMALL, BIG):
        answers_file(folder / f"w{weeks}", pycache, folder / f"w{weeks}.yaml")
    bundles = shared_bundles(folder / "rollup", pycache, ROLLUP_PEAK)
    return {"sessions": counts, "bundles": [str(p) for p in bundles]}


class Bench:
    """The folder of journals and bundles, the runs a row takes, and the rows so far."""

    def __init__(self, folder: Path, runs: int, jrnl: str | None) -> None:
        self.folder = folder
        self.runs = runs
        self.heavy = max(2, runs // 2)  # rows whose runs take seconds each
        self.jrnl = jrnl
        self.pycache = folder / "pycache"
        self.rows: list[Row] = []

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(row.line(), flush=True)

    def env(self, home: Path) -> dict[str, str]:
        return child_env(home, self.pycache)

    def versus_jrnl(self, sessions: dict[int, int]) -> None:
        """`report --period all` against jrnl's export at each size; the peak at 10,000."""
        for weeks, most in JRNL_TARGETS.items():
            env = self.env(self.folder / f"w{weeks}")
            jrnl = self.jrnl_runner(weeks)
            for fmt in FORMATS:
                command = belonging("report", "--period", "all", "--format", fmt)
                report = partial(run_child, command, env)
                what = f"`report --period all --format {fmt}`, {sessions[weeks]:,} sessions"
                if jrnl is None:
                    ours = [report() for _ in range(self.runs + 1)]
                    figure = duration(statistics.median(r.seconds for r in ours[1:]))
                    why = "no jrnl (--jrnl PATH)"
                    self.add(Row(what, figure, "jrnl not found", "-", f"<= x{most:g}", why))
                    reference = "-"
                else:
                    pairs = in_pairs(report, jrnl, self.runs + 1)
                    ours = [a for a, _ in pairs]
                    self.add(ratio_row(what, "jrnl `--format markdown`", pairs[1:], most))
                    reference = f"jrnl {max(b.peak_mb for _, b in pairs):.0f} MB"
                if weeks == BIG:
                    self.add(peak_row(f"peak memory, {what}", ours, reference, REPORT_PEAK_MB))

    def jrnl_runner(self, weeks: int) -> Callable[[], Run] | None:
        """One timed run of jrnl's Markdown export of the twin journal, after a first run."""
        if self.jrnl is None:
            return None
        folder = self.folder / f"jrnl-{weeks}"
        where = str(folder)
        env = child_env(
            folder, self.pycache, HOME=where, XDG_CONFIG_HOME=where, XDG_DATA_HOME=where
        )
        command = [self.jrnl, "--config-file", str(folder / "jrnl.yaml"), "--format", "markdown"]
        run_child(command, env)  # jrnl rewrites its config file on its first run
        return partial(run_child, command, env)

    def period(self) -> None:
        """benchmarks/period.py's commands on 10,000 sessions against the same on 52."""
        from period import TARGETS, command_pairs

        homes = (self.folder / f"w{SMALL}", self.folder / f"w{BIG}")
        answers = [self.folder / f"{home.name}.yaml" for home in homes]
        for name, most in TARGETS.items():
            pairs = command_pairs(name, homes, answers, self.pycache, self.runs)
            what = f"`{name}`, {BIG:,} sessions"
            self.add(ratio_row(what, f"the same, {SMALL} sessions", seconds_only(pairs), most))

    def rollup(self, bundles: list[str]) -> None:
        """benchmarks/rollup.py's figures: against json.load at 2,000, the peak at 5,000."""
        from rollup import PEAK_MB, RATIO, against_floor, floor_script

        floor = floor_script(self.folder)
        env = self.env(self.folder / "coach")
        for fmt in FORMATS:
            pairs = against_floor(fmt, bundles[:ROLLUP], floor, env, self.heavy + 1)[1:]
            what = f"`coach summary --format {fmt}`, {ROLLUP:,} bundles"
            self.add(ratio_row(what, "`json.load` of the files", pairs, RATIO))
        for fmt in FORMATS:
            pairs = against_floor(fmt, bundles, floor, env, 1)
            what = f"peak memory, `coach summary --format {fmt}`, {len(bundles):,} bundles"
            reference = f"json.load {pairs[0][1].peak_mb:.0f} MB"
            self.add(peak_row(what, [a for a, _ in pairs], reference, PEAK_MB))

    def exchange(self) -> None:
        """benchmarks/journal.py --exchange's figures: 10,000 sessions, 20 a week."""
        from journal import EXCHANGE_TARGET, exchange_pairs

        home = self.folder / "exchange"
        weeks, per_week = JOURNALS[EXCHANGE_JOURNAL]
        scratch = self.folder / "exchange-files"  # the export, the new journals
        scratch.mkdir()
        for label, pairs in exchange_pairs(home, scratch, self.pycache, self.heavy):
            what = f"`{label}`, {weeks * per_week:,} sessions ({per_week} a week)"
            self.add(ratio_row(what, "a plain json dump/load", pairs, EXCHANGE_TARGET))

    def duckdb(self, bundles: list[str]) -> None:
        """DuckDB over the bundles against the roll-up (benchmarks/duckdb_rollup.py)."""
        import importlib.util

        what = f"DuckDB `read_json` + 2 queries, {len(bundles):,} bundles"
        if importlib.util.find_spec("duckdb") is None:
            self.add(Row(what, "-", "-", "-", "-", "no DuckDB (the bench extra)"))
            return
        from duckdb_rollup import timed_pairs

        env = self.env(self.folder / "coach")
        pairs = timed_pairs(Path(bundles[0]).parent, env, self.heavy + 1)[1:]
        row = ratio_row(what, "`coach summary --format json`", pairs, None)
        ours, theirs = (max(r.peak_mb for r in side) for side in zip(*pairs, strict=True))
        self.add(
            replace(
                row,
                figure=f"{row.figure}, {ours:.0f} MB",
                reference=f"{row.reference}, {theirs:.0f} MB",
            )
        )

    def startup(self) -> None:
        """benchmarks/startup.py's table: medians taken in turns with their references."""
        # Imported last: it imports the CLI's list of commands, and every child's peak
        # memory counts this process's (they are forked from it).
        import startup

        runs = 2 * self.runs + 1
        figures = startup.figures_of(self.folder / "startup", runs, startup.jrnl_command(self.jrnl))
        for check in startup.checks(figures):
            self.add(startup_row(check.what, check.figure, check.target, check.holds, figures))


# How benchmarks/startup.py words a check: "x1.4 floor (<= x1.5) ok", "+34 ms over click
# (<= +40)"; and the references it names.
CHECK = re.compile(r"^(?P<against>.*?) \((?P<target><= [^)]*)\)")
NAMED = re.compile(r"^(?:x[\d.]+ |[+-]\d+ ms over )(?P<name>.+)$")
REFERENCES = {"floor": "floor", "the floor": "floor", "click": "click", "sqlite3": "sqlite3"}


def startup_row(
    what: str, figure: Figure, target: str, holds: bool, figures: dict[str, Figure]
) -> Row:
    ms = f"{figure.seconds * 1000:.0f} ms"
    found = CHECK.match(target)
    if found is None:  # a reference itself
        return Row(what, ms, "-", target, "-", "-")
    against, limit = found["against"], found["target"]
    if limit.startswith("<= +"):
        limit += " ms"
    named = NAMED.match(against)
    reference = "-"
    if named is not None:
        key = REFERENCES.get(named["name"], named["name"])
        if key in figures:
            reference = f"{named['name']} {figures[key].seconds * 1000:.0f} ms"
    return Row(what, ms, reference, against, limit, "ok" if holds else "MISSED")


def own_peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs a row (default 7)")
    parser.add_argument("--runs", type=int, default=None, help="runs a row")
    parser.add_argument("--jrnl", help="the jrnl program (default: jrnl on $PATH)")
    parser.add_argument(
        "--only",
        type=lambda text: text.split(","),
        help="some sections: jrnl,period,rollup,exchange,duckdb,startup (default: all)",
    )
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.build:
        print(json.dumps(build(options.build)))
        return 0
    if options.jrnl and not Path(options.jrnl).is_file():
        parser.error(f"--jrnl {options.jrnl}: no such file")
    runs = options.runs or (3 if options.quick else 7)
    started, load_before = time.monotonic(), load_average()
    print(f"Machine: {machine()}. {runs} pairs a row (seconds-long rows: {max(2, runs // 2)}).")
    with tempfile.TemporaryDirectory(prefix="belonging-bench-") as tmp:
        # Built in another process: a child's peak memory counts what it inherited
        # from this one at fork, so this one stays small (it never imports the tool).
        built = subprocess.run(
            [sys.executable, __file__, "--build", tmp], capture_output=True, text=True
        )
        if built.returncode:
            raise SystemExit(f"building the journals failed: {built.stderr.strip()}")
        made = json.loads(built.stdout)
        sessions = {int(weeks): count for weeks, count in made["sessions"].items()}
        print(
            f"Built in {time.monotonic() - started:.0f} s: weekly journals of "
            f"{', '.join(f'{n:,}' for n in sessions.values())} sessions, "
            f"{len(made['bundles']):,} bundles; this process {own_peak_mb():.0f} MB.\n"
        )
        print(HEADER, flush=True)
        bench = Bench(Path(tmp), runs, find_jrnl(options.jrnl))
        bundles = made["bundles"]
        sections: dict[str, Callable[[], None]] = {
            "jrnl": partial(bench.versus_jrnl, sessions),
            "period": bench.period,
            "rollup": partial(bench.rollup, bundles),
            "exchange": bench.exchange,
            "duckdb": partial(bench.duckdb, bundles),
            "startup": bench.startup,
        }
        for name, section in sections.items():
            if options.only is None or name in options.only:
                section()
    minutes = (time.monotonic() - started) / 60
    print(f"\nIssue 19's figures. Machine: {machine()}")
    print(
        f"Load average before {load_before}, after {load_average()}; "
        f"the run took {minutes:.0f} min.\n"
    )
    print(HEADER)
    for row in bench.rows:
        print(row.line())
    missed = [row.what for row in bench.rows if row.missed]
    print(f"\n{len(missed)} of {len(bench.rows)} rows missed their target.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
