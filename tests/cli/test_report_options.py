"""`belonging report`'s options, every way of spelling them, and its usage mistakes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.cli import CliRunner as Cli
from support.startup import HEAVY, loaded_after


def without_time(text: str) -> str:
    return re.sub(r'"generated_at":"[^"]*"', "", text)


@pytest.fixture
def demo_home(cli: Cli, tmp_path: Path) -> Path:
    home = tmp_path / "demo"
    result = cli("demo", str(home), "--weeks", "8")
    assert result.code == 0, result.err
    return home


# Each form, and the same report asked for in the plainest spelling.
SPELLINGS = [
    (("--period", "all"), ("--period", "all")),
    (("--period=all", "--format", "html"), ("--period", "all", "--format", "html")),
    (("-f", "json", "--share"), ("--format", "json", "--share")),
    (("-fjson",), ("--format", "json")),
    (
        ("--period", "year", "-b", "2", "--behaviour=protect-time"),
        ("--period", "year", "--behaviour", "protect-time"),
    ),
    (
        ("--since", "2020-01-01", "--until", "2030-01-01", "--format=md"),
        ("--since", "2020-01-01", "--until", "2030-01-01", "--format", "md"),
    ),
]


@pytest.mark.parametrize(("args", "plain"), SPELLINGS)
def test_every_spelling_of_an_option_gives_the_same_report(
    cli: Cli, demo_home: Path, args: tuple[str, ...], plain: tuple[str, ...]
) -> None:
    spelled = cli("--home", str(demo_home), "report", *args)
    # --debug changes nothing but what an unexpected error shows.
    reference = cli("--debug", "--home", str(demo_home), "report", *plain)
    assert spelled.code == 0, spelled.err
    # JSON says when it was made, to the second.
    assert without_time(spelled.out) == without_time(reference.out)
    assert (spelled.code, spelled.err) == (reference.code, reference.err)


def test_a_report_written_to_a_file_is_private(cli: Cli, demo_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    result = cli("--home", str(demo_home), "report", "--out", str(out))
    assert result.code == 0
    assert "Report written to" in result.err
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert out.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--out", "{tmp}"], "is a directory"),
        (["--format", "pdf"], "unknown format 'pdf'"),
        (["--period"], "requires an argument"),
        (["--share=yes"], "does not take a value"),
        (["extra"], "unexpected extra argument"),
        (["--", "x"], "unexpected extra argument"),
        (["--template", "{tmp}"], "is a directory"),
    ],
)
def test_usage_mistakes_say_what_is_wrong_and_exit_2(
    cli: Cli, tmp_path: Path, args: list[str], says: str
) -> None:
    result = cli("report", *[a.format(tmp=tmp_path) for a in args])
    assert result.code == 2
    assert says in result.err
    assert result.out == ""


def test_a_json_report_loads_no_heavy_library(cli: Cli, demo_home: Path) -> None:
    args = ("--home", str(demo_home), "report", "--period", "all", "--format", "json")
    assert cli(*args).code == 0  # the first report caches the rubric's facts
    assert not loaded_after(*args) & HEAVY
