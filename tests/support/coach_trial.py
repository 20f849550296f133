"""The fresh-eyes trial of issue 16, through the real CLI: a client's journal made by
the commands a client runs, on the days they run them, then shared as a bundle.

    with client(cli, tmp_path, "b"):
        reflect(cli, tmp_path, on=dt.date(2026, 12, 1), date=dt.date(2026, 11, 9))
        bundle = share(cli, tmp_path / "b.json", on=dt.date(2026, 12, 1))

The pack (tests/hostile/coach_trial/trial-pack.yaml) has `trial/hold-back`, done
once, whose `why-hard` is asked only when `how-hard` is "very hard", and
`trial/weekly-hour`, weekly for 3 weeks, which sets an experiment each time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

from belonging_cli import ask
from support.cli import CliRunner, Result
from support.places import REPO
from support.three_clients import _filled, frozen_at, home_of, run

PACK = REPO / "tests" / "hostile" / "coach_trial" / "trial-pack.yaml"
HOLD_BACK = "trial/hold-back"
WEEKLY = "trial/weekly-hour"


@contextlib.contextmanager
def client(cli: CliRunner, folder: Path, name: str) -> Iterator[Path]:
    """The commands inside run in `name`'s own home (the person named `name`
    capitalised), with no terminal; that home."""
    with home_of(folder, name) as home, mock.patch.object(ask, "terminal_available", lambda: False):
        (folder / name).mkdir(parents=True, exist_ok=True)
        run(cli, "config", "set", "name", name.capitalize())
        yield home


def at(cli: CliRunner, day: dt.date, *args: str) -> Result:
    """`belonging ARGS` run on `day` (whatever it says)."""
    with frozen_at(day):
        return cli(*args)


def import_pack(cli: CliRunner, on: dt.date) -> None:
    with frozen_at(on, hour=9):
        run(cli, "exercises", "import", str(PACK))


def reflect(cli: CliRunner, folder: Path, on: dt.date, date: dt.date | None = None) -> None:
    """The weekly reflection made on `on`, for the day `date` when given (`--date`)."""
    extra = ("--date", date.isoformat()) if date else ()
    with frozen_at(on):
        data = _filled(run(cli, "reflect", "--answers-template", *extra), {}, "A week")
        path = folder / f"reflect-{on}-{date}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        run(cli, "reflect", "--answers", str(path), *extra)


def do_exercise(
    cli: CliRunner, folder: Path, exercise: str, answers: dict[str, Any], on: dt.date
) -> Result:
    """`exercises do EXERCISE --answers FILE` on `on` (whatever it says)."""
    path = folder / f"{exercise.replace('/', '-')}-{on}.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}, allow_unicode=True), encoding="utf-8")
    return at(cli, on, "exercises", "do", exercise, "--answers", str(path))


def share(cli: CliRunner, out: Path, on: dt.date, since: str = "2026-10-01") -> Path:
    """The client's shared bundle, made on `on`."""
    with frozen_at(on):
        run(cli, "report", "--share", "--format", "json", "--since", since, "--out", str(out))
    return out
