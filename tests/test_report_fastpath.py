"""`belonging report` answers its common forms without typer, exactly as typer would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from belonging_cli.reports.command import plain_options
from conftest import CliRunner as Cli
from test_startup import HEAVY, heavy_modules_after


def without_time(text: str) -> str:
    return re.sub(r'"generated_at":"[^"]*"', "", text)


@pytest.fixture
def demo_home(cli: Cli, tmp_path: Path) -> Path:
    home = tmp_path / "demo"
    result = cli("demo", str(home), "--weeks", "8")
    assert result.code == 0, result.err
    return home


@pytest.mark.parametrize(
    "args",
    [
        ("--period", "all"),
        ("--period=all", "--format", "html"),
        ("-f", "json", "--share"),
        ("--period", "year", "-b", "2", "--behaviour=protect-time"),
        ("--since", "2020-01-01", "--until", "2030-01-01", "--format=md"),
    ],
)
def test_the_fast_path_says_what_typer_says(
    cli: Cli, demo_home: Path, args: tuple[str, ...]
) -> None:
    # A leading --debug is not a fast form: the same report goes through typer.
    fast = cli("--home", str(demo_home), "report", *args)
    typer = cli("--debug", "--home", str(demo_home), "report", *args)
    assert fast.code == 0
    # JSON says when it was made, to the second.
    assert without_time(fast.out) == without_time(typer.out)
    assert (fast.code, fast.err) == (typer.code, typer.err)


def test_the_fast_path_writes_a_private_file(cli: Cli, demo_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    result = cli("--home", str(demo_home), "report", "--out", str(out))
    assert result.code == 0
    assert "Report written to" in result.err
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert out.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--template", "t.md"],
        ["--period"],
        ["--period", "--share"],
        ["--out", "."],
        ["-fjson"],
        ["--share=yes"],
        ["--", "x"],
        ["extra"],
    ],
)
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    assert plain_options(args) is None


def test_usage_mistakes_still_get_typers_messages(cli: Cli, tmp_path: Path) -> None:
    result = cli("report", "--out", str(tmp_path))
    assert result.code == 2
    assert "is a directory" in result.err
    result = cli("report", "--format", "pdf")
    assert result.code == 2
    assert "unknown format 'pdf'" in result.err


def test_a_report_skips_typer(cli: Cli, demo_home: Path) -> None:
    args = ("--home", str(demo_home), "report", "--period", "all", "--format", "json")
    assert cli(*args).code == 0  # the first report caches the rubric's facts
    assert heavy_modules_after(*args, heavy=(*HEAVY, "typer")) == []
