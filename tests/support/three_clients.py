"""Three clients of one coach, built through the real CLI over a four-week engagement.

    from support.three_clients import TODAY, three_clients

    bundles = three_clients(cli, tmp_path)      # {"maya": Path, "dev": Path, "priya": Path}
    cli("coach", "summary", *map(str, bundles.values()))   # with `frozen_at(TODAY)` around it

Each client has their own BELONGING_HOME under `folder`; every command runs with the
clock frozen on the day it happens (the pack imported Monday 2 November 2026,
reflections on Fridays, bundles shared Tuesday 1 December). Answers files are made
from the tool's own `--answers-template`, so a flow's new step is answered with the
template's own value.

- **maya** works: reflects every week, her ratings climb, she tries each experiment
  and says what she learned, does `ask-dont-tell` (a shared answer and a private one).
- **dev** drops `weekly-rhythm` with a reason, reflects twice, then goes quiet.
- **priya** relapses: protect-time climbs 2, 3, 4 and falls back to 2; she does not
  try her experiment twice in a row.

Private words each client wrote are in `PRIVATE`: no roll-up may show them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

from belonging_cli import ask, clock
from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from support.cli import CliRunner
from support.places import REPO

PACK_IMPORTED = dt.date(2026, 11, 2)  # a Monday: coaching starts
TODAY = dt.date(2026, 12, 1)  # a Tuesday: the bundles are shared, the coach rolls up
FRIDAYS = tuple(dt.date(2026, 11, 6) + dt.timedelta(weeks=n) for n in range(4))
PACK_ID = "first-month"
ASK = f"{PACK_ID}/ask-dont-tell"
RHYTHM = f"{PACK_ID}/weekly-rhythm"

DROP_REASON = "Board prep takes every evening until January"
# Words each client shared; the roll-up shows them.
SHARED = {
    "maya": (
        "They found the answer themselves",  # an exercise answer
        "People answer each other when I hold back",  # what she learned
        "Waiting for others made the room talk",  # a takeaway
        "I stayed quiet until everyone spoke",  # rating evidence
    ),
    "dev": ("Too many meetings to think",),
    "priya": ("Deadline week again",),
}
# Words each client kept private; nothing a coach reads may hold them.
PRIVATE = (
    "Priya, who rarely speaks",
    "secret-reflection-maya",
    "secret-reflection-dev",
    "secret-reflection-priya",
    "secret-happened-maya",
)

# Weekly levels, one a Friday (None: did not reflect that week).
LEVELS: dict[str, dict[str, tuple[int | None, ...]]] = {
    "maya": {
        "cultivate-belonging": (2, 3, 3, 4),
        "protect-time": (3, 3, 3, 3),
        "prompt-insight": (2, 2, 3, 4),
    },
    "dev": {
        "cultivate-belonging": (3, 3, None, None),
        "protect-time": (2, 2, None, None),
        "prompt-insight": (3, 3, None, None),
    },
    "priya": {
        "cultivate-belonging": (3, 3, 3, 3),
        "protect-time": (2, 3, 4, 2),
        "prompt-insight": (3, 3, 3, 3),
    },
}


@contextlib.contextmanager
def frozen_at(day: dt.date, hour: int = 17) -> Iterator[None]:
    """Every command inside runs as if it were `day` at `hour` (UTC, as tests pin TZ)."""
    moment = dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.timezone.utc)

    def fixed(zone: dt.tzinfo | None = None) -> dt.datetime:
        return moment.astimezone(zone)

    with mock.patch.object(clock, "now", fixed):
        yield


@contextlib.contextmanager
def home_of(folder: Path, name: str) -> Iterator[Path]:
    """BELONGING_HOME is this client's own for the commands inside."""
    home = folder / name / "home"
    before = os.environ.get("BELONGING_HOME")
    os.environ["BELONGING_HOME"] = str(home)
    try:
        yield home
    finally:
        if before is None:
            del os.environ["BELONGING_HOME"]
        else:
            os.environ["BELONGING_HOME"] = before


def run(cli: CliRunner, *args: str) -> str:
    done = cli(*args)
    assert done.code == 0, f"{' '.join(args)}: {done.err}"
    return done.out


def _filled(template: str, changed: dict[str, Any], filler: str) -> dict[str, Any]:
    """The template's answers with `changed` applied; empty words get `filler`."""
    data: dict[str, Any] = yaml.safe_load(template)
    answers: dict[str, Any] = data["answers"]
    for key, value in list(answers.items()):
        if isinstance(value, dict) and value.get("text") == "":
            answers[key] = {**value, "text": filler}
        elif value == "":
            answers[key] = filler
    answers.update(changed)
    return data


