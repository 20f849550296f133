"""`report --share --include ID...`: a private item in this one report, for scripts.

Without a terminal `--share` includes nothing private and says on stderr how many
items it left out and how to include them; the ids are those `journal show` prints.
An unknown id is a usage error naming it. What is stored never changes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from belonging_cli import ask
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.weekly_answers import weekly_answers, write_answers

SECRET = "Lena told me the plan scares her"
FORMATS = ("md", "html", "json")


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)


@pytest.fixture
def reflected(cli: CliRunner, tmp_path: Path) -> str:
    path = write_answers(tmp_path, weekly_answers(**{"reflect.1": f"{SECRET} #private"}))
    assert cli("reflect", "--answers", str(path)).code == 0
    with open_journal() as journal:
        (session,) = journal.sessions()
    return f"{session.id[:8]}/reflect.1"


def test_without_a_terminal_share_says_how_many_were_left_out_and_how_to_include(
    cli: CliRunner, reflected: str
) -> None:
    result = cli("report", "--share")
    assert result.code == 0 and SECRET not in result.out
    assert re.search(r"\d+ private (item|note)s? left out", result.err)
    assert "--include" in result.err and "journal show" in result.err


def test_journal_show_names_the_id_of_a_private_answer(cli: CliRunner, reflected: str) -> None:
    result = cli("journal", "show", reflected.split("/")[0])
    assert result.code == 0, result.err
    assert reflected in result.out


@pytest.mark.parametrize("fmt", FORMATS)
def test_include_puts_one_private_item_in_this_report_only(
    cli: CliRunner, reflected: str, fmt: str
) -> None:
    result = cli("report", "--share", "--format", fmt, "--include", reflected)
    assert result.code == 0, result.err
    assert SECRET in result.out
    assert "Set the deadline myself" not in result.out  # the other private answers stay out
    assert SECRET not in cli("report", "--share", "--format", fmt).out
    with open_journal() as journal:
        stored = journal.sessions()[0].answer("reflect.1")
    assert stored is not None and stored.private


def test_include_is_repeatable(cli: CliRunner, reflected: str) -> None:
    control = reflected.replace("reflect.1", "control")
    result = cli("report", "--share", "--include", reflected, "--include", control)
    assert result.code == 0, result.err
    assert SECRET in result.out and "Set the deadline myself" in result.out


@pytest.mark.parametrize("bad", ["deadbeef/reflect.1", "x", "", "\x1b[31m"])
def test_an_unknown_id_is_a_usage_error_naming_it(cli: CliRunner, reflected: str, bad: str) -> None:
    result = cli("report", "--share", "--include", bad)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert "\x1b" not in result.err
    assert repr(bad.replace("\x1b", "")) in result.err or bad.replace("\x1b", "") in result.err


def test_include_needs_share(cli: CliRunner, reflected: str) -> None:
    result = cli("report", "--include", reflected)
    assert result.code == 2 and "--share" in result.err
