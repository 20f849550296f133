"""A roll-up's memory does not grow with the number of bundles: each is read,
summarised and let go (the summaries kept are bounded: a dozen words a client)."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
from pathlib import Path

from belonging_cli.coaching.bundle import read_each
from belonging_cli.coaching.rollup import build_rollup, shared_only
from belonging_cli.coaching.samples import sample_bundle
from belonging_cli.errors import Problem

END = dt.date(2026, 11, 27)


def peak_of(folder: Path, count: int) -> int:
    folder.mkdir()
    paths = []
    for n in range(count):
        data = sample_bundle(f"Client {n}", n, END, weeks=156)  # three years of weeks
        for rating in data["ratings"]:
            for point in rating["series"]:
                point["evidence"] = "What I noticed this week, in a few words " * 4
        path = folder / f"c{n}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    problems: list[Problem] = []
    tracemalloc.start()
    try:
        rollup = build_rollup(shared_only(read_each(paths, problems), problems), END)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(rollup.clients) == count and not problems
    assert all(len(c.words) <= 12 for c in rollup.clients)
    return peak


def test_the_peak_does_not_scale_with_the_bundles(tmp_path: Path) -> None:
    few = peak_of(tmp_path / "few", 20)
    many = peak_of(tmp_path / "many", 200)
    # Ten times the bundles: the peak is one bundle's parse plus small summaries.
    assert many < few * 2, (few, many)
