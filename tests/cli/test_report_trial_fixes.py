"""Fixes from a fresh-eyes trial of the reports (issue 14, part F), at the command line.

`belonging report` at a terminal draws every section the Markdown has (Highs and
lows, what followed the experiments, In your words), its ratings keep every word of
a title and every week of the trend at 60 columns as at 80, and the commands it
suggests keep the home the run was given.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.reports import command
from support.cli import CliRunner

SPARKS = re.compile(r"[▁▂▃▄▅▆▇█]+")
WORDS = re.compile(r"[\w'-]+")


@pytest.fixture
def demo(cli: CliRunner, tmp_path: Path) -> Path:
    home = tmp_path / "demo"
    assert cli("demo", str(home), "--weeks", "12").code == 0
    return home


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(command, "stdout_is_terminal", lambda: True)


def section(shown: str, heading: str) -> str:
    """The lines under `heading`, up to the next heading (a line with no indent that
    the report draws as one: here, the next section's name)."""
    start = shown.index(f"\n{heading}\n") + len(heading) + 2
    ends = [shown.find(f"\n{h}\n", start) for h in HEADINGS if h != heading]
    return shown[start : min([e for e in ends if e > 0] or [len(shown)])]


def quarter(cli: CliRunner, demo: Path) -> tuple[str, dict[str, Any]]:
    """The quarter's report as drawn, and as the JSON bundle (what it must show)."""
    shown = cli("--home", str(demo), "report", "--period", "quarter").out
    data = json.loads(
        cli("--home", str(demo), "report", "--period", "quarter", "--format", "json").out
    )
    return shown, data


HEADINGS = (
    "Ratings",
    "Highs and lows",
    "What moved your ratings",
    "Focus reflections",
    "Experiments",
    "Control or influence",
    "In your words",
    "Next week",
)


@pytest.mark.parametrize("columns", [60, 80])
def test_the_terminal_report_draws_every_section_the_markdown_has(
    cli: CliRunner, demo: Path, terminal: None, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    shown, data = quarter(cli, demo)
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= columns
    flat = " ".join(shown.split())  # words wrapped over lines read as one text
    highs = section(shown, "Highs and lows")
    for path in data["timeline"]:
        if len(path["stretches"]) > 1:
            assert " ".join(f"{path['title']}: {path['story']}.".split()) in " ".join(highs.split())
    for link in data["experiment_links"]:
        assert " ".join(link["text"].split()) in flat
    lead = {"rose": "Followed by a rise:", "same": "Followed by no rise:"}
    for effect in {link["effect"] for link in data["experiment_links"]}:
        assert lead.get(effect, "Followed by no rise:") in shown
    writing = data["writing"]
    assert "\nIn your words\n" in shown
    words = " ".join(section(shown, "In your words").split())
    for takeaway in writing["takeaways"]:
        assert " ".join(takeaway["text"].split()) in words
    for tag in writing["tags"]:
        assert f"{tag['tag']} ({tag['count']}:" in words
    for person in writing["people"]:
        assert f"{person['name']} ({person['count']})" in words


@pytest.mark.parametrize("columns", [60, 80])
def test_ratings_keep_every_word_and_every_week(
    cli: CliRunner, demo: Path, terminal: None, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    shown, data = quarter(cli, demo)
    ratings = section(shown, "Ratings")
    assert "…" not in ratings
    told = set(WORDS.findall(ratings))
    for rating in data["ratings"]:
        for word in WORDS.findall(rating["title"]):
            assert word in told, (word, ratings)
        if rating["latest_label"]:  # "Not yet" is two words
            assert set(WORDS.findall(rating["latest_label"])) <= told, rating["latest_label"]
    # Each behaviour's sparkline has one mark per rating in the period: 12, not 10.
    lines = SPARKS.findall(ratings)
    assert [len(s) for s in lines] == [len(r["series"]) for r in data["ratings"] if r["count"]]


def test_the_suggested_commands_keep_the_home_given(
    cli: CliRunner, demo: Path, terminal: None
) -> None:
    shown = cli("--home", str(demo), "report").out
    assert f"belonging --home {demo} report --out report.html" in " ".join(shown.split())
    progress = cli("--home", str(demo), "progress").out
    assert f"belonging --home {demo} report --format html --out report.html" in " ".join(
        progress.split()
    )


def test_the_suggested_full_report_keeps_the_period_shown(
    cli: CliRunner, demo: Path, terminal: None
) -> None:
    """A year's report on screen suggests a year's report with charts, not the default
    quarter's (a fresh-eyes trial ran `--period all` and was offered a quarter)."""
    for chosen in (["--period", "year"], ["--since", "2026-09-01", "--until", "2026-11-30"]):
        shown = " ".join(cli("--home", str(demo), "report", *chosen).out.split())
        wanted = " ".join(["report", *chosen, "--out", "report.html"])
        assert f"belonging --home {demo} {wanted}" in shown, shown[-300:]
    # The control-or-influence notes are labelled on screen as in the other formats.
    assert "Your latest notes:" in shown
