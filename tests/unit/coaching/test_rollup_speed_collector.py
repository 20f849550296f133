"""Rolling up bundles runs no cyclic garbage collection: a bundle's parse and a
client's summary hold no cycles, and at thousands of bundles the collector's passes
over every object kept cost more than the reading itself (issue 19, #4). What the
command does before it reads a bundle (options, settings) may collect: as often for
ten times the bundles."""

from __future__ import annotations

import datetime as dt
import gc
import json
from pathlib import Path

from belonging_cli.coaching.samples import sample_bundle
from support.cli import CliRunner
from support.coach_runs import summary

END = dt.date(2026, 11, 27)


def passes_of(cli: CliRunner, paths: list[Path]) -> int:
    """The collector's passes while three roll-ups of `paths` (md, html, json) run."""
    passes: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.callbacks.append(count)
    try:
        for fmt in ("md", "html", "json"):
            result = summary(cli, *paths, fmt=fmt)
            assert result.code == 0, result.err
    finally:
        gc.callbacks.remove(count)
    return len(passes)


def test_no_collection_while_rolling_up(cli: CliRunner, tmp_path: Path) -> None:
    paths = []
    for n in range(60):
        path = tmp_path / f"client-{n:02d}.json"
        path.write_text(json.dumps(sample_bundle(f"Client {n}", n, END, weeks=26)), "utf-8")
        paths.append(path)
    passes_of(cli, paths)  # the first run imports what the roll-up needs
    few = passes_of(cli, paths[:6])
    many = passes_of(cli, paths)
    # The collector counts allocations across runs: one more pass a run may fall inside.
    assert many <= few + 3, (few, many)  # without the pause: ~11 and ~90
    assert gc.isenabled()  # and the collector runs again after
