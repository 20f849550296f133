"""One client with a feedback round, built through the real CLI, and their shared bundle.

    bundle = feedback_client(cli, tmp_path)   # a Path; frozen_at(TODAY) around the coach's command

Sam reflects two Fridays (cultivate-belonging 4, protect-time 3 on the second, two
days before the round), imports the five raters' round (support/feedback_samples:
collected 20 November 2026, three direct reports: belonging 2.33, time 4.0) and shares
a bundle on TODAY: belonging is a blind spot (4 against 2.33), time a hidden strength.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from unittest import mock

from belonging_cli import ask
from support.built_once import bundle_data
from support.cli import CliRunner
from support.feedback_journal import import_round
from support.three_clients import TODAY, frozen_at, home_of, reflect, run

BELONGING = "Cultivate belonging"
TIME = "Protect time to reflect, experiment, engage and rest"
FRIDAYS = (dt.date(2026, 11, 13), dt.date(2026, 11, 18))
COLLECTED = dt.date(2026, 11, 20)


def feedback_client(cli: CliRunner, folder: Path, aggregate: dict[str, Any] | None = None) -> Path:
    """Build Sam (with `aggregate` as the round, default the five raters') and share
    the bundle made on TODAY; the bundle's path."""
    folder.mkdir(parents=True, exist_ok=True)
    with mock.patch.object(ask, "terminal_available", lambda: False), home_of(folder, "sam"):
        run(cli, "config", "set", "name", "Sam")
        for day, (belonging, time) in zip(FRIDAYS, ((3, 3), (4, 3)), strict=True):
            pulse = {"pulse.cultivate-belonging": belonging, "pulse.protect-time": time}
            reflect(cli, folder, day, pulse, "words")
        with frozen_at(COLLECTED, hour=20):
            import_round(cli, folder, aggregate)
        out = folder / "sam.json"
        with frozen_at(TODAY):
            run(cli, "report", "--share", "--format", "json", "--period", "month", "--out",
                str(out))  # fmt: skip
    return out


def feedback_bundle_data(folder: Path) -> dict[str, Any]:
    """Sam's shared bundle as data, built without a test's `cli` fixture (for a module's
    fixture, so a hostile corpus edits one bundle built once)."""
    return bundle_data(lambda cli: feedback_client(cli, folder))
