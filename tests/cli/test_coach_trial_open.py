"""Several experiments open at once: `status`, `progress` and `report` agree. A weekly
reflection and two runs of an exercise that sets one leave three open for the same
week; status shows one "(2 more open)", progress and the report list all three,
status's first, then the newest first."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from belonging_cli.reports import command
from support.cli import CliRunner
from support.coach_trial import WEEKLY, at, client, do_exercise, import_pack, reflect

FRIDAY = dt.date(2026, 11, 20)
SUNDAY = dt.date(2026, 11, 22)
TITLES = ("Guard Friday afternoon", "Say no to one meeting")


def _three_open(cli: CliRunner, folder: Path) -> None:
    import_pack(cli, dt.date(2026, 11, 2))
    reflect(cli, folder, on=FRIDAY)
    for n, title in enumerate(TITLES, start=1):  # Saturday, then Sunday: the same week
        day = FRIDAY + dt.timedelta(days=n)
        done = do_exercise(cli, folder, WEEKLY, {"kept-hour": 3, "next": title}, day)
        assert done.code == 0, done.err


def _experiment_lines(text: str, lead: str) -> list[str]:
    return [line for line in text.splitlines() if lead in line]


def test_status_progress_and_report_show_every_open_experiment(
    cli: CliRunner, tmp_path: Path
) -> None:
    with client(cli, tmp_path, "a"):
        _three_open(cli, tmp_path)
        status = at(cli, SUNDAY, "status", "--json")
        assert status.code == 0, status.err
        assert json.loads(status.out)["experiment"]["more_open"] == 2
        progress = at(cli, SUNDAY, "progress", "--json")
        report = json.loads(progress.out)
        shown = report["experiments"]["open_now"]
        assert report["experiments"]["open_total"] == 3 and len(shown) == 3
        assert [e["title"] for e in shown][1:] == list(reversed(TITLES))  # newest first
        assert shown[0]["title"] == report["experiments"]["open"]["title"]
        text = at(cli, SUNDAY, "progress").out
        for e in shown:
            assert e["title"] in text
        markdown = at(cli, SUNDAY, "report", "--format", "md").out
        html = at(cli, SUNDAY, "report", "--format", "html").out
        for e in shown:
            assert e["title"] in markdown.split("## Experiments", 1)[1]
            assert e["title"] in html.split('id="experiments"', 1)[1]


def test_at_a_terminal_the_report_lists_them_too(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(command, "stdout_is_terminal", lambda: True)
    with client(cli, tmp_path, "a"):
        _three_open(cli, tmp_path)
        drawn = at(cli, SUNDAY, "report").out
    section = drawn.split("Experiments", 1)[1].split("\n\n", 1)[0]
    assert "Open now: " in section
    for title in TITLES:
        (line,) = [x for x in section.splitlines() if title in x]
        assert line.startswith("Also open: ")
