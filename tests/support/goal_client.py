"""One client with goals, built through the real CLI, and their shared bundle.

    bundle = goal_client(cli, tmp_path)   # a Path; frozen_at(TODAY) around the coach's command

Ana sets a goal on protect-time (2 when set -> 4 by 1 March 2027, with her words for
success) and one on prompt-insight she later drops; she reflects three Fridays
(protect-time 2, 3, 3; cultivate-belonging 2, 4, 2, a relapse) and drops the pack's
weekly rhythm with a reason.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from unittest import mock

from belonging_cli import ask
from support.cli import CliRunner
from support.three_clients import (
    PACK_IMPORTED,
    RHYTHM,
    TODAY,
    _import_pack,
    frozen_at,
    home_of,
    reflect,
    run,
)

SUCCESS = "Two afternoons a week with no meetings, kept"
DROPPED_SUCCESS = "Ask before I answer in every one-to-one"
DROP_REASON = "The quarter close leaves no evenings"
DUE = "2027-03-01"
FRIDAYS = (dt.date(2026, 11, 6), dt.date(2026, 11, 13), dt.date(2026, 11, 20))
LEVELS = (2, 3, 3)  # protect-time: the goal rises
FALLS = (2, 4, 2)  # cultivate-belonging: a relapse, down from 4 to 2


def goal_client(cli: CliRunner, folder: Path) -> Path:
    """Build Ana and share her bundle (made on TODAY); the bundle's path."""
    folder.mkdir(parents=True, exist_ok=True)
    with mock.patch.object(ask, "terminal_available", lambda: False), home_of(folder, "ana"):
        run(cli, "config", "set", "name", "Ana")
        _import_pack(cli, folder, "ana")
        with frozen_at(PACK_IMPORTED, hour=10):
            run(cli, "exercises", "drop", RHYTHM, "--reason", DROP_REASON)
        reflect(cli, folder, FRIDAYS[0], _pulse(0), "words")
        with frozen_at(FRIDAYS[0], hour=18):
            run(cli, "goals", "add", "protect-time", "--target", "4", "--by", DUE,
                "--success", SUCCESS)  # fmt: skip
            run(cli, "goals", "add", "prompt-insight", "--target", "3", "--by", DUE,
                "--success", DROPPED_SUCCESS)  # fmt: skip
        for n, friday in enumerate(FRIDAYS[1:], start=1):
            reflect(cli, folder, friday, _pulse(n), "words")
        with frozen_at(FRIDAYS[-1], hour=19):
            goals = json.loads(run(cli, "goals", "--json"))
            dropped = next(g for g in _items(goals) if g["behaviour_id"] == "prompt-insight")
            run(cli, "goals", "close", dropped["id"], "--dropped")
        out = folder / "ana.json"
        with frozen_at(TODAY):
            since = PACK_IMPORTED.isoformat()
            run(cli, "report", "--share", "--format", "json", "--since", since, "--out", str(out))
    return out


def _pulse(week: int) -> dict[str, Any]:
    return {"pulse.protect-time": LEVELS[week], "pulse.cultivate-belonging": FALLS[week]}


def _items(listed: Any) -> list[dict[str, Any]]:
    return list(listed["goals"] if isinstance(listed, dict) else listed)


def goal_bundle_data(folder: Path) -> dict[str, Any]:
    """Ana's shared bundle as data, built without a test's `cli` fixture (for a module's
    fixture, so a hostile corpus edits one bundle built once)."""
    import contextlib
    import io
    import os

    from belonging_cli import settings
    from belonging_cli.main import main
    from support.cli import Result

    def runner(*args: str) -> Result:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
        settings.install(None)
        return Result(code, out.getvalue(), err.getvalue())

    pinned = {"COLUMNS": "100", "NO_COLOR": "1", "TZ": "UTC"}
    with mock.patch.dict(os.environ, pinned):
        path = goal_client(runner, folder)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
