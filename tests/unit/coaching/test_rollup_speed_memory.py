"""A roll-up drawn in any format needs about the memory of one bundle, not of all of them
(issue 19): each client is written out as it comes (JSON included: no dict of every
client before the text), and what is kept of each client between reading and drawing
is small (a summary's few lines, not its bundle's objects)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from belonging_cli.coaching.render import FORMATS
from belonging_cli.coaching.samples import sample_bundle

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


# Measured in a process of its own: tracemalloc counts every thread, and a thread an
# earlier test left (a browser's, a pty's) allocating here made this test fail now and
# then (as the bundles' memory test in tests/e2e/security did). The first roll-up, of
# the few, untraced, compiles the template and loads every module.
PEAKS = """
import datetime as dt, json, sys, tracemalloc
from pathlib import Path
from belonging_cli.coaching.bundle import read_each
from belonging_cli.coaching.render import chunks
from belonging_cli.coaching.rollup import build_rollup, shared_only
fmt, end, listing = sys.argv[1], dt.date.fromisoformat(sys.argv[2]), json.loads(sys.argv[3])

def peak(paths):
    problems = []
    tracemalloc.start()
    try:
        rollup = build_rollup(shared_only(read_each(paths, problems), problems), end)
        written = sum(len(piece) for piece in chunks(rollup, fmt))
        found = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert written and not problems, problems
    return found

few, many = ([Path(p) for p in group] for group in listing)
peak(few)
print(json.dumps([peak(few), peak(many)]))
"""


def drawn_peaks(few: list[Path], many: list[Path], fmt: str) -> tuple[int, int]:
    """The most memory held at once from reading the bundles to the last byte drawn,
    for the few and for the many."""
    listing = json.dumps([[str(p) for p in few], [str(p) for p in many]])
    command = [sys.executable, "-c", PEAKS, fmt, END.isoformat(), listing]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    small, large = json.loads(done.stdout.splitlines()[-1])
    return int(small), int(large)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    root = tmp_path_factory.mktemp("rollup-memory")
    return bundles(root / "few", FEW), bundles(root / "many", MANY)


@pytest.mark.parametrize("fmt", FORMATS)
def test_ten_times_the_clients_keep_only_their_small_summaries(
    folders: tuple[list[Path], list[Path]], fmt: str
) -> None:
    small, large = drawn_peaks(*folders, fmt)
    # Ten times the clients: what grows is each client's kept summary, never a bundle's
    # parse or the whole roll-up's text or dict.
    assert large - small < (MANY - FEW) * PER_CLIENT, (fmt, small, large)
