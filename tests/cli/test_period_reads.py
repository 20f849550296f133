"""A report of some weeks reads only its period (and the few sessions around it that its
figures speak of), and says exactly what it said when it read the whole journal.

The golden of each output is made in the same test by the whole-journal read
(`reports.command.load(..., whole=True)`: every record, every answer), over the demo's
journal and the hand-counted one: every format and period, `progress` (terminal and
JSON), and periods that end in the past (sessions after them are in the journal).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.records import JournalData
from belonging_cli.reports import command
from belonging_cli.reports.build import build_report
from belonging_cli.reports.model import Report
from support.cli import CliRunner, Result
from support.demo_home import demo_home
from support.known_journal import build_known_journal

PERIODS = (
    ("--period", "week"),
    ("--period", "month"),
    ("--period", "quarter"),
    ("--period", "year"),
    ("--period", "all"),  # read as a period too: only the answers the sections read
    (),  # the configured default
    ("--since", "2020-01-01"),
)
FORMATS = ("md", "html", "json")


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    root = tmp_path_factory.mktemp("period-reads")
    known = build_known_journal(root / "known")
    yield {"demo": demo_home(root, weeks=70), "known": known.home}


def whole_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, every report reads the whole journal (as before this change)."""
    monkeypatch.setattr(command, "load", functools.partial(command.load, whole=True))


def comparable(out: str, fmt: str) -> str:
    if fmt != "json":
        return out
    data = json.loads(out)
    data.pop("generated_at", None)
    return json.dumps(data, sort_keys=True)


def both(cli: CliRunner, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[Result, Result]:
    """(the period read's result, the whole read's) of one command."""
    mine = cli(*args)
    with monkeypatch.context() as patched:
        whole_read(patched)
        whole = cli(*args)
    return mine, whole


def same(cli: CliRunner, monkeypatch: pytest.MonkeyPatch, fmt: str, *args: str) -> Result:
    """One command says the same, to the byte (JSON: but its generated_at), both ways."""
    mine, whole = both(cli, monkeypatch, *args)
    assert (mine.code, mine.err) == (whole.code, whole.err)
    assert mine.code == 0
    assert comparable(mine.out, fmt) == comparable(whole.out, fmt)
    return mine


@pytest.mark.parametrize("journal", ["demo", "known"])
@pytest.mark.parametrize("period", PERIODS, ids=lambda p: "-".join(p) or "default")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_report_of_some_weeks_says_what_the_whole_journal_said(
    cli: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    homes: dict[str, Path],
    journal: str,
    period: tuple[str, ...],
    fmt: str,
) -> None:
    args = ("--home", str(homes[journal]), "report", *period, "--format", fmt)
    assert same(cli, monkeypatch, fmt, *args).err == ""


@pytest.mark.parametrize("journal", ["demo", "known"])
@pytest.mark.parametrize(
    "extra", [(), ("--json",), ("--period", "month"), ("--period", "year", "--json")]
)
def test_progress_says_what_the_whole_journal_said(
    cli: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    homes: dict[str, Path],
    journal: str,
    extra: tuple[str, ...],
) -> None:
    fmt = "json" if "--json" in extra else "text"
    args = ("--home", str(homes[journal]), "progress", *extra)
    assert same(cli, monkeypatch, fmt, *args).err == ""


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "window",
    [("2026-01-01", "2026-03-31"), ("2025-06-02", "2025-06-08"), ("2024-01-01", "2025-12-31")],
)
def test_a_period_in_the_past_reads_the_weeks_after_it_as_the_whole_read_does(
    cli: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    homes: dict[str, Path],
    fmt: str,
    window: tuple[str, str],
) -> None:
    """Sessions after the period: some figures (the self-rating nearest a feedback
    round) may read them, none may count them."""
    since, until = window
    args = ("--home", str(homes["demo"]), "report", "--since", since, "--until", until)
    same(cli, monkeypatch, fmt, *args, "--format", fmt)


def test_an_empty_period_says_when_the_last_reflection_was(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, homes: dict[str, Path]
) -> None:
    args = (
        "--home",
        str(homes["known"]),
        "report",
        "--since",
        "2001-01-01",
        "--until",
        "2001-02-01",
    )
    mine, whole = both(cli, monkeypatch, *args)
    assert mine.err == whole.err and "Your last one was on" in mine.err
    assert mine.code == whole.code == 0


@pytest.mark.parametrize(
    "command_args", [("report",), ("progress",), ("report", "--period", "month")]
)
def test_a_report_of_some_weeks_builds_from_those_weeks_not_the_journal(
    cli: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    homes: dict[str, Path],
    command_args: tuple[str, ...],
) -> None:
    """The demo's 70 weeks, one reflection a week: a quarter's report is made from the
    quarter's sessions and, before it, at most a week for each of the rubric's ten
    behaviours (its latest rating, its latest focus) and two with a review, not from
    every session."""
    seen: list[int] = []
    real = build_report

    def counting(data: JournalData, *args: Any, **kwargs: Any) -> Report:
        seen.append(len(data.sessions))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(command, "build_report", counting)
    done = cli("--home", str(homes["demo"]), *command_args)
    assert done.code == 0, done.err
    weeks = {"report": 12, "progress": 12}.get(command_args[-1], 4)
    assert seen and seen[0] <= weeks + 10 + 2 < 70


@pytest.mark.parametrize("share", [False, True], ids=["own", "shared"])
def test_a_client_with_a_coachs_exercise_reads_only_what_it_shows_and_says_the_same(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, share: bool
) -> None:
    """Exercise sessions, takeaways, reviews and the pack's answers: every answer a
    section reads is read (the whole journal's report is the golden)."""
    from unittest import mock

    from belonging_cli import ask
    from support.three_clients import BUILDERS, TODAY, frozen_at, home_of

    with mock.patch.object(ask, "terminal_available", lambda: False), home_of(tmp_path, "maya"):
        (tmp_path / "maya").mkdir()
        BUILDERS["maya"](cli, tmp_path / "maya")
        with frozen_at(TODAY):
            for fmt in FORMATS:
                for period in ("all", "quarter"):
                    args = ["report", "--period", period, "--format", fmt]
                    same(cli, monkeypatch, fmt, *args, *(["--share"] if share else []))