def reflect(
    cli: CliRunner, folder: Path, day: dt.date, changed: dict[str, Any], filler: str
) -> None:
    """One weekly reflection on `day`, answered from the template."""
    with frozen_at(day):
        data = _filled(run(cli, "reflect", "--answers-template", "--all"), changed, filler)
        path = folder / f"reflect-{day}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        run(cli, "reflect", "--answers", str(path), "--all")


def _week(client: str, index: int) -> dict[str, Any]:
    """The pulse for one Friday: `not seen` for behaviours not listed."""
    return {
        f"pulse.{behaviour}": levels[index]
        for behaviour, levels in LEVELS[client].items()
        if levels[index] is not None
    }


def _import_pack(cli: CliRunner, folder: Path, client: str) -> None:
    pack = folder / f"pack-{client}.yaml"
    pack.write_text(example_pack(load_rubric(REPO / "rubrics")), encoding="utf-8")
    with frozen_at(PACK_IMPORTED, hour=9):
        run(cli, "exercises", "import", str(pack))


def _do_ask(cli: CliRunner, folder: Path, day: dt.date, answers: dict[str, Any]) -> None:
    path = folder / "ask.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}, allow_unicode=True), encoding="utf-8")
    with frozen_at(day):
        run(cli, "exercises", "do", ASK, "--answers", str(path))


def _share(cli: CliRunner, out: Path) -> Path:
    with frozen_at(TODAY):
        since = PACK_IMPORTED.isoformat()
        run(cli, "report", "--share", "--format", "json", "--since", since, "--out", str(out))
    return out


def _maya(cli: CliRunner, folder: Path) -> None:
    _import_pack(cli, folder, "maya")
    for n, friday in enumerate(FRIDAYS):
        changed = {
            **_week("maya", n),
            "next-experiment": "Wait for two others before I speak",
            "takeaway": "A week of small steps",  # shared, like every takeaway
        }
        if n == 3:
            changed["pulse.cultivate-belonging"] = {
                "level": 4,
                "evidence": SHARED["maya"][3],
                "private": False,
            }
            changed["takeaway"] = SHARED["maya"][2]
        if n > 0:
            changed["review"] = "tried"
            changed["review.happened"] = "secret-happened-maya"
            changed["review.learned"] = {"text": SHARED["maya"][1], "private": False}
        reflect(cli, folder, friday, changed, "secret-reflection-maya")
    _do_ask(
        cli,
        folder,
        dt.date(2026, 11, 10),
        {
            "what-happened": {"text": SHARED["maya"][0], "private": False},
            "who": "Priya, who rarely speaks",  # private by the pack
            "how-hard": "somewhat hard",
            "again": True,
        },
    )


def _dev(cli: CliRunner, folder: Path) -> None:
    _import_pack(cli, folder, "dev")
    with frozen_at(dt.date(2026, 11, 9)):
        run(cli, "exercises", "drop", RHYTHM, "--reason", DROP_REASON)
    for n, friday in enumerate(FRIDAYS[:2]):
        changed: dict[str, Any] = {**_week("dev", n), "takeaway": SHARED["dev"][0]}
        if n > 0:
            changed["review"] = "partly"
            changed["review.happened"] = "secret-reflection-dev"
            changed["review.learned"] = {"text": SHARED["dev"][0], "private": False}
        reflect(cli, folder, friday, changed, "secret-reflection-dev")


def _priya(cli: CliRunner, folder: Path) -> None:
    _import_pack(cli, folder, "priya")
    for n, friday in enumerate(FRIDAYS):
        changed: dict[str, Any] = {**_week("priya", n), "takeaway": SHARED["priya"][0]}
        if n > 0:  # tried once, then not twice in a row: weeks 3 and 4
            changed["review"] = "tried" if n == 1 else "not_tried"
            changed["review.happened"] = "secret-reflection-priya"
            changed["review.learned"] = "secret-reflection-priya"
        reflect(cli, folder, friday, changed, "secret-reflection-priya")


BUILDERS = {"maya": _maya, "dev": _dev, "priya": _priya}


def three_clients(cli: CliRunner, folder: Path) -> dict[str, Path]:
    """Build the three clients and share their bundles; name -> the bundle's path."""
    found: dict[str, Path] = {}
    with mock.patch.object(ask, "terminal_available", lambda: False):
        for name, build in BUILDERS.items():
            client = folder / name
            client.mkdir(parents=True, exist_ok=True)
            with home_of(folder, name):
                run(cli, "config", "set", "name", name.capitalize())
                build(cli, client)
                found[name] = _share(cli, folder / f"{name}.json")
    return found
