"""benchmarks/run.py's table (issue 19): each row a ratio against a reference of the same
run, its verdict from the target; jrnl's journal holds the same entries; start-up rows
read as benchmarks/startup.py words them; DuckDB's headline of the bundles is the
roll-up's, and a malformed bundle is named."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import stat
import subprocess
from pathlib import Path

import pytest

from support.bench_scripts import bench_module
from support.cli import CliRunner

run = bench_module("run")
harness = bench_module("harness")


def runs(ours: float, theirs: float, cpu: float = math.nan) -> tuple[object, object]:
    return harness.Run(ours, cpu, 10.0, ""), harness.Run(theirs, cpu, 10.0, "")


def test_a_row_is_the_median_of_the_ratios_pair_by_pair_with_their_range() -> None:
    pairs = [runs(0.6, 1.0, 0.5), runs(0.9, 1.0, 0.5), runs(0.7, 1.0, 0.5)]

    row = run.ratio_row("report", "jrnl", pairs, 0.7)

    assert row.ratio == "x0.70 (0.60-0.90); CPU x1.00"
    assert (row.figure, row.reference, row.target) == ("700 ms", "jrnl 1.00 s", "<= x0.7")
    assert row.verdict == "ok" and not row.missed


def test_a_ratio_over_its_target_is_missed_and_one_without_a_target_is_only_shown() -> None:
    pairs = [runs(2.1, 1.0), runs(2.3, 1.0)]

    assert run.ratio_row("summary", "json.load", pairs, 2.0).missed
    shown = run.ratio_row("DuckDB", "coach summary", pairs, None)
    assert (shown.target, shown.verdict, shown.missed) == ("-", "-", False)
    assert "CPU" not in shown.ratio  # no CPU time taken: none shown


def test_peak_memory_over_its_target_is_missed() -> None:
    big = [harness.Run(1.0, 1.0, 61.0, ""), harness.Run(1.0, 1.0, 40.0, "")]

    row = run.peak_row("peak", big, "jrnl 65 MB", 60)

    assert (row.figure, row.target, row.verdict) == ("61 MB", "<= 60 MB", "MISSED")


def test_start_up_rows_carry_startup_py_s_reference_difference_and_target() -> None:
    startup = bench_module("startup")

    def figure(ms: float) -> object:
        return harness.Figure(ms / 1000, ms / 1000, 10.0)

    figures = {
        "floor": figure(14),
        "sqlite3": figure(20),
        "click": figure(50),
        "`belonging status`": figure(95),
        "`belonging rubric list`": figure(70),
        "`belonging --version`": figure(20),
        "`belonging report --help`": figure(80),
    }

    rows = {
        c.what: run.startup_row(c.what, c.figure, c.target, c.holds, figures)
        for c in startup.checks(figures)
    }

    version = rows["`belonging --version`"]
    assert (version.reference, version.ratio, version.target) == (
        "floor 14 ms",
        "x1.4 floor",
        "<= x1.5",
    )
    assert version.verdict == "ok"
    status = rows["`belonging status`"]
    assert (status.reference, status.ratio, status.target) == (
        "click 50 ms",
        "+45 ms over click",
        "<= +40 ms",
    )
    assert status.missed
    assert rows["`belonging report --help`"].verdict == "MISSED"  # +30 over click
    assert not rows["`python -c pass` (floor)"].missed  # a reference has no target


def test_jrnl_is_found_by_the_option_then_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "jrnl"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))

    assert harness.find_jrnl() == str(program)
    assert harness.find_jrnl("/opt/jrnl") == "/opt/jrnl"
    monkeypatch.setenv("PATH", str(tmp_path / "none"))
    assert harness.find_jrnl() is None


def known_jrnl() -> str | None:
    found = harness.find_jrnl()
    fallback = Path("/tmp/jrnl-venv/bin/jrnl")
    return found or (str(fallback) if fallback.is_file() else None)


def test_jrnl_s_journal_holds_an_entry_for_each_session_at_its_time(tmp_path: Path) -> None:
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.synthetic import generate

    data = generate(load_rubric(), weeks=8, end=dt.date(2026, 6, 5), seed=3)

    config = run.jrnl_journal(tmp_path / "jrnl", data)

    text = (tmp_path / "jrnl" / "journal.txt").read_text(encoding="utf-8")
    times = re.findall(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d)\] ", text, flags=re.MULTILINE)
    assert times == [s.started_at.strftime("%Y-%m-%d %H:%M") for s in data.sessions]
    assert "editor: ''" in config.read_text(encoding="utf-8")
    jrnl = known_jrnl()
    if jrnl is None:
        return
    home = str(tmp_path / "jrnl")
    env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
    command = [jrnl, "--config-file", str(config), "--format", "json"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert len(json.loads(done.stdout)["entries"]) == len(data.sessions)


def bundles(folder: Path, count: int) -> list[Path]:
    return list(harness.make_bundles(folder, count, 8))


def test_duckdb_s_headline_of_the_bundles_is_the_roll_up_s(cli: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    duck = bench_module("duckdb_rollup")
    paths = bundles(tmp_path / "bundles", 6)
    out = tmp_path / "rollup.json"

    result = cli("coach", "summary", "--format", "json", "--out", str(out), *map(str, paths))

    assert result.code == 0, result.err
    ours = duck.from_rollup(json.loads(out.read_text(encoding="utf-8")))
    for reader in duck.LOADS:
        theirs = duck.headline(tmp_path / "bundles", reader)
        assert duck.agree(ours, theirs) == [], reader
        assert theirs["clients"] == 6 and theirs["not_json"] == []


def test_duckdb_names_a_bundle_cut_short_and_leaves_it_out(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    duck = bench_module("duckdb_rollup")
    paths = bundles(tmp_path / "bundles", 3)
    text = paths[0].read_text(encoding="utf-8")
    (tmp_path / "bundles" / "cut.json").write_text(duck.cut_short(text), encoding="utf-8")

    found = duck.headline(tmp_path / "bundles")

    assert found["not_json"] == ["cut.json"]
    assert found["clients"] == 3
