"""A few dozen real bundles for the roll-up's speed tests: `belonging report --share`
of demo journals and of the three clients (support/three_clients.py), copied under
new client names, all made on TODAY so every run makes the same files.

    paths = share_bundles(cli, tmp_path)   # 36 bundle paths, in roll-up order
"""

from __future__ import annotations

import json
from pathlib import Path

from support.cli import CliRunner
from support.three_clients import TODAY, frozen_at, home_of, run, three_clients

DEMO_WEEKS = (5, 13, 30)  # shorter than the report's quarter, about one, longer
COPIES = 36


def _demo_bundles(cli: CliRunner, folder: Path) -> list[Path]:
    found = []
    for weeks in DEMO_WEEKS:
        name = f"demo{weeks}"
        demo = folder / name / "demo" / "home"  # home_of(folder / name, "demo")
        with frozen_at(TODAY), home_of(folder, name):  # the demo needs a folder of its own
            run(cli, "demo", str(demo), "--weeks", str(weeks))
        with frozen_at(TODAY), home_of(folder / name, "demo"):
            out = folder / f"{name}.json"
            run(cli, "report", "--share", "--format", "json", "--out", str(out))
        found.append(out)
    return found


def share_bundles(cli: CliRunner, folder: Path, copies: int = COPIES) -> list[Path]:
    """`copies` shared bundles: the originals, then each again as another client (every
    third one without a name, so the roll-up names it after its file)."""
    made = folder / "made"
    made.mkdir(parents=True)
    originals = [*three_clients(cli, made).values(), *_demo_bundles(cli, made)]
    texts = [json.loads(path.read_text(encoding="utf-8")) for path in originals]
    out = folder / "bundles"
    out.mkdir()
    paths = []
    for n in range(copies):
        data = texts[n % len(texts)]
        data["person"] = {"name": None if n % 3 == 2 else f"Client {n:02d}"}
        path = out / f"client-{n:02d}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths
