"""A client who reflected back-dated weeks, all saved on one day, and a round collected
that day: through the real CLI (`reflect --answers` with `date:`, `feedback import`,
`report --share`), for tests of which self-rating stands beside others' view.

    bundle = backdated_client(cli, folder)   # the shared bundle's Path

Everything runs on SAVED_ON (1 December 2026), so every rating is saved that day,
whichever week it is for: the weeks are told apart only by their `date:`. Protect
time is rated 2, 3, 3, 4 on the four Fridays of November and not rated on 1 December;
cultivate belonging is rated 3, 3, 3, 3 and then 4 on 1 December. The round
(support/feedback_samples, collected 1 December) has others at 4.0 on protect time and
2.33 on belonging.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

from belonging_cli import ask
from support.cli import CliRunner
from support.feedback_journal import import_round
from support.feedback_samples import five_raters_three_groups
from support.three_clients import frozen_at, home_of, run

SAVED_ON = dt.date(2026, 12, 1)
FRIDAYS = tuple(dt.date(2026, 11, 6) + dt.timedelta(weeks=n) for n in range(4))
Pulse = dict[str, int | None]  # behaviour -> level (None: not seen that week)


def _pulse(time: int | None, belonging: int) -> Pulse:
    return {"protect-time": time, "cultivate-belonging": belonging}


# The day each reflection is for, and its pulse.
WEEKS: tuple[tuple[dt.date, Pulse], ...] = tuple(
    zip(
        (*FRIDAYS, SAVED_ON),
        (_pulse(2, 3), _pulse(3, 3), _pulse(3, 3), _pulse(4, 3), _pulse(None, 4)),
        strict=True,
    )
)


def reflect_for(cli: CliRunner, folder: Path, day: dt.date, pulse: Pulse) -> None:
    """One weekly reflection for `day`, saved today: the template's answers with `date:`."""
    printed = run(cli, "reflect", "--answers-template", "--all", "--date", day.isoformat())
    data: dict[str, Any] = yaml.safe_load(printed)
    data["date"] = day  # the day travels in the file (today's template names none)
    answers: dict[str, Any] = data["answers"]
    for key, value in list(answers.items()):
        if isinstance(value, dict) and value.get("text") == "":
            answers[key] = {**value, "text": "words"}
        elif value == "":
            answers[key] = "words"
    for behaviour, level in pulse.items():
        answers[f"pulse.{behaviour}"] = "not seen" if level is None else level
    path = folder / f"reflect-{day}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    # A second reflection in the week it is saved in is meant (--again).
    run(cli, "reflect", "--answers", str(path), "--all", "--again")


def backdated_client(cli: CliRunner, folder: Path) -> Path:
    """Build the client, import the round collected SAVED_ON, share a month's bundle."""
    folder.mkdir(parents=True, exist_ok=True)
    with (
        mock.patch.object(ask, "terminal_available", lambda: False),
        home_of(folder, "sam"),
        frozen_at(SAVED_ON),
    ):
        run(cli, "config", "set", "name", "Sam")
        for day, pulse in WEEKS:
            reflect_for(cli, folder, day, pulse)
        import_round(cli, folder, five_raters_three_groups(collected_on=SAVED_ON.isoformat()))
        out = folder / "sam.json"
        run(cli, "report", "--share", "--format", "json", "--period", "month", "--out", str(out))
    return out
