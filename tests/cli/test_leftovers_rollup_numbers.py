"""The roll-up shows an average as the reports do (issue 16): one decimal, rounded half
up (reports/words.one_decimal, the one rule), in md and html; json keeps the figure
as computed (two places), for a coach's own tools to round as they like."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from belonging_cli.coaching.samples import sample_bundle
from support.cli import CliRunner
from support.coach_runs import coach
from support.feedback_client import BELONGING, TIME, feedback_client
from support.three_clients import TODAY

# Four clients' latest level of cultivate-belonging: an average of 3.25, a spread
# (population sd) of 0.433. Half up, 3.25 is 3.3 (Python's round and "%.1f" say 3.2).
LATEST = (3, 3, 3, 4)


def write_clients(folder: Path) -> list[Path]:
    paths = []
    for seed, level in enumerate(LATEST):
        data = sample_bundle(f"Client {seed}", seed, TODAY)
        data["shared"] = True
        belonging = data["ratings"][0]
        assert belonging["behaviour_id"] == "cultivate-belonging"
        belonging["series"][-1]["level"] = belonging["latest"] = level
        path = folder / f"client{seed}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


def belonging_row(out: str) -> str:
    """The behaviour's row across clients (the first table; each client's comes later)."""
    return next(x for x in out.splitlines() if x.startswith(("| Cultivate", "<tr><td>Cultivate")))


def test_the_markdown_roll_up_shows_an_average_to_one_decimal(
    cli: CliRunner, tmp_path: Path
) -> None:
    out = coach(cli, "summary", *map(str, write_clients(tmp_path)), "--format", "md")
    assert belonging_row(out) == "| Cultivate belonging | 4 | 3.3 | 3 | 4 | 0.4 |"


def test_the_html_roll_up_shows_an_average_to_one_decimal(cli: CliRunner, tmp_path: Path) -> None:
    out = coach(cli, "summary", *map(str, write_clients(tmp_path)), "--format", "html")
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", belonging_row(out))
    assert cells == ["Cultivate belonging", "4", "3.3", "3", "4", "0.4"]


def test_the_json_roll_up_keeps_the_figures_as_computed(cli: CliRunner, tmp_path: Path) -> None:
    out = coach(cli, "summary", *map(str, write_clients(tmp_path)), "--format", "json")
    (belonging,) = [b for b in json.loads(out)["behaviours"] if b["title"] == BELONGING]
    assert (belonging["average"], belonging["stdev"]) == (3.25, 0.43)


def test_no_fraction_in_a_roll_up_is_drawn_with_more_than_one_decimal(
    cli: CliRunner, tmp_path: Path
) -> None:
    files = [tmp_path / f"c{seed}.json" for seed in range(5)]  # averages of all kinds
    for seed, path in enumerate(files):
        data = {**sample_bundle(f"C{seed}", seed, TODAY - dt.timedelta(days=seed)), "shared": True}
        path.write_text(json.dumps(data), encoding="utf-8")
    for fmt in ("md", "html"):
        out = coach(cli, "summary", *map(str, files), "--format", fmt)
        assert re.findall(r"(?<![\w.-])\d+\.\d{2,}(?![\w.-])", out) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_others_view_in_the_roll_up_and_the_prep_sheet_is_the_reports_figure(
    cli: CliRunner, tmp_path: Path, fmt: str
) -> None:
    """Others' average of 2.33 reads 2.3, and 4.0 reads 4.0, as in the client's report."""
    bundle = feedback_client(cli, tmp_path / "clients")
    for command in ("summary", "prep"):
        out = coach(cli, command, str(bundle), "--format", fmt)
        assert f"{BELONGING} (you 4, others 2.3)" in out
        assert f"{TIME} (you 3, others 4.0)" in out
        assert "2.33" not in out
