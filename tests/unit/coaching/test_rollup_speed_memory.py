"""A roll-up drawn in any format needs about the memory of one bundle, not of all of them
(issue 19): each client is written out as it comes (JSON included: no dict of every
client before the text), and what is kept of each client between reading and drawing
is small (a summary's few lines, not its bundle's objects)."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
from pathlib import Path

import pytest

from belonging_cli.coaching.bundle import read_each
from belonging_cli.coaching.render import FORMATS, chunks
from belonging_cli.coaching.rollup import build_rollup, shared_only
from belonging_cli.coaching.samples import sample_bundle
from belonging_cli.errors import Problem

END = dt.date(2026, 11, 27)
FEW, MANY = 20, 200
PER_CLIENT = 4_000  # bytes: a summary's lines (about 2.8 KB here; 5.4 KB before issue 19)


def bundles(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for n in range(count):
        data = sample_bundle(f"Client {n}", n, END, weeks=26)
        path = folder / f"c{n}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


def drawn_peak(paths: list[Path], fmt: str) -> int:
    """The most memory held at once from reading the bundles to the last byte drawn."""
    problems: list[Problem] = []
    tracemalloc.start()
    try:
        rollup = build_rollup(shared_only(read_each(paths, problems), problems), END)
        written = sum(len(piece) for piece in chunks(rollup, fmt))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert written and not problems
    return peak


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    root = tmp_path_factory.mktemp("rollup-memory")
    return bundles(root / "few", FEW), bundles(root / "many", MANY)


@pytest.mark.parametrize("fmt", FORMATS)
def test_ten_times_the_clients_keep_only_their_small_summaries(
    folders: tuple[list[Path], list[Path]], fmt: str
) -> None:
    few, many = folders
    drawn_peak(few, fmt)  # the template compiled and every module loaded: not counted
    small, large = drawn_peak(few, fmt), drawn_peak(many, fmt)
    # Ten times the clients: what grows is each client's kept summary, never a bundle's
    # parse or the whole roll-up's text or dict.
    assert large - small < (MANY - FEW) * PER_CLIENT, (fmt, small, large)
